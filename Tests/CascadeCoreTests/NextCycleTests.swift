import CascadeTestSupport
import Testing

@testable import CascadeCore

@Suite struct CycleShiftTests {
  func cycle(_ label: String) -> Cycle {
    Cycle(label: label) ?? Cycle(start: Day(ordinal: 0), end: Day(ordinal: 0), label: "invalid")
  }

  func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

  @Test(arguments: [
    ("2027-Q1", "2027-Q2"), ("2027-Q4", "2028-Q1"), ("2027-H2", "2028-H1"), ("2027", "2028"), ("2027-12", "2028-01"),
    ("2027-02", "2027-03"),
  ])
  func eachCalendarCycleIsFollowedByTheNextOfItsKind(_ label: String, _ next: String) {
    #expect(cycle(label).successor?.label == next)
  }

  @Test func aRangeIsFollowedByOneOfTheSameLength() throws {
    let r = Cycle(start: day("2027-01-10"), end: day("2027-02-09"), label: "2027-01-10..2027-02-09")
    let next = try #require(r.successor)
    #expect(next.start == day("2027-02-10") && next.length == r.length && next.period == .range)
  }

  @Test func theLastYearHasNoSuccessor() { #expect(cycle("9999-Q4").successor == nil) }

  @Test func unitCyclesMoveWithTheMainCycle() {
    let shift = CycleShift(from: cycle("2027-Q1"), to: cycle("2027-Q2"))
    #expect(shift.moved(cycle("2027-Q1")) == cycle("2027-Q2"))
    // A year around the new quarter stays; a half moves only when the quarter leaves it.
    #expect(shift.moved(cycle("2027")) == cycle("2027"))
    #expect(shift.moved(cycle("2027-H1")) == cycle("2027-H1"))
    #expect(CycleShift(from: cycle("2027-Q2"), to: cycle("2027-Q3")).moved(cycle("2027-H1")) == cycle("2027-H2"))
    #expect(CycleShift(from: cycle("2027-Q4"), to: cycle("2028-Q1")).moved(cycle("2027")) == cycle("2028"))
    // A month, or a quarter other than the main one, moves by the same three months.
    #expect(shift.moved(cycle("2027-02")) == cycle("2027-05"))
    #expect(shift.moved(cycle("2026-Q4")) == cycle("2027-Q1"))
    // Skipping a quarter moves everything by six months.
    #expect(CycleShift(from: cycle("2027-Q1"), to: cycle("2027-Q3")).moved(cycle("2027-03")) == cycle("2027-09"))
  }

  @Test func dueDatesMoveByWholeMonthsAndKeepTheMonthsEnd() {
    let shift = CycleShift(from: cycle("2027-Q1"), to: cycle("2027-Q2"))
    #expect(shift.moved(day("2027-03-31")) == day("2027-06-30"))
    #expect(shift.moved(day("2027-02-28")) == day("2027-05-31"), "the last day of February is a month's end")
    #expect(shift.moved(day("2027-01-30")) == day("2027-04-30"))
    #expect(shift.moved(day("2027-01-15")) == day("2027-04-15"))
    #expect(CycleShift(from: cycle("2027-Q4"), to: cycle("2028-Q1")).moved(day("2027-11-29")) == day("2028-02-29"))
    #expect(CycleShift(from: cycle("9999-Q3"), to: cycle("9999-Q4")).moved(day("9999-12-31")) == nil)
  }

  @Test func rangesMoveByDays() throws {
    let from = Cycle(start: day("2027-01-04"), end: day("2027-02-14"), label: "2027-01-04..2027-02-14")
    let to = try #require(from.successor)
    let shift = CycleShift(from: from, to: to)
    #expect(shift.moved(day("2027-02-14")) == day("2027-03-28"))
    #expect(shift.moved(from) == to)
  }
}

@Suite struct SourceTextTests {
  @Test func marksCountCharactersNotBytes() throws {
    let text = SourceText(Array("\u{FEFF}a: 1\n名称: 星辰 # 注释\nb: \"2027-Q1\"\n".utf8))
    let offset = try #require(text.offset(of: Mark(line: 2, column: 5)))
    let plain = try #require(text.scalar(at: offset))
    #expect(text.text(plain.range) == "星辰" && !plain.quoted)
    let quotedAt = try #require(text.offset(of: Mark(line: 3, column: 4)))
    let quoted = try #require(text.scalar(at: quotedAt))
    #expect(text.text(quoted.range) == "2027-Q1" && quoted.quoted)
    #expect(text.offset(of: Mark(line: 1, column: 1)) == 3, "after the byte-order mark")
    #expect(text.offset(of: Mark(line: 1, column: 9)) == nil, "past the line's end")
    #expect(text.offset(of: Mark(line: 9, column: 1)) == nil)
  }

