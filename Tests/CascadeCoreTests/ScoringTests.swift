import CascadeCore
import CascadeTestSupport
import Testing

/// Each formula with hand-computed cases.
@Suite struct ScoringTests {
  static func plan(_ krs: String, extra: String = "") -> String {
    """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: o
        title: O
        key_results:
    \(krs)
    \(extra)
    """
  }

  static func card(_ yaml: String, _ rows: [String], asOf: String = "2027-02-15") throws -> (LintResult, Scorecard) {
    let csv = (["date,key_result,value,confidence,note,author"] + rows).joined(separator: "\n") + "\n"
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", yaml), ("checkins.csv", csv)]))
    let day = try #require(Day(iso: asOf))
    return (result, Scorer.score(result, asOf: day))
  }

  static func kr(_ card: Scorecard, _ ref: String) throws -> KeyResultScore {
    try #require(card.keyResults.first { $0.reference == ref })
  }

  static let increase = "      - {id: k, title: 50 customers, baseline: 30, target: 50, unit: c}"

  @Test(arguments: [
    ("40", 0.5, 0.5),  // half way
    ("30", 0.0, 0.0),  // at the baseline
    ("60", 1.5, 1.0),  // over-achievement keeps the raw progress, clamps the score
    ("20", -0.5, 0.0),  // went backwards
    ("50", 1.0, 1.0),
  ])
  func increaseProgressAndScore(value: String, progress: Double, score: Double) throws {
    let (_, card) = try Self.card(Self.plan(Self.increase), ["2027-02-01,acme/o/k,\(value),,,"])
    let s = try Self.kr(card, "acme/o/k")
    #expect(s.progress == progress)
    #expect(s.score == score)
    #expect(s.current == Double(value))
  }

  @Test func decreaseProgress() throws {
    let yaml = Self.plan("      - {id: k, title: Complaints from 150 to 120, baseline: 150, target: 120, unit: c}")
    let (_, card) = try Self.card(yaml, ["2027-02-01,acme/o/k,135,,,"])
    #expect(try Self.kr(card, "acme/o/k").progress == 0.5)
    let (_, worse) = try Self.card(yaml, ["2027-02-01,acme/o/k,165,,,"])
    #expect(try Self.kr(worse, "acme/o/k").progress == -0.5)
    #expect(try Self.kr(worse, "acme/o/k").score == 0)
  }

  @Test func targetEqualToBaselineIsRefusedBeforeScoring() throws {
    let yaml = Self.plan("      - {id: k, title: Keep 50, baseline: 50, target: 50, unit: c}")
    let (result, card) = try Self.card(yaml, ["2027-02-01,acme/o/k,55,,,"])
    #expect(result.first("kr-target-equals-baseline") != nil)
    let s = try Self.kr(card, "acme/o/k")
    #expect(s.progress == 0 && s.status == .notStarted)
  }

  @Test func thresholdsAreInclusive() throws {
    let above = Self.plan("      - {id: k, title: CSAT at least 90, kind: stay_above, target: 90, unit: pts}")
    #expect(try Self.kr(Self.card(above, ["2027-02-01,acme/o/k,90,,,"]).1, "acme/o/k").progress == 1)
    #expect(try Self.kr(Self.card(above, ["2027-02-01,acme/o/k,89.99,,,"]).1, "acme/o/k").progress == 0)
    let below = Self.plan("      - {id: k, title: Churn at most 5%, kind: stay_below, target: 5, unit: '%'}")
    #expect(try Self.kr(Self.card(below, ["2027-02-01,acme/o/k,5,,,"]).1, "acme/o/k").progress == 1)
    #expect(try Self.kr(Self.card(below, ["2027-02-01,acme/o/k,5.01,,,"]).1, "acme/o/k").progress == 0)
  }

  @Test func holdingALevelIsOnTrackUntilTheCycleEnds() throws {
    let above = Self.plan("      - {id: k, title: CSAT at least 90, kind: stay_above, target: 90, unit: pts}")
    #expect(try Self.kr(Self.card(above, ["2027-02-01,acme/o/k,95,,,"]).1, "acme/o/k").status == .onTrack)
    let ended = try Self.card(above, ["2027-03-20,acme/o/k,95,,,"], asOf: "2027-03-31").1
    #expect(try Self.kr(ended, "acme/o/k").status == .done)
  }

