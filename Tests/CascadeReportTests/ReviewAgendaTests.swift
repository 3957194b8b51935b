import CascadeCore
import CascadeTestSupport
import Testing

@testable import CascadeReport

/// The review agenda says each fact once, where it happened, and stays a page long on a big
/// plan.
@Suite struct ReviewAgendaTests {
  static let day = Day(iso: "2027-02-28") ?? Day(ordinal: 0)
  static let since = Day(iso: "2027-01-31") ?? Day(ordinal: 0)

  /// A company key result summed from a department's, summed from a team's; only the team
  /// checks in, and its last check-in has a low confidence and a note.
  static let chain: [String: String] = [
    "company.yaml": """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow revenue
        key_results:
          - {id: deals, title: Close 60 deals, baseline: 40, target: 60, unit: deals, aggregate: sum}
    """,
    "sales.yaml": """
    unit: sales
    name: Sales
    level: department
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: sell
        title: Sell more
        aligns_to: acme/grow
        key_results:
          - {id: deals, title: Close 60 deals, baseline: 40, target: 60, unit: deals, aggregate: sum, contributes_to: acme/grow/deals}
    """,
    "east.yaml": """
    unit: east
    name: East
    level: team
    parent: sales
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win the east
        aligns_to: sales/sell
        key_results:
          - {id: deals, title: Close 60 deals in the east, baseline: 40, target: 60, unit: deals, contributes_to: sales/sell/deals}
    """,
    "checkins.csv": """
    date,key_result,value,confidence,note,author
    2027-01-20,east/win/deals,45,0.8,on plan,li
    2027-02-20,east/win/deals,48,0.3,Budget frozen at Globex,li
    """,
  ]

  static func agenda(_ files: [String: String], unit: Int? = nil, _ p: Presentation = .plain) throws -> String {
    let result = try TemporaryPlan(files).lint()
    return ReviewAgenda(since: since, asOf: day, unit: unit).markdown(result, p)
  }