  @Test func aPlainScalarInAFlowMappingEndsAtItsComma() throws {
    let text = SourceText(Array("- {id: a, baseline: 3.5, target: 5}\n".utf8))
    let scalar = try #require(text.scalar(at: 20))
    #expect(text.text(scalar.range) == "3.5")
    #expect(text.soleKeyLine(key: "baseline", valueAt: 20) == nil)
  }

  @Test func aQuotedScalarWithEscapesOrNoEndIsNotEdited() {
    #expect(SourceText(Array("a: \"x\\ty\"\n".utf8)).scalar(at: 3) == nil)
    #expect(SourceText(Array("a: 'x\n".utf8)).scalar(at: 3) == nil)
  }

  @Test func onlyALineHoldingJustTheKeyCanBeRemoved() throws {
    let text = SourceText(Array("k:\n  due: 2027-03-31   # end\n  - due: 2027-03-31\n".utf8))
    let line = try #require(text.soleKeyLine(key: "due", valueAt: 10))
    #expect(text.text(line) == "  due: 2027-03-31   # end\n")
    #expect(text.soleKeyLine(key: "due", valueAt: 39) == nil, "a sequence item's first key")
  }

  @Test func editsApplyTogetherAndRefuseOverlaps() {
    var edits = SourceEdits()
    let first = edits.replace(0..<1, with: "xy")
    let second = edits.replace(3..<4, with: "")
    let overlapping = edits.replace(0..<2, with: "z")
    #expect(first && second && !overlapping, "an edit already starts there")
    #expect(edits.applied(to: Array("abcdef".utf8)).map { String(decoding: $0, as: UTF8.self) } == "xybcef")
    // Overlaps of other kinds are found when the edits are applied.
    var crossing = SourceEdits()
    crossing.replace(0..<3, with: "x")
    crossing.replace(2..<4, with: "y")
    #expect(crossing.applied(to: Array("abcdef".utf8)) == nil)
  }

  @Test func titlesNamingANumberAreFound() {
    #expect(TitleNumbers.mentions("Revenue from $4.6M to $5.6M", 4.6) == "4.6")
    #expect(TitleNumbers.mentions("每月新增客户从30个提升到50个", 30) == "30")
    #expect(TitleNumbers.mentions("Handle 1,200 calls", 1200) == "1,200")
    #expect(TitleNumbers.mentions("Reach 80% in Q1", 1) == nil, "Q1 is not the number 1")
    #expect(TitleNumbers.mentions("Version 2.46 shipped", 46) == nil)
  }
}

@Suite struct NextCycleTests {
  /// A quarterly department with every kind of value next-cycle edits.
  static let sales = """
    # The department's plan: a comment that must stay.
    unit: sales
    name: Sales
    level: department
    parent: acme
    cycle: 2027-Q1   # quarters

    objectives:
      # Revenue first.
      - id: grow
        title: Grow revenue
        aligns_to: acme/lead
        key_results:
          - id: revenue
            title: Revenue from 5 to 6 M USD
            baseline: 5    # last quarter
            target: 6
            unit: M USD
            due: 2027-03-31
          - {id: customers, title: 50 new customers a month, baseline: 30, target: 50, unit: customers/month}
          - id: churn
            title: Churn from 8% to 5%
            baseline: 8
            target: 5
            unit: "%"
          - id: launch
            title: Launch the partner portal
            kind: milestone
            due: "2027-02-15"
          - id: nps
            title: NPS from 20 to 40
            baseline: 20
            target: 40
            unit: points
    """
  /// A team below it, so that the quarter is the plan's main cycle.
  static let east = """
    unit: east
    name: East
    level: team
    parent: sales
    cycle: 2027-Q1
    objectives:
      - id: visits
        title: Visit every key account
        aligns_to: sales/grow
        key_results:
          - id: visited
            title: Visit 40 key accounts
            baseline: 10
            target: 40
            unit: accounts
    """
  /// The company plans for the year, around its quarters.
  static let company = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027
    objectives:
      - id: lead
        title: Lead the market
        key_results:
          - id: uptime
            title: Availability from 99.5% to 99.9%
            baseline: 99.5
            target: 99.9
            unit: "%"
            due: 2027-12-31
    """
  static let checkIns = """
    date,key_result,value,confidence,note,author
    2027-01-10,sales/grow/revenue,5.2,0.7,,
    2027-03-20,sales/grow/revenue,5.45,0.7,,
    2027-02-01,sales/grow/customers,52,0.7,,
    2027-03-01,sales/grow/churn,6.5,0.7,,
    2027-02-14,sales/grow/launch,done,0.9,,
    2027-03-30,acme/lead/uptime,99.7,0.8,,
    2027-03-02,east/visits/visited,22,0.8,,

