import Foundation
import Testing

/// Issue 8: no finite number in a plan or in checkins.csv may trap the process. Every command
/// exits 0 or 1 (never a signal), percentages are clamped, JSON keeps the raw value and
/// `explain` prints numbers faithfully.
@Suite struct ExtremeNumberTests {
  /// A plan folder with one `acme` company unit holding `keyResults` (YAML flow mappings),
  /// optional extra documents and optional check-in rows.
  static func plan(keyResults: [String], more: String = "", checkins: [String] = []) throws -> String {
    let dir = try CLI.temporaryDirectory()
    var yaml = """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow revenue
          key_results:

      """
    for kr in keyResults { yaml += "      - \(kr)\n" }
    yaml += more
    try yaml.write(toFile: dir + "/acme.yaml", atomically: true, encoding: .utf8)
    if !checkins.isEmpty {
      let csv = (["date,key_result,value,confidence,note,author"] + checkins).joined(separator: "\n") + "\n"
      try csv.write(toFile: dir + "/checkins.csv", atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func huge() throws -> String {
    try plan(
      keyResults: ["{id: revenue, title: Revenue from 5 to 6, baseline: 5, target: 6, unit: M USD}"],
      checkins: ["2027-02-01,acme/grow/revenue,1e17,0.9,,", "2027-02-10,acme/grow/revenue,2e17,0.9,,"])
  }
  static func tiny() throws -> String {
    try plan(
      keyResults: ["{id: defects, title: Defect rate from 0 to 1e-18, baseline: 0, target: 1e-18, unit: ppm}"],
      checkins: ["2027-02-01,acme/grow/defects,1,0.9,,"])
  }
  /// Contributors whose changes (from -1e308 to 1e308 each) sum past the largest Double; two
  /// of them have a check-in, the third counts nothing.
  static func sum() throws -> String {
    try plan(
      keyResults: [
        "{id: revenue, title: Revenue from 0 to 1e308, baseline: 0, target: 1e308, unit: USD, aggregate: sum}"
      ],
      more: ["east", "west", "north"].map { id in
        """
        ---
        unit: \(id)
        name: \(id.capitalized)
        level: department
        parent: acme
        cycle: 2027-Q1
        objectives:
          - id: sell
            title: Sell more
            aligns_to: acme/grow
            key_results:
              - {id: revenue, title: Revenue from -1e308 to 1e308, baseline: -1e308, target: 1e308, unit: USD, contributes_to: acme/grow/revenue}

        """
      }.joined(),
      checkins: ["2027-02-01,north/sell/revenue,1e308,0.9,,", "2027-02-01,west/sell/revenue,1e308,0.9,,"])
  }
  /// A range wider than the largest Double, a range of the smallest positive Double, a
  /// negative extreme, and weights that overflow when added.
  static func ranges() throws -> String {
    try plan(
      keyResults: [
        "{id: wide, title: Balance from -1e308 to 1e308, baseline: -1e308, target: 1e308, unit: USD, weight: 1e308}",
        "{id: narrow, title: Drift from 0 to 5e-324, baseline: 0, target: 5e-324, unit: mm, weight: 1e308}",
        "{id: small, title: Error from 0 to 1e-10, baseline: 0, target: 1e-10, unit: mm}",
      ],
      checkins: [
        "2027-02-01,acme/grow/wide,1e308,0.9,,", "2027-02-01,acme/grow/narrow,-1e308,0.9,,",
        "2027-02-02,acme/grow/narrow,1e308,0.9,,", "2027-02-01,acme/grow/small,1e-10,0.9,,",
      ])
  }

  static let plans: [String] = ["huge", "tiny", "sum", "ranges"]
  /// A new folder holding the named plan; the caller removes it.
  static func path(_ name: String) throws -> String {
    switch name {
    case "huge": try huge()
    case "tiny": try tiny()
    case "sum": try sum()
    default: try ranges()
    }
  }

  /// True when a word of `text` is `inf` or `nan` (as Swift prints non-finite Doubles).
  static func showsNonFinite(_ text: String) -> Bool {
    text.split { !$0.isLetter }.contains { $0 == "inf" || $0 == "nan" }
  }

  static func expectNoTrap(_ r: CLIRun, _ what: String) {
    #expect(r.status == 0 || r.status == 1, "\(what): exit \(r.status) \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"), "\(what): \(r.stderr)")
  }

  @Test(arguments: plans) func statusTextAndMarkdownClampPercentages(_ name: String) throws {
    let dir = try Self.path(name)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for format in ["text", "markdown"] {
      let r = try CLI.run(["status", dir, "--as-of", "2027-02-28", "--format", format])
      Self.expectNoTrap(r, "\(name) status \(format)")
      #expect(r.stdout.contains("Grow revenue"), "\(name) \(format): \(r.stdout)")
      #expect(!Self.showsNonFinite(r.stdout), "\(name) \(format): \(r.stdout)")
      if name != "sum" { #expect(r.stdout.contains("≥ 9999%"), "\(name) \(format): \(r.stdout)") }
    }
  }

  @Test(arguments: plans) func statusJSONKeepsTheRawValue(_ name: String) throws {
    let dir = try Self.path(name)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["status", dir, "--as-of", "2027-02-28", "--format", "json"])
    Self.expectNoTrap(r, "\(name) status json")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let krs = try #require(o["key_results"] as? [[String: Any]])
    for kr in krs {
      let score = try #require(kr["score"] as? Double)
      #expect((0...1).contains(score))
      #expect(kr["progress"] as? Double != nil, "\(name): \(kr)")
    }
    let first = try #require(krs.first)
    switch name {
    case "huge":
      #expect(first["progress"] as? Double == (2e17 - 5) / 1)
      #expect(first["current"] as? Double == 2e17)
    case "tiny":
      #expect(first["progress"] as? Double == 1 / 1e-18)
    case "sum":
      // Two changes of 2e308 are beyond the largest Double: the sum is shown at that limit.
      #expect(first["current"] as? Double == Double.greatestFiniteMagnitude)
    default:
      #expect(first["progress"] as? Double == 1)
      #expect(krs[2]["current"] as? Double == 1e-10)
      #expect(krs[2]["progress"] as? Double == 1)
    }
  }

  @Test(arguments: plans) func reviewDoesNotTrap(_ name: String) throws {
    let dir = try Self.path(name)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["review", dir, "--since", "2027-01-15", "--as-of", "2027-02-28"])
    Self.expectNoTrap(r, "\(name) review")
    #expect(r.stdout.contains("## Scores by unit"))
    #expect(!Self.showsNonFinite(r.stdout), "\(name): \(r.stdout)")
  }

  @Test func reviewShowsAChangeBeyondTheLargestNumber() throws {
    let dir = try Self.plan(
      keyResults: ["{id: revenue, title: Revenue from 5 to 6, baseline: 5, target: 6, unit: M USD}"],
      checkins: ["2027-01-10,acme/grow/revenue,-1e308,0.9,,", "2027-02-10,acme/grow/revenue,1e308,0.9,,"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["review", dir, "--since", "2027-01-31", "--as-of", "2027-02-28"])
    Self.expectNoTrap(r, "review swing")
    #expect(r.stdout.contains("| -1e+308 | 1e+308 M USD | > +1.8e+308 | ≤ -9999% → ≥ 9999% |"), "\(r.stdout)")
  }

  @Test func explainPrintsNumbersFaithfully() throws {
    let (hugeDir, tinyDir, rangesDir, sumDir) = (try Self.huge(), try Self.tiny(), try Self.ranges(), try Self.sum())
    defer { for d in [hugeDir, tinyDir, rangesDir, sumDir] { try? FileManager.default.removeItem(atPath: d) } }
    let huge = try CLI.run(["explain", hugeDir, "acme/grow/revenue", "--as-of", "2027-02-28"])
    Self.expectNoTrap(huge, "explain huge")
    #expect(huge.stdout.contains("current = 2e+17"), "\(huge.stdout)")
    let tiny = try CLI.run(["explain", tinyDir, "acme/grow/defects", "--as-of", "2027-02-28"])
    Self.expectNoTrap(tiny, "explain tiny")
    #expect(tiny.stdout.contains("target 1e-18"), "\(tiny.stdout)")
    #expect(tiny.stdout.contains("= (1 − 0) / (1e-18 − 0) = \(1 / 1e-18)"), "\(tiny.stdout)")
    let ranges = try CLI.run(["explain", rangesDir, "acme/grow", "--as-of", "2027-02-28"])
    Self.expectNoTrap(ranges, "explain ranges")
    #expect(ranges.stdout.contains("baseline -1e+308, target 1e+308"), "\(ranges.stdout)")
    #expect(ranges.stdout.contains("target 5e-324"), "\(ranges.stdout)")
    #expect(ranges.stdout.contains("current = 1e-10"), "\(ranges.stdout)")
    #expect(!Self.showsNonFinite(ranges.stdout), "\(ranges.stdout)")
    let sum = try CLI.run(["explain", sumDir, "acme/grow/revenue", "--as-of", "2027-02-28"])
    Self.expectNoTrap(sum, "explain sum")
    #expect(sum.stdout.contains("east/sell/revenue: no check-in: +0"), "\(sum.stdout)")
    #expect(
      sum.stdout.contains("north/sell/revenue: 1e+308 (check-in 2027-02-01) − baseline -1e+308 = beyond ±1.8e+308"),
      "\(sum.stdout)")
    #expect(sum.stdout.contains("beyond the largest number"), "\(sum.stdout)")
    #expect(!Self.showsNonFinite(sum.stdout), "\(sum.stdout)")
  }

  @Test(arguments: plans) func renderSVGAndDOTDoNotTrap(_ name: String) throws {
    let dir = try Self.path(name)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for ext in ["svg", "dot"] {
      let out = dir + "/out." + ext
      let r = try CLI.run(["render", dir, "-o", out, "--as-of", "2027-02-28"])
      Self.expectNoTrap(r, "\(name) render \(ext)")
      let text = try String(contentsOfFile: out, encoding: .utf8)
      #expect(text.contains("Grow revenue"))
      if name != "sum" { #expect(text.contains("9999%"), "\(name) \(ext)") }
      guard ext == "dot" else { continue }
      // Graphviz itself reads the written DOT without a word.
      let dot = Process()
      dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
      dot.arguments = ["-Tsvg", "-o", "/dev/null", out]
      let err = Pipe()
      dot.standardError = err
      try dot.run()
      let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      dot.waitUntilExit()
      #expect(dot.terminationStatus == 0 && warnings.isEmpty, "\(name): \(warnings)")
    }
  }

  @Test func checkinOfAHugeValueDoesNotTrap() throws {
    let dir = try Self.plan(
      keyResults: ["{id: revenue, title: Revenue from 5 to 6, baseline: 5, target: 6, unit: M USD}"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["checkin", dir, "acme/grow/revenue", "1e17", "--date", "2027-02-10"])
    Self.expectNoTrap(r, "checkin")
    #expect(r.status == 0)
    #expect(r.stdout.contains("≥ 9999%"), "\(r.stdout)")
    let status = try CLI.run(["status", dir, "--as-of", "2027-02-28"])
    Self.expectNoTrap(status, "status after checkin")
    let negative = try CLI.run(["checkin", dir, "acme/grow/revenue", "--date", "2027-02-11", "--", "-1e300"])
    Self.expectNoTrap(negative, "checkin negative")
    #expect(negative.stdout.contains("≤ -9999%"), "\(negative.stdout)")
  }
}
