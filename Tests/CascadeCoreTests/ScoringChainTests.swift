import CascadeTestSupport
import Testing

@testable import CascadeCore

/// Issue 8 (defect 10): scoring a chain of `aggregate: sum` key results, each summing the next,
/// was quadratic (every sum re-summed the whole chain below it) and recursive (a stack frame per
/// link). Each value is now worked out once, with explicit stacks; these tests prove the results
/// on chains far deeper than any stack of recursive calls on a test's worker thread would allow.
@Suite struct ScoringChainTests {
  /// `count` units in a parent chain; each objective aligns to (and rolls up from) the one above,
  /// each key result but the last sums the one below. `loop`: the first also counts in the last.
  static func chain(_ count: Int, loop: Bool = false) -> String {
    var yaml = ""
    yaml.reserveCapacity(count * 300)
    for i in 0..<count {
      if i > 0 { yaml += "---\n" }
      yaml += "unit: u\(i)\nname: Unit \(i)\nlevel: \(i == 0 ? "company" : "team")\n"
      if i > 0 { yaml += "parent: u\(i - 1)\n" }
      yaml += "cycle: 2027-Q1\nobjectives:\n  - id: o\n    title: Grow revenue\n    rollup: children\n"
      if i > 0 { yaml += "    aligns_to: u\(i - 1)/o\n" }
      yaml += "    key_results:\n      - {id: k, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD"
      if i < count - 1 { yaml += ", aggregate: sum" }
      if i > 0 { yaml += ", contributes_to: u\(i - 1)/o/k" }
      if loop, i == 0 { yaml += ", contributes_to: u\(count - 1)/o/k" }
      yaml += "}\n"
    }
    return yaml
  }

  static func score(_ yaml: String, _ rows: [String]) throws -> (LintResult, Scorecard) {
    let csv = (["date,key_result,value,confidence,note,author"] + rows).joined(separator: "\n") + "\n"
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", yaml), ("checkins.csv", csv)]))
    return (result, Scorer.score(result, asOf: try #require(Day(iso: "2027-02-15"))))
  }

  @Test func aTwentyThousandUnitChainSumsToTheBottomValue() throws {
    let count = 20_000
    let (result, card) = try Self.score(Self.chain(count), ["2027-02-01,u\(count - 1)/o/k,42,0.9,,"])
    #expect(result.plan.units.count == count)
    #expect(card.keyResults.count == count)
    #expect(card.keyResults.allSatisfy { $0.current == 42 && $0.progress == 0.42 })
    // Each sum shows one contributor and the one check-in behind the whole chain.
    #expect(card.keyResults.dropLast().allSatisfy { $0.summed.count == 1 && $0.used.count == 1 })
    #expect(card.keyResults[0].used.first?.line == 2)
    // Every objective rolls up from the one below it: the bottom's key result score reaches the top.
    #expect(card.objectives.count == count)
    #expect(card.objectives.allSatisfy { $0.score == 0.42 })
    #expect(card.objectives.dropLast().allSatisfy { !$0.fellBack && $0.items.count == 1 })
    #expect(card.objectives.last?.fellBack == true)  // the bottom has no child to roll up from
    #expect(card.units.allSatisfy { $0.score == 0.42 })
  }

  @Test func aChainWithoutCheckInsHasNoValue() throws {
    let (_, card) = try Self.score(Self.chain(5_000), [])
    #expect(card.keyResults.allSatisfy { $0.current == nil && $0.status == .notStarted })
  }

  @Test func aLoopedChainCompletesAndCountsTheLoopAtItsBaseline() throws {
    let count = 20_000
    // The last key result sums the first, which sums its way down to the last again.
    let yaml = Self.chain(count, loop: true).replacingOccurrences(
      "unit: USD, contributes_to: u\(count - 2)/o/k}", "unit: USD, aggregate: sum, contributes_to: u\(count - 2)/o/k}")
    let (_, card) = try Self.score(yaml, ["2027-02-01,u0/o/k,7,,,"])
    #expect(card.keyResults.count == count)
    // No key result has a check-in of its own below the top: the loop is cut at the first sum
    // met again, which counts at its baseline (0).
    #expect(card.keyResults.allSatisfy { $0.current == nil || $0.current == 0 })
  }

  @Test func sumsNestedInParallelAreEachWorkedOutOnce() throws {
    // A diamond: the top sums a and b, both of which sum c; c's value counts twice.
    let yaml = """
      unit: top
      name: Top
      level: company
      cycle: 2027-Q1
      objectives:
        - id: o
          title: Grow
          key_results:
            - {id: k, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD, aggregate: sum}
            - {id: a, title: Revenue from 0 to 50, baseline: 0, target: 50, unit: USD, aggregate: sum, contributes_to: top/o/k}
            - {id: b, title: Revenue from 0 to 50, baseline: 0, target: 50, unit: USD, aggregate: sum, contributes_to: top/o/k}
            - {id: c, title: Revenue from 0 to 50, baseline: 0, target: 50, unit: USD, contributes_to: [top/o/a, top/o/b]}
      """
    let (_, card) = try Self.score(yaml, ["2027-02-01,top/o/c,20,,,"])
    #expect(card.keyResults.map(\.current) == [40, 20, 20, 20])
  }
}

/// `PlanIndex.contributors(to:)` reads one group of links per key result (it used to scan
/// every link into the objective, once per key result).
@Suite struct ContributorIndexTests {
  @Test func contributorsAreTheLinksNamingThatKeyResultInPlanOrder() throws {
    let yaml = """
      unit: top
      name: Top
      level: company
      cycle: 2027-Q1
      objectives:
        - id: o
          title: Grow
          key_results:
            - {id: a, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD, aggregate: sum}
            - {id: b, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD, aggregate: sum}
            - {id: c, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD, aggregate: sum}
      ---
      unit: east
      name: East
      level: department
      parent: top
      cycle: 2027-Q1
      objectives:
        - id: o
          title: Sell
          aligns_to: top/o
          key_results:
            - {id: x, title: Revenue from 0 to 50, baseline: 0, target: 50, unit: USD, contributes_to: [top/o/b, top/o/a]}
            - {id: y, title: Revenue from 0 to 50, baseline: 0, target: 50, unit: USD, contributes_to: [top/o, top/o/b, top/o/zz]}
      ---
      unit: west
      name: West
      level: department
      parent: top
      cycle: 2027-Q1
      objectives:
        - id: o
          title: Sell
          aligns_to: top/o/c
          key_results:
            - {id: z, title: Revenue from 0 to 50, baseline: 0, target: 50, unit: USD, contributes_to: top/o/b}
      """
    let (result, card) = try ScoringChainTests.score(yaml, ["2027-02-01,east/o/x,10,,,", "2027-02-01,west/o/z,5,,,"])
    let index = result.index
    let top = ObjectiveAddress(unit: 0, objective: 0)
    let east = ObjectiveAddress(unit: 1, objective: 0)
    let west = ObjectiveAddress(unit: 2, objective: 0)
    #expect(index.contributors(to: KeyResultAddress(top, 0)) == [KeyResultAddress(east, 0)])
    #expect(
      index.contributors(to: KeyResultAddress(top, 1))
        == [KeyResultAddress(east, 0), KeyResultAddress(east, 1), KeyResultAddress(west, 0)])
    #expect(index.contributors(to: KeyResultAddress(top, 2)).isEmpty)
    #expect(index.contributors(to: KeyResultAddress(east, 0)).isEmpty)
    #expect(card.keyResults.prefix(3).map(\.current) == [10, 15, nil])
  }
}
