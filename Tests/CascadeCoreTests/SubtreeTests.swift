import CascadeTestSupport
import Testing

@testable import CascadeCore

/// A unit with everything below it (the meeting page's and the split pages' unit boxes): the
/// weighted score of all their objectives, and the key results off track, at risk and stale.
@Suite struct SubtreeTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: k, title: Revenue from 0 to 100, baseline: 0, target: 100}
    ---
    unit: team
    name: Team
    level: team
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: a
        title: A
        weight: 3
        aligns_to: acme/grow
        key_results:
          - {id: k, title: Deals from 0 to 10, baseline: 0, target: 10}
    ---
    unit: ann
    name: Ann
    level: individual
    parent: team
    cycle: 2027-Q1
    objectives:
      - id: b
        title: B
        aligns_to: team/a
        key_results:
          - {id: k, title: Calls from 0 to 100, baseline: 0, target: 100}
          - {id: j, title: Visits from 0 to 100, baseline: 0, target: 100}
    ---
    unit: loop-a
    name: Loop A
    level: team
    parent: loop-b
    cycle: 2027-Q1
    objectives: []
    ---
    unit: loop-b
    name: Loop B
    level: team
    parent: loop-a
    cycle: 2027-Q1
    objectives: []
    """

  static func subtrees(_ rows: [String]) throws -> (LintResult, [SubtreeScore]) {
    let csv = (["date,key_result,value,confidence,note,author"] + rows).joined(separator: "\n") + "\n"
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", plan), ("checkins.csv", csv)]))
    let card = Scorer.score(result, asOf: try #require(Day(iso: "2027-02-15")))
    return (result, card.subtrees(result))
  }

  @Test func scoresAreTheWeightedMeanOfEveryObjectiveBelow() throws {
    let (result, s) = try Self.subtrees([
      "2027-02-01,acme/grow/k,40,,,", "2027-02-01,team/a/k,2,,,", "2027-02-01,ann/b/k,100,,,",
      "2027-02-01,ann/b/j,0,,,",
    ])
    let index = result.index
    let acme = try #require(index.unitByID["acme"])
    let team = try #require(index.unitByID["team"])
    let ann = try #require(index.unitByID["ann"])
    // Ann: (1 + 0) / 2 = 0.5. Team: A (0.2, weight 3) and B (0.5, weight 1) = 1.1 / 4.
    #expect(s[ann].score == 0.5)
    #expect(abs((s[team].score ?? 0) - 1.1 / 4) < 1e-12)
    // Acme: its own 0.4 (weight 1) with A and B.
    #expect(abs((s[acme].score ?? 0) - 1.5 / 5) < 1e-12)
    #expect(s[acme].units == 3)
    #expect(s[acme].keyResults == 4)
    #expect(s[ann].units == 1)
  }

  @Test func troubleIsCountedUpTheTree() throws {
    // Mid-February, 45% of the quarter gone: 0 of 100 is off track, 40 of 100 at risk or on track.
    let (result, s) = try Self.subtrees(["2027-02-01,ann/b/k,0,,,", "2027-01-02,ann/b/j,0,,,"])
    let index = result.index
    let acme = try #require(index.unitByID["acme"])
    let ann = try #require(index.unitByID["ann"])
    #expect(s[ann].offTrack == 2)
    #expect(s[acme].offTrack == s[ann].offTrack)
    #expect(s[acme].stale == s[ann].stale)
    #expect(s[ann].stale >= 1, "a check-in six weeks old is stale")
  }

  @Test func unitsInALoopOfParentsCountOnlyThemselves() throws {
    let (result, s) = try Self.subtrees([])
    let a = try #require(result.index.unitByID["loop-a"])
    let b = try #require(result.index.unitByID["loop-b"])
    #expect(s[a].units == 1 && s[b].units == 1)
    #expect(s[a].score == nil)
  }
}