    """

  static func plan() throws -> TemporaryPlan {
    try TemporaryPlan([
      "company.yaml": company, "sales.yaml": sales, "teams/east.yaml": east, "checkins.csv": checkIns,
      "notes.txt": "keep\n",
    ])
  }

  static func file(_ r: Rollover, _ path: String) -> String {
    r.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
  }

  @Test func valuesChangeInPlaceAndEverythingElseStays() throws {
    let plan = try Self.plan()
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    #expect(r.shift.to.label == "2027-Q2")
    let text = Self.file(r, "sales.yaml")
    let expected = Self.sales
      .replacingFirst("cycle: 2027-Q1   # quarters", with: "cycle: 2027-Q2   # quarters")
      .replacingFirst("baseline: 5    # last quarter", with: "baseline: 5.45    # last quarter")
      .replacingFirst("title: Revenue from 5 to 6 M USD", with: "title: Revenue from 5.45 to 6 M USD")
      .replacingFirst("title: Churn from 8% to 5%", with: "title: Churn from 6.5% to 5%")
      .replacingFirst("due: 2027-03-31", with: "due: 2027-06-30")
      .replacingFirst("baseline: 8\n", with: "baseline: 6.5\n")
      .replacingFirst("due: \"2027-02-15\"", with: "due: \"2027-05-15\"")
    #expect(text == expected)
    // The company's year stays, and so do its check-ins; the quarter's are gone.
    #expect(
      Self.file(r, "checkins.csv")
        == "date,key_result,value,confidence,note,author\n2027-03-30,acme/lead/uptime,99.7,0.8,,\n")
    #expect(r.leftBehind == ["notes.txt"])
    #expect(Set(r.files.map(\.path)) == ["company.yaml", "sales.yaml", "teams/east.yaml", "checkins.csv"])
  }

  @Test func whatTheTeamHasToDecideIsListed() throws {
    let plan = try Self.plan()
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    var found: [String] = []
    for c in r.changes {
      switch c.kind {
      case .targetReached(let ref, let final, let target): found.append("reached \(ref) \(final) \(target)")
      case .noCheckIn(let ref, _): found.append("none \(ref)")
      case .milestoneDone(let ref, _, let day): found.append("done \(ref) \(day.map(\.description) ?? "")")
      case .titleNamesBaseline(let ref, _, let number): found.append("title \(ref) \(number)")
      case .dueDropped(let ref, let from): found.append("dropped \(ref) \(from)")
      case .dueClamped(let ref, let from, let to): found.append("clamped \(ref) \(from) \(to)")
      case .notEdited(let subject, let field): found.append("not \(subject) \(field)")
      case .cycleKept(let unit, let cycle, let n): found.append("kept \(unit) \(cycle) \(n)")
      case .titleNamesCycle(let ref, _, let cycle): found.append("cycle \(ref) \(cycle)")
      case .titleUpdated(let ref, _, let from, let to): found.append("retitled \(ref) \(from) \(to)")
      case .cycle, .baseline, .dueMoved: break
      }
    }
    #expect(
      found == [
        "kept acme 2027 1", "retitled sales/grow/revenue 5 5.45", "reached sales/grow/customers 52.0 50.0",
        "retitled sales/grow/churn 8 6.5", "done sales/grow/launch 2027-02-14", "none sales/grow/nps",
      ])
  }

  /// A unit whose longer cycle holds the new one is left as it is: baselines, due dates and all.
  @Test func aYearAroundTheNewQuarterStaysWhole() throws {
    let plan = try Self.plan()
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    #expect(Self.file(r, "company.yaml") == Self.company)
    #expect(r.files.first { $0.path == "company.yaml" }?.changed == false)
  }

  /// Q4 to Q1: the year moves by its own step, a year, and so do its due dates.
  @Test func aYearThatMovesTakesItsDueDatesByAYear() throws {
    let plan = try TemporaryPlan([
      "company.yaml": Self.company,
      "sales.yaml": Self.sales.replacingAll("2027-Q1", "2027-Q4")
        .replacingFirst("due: 2027-03-31", with: "due: 2027-12-31").replacingFirst(
          "due: \"2027-02-15\"", with: "due: \"2027-11-15\""),
      "teams/east.yaml": Self.east.replacingAll("2027-Q1", "2027-Q4"),
    ])
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    #expect(r.shift.to.label == "2028-Q1")
    let company = Self.file(r, "company.yaml")
    #expect(company.contains("cycle: 2028\n") && company.hasSuffix("due: 2028-12-31"), "\(company)")
    #expect(Self.file(r, "sales.yaml").contains("due: 2028-03-31\n"))
    #expect(Self.file(r, "checkins.csv") == "date,key_result,value,confidence,note,author\n", "nothing stays")
  }

  /// A due date outside its cycle (an error already) is dropped: its line, or its pair in a
  /// flow mapping; as the first key of a list item it becomes the cycle's last day.
  @Test func aDueDateOutsideTheNewCycleIsDroppedWhereverItIsWritten() throws {
    let team =
      Self.east.replacingFirst(
        "        unit: accounts", with: "        unit: accounts\n        due: 2027-04-15   # too late")
      + "\n      - {id: calls, title: Make 200 calls, baseline: 50, target: 200, unit: calls, due: 2027-05-01}\n"
      + "      - due: 2027-06-01\n        id: demos\n        title: Give 30 demos\n        baseline: 10\n        target: 30\n        unit: demos\n"
    let plan = try TemporaryPlan(["company.yaml": Self.company, "sales.yaml": Self.sales, "teams/east.yaml": team])
    let before = try plan.lint()
    #expect(before.diagnostics.filter { $0.rule == "kr-due-outside-cycle" }.count == 3)
    let r = try NextCycle.roll(before, root: plan.root, to: nil)
    let text = Self.file(r, "teams/east.yaml")
    #expect(!text.contains("2027-04-15") && !text.contains("too late"), "\(text)")
    #expect(text.contains("{id: calls, title: Make 200 calls, baseline: 50, target: 200, unit: calls}"), "\(text)")
    #expect(text.contains("      - due: 2027-06-30\n        id: demos"), "\(text)")
    let after = try TemporaryPlan(
      Dictionary(uniqueKeysWithValues: r.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    ).lint()
    #expect(after.first("kr-due-outside-cycle") == nil)
  }

  /// A range of whole months moves by whole months, edited where the loader saw its days
  /// (whatever the key order, whatever its comments say).
  @Test func aRangeOfWholeMonthsMovesByMonths() throws {
    let range = "cycle: {end: 2027-03-31, start: 2027-01-01}  # ends 2027-03-31"
    let plan = try TemporaryPlan([
      "sales.yaml": Self.sales.replacingFirst("parent: acme\n", with: "").replacingFirst(
        "level: department", with: "level: company"
      )
      .replacingFirst("        aligns_to: acme/lead\n", with: "").replacingFirst(
        "cycle: 2027-Q1   # quarters", with: range)
    ])
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    let text = Self.file(r, "sales.yaml")
    #expect(text.contains("cycle: {end: 2027-06-30, start: 2027-04-01}  # ends 2027-03-31"), "\(text)")
    #expect(text.contains("due: 2027-06-30"), "\(text)")
  }

  /// What will be written is what is compared: a final value that rounds to the target has
  /// reached it (a baseline equal to the target would be an error).
  @Test func aFinalValueThatRoundsToTheTargetHasReachedIt() throws {
    let plan = try TemporaryPlan([
      "company.yaml": Self.company, "sales.yaml": Self.sales, "teams/east.yaml": Self.east,
      "checkins.csv":
        "date,key_result,value,confidence,note,author\n2027-03-02,east/visits/visited,39.99999999999,,,\n",
    ])
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    #expect(Self.file(r, "teams/east.yaml").contains("baseline: 10\n"))
    #expect(
      r.changes.contains {
        if case .targetReached("east/visits/visited", 40, 40) = $0.kind { return true }
        return false
      })
  }

  /// A cycle that has to move but cannot be changed where it is written stops the roll-over:
  /// nothing half done.
  @Test func aCycleThatCannotBeEditedStopsEverything() throws {
    let plan = try TemporaryPlan([
      "company.yaml": Self.company,
      "sales.yaml": Self.sales.replacingFirst("cycle: 2027-Q1", with: "cycle: !!str 2027-Q1"),
      "teams/east.yaml": Self.east,
    ])
    #expect(throws: RolloverError.self) { try NextCycle.roll(try plan.lint(), root: plan.root, to: nil) }
  }

  /// Titles that name the old quarter are listed.
  @Test func titlesNamingTheOldCycleAreListed() {
    let names = CycleNames(Cycle(label: "2027-Q1") ?? Cycle(start: Day(ordinal: 0), end: Day(ordinal: 0), label: "x"))
    #expect(names.mentioned(in: "Ship the CRM in Q1") == "Q1")
    #expect(names.mentioned(in: "一季度完成 CRM 上线") == "一季度")
    #expect(names.mentioned(in: "Plan for 2027-Q1 done") == "2027-Q1")
    #expect(names.mentioned(in: "Q10 launch") == nil)
    #expect(names.mentioned(in: "Grow revenue") == nil)
  }

  @Test func theNewPlanValidatesCleanAndIsAWholeNewQuarter() throws {
    let plan = try Self.plan()
    let before = try plan.lint()
    #expect(before.diagnostics.filter { $0.severity != .info }.isEmpty, "\(before.diagnostics.map(\.message.en))")
    let r = try NextCycle.roll(before, root: plan.root, to: nil)
    let next = try TemporaryPlan(
      Dictionary(uniqueKeysWithValues: r.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }))
    let after = try next.lint()
    #expect(after.diagnostics.filter { $0.severity != .info }.isEmpty, "\(after.diagnostics.map(\.message.en))")
    #expect(after.plan.units.allSatisfy { $0.cycle?.label == "2027-Q2" || $0.cycle?.label == "2027" })
  }

  @Test(arguments: ["sales-en", "sales-zh"])
  func theExamplePlansRollOverClean(_ name: String) throws {
    let root = repositoryRoot + "/Plans/" + name
    let before = try Linter.validate(paths: [root])
    let r = try NextCycle.roll(before, root: root, to: Cycle(label: "2027-Q2"))
    var files = Dictionary(uniqueKeysWithValues: r.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    files["checkins.csv"] = files["checkins.csv"]
    let after = try TemporaryPlan(files).lint()
    #expect(after.diagnostics.filter { $0.severity != .info }.isEmpty, "\(after.diagnostics.map(\.message.en))")
    #expect(after.summary.keyResults == before.summary.keyResults)
    // Every baseline that moved is the key result's final value in 2027-Q1.
    let card = Scorer.score(before, asOf: try #require(Cycle(label: "2027-Q1")).end)
    var moved = 0
    for (ui, u) in after.plan.units.enumerated() {
      for (oi, o) in u.objectives.enumerated() {
        for (ki, kr) in o.keyResults.enumerated() {
          let old = before.plan.units[ui].objectives[oi].keyResults[ki]
          guard kr.baseline != old.baseline else { continue }
          moved += 1
          let final = card.score(of: KeyResultAddress(ObjectiveAddress(unit: ui, objective: oi), ki))?.current
          #expect(kr.baseline == final, "\(u.id)/\(o.id)/\(kr.id)")
        }
      }
    }
    #expect(moved >= 30)
  }

  @Test func aCheckInAfterTheCycleIsNotItsFinalValue() throws {
    let plan = try TemporaryPlan([
      "company.yaml": Self.company, "sales.yaml": Self.sales, "teams/east.yaml": Self.east,
      "checkins.csv": Self.checkIns + "2027-04-02,sales/grow/revenue,9,0.7,next quarter's,\n",
    ])
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    #expect(Self.file(r, "sales.yaml").contains("baseline: 5.45    # last quarter"))
  }

  @Test func theNewCycleMustComeAfterTheOldOneEnds() throws {
    let plan = try Self.plan()
    for label in ["2026-Q4", "2027-Q1", "2027-02", "2027"] {
      #expect(throws: RolloverError.self, "\(label)") {
        try NextCycle.roll(try plan.lint(), root: plan.root, to: Cycle(label: label))
      }
    }
  }

  @Test func aValueWrittenInAFormCascadeDoesNotEditIsReportedNotGuessed() throws {
    let plan = try TemporaryPlan([
      "company.yaml": Self.company, "teams/east.yaml": Self.east,
      "sales.yaml": Self.sales.replacingFirst("baseline: 8\n", with: "baseline: !!float 8\n"),
      "checkins.csv": Self.checkIns,
    ])
    let r = try NextCycle.roll(try plan.lint(), root: plan.root, to: nil)
    #expect(
      r.changes.contains {
        if case .notEdited("sales/grow/churn", "baseline") = $0.kind { return true }
        return false
      })
    #expect(Self.file(r, "sales.yaml").contains("baseline: !!float 8\n"))
  }
}

extension String {
  fileprivate func replacingAll(_ a: String, _ b: String) -> String {
    split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
  }
}