  @Test func milestones() throws {
    let yaml = Self.plan("      - {id: k, title: Sign the Globex contract, kind: milestone}")
    let done = try Self.kr(Self.card(yaml, ["2027-02-01,acme/o/k,done,,,"]).1, "acme/o/k")
    #expect(done.progress == 1 && done.status == .done)
    let notYet = try Self.kr(Self.card(yaml, ["2027-02-01,acme/o/k,not-done,,,"]).1, "acme/o/k")
    #expect(notYet.progress == 0)
    #expect(notYet.status == .onTrack)  // not due yet
    let unsure = try Self.kr(Self.card(yaml, ["2027-02-01,acme/o/k,not-done,0.3,,"]).1, "acme/o/k")
    #expect(unsure.status == .atRisk)
    let due = Self.plan("      - {id: k, title: Sign the Globex contract, kind: milestone, due: 2027-02-10}")
    let late = try Self.kr(Self.card(due, ["2027-02-01,acme/o/k,not-done,0.9,,"], asOf: "2027-02-11").1, "acme/o/k")
    #expect(late.status == .offTrack)
  }

  @Test func aKeyResultThatIsDoneIsNeverStale() throws {
    let s = try Self.kr(
      Self.card(Self.plan(Self.increase), ["2027-01-05,acme/o/k,50,,,"], asOf: "2027-03-01").1, "acme/o/k")
    #expect(s.status == .done && !s.stale)
  }

  @Test func noCheckInMeansNotStarted() throws {
    let s = try Self.kr(Self.card(Self.plan(Self.increase), []).1, "acme/o/k")
    #expect(s.progress == 0 && s.status == .notStarted && s.current == nil && s.lastCheckIn == nil)
  }

  @Test func latestIsByDateThenByPositionInTheFile() throws {
    let rows = [
      "2027-02-10,acme/o/k,45,,,",
      "2027-01-20,acme/o/k,35,,,",  // back-filled: older, ignored as latest
      "2027-02-10,acme/o/k,44,,,",  // same day, later in the file: wins
    ]
    let s = try Self.kr(Self.card(Self.plan(Self.increase), rows).1, "acme/o/k")
    #expect(s.current == 44)
    #expect(s.used.map(\.value) == [35, 45, 44])
  }

  @Test func checkInsAfterAsOfAreIgnored() throws {
    let rows = ["2027-01-20,acme/o/k,35,,,", "2027-03-01,acme/o/k,50,,,"]
    let s = try Self.kr(Self.card(Self.plan(Self.increase), rows, asOf: "2027-02-15").1, "acme/o/k")
    #expect(s.current == 35)
  }

  @Test func objectiveScoreIsTheWeightedMeanOfItsKeyResults() throws {
    let yaml = Self.plan(
      """
            - {id: a, title: 10 deals, baseline: 0, target: 10, unit: d, weight: 1}
            - {id: b, title: 10 demos, baseline: 0, target: 10, unit: d, weight: 3}
      """)
    let (_, card) = try Self.card(yaml, ["2027-02-01,acme/o/a,10,,,", "2027-02-01,acme/o/b,2,,,"])
    let o = try #require(card.objectives.first)
    // (1.0×1 + 0.2×3) / 4 = 0.4
    #expect(abs(o.score - 0.4) < 1e-12)
    // b: 0.2 against 46/90 expected on 2027-02-15 is above the at-risk line (0.161): at risk.
    #expect(o.status == .atRisk)  // the worst of done and at risk
    #expect(abs(card.units[0].score - 0.4) < 1e-12)
  }

