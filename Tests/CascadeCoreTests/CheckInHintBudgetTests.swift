import CascadeTestSupport
import Testing

@testable import CascadeCore

/// A checkins.csv of thousands of unknown references must not search the whole plan for a
/// "did you mean" hint on each (that was quadratic in plan and file size): hints are looked up
/// once per distinct reference, for the first `Hints.maxLookups` of them, in file order.
@Suite struct CheckInHintBudgetTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow revenue
        key_results:
          - {id: revenue, title: Revenue from 5 to 6 $M, baseline: 5, target: 6, unit: $M}
    """

  @Test func hintsStopAfterTheBudgetAndRepeatsReuseThem() {
    var csv = "date,key_result,value,confidence,note,author\n"
    let distinct = Hints.maxLookups + 50
    for n in 0..<distinct { csv += "2027-01-10,acme/grow/revenu\(n % 10)x\(n),5,,,\n" }
    csv += "2027-01-11,acme/grow/revenu0x0,5,,,\n"  // the first one again, after the budget
    let loaded = PlanLoader.load(inMemory: [("acme.yaml", Self.plan), ("checkins.csv", csv)])
    let log = CheckInLog(PlanIndex(loaded.plan))
    let unknown = log.diagnostics.filter { $0.rule == "checkin-unknown-ref" }
    #expect(unknown.count == distinct + 1)
    let hinted = unknown.map { $0.message.en.contains("did you mean 'acme/grow/revenue'") }
    #expect(hinted.prefix(Hints.maxLookups).allSatisfy { $0 })
    #expect(hinted.dropFirst(Hints.maxLookups).dropLast().allSatisfy { !$0 })
    #expect(hinted.last == true, "a reference seen before keeps its hint")
    #expect(unknown.allSatisfy { $0.location.line > 1 && $0.location.column == 12 })
  }
}