  /// checkins.csv for the 30 teams of ``teams(_:)``: the rows `rows` writes for team t's key result k.
  static func checkIns(_ rows: (_ t: Int, _ k: Int) -> [String]) -> String {
    var lines = [CheckInLog.header.joined(separator: ",")]
    for t in 0..<30 {
      for k in 0..<4 { lines += rows(t, k) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A company and 30 teams of 4 key results each; `kr` writes a key result's title and numbers.
  static func teams(_ kr: (Int) -> String) -> [String: String] {
    var files = [
      "company.yaml": """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow revenue
          key_results:
            - {id: deals, title: Close 60 deals, baseline: 40, target: 60, unit: deals}
      """
    ]
    for t in 0..<30 {
      files["team-\(t).yaml"] = """
        unit: team-\(t)
        name: Team \(t)
        level: team
        parent: acme
        cycle: 2027-Q1
        objectives:
          - id: o
            title: Help grow
            aligns_to: acme/grow
            key_results:
        \((0..<4).map { "      - {id: k\($0), title: \(kr($0)), unit: deals}" }.joined(separator: "\n"))
        """
    }
    return files
  }

  static func count(_ text: String, in out: String) -> Int { out.components(separatedBy: text).count - 1 }

  @Test func aNoteAndAConfidenceDropAppearOnceWhereTheyHappened() throws {
    let out = try Self.agenda(Self.chain)
    #expect(Self.count("Budget frozen at Globex", in: out) == 1, "\(out)")
    #expect(Self.count("confidence 0.8 → 0.3", in: out) == 1, "\(out)")
    #expect(out.contains("`east/win/deals`): confidence 0.8 → 0.3"), "\(out)")
    // The sums moved: that is a fact of their own, in the table.
    #expect(out.contains("(`acme/grow/deals`) | 45 | 48 deals"), "\(out)")
  }

  @Test func theAgendaCanBeLimitedToASubtree() throws {
    let result = try TemporaryPlan(Self.chain).lint()
    let sales = try #require(result.index.plan.units.firstIndex { $0.id == "sales" })
    let east = try #require(result.index.plan.units.firstIndex { $0.id == "east" })
    let out = ReviewAgenda(since: Self.since, asOf: Self.day, unit: east).markdown(result)
    #expect(!out.contains("`acme/grow/deals`") && !out.contains("`sales/sell/deals`"), "\(out)")
    #expect(out.contains("`east/win/deals`"))
    #expect(out.contains("| East (`east`) |"))
    #expect(!out.contains("| Acme (`acme`) |"))
    let department = ReviewAgenda(since: Self.since, asOf: Self.day, unit: sales).markdown(result)
    #expect(department.contains("`sales/sell/deals`") && !department.contains("`acme/grow/deals`"))
  }

  /// 120 people, none of whom has checked in: the stale section is grouped by unit, a line per
  /// team, and stays within a page.
  @Test func aLongStaleSectionIsGroupedByUnit() throws {
    let files = Self.teams { "Close \($0 + 10) deals, baseline: 0, target: \($0 + 10)" }
    for p in [Presentation.plain, Presentation(language: .zh)] {
      let out = try Self.agenda(files, p)
      #expect(out.contains("## Stale") || out.contains("## 长期未更新"))
      let section = try #require(
        out.components(separatedBy: "\n## ").first { $0.hasPrefix("Stale") || $0.hasPrefix("长期未更新") })
      let lines = section.split(separator: "\n").filter { $0.hasPrefix("- ") }
      #expect(section.hasPrefix("Stale (121)") || section.hasPrefix("长期未更新（121）"), "\(section)")
      #expect(lines.count <= ReviewAgenda.page + 1, "\(lines.count) lines")
      #expect(!section.contains("`team-3/o/k1`"), "grouped, not listed")
      #expect(
        section.contains("Team 1 (`team-1`): 4 key results with no check-in yet")
          || section.contains("Team 1（`team-1`）：4 个关键结果还没有进展更新"), "\(section)")
      #expect(section.contains("more units") || section.contains("个单元"), "\(section)")
    }
  }

  /// Every one of 120 key results moved and is behind: the table shows the 50 largest moves and
  /// the list its worst 20, and each says how many more there are, counted by unit.
  @Test func longListsShowAPageAndCountTheRest() throws {
    var files = Self.teams { _ in "Close 100 deals, baseline: 0, target: 100" }
    files["checkins.csv"] = Self.checkIns { t, k in
      ["2027-01-20,team-\(t)/o/k\(k),\(t + k),,,x", "2027-02-25,team-\(t)/o/k\(k),\(t + k + 1),,note \(t) \(k),x"]
    }
    let out = try Self.agenda(files)
    let tableRows = out.split(separator: "\n").filter {
      $0.hasPrefix("| ") && $0.contains("`team-") && $0.contains("deals |")
    }
    #expect(tableRows.count == ReviewAgenda.movedRows, "\(tableRows.count)")
    #expect(out.contains("… and 70 smaller moves"), "\(out)")
    let risk = try #require(out.components(separatedBy: "\n## ").first { $0.hasPrefix("At risk") })
    #expect(risk.hasPrefix("At risk or off track (120)"), "\(risk)")
    #expect(risk.split(separator: "\n").filter { $0.hasPrefix("- **") }.count == ReviewAgenda.page)
    #expect(risk.contains("- … 100 more: Team "), "\(risk)")
    #expect(risk.contains("Team 10 (`team-10`): 4; ") && risk.contains("; 60 in 16 more units"), "\(risk)")
    let zh = try Self.agenda(files, Presentation(language: .zh))
    #expect(zh.contains("……另有 70 个变化较小的关键结果"), "\(zh)")
    #expect(zh.contains("- ……另有 100 个：Team ") && zh.contains("；其他 16 个单元共 60 个"), "\(zh)")
  }

  /// The confidence of all 120 key results fell: the steepest 20 drops are listed, steepest
  /// first, and the rest counted by unit, so the agenda stays a page long.
  @Test func manyConfidenceDropsShowThePageOfTheSteepest() throws {
    var files = Self.teams { _ in "Close 100 deals, baseline: 0, target: 100" }
    // Drops of 0.3 to 0.538, larger for later key results (shown to two decimals).
    files["checkins.csv"] = Self.checkIns { t, k in
      ["2027-01-20,team-\(t)/o/k\(k),10,0.9,,x", "2027-02-25,team-\(t)/o/k\(k),20,0.\(600 - 2 * (4 * t + k)),,x"]
    }
    for p in [Presentation.plain, Presentation(language: .zh)] {
      let out = try Self.agenda(files, p)
      let section = try #require(
        out.components(separatedBy: "\n## ").first { $0.hasPrefix("Confidence drops") || $0.hasPrefix("信心指数下降") })
      #expect(section.hasPrefix("Confidence drops (120)") || section.hasPrefix("信心指数下降（120）"), "\(section)")
      let listed = section.split(separator: "\n").filter { $0.hasPrefix("- ") && $0.contains("0.9 → ") }
      #expect(listed.count == ReviewAgenda.page, "\(section)")
      #expect(
        listed.first?.contains("`team-29/o/k3`") == true && listed.first?.hasSuffix("0.9 → 0.36") == true,
        "\(listed.first ?? "")")
      #expect(listed.last?.contains("`team-25/o/k0`") == true, "\(section)")
      #expect(section.contains("- … 100 more: ") || section.contains("- ……另有 100 个："), "\(section)")
    }
  }
}