  static let tree = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        rollup: ROLLUP
        key_results:
          - {id: rev, title: Revenue to 10, baseline: 0, target: 10, unit: M}
    ---
    unit: east
    name: East
    level: team
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        aligns_to: acme/grow
        key_results:
          - {id: k, title: 10 deals, baseline: 0, target: 10, unit: deals}
    ---
    unit: west
    name: West
    level: team
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        weight: 3
        aligns_to: acme/grow/rev
        key_results:
          - {id: k, title: 10 deals, baseline: 0, target: 10, unit: deals}
    """

  static let treeRows = ["2027-02-01,acme/grow/rev,2,,,", "2027-02-01,east/win/k,5,,,", "2027-02-01,west/win/k,10,,,"]

  @Test func rollupFromChildrenWeighsTheAlignedObjectives() throws {
    let (_, card) = try Self.card(Self.tree.replacingOccurrences("ROLLUP", "children"), Self.treeRows)
    let grow = try #require(card.objectives.first { $0.reference == "acme/grow" })
    // (0.5×1 + 1.0×3) / 4 = 0.875
    #expect(abs(grow.score - 0.875) < 1e-12)
  }

  @Test func rollupBothCountsEveryItemOnce() throws {
    let (_, card) = try Self.card(Self.tree.replacingOccurrences("ROLLUP", "both"), Self.treeRows)
    let grow = try #require(card.objectives.first { $0.reference == "acme/grow" })
    // (0.2 + 0.5 + 1.0) / 3
    #expect(abs(grow.score - 1.7 / 3) < 1e-12)
  }

  @Test func rollupKeyResultsIgnoresChildren() throws {
    let (_, card) = try Self.card(Self.tree.replacingOccurrences("ROLLUP", "key_results"), Self.treeRows)
    #expect(abs((card.objectives.first { $0.reference == "acme/grow" }?.score ?? -1) - 0.2) < 1e-12)
  }

  static let aggregate = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: customers, title: 100 new customers, baseline: 0, target: 100, unit: customers, aggregate: sum}
    ---
    unit: east
    name: East
    level: team
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        key_results:
          - {id: k, title: 60 customers, baseline: 0, target: 60, unit: customers, contributes_to: acme/grow/customers}
    ---
    unit: west
    name: West
    level: team
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        key_results:
          - {id: k, title: 40 customers, baseline: 5, target: 40, unit: customers, contributes_to: acme/grow/customers}
    """

