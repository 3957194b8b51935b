import CascadeTestSupport
import Testing

@testable import CascadeCore

/// Found in QA and review: a key result listing the same `contributes_to` target twice was
/// summed twice by `aggregate: sum`; a mapping with many unknown keys was checked for
/// duplicates in quadratic time.
@Suite struct RepeatedLinkTests {
  @Test func aRepeatedContributionIsSummedOnce() throws {
    let plan = """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow revenue
          key_results:
            - {id: rev, title: Revenue from 0 to 10 $M, baseline: 0, target: 10, unit: $M, aggregate: sum}
      ---
      unit: sales
      name: Sales
      level: department
      parent: acme
      cycle: 2027-Q1
      objectives:
        - id: win
          title: Win deals
          aligns_to: acme/grow
          key_results:
            - id: a
              title: Revenue from 0 to 5 $M
              baseline: 0
              target: 5
              unit: $M
              contributes_to: [acme/grow/rev, acme/grow/rev]
      """
    let checkIns = "date,key_result,value,confidence,note,author\n2027-02-01,sales/win/a,4,,,\n"
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", plan), ("checkins.csv", checkIns)]))
    let card = Scorer.score(result, asOf: try #require(Day(iso: "2027-02-15")))
    let rev = try #require(card.keyResults.first { $0.reference == "acme/grow/rev" })
    #expect(rev.current == 4)
    #expect(rev.summed.count == 1)
  }

  @Test func manyUnknownKeysAreCheckedForDuplicatesInOnePass() {
    var yaml = "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives: []\n"
    for n in 0..<20_000 { yaml += "k\(n): 1\n" }
    yaml += "k7: 2\nk19999: 3\n"
    let loaded = PlanLoader.load(inMemory: [("plan.yaml", yaml)])
    let duplicates = loaded.diagnostics.filter { $0.rule == "duplicate-key" }
    #expect(duplicates.map(\.location.line) == [20_006, 20_007])
    #expect(duplicates.first?.message.en.contains("line 13") == true)
  }
}