  /// The honest sum: the aggregate's baseline plus each contributor's change from its own
  /// baseline (east 0 → 30, west 5 → 20: 0 + 30 + 15).
  @Test func aggregateSumAddsTheContributorsChangesToItsBaseline() throws {
    let rows = ["2027-01-10,east/win/k,10,,,", "2027-02-01,east/win/k,30,,,", "2027-02-01,west/win/k,20,,,"]
    let (result, card) = try Self.card(Self.aggregate, rows)
    #expect(result.first("aggregate-mismatch") == nil)
    let s = try Self.kr(card, "acme/grow/customers")
    #expect(s.current == 45)
    #expect(s.progress == 0.45)
    #expect(
      Set(s.summed.map { result.index.reference($0.objective, keyResult: $0.keyResult) }) == [
        "east/win/k", "west/win/k",
      ])
  }

  @Test func aContributorWithoutCheckInAddsNothing() throws {
    let (_, card) = try Self.card(Self.aggregate, ["2027-02-01,east/win/k,30,,,"])
    #expect(try Self.kr(card, "acme/grow/customers").current == 30)
  }

  /// Four of forty salespeople have plan files: their baselines add up to 2,700 against the
  /// team's 4,500. The team starts at its own baseline, and their gains move it up.
  @Test func partialCoverageNeverMakesASumNegative() throws {
    let yaml = Self.aggregate
      .replacingOccurrences(
        "baseline: 0, target: 100, unit: customers, aggregate",
        "baseline: 4500, target: 6000, unit: customers, aggregate"
      )
      .replacingOccurrences("baseline: 0, target: 60", "baseline: 1500, target: 1700")
      .replacingOccurrences("baseline: 5, target: 40", "baseline: 1200, target: 1400")
    let (_, card) = try Self.card(yaml, ["2027-02-01,east/win/k,1600,,,", "2027-02-01,west/win/k,1300,,,"])
    let s = try Self.kr(card, "acme/grow/customers")
    #expect(s.current == 4700)
    #expect(abs(s.progress - 200.0 / 1500.0) < 1e-12)
  }

  /// Without a baseline of its own, an aggregate is the sum of its contributors' values.
  @Test func anAggregateWithoutABaselineSumsTheValues() throws {
    let yaml = Self.aggregate.replacingOccurrences(
      "baseline: 0, target: 100, unit: customers, aggregate: sum}",
      "target: 100, unit: customers, aggregate: sum, kind: increase}")
    let (_, card) = try Self.card(yaml, ["2027-02-01,east/win/k,30,,,"])
    #expect(try Self.kr(card, "acme/grow/customers").current == 35, "30, and west at its baseline 5")
  }

  @Test func aggregateWithMixedUnitsIsADiagnostic() throws {
    let yaml = Self.aggregate.replacingOccurrences("unit: customers, contributes_to", "unit: deals, contributes_to")
    let (result, _) = try Self.card(yaml, [])
    #expect(result.diagnostics.filter { $0.rule == "aggregate-mismatch" }.count == 2)
  }

  // MARK: status

  @Test func expectedProgressIsTheElapsedFractionOfTheCycle() throws {
    let q1 = try #require(Cycle(label: "2027-Q1"))
    #expect(q1.length == 90)
    #expect(Scorer.expectedProgress(q1, asOf: Day(year: 2026, month: 12, day: 31)!) == 0)
    #expect(Scorer.expectedProgress(q1, asOf: Day(year: 2027, month: 1, day: 1)!) == 1.0 / 90)
    #expect(Scorer.expectedProgress(q1, asOf: Day(year: 2027, month: 2, day: 14)!) == 45.0 / 90)
    #expect(Scorer.expectedProgress(q1, asOf: Day(year: 2027, month: 3, day: 31)!) == 1)
    #expect(Scorer.expectedProgress(q1, asOf: Day(year: 2027, month: 6, day: 1)!) == 1)
  }

  @Test(
    arguments: [
      (1.0, 0.5, nil, Status.done),
      (0.35, 0.5, nil, Status.onTrack),  // exactly expected − 0.15
      (0.349, 0.5, nil, Status.atRisk),
      (0.15, 0.5, nil, Status.atRisk),  // exactly expected − 0.35
      (0.149, 0.5, nil, Status.offTrack),
      (0.6, 0.5, 0.49, Status.atRisk),  // low confidence lowers on track
      (0.6, 0.5, 0.5, Status.onTrack),
      (0.2, 0.5, 0.9, Status.atRisk),  // confidence never raises
      (0.05, 0.1, nil, Status.onTrack),
    ] as [(Double, Double, Double?, Status)])
  func statusThresholds(progress: Double, expected: Double, confidence: Double?, status: Status) {
    #expect(StatusRule.status(progress: progress, expected: expected, confidence: confidence) == status)
  }

  @Test func objectiveStatusIsTheWorstOfItsKeyResults() throws {
    let yaml = Self.plan(
      """
            - {id: a, title: 10 deals, baseline: 0, target: 10, unit: d}
            - {id: b, title: 10 demos, baseline: 0, target: 10, unit: d}
      """)
    let (_, card) = try Self.card(
      yaml, ["2027-02-01,acme/o/a,10,,,", "2027-02-01,acme/o/b,4,0.3,,"], asOf: "2027-02-15")
    // b: 0.4 vs expected 0.5 → on track, but confidence 0.3 → at risk.
    #expect(try Self.kr(card, "acme/o/b").status == .atRisk)
    #expect(card.objectives.first?.status == .atRisk)
  }

  @Test func staleAfterFourteenDaysOrAsConfigured() throws {
    let rows = ["2027-01-31,acme/o/k,35,,,"]
    #expect(try Self.kr(Self.card(Self.plan(Self.increase), rows, asOf: "2027-02-14").1, "acme/o/k").stale == false)
    #expect(try Self.kr(Self.card(Self.plan(Self.increase), rows, asOf: "2027-02-15").1, "acme/o/k").stale == true)
    let csv = "date,key_result,value,confidence,note,author\n2027-01-31,acme/o/k,35,,,\n"
    let result = Linter.lint(
      PlanLoader.load(inMemory: [
        ("plan.yaml", Self.plan(Self.increase)), ("checkins.csv", csv), ("cascade.yaml", "stale_after_days: 30\n"),
      ]))
    let card = Scorer.score(result, asOf: Day(iso: "2027-02-15")!)
    #expect(try Self.kr(card, "acme/o/k").stale == false)
  }

  // MARK: forecast

  @Test func forecastOnAStraightLineIsExact() throws {
    let d0 = Day(iso: "2027-01-01")!
    #expect(Forecast.project([(d0, 10), (d0 + 10, 20)], to: d0 + 20) == 30)
    #expect(Forecast.project([(d0, 10)], to: d0 + 20) == nil)
    #expect(Forecast.project([(d0, 10), (d0, 12)], to: d0 + 20) == nil)
  }

  @Test func forecastIsTheLeastSquaresLine() throws {
    let d0 = Day(iso: "2027-01-01")!
    // x = 0, 1, 2; y = 1, 3, 2 → slope 0.5, intercept 1.5; at x = 4: 3.5
    let f = try #require(Forecast.project([(d0, 1), (d0 + 1, 3), (d0 + 2, 2)], to: d0 + 4))
    #expect(abs(f - 3.5) < 1e-12)
  }

  @Test func keyResultForecastProjectsToTheEndOfTheCycle() throws {
    let rows = ["2027-01-01,acme/o/k,30,,,", "2027-01-31,acme/o/k,36,,,"]
    let s = try Self.kr(Self.card(Self.plan(Self.increase), rows).1, "acme/o/k")
    // 0.2 a day from 30 on day 0; 2027-03-31 is day 89 → 47.8
    #expect(abs((s.forecast ?? 0) - 47.8) < 1e-9)
  }

  @Test func gradesFollowTheCommonBands() {
    #expect(Grade(score: 0.3) == .red)
    #expect(Grade(score: 0.34) == .red)
    #expect(Grade(score: 0.36) == .yellow)
    #expect(Grade(score: 0.6) == .yellow)
    #expect(Grade(score: 0.66) == .green)
    #expect(Grade(score: 1) == .green)
  }
}

extension String {
  func replacingOccurrences(_ a: String, _ b: String) -> String {
    split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
  }
}

/// `cascade checkin` scores only the key result it wrote: that score must be the one the whole
/// scorecard gives it, for every key result of the example plans (sums, milestones, stale and
/// unchecked ones included) and on days before, during and after the cycle.
@Suite struct SingleKeyResultScoreTests {
  @Test(arguments: ["sales-en", "sales-zh"])
  func eachKeyResultScoresAsInTheScorecard(_ name: String) throws {
    let result = try Linter.validate(paths: [repositoryRoot + "/Plans/" + name])
    for iso in ["2026-12-15", "2027-02-15", "2027-03-31", "2027-06-01"] {
      let day = try #require(Day(iso: iso))
      let card = Scorer.score(result, asOf: day)
      var compared = 0
      for a in result.index.objectiveAddresses {
        for k in result.index.objective(a).keyResults.indices {
          let address = KeyResultAddress(a, k)
          let whole = try #require(card.score(of: address))
          let one = try #require(Scorer.score(of: address, in: result, asOf: day))
          #expect(
            one.reference == whole.reference && one.current == whole.current && one.progress == whole.progress
              && one.status == whole.status && one.forecast == whole.forecast && one.lastCheckIn == whole.lastCheckIn
              && one.confidence == whole.confidence && one.stale == whole.stale && one.summed == whole.summed
              && one.used.map(\.line) == whole.used.map(\.line), "\(whole.reference) on \(iso)")
          compared += 1
        }
      }
      #expect(compared > 30)
    }
    let a = try #require(result.index.objectiveAddresses.first)
    #expect(Scorer.score(of: KeyResultAddress(a, 9999), in: result, asOf: Day(ordinal: 0)) == nil)
    #expect(
      Scorer.score(of: KeyResultAddress(ObjectiveAddress(unit: -1, objective: 0), 0), in: result, asOf: Day(ordinal: 0))
        == nil)
  }
}
