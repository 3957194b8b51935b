import CascadeCore
import CascadeReport
import CascadeTestSupport
import Foundation
import Testing

/// Plan text holding terminal control sequences, bidirectional overrides and Markdown syntax
/// must reach no output raw: text and Markdown show such characters visibly, JSON escapes them.
@Suite struct TerminalSafetyTests {
  /// Window title (OSC 0), hyperlink (OSC 8), clear screen, a C1 CSI, bidi overrides and
  /// isolates, line and paragraph separators, invisible format characters, DEL, CR LF, and
  /// Markdown and HTML structure.
  static let hostile =
    "A\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ \u{9B}31m"
    + " \u{202E}rtl\u{202C} \u{2066}iso\u{2069} \u{2028}\u{2029}\u{200B}\u{FEFF}\u{7F}\u{85}\r\n"
    + "| # `x` <b>&amp; *e* _u_ [l](h) ~s~ end"

  /// Characters that must never reach text or Markdown output raw (line feed aside).
  static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x0A: false
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
    case 0x200C, 0x200D: false
    default: u.properties.generalCategory == .format
    }
  }

  static func unsafeScalars(_ text: String) -> [String] {
    text.unicodeScalars.filter(isUnsafe).map { "U+" + String($0.value, radix: 16, uppercase: true) }
  }

  /// A YAML double-quoted scalar with every non-printable-ASCII character escaped.
  static func yaml(_ text: String) -> String {
    var out = "\""
    for u in text.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where u.value >= 0x20 && u.value < 0x7F: out.unicodeScalars.append(u)
      case _ where u.value <= 0xFFFF:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        let hex = String(u.value, radix: 16)
        out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
      }
    }
    return out + "\""
  }

  static var plan: [String: String] {
    let h = yaml(hostile)
    return [
      "company.yaml": """
      unit: acme
      name: \(h)
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: \(h)
          key_results:
            - id: revenue
              title: \(yaml("Revenue from 5 to 6 " + hostile))
              baseline: 5
              target: 6
              unit: \(h)
      """,
      "team.yaml": """
      unit: team
      name: \(h)
      level: department
      parent: acme
      cycle: 2027-Q1
      objectives:
        - id: other
          title: \(h)
          key_results:
            - id: calls
              title: \(yaml("Calls from 10 to 20 " + hostile))
              baseline: 10
              target: 20
              unit: calls
      """,
      "checkins.csv": "date,key_result,value,confidence,note,author\n"
        + "2027-01-10,acme/grow/revenue,5.1,0.9,first,x\n"
        + "2027-02-20,acme/grow/revenue,5.0,0.2,\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\",x\n",
    ]
  }

  // MARK: - visible

  @Test func visibleShowsControlsBidiAndInvisibleCharacters() {
    #expect(visible("a\u{1B}]0;t\u{07}b") == "a\\u{1B}]0;t\\u{7}b")
    #expect(visible("x\u{9B}y\u{85}z\u{7F}") == "x\\u{9B}y\\u{85}z\\u{7F}")
    #expect(visible("\u{202E}abc\u{202C}\u{2066}\u{2069}") == "\\u{202E}abc\\u{202C}\\u{2066}\\u{2069}")
    #expect(visible("l\u{2028}p\u{2029}") == "l\\u{2028}p\\u{2029}")
    #expect(visible("\u{200B}\u{FEFF}\u{200E}\u{061C}\u{E0041}") == "\\u{200B}\\u{FEFF}\\u{200E}\\u{61C}\\u{E0041}")
    #expect(visible("a\r\nb\tc\nd\0") == "a\\r\\nb\\tc\\nd\\u{0}")
    #expect(Self.unsafeScalars(visible(Self.hostile)).isEmpty)
  }

  @Test func visibleKeepsOrdinaryText() {
    for text in ["Grow sales 20% next quarter", "每月新增50个客户", "Emoji 🚀 👩‍💻 done", "Café — “quoted” \\n", ""] {
      #expect(visible(text) == text)
    }
  }

  @Test func quotedMakesControlsVisible() {
    #expect(quoted("a\u{1B}[2Jb") == "'a\\u{1B}[2Jb'")
    #expect(quoted("team\r\nx") == "'team\\r\\nx'")
    #expect(quoted("\u{202E}x") == "'\\u{202E}x'")
    #expect(!quoted(String(repeating: "\u{1B}", count: 500)).contains("\u{1B}"))
  }

  @Test func oneLineIsShortAndVisible() {
    let long = "cascade: " + String(repeating: "x\u{1B}\n", count: 100_000) + ": no such file or directory"
    let line = oneLine(long)
    #expect(line.utf8.count <= 400)
    #expect(Self.unsafeScalars(line).isEmpty && !line.contains("\n"))
    #expect(line.hasPrefix("cascade: x\\u{1B}\\n"))
    #expect(line.hasSuffix(": no such file or directory"))
    #expect(oneLine("cascade: short") == "cascade: short")
  }

  // MARK: - Reports

  @Test func statusTextShowsControlsVisibly() throws {
    let result = try TemporaryPlan(Self.plan).lint()
    let card = Scorer.score(result, asOf: Day(iso: "2027-02-28") ?? Day(ordinal: 0))
    let out = StatusTextFormatter().format(card, result, unit: nil, .plain)
    #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out))")
    #expect(out.contains("A\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"))
    // Every line of the tree is a header, blank, a unit, an objective or a key result: the
    // text's CR LF does not start a line of its own.
    #expect(!out.split(separator: "\n").contains { $0.hasPrefix("| # ") })
  }

  @Test func statusMarkdownShowsControlsAndKeepsTheTable() throws {
    let result = try TemporaryPlan(Self.plan).lint()
    let card = Scorer.score(result, asOf: Day(iso: "2027-02-28") ?? Day(ordinal: 0))
    let out = StatusMarkdownFormatter().format(card, result, unit: nil, .plain)
    #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out))")
    Self.expectLiteralMarkdown(out)
    for line in out.split(separator: "\n") where line.hasPrefix("|") {
      #expect(Self.unescapedPipes(line) == 7, "\(line)")
    }
  }

  @Test func reviewShowsControlsAndKeepsItsStructure() throws {
    let result = try TemporaryPlan(Self.plan).lint()
    let out = ReviewAgenda(
      since: Day(iso: "2027-01-15") ?? Day(ordinal: 0), asOf: Day(iso: "2027-02-28") ?? Day(ordinal: 0)
    ).markdown(result)
    #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out))")
    #expect(out.contains("Last note"))
    Self.expectLiteralMarkdown(out)
    for line in out.split(separator: "\n") where line.hasPrefix("|") {
      #expect([5, 7].contains(Self.unescapedPipes(line)), "\(line)")
    }
  }

  @Test func explanationShowsControlsVisibly() throws {
    let result = try TemporaryPlan(Self.plan).lint()
    let day = Day(iso: "2027-02-28") ?? Day(ordinal: 0)
    let index = result.index
    for reference in ["acme", "acme/grow", "acme/grow/revenue", "team"] {
      let subject = try #require(Explanation.subject(reference, in: index))
      let out = Explanation.text(subject, result, asOf: day)
      #expect(Self.unsafeScalars(out).isEmpty, "\(reference): \(Self.unsafeScalars(out))")
    }
  }

  /// Markdown that renders the user's text literally: no raw HTML, and the lines that the
  /// hostile text would start (CR LF) do not exist.
  static func expectLiteralMarkdown(_ out: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let scalars = Array(out.unicodeScalars)
    for (i, u) in scalars.enumerated() where u == "<" || u == "&" {
      #expect(i > 0 && scalars[i - 1] == "\\", "unescaped \(u) in \(out)", sourceLocation: sourceLocation)
    }
    #expect(!out.split(separator: "\n").contains { $0.hasPrefix("| # `x`") }, sourceLocation: sourceLocation)
    #expect(!out.contains("[l](h)"), sourceLocation: sourceLocation)
  }

  static func unescapedPipes(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for ch in line {
      if escaped {
        escaped = false
        continue
      }
      if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
    }
    return count
  }

  // MARK: - Diagnostics

  /// A quoted CR LF in a value that a message echoes, and a file name with a newline and ESC.
  @Test func aTextDiagnosticIsOneLine() throws {
    let name = "bad\nname\u{1B}[2J\u{202E}.yaml"
    let plan = try TemporaryPlan([
      "plan.yaml":
        "unit: acme\nname: A\nlevel: \"company\\r\\nfake.yaml:1:1: error: forged [schema]\"\ncycle: 2027-Q1\n",
      name: "unit: acme\nname: B\nlevel: company\ncycle: 2027-Q1\n",
    ])
    let result = try plan.lint()
    #expect(result.diagnostics.count >= 2)
    let out = TextDiagnosticFormatter().format(result, .plain)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == result.diagnostics.count + 2, "\(out)")
    #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out))")
    #expect(!out.contains("\r"))
    #expect(out.contains("bad\\nname\\u{1B}[2J\\u{202E}.yaml:"))
    for line in lines.dropLast(2) {
      #expect(line.hasPrefix(plan.root), "\(line)")
      #expect(line.hasSuffix("]"), "\(line)")
    }
  }

  @Test func jsonDiagnosticsEscapeControlsAndRoundTrip() throws {
    let name = "bad\nname\u{1B}[2J\u{202E}\u{2028}.yaml"
    let plan = try TemporaryPlan([name: "unit: acme\nname: \(Self.yaml(Self.hostile))\nlevel: team\ncycle: 2027-Q1\n"])
    let result = try plan.lint()
    let out = JSONDiagnosticFormatter().format(result, .plain)
    #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out))")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { $0["file"] as? String == plan.path(name) })
  }

  @Test func jsonWriterEscapesEveryControlAndRoundTrips() throws {
    var all = ""
    for v in UInt32(0)...0xA0 { if let u = Unicode.Scalar(v) { all.unicodeScalars.append(u) } }
    let samples = [
      all, Self.hostile, "\u{2028}\u{2029}\u{202A}\u{202E}\u{2066}\u{2069}\u{200B}\u{FEFF}\u{E0041}\u{E007F}",
      "每月新增50个客户 🚀 👩‍💻", "plain",
    ]
    var w = JSONWriter()
    w.array(samples) { w, s in w.value(s) }
    let out = w.output
    #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out))")
    #expect(!out.contains("\u{2028}") && !out.contains("\u{E0041}"))
    #expect(out.contains("\\u001b") && out.contains("\\u202e") && out.contains("\\udb40\\udc41"))
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String])
    #expect(parsed == samples)
  }

  // MARK: - Bounded output

  /// 2 MB of `- id: x` objectives: three diagnostics each (schema, objective-no-krs,
  /// duplicate-id) before the cap.
  @Test func diagnosticsOfOneRuleInOneFileAreCapped() throws {
    var yaml = "unit: acme\nname: A\nlevel: company\ncycle: 2027-Q1\nobjectives:\n"
    var n = 0
    while yaml.utf8.count < 2 * 1024 * 1024 {
      yaml += "  - id: x\n"
      n += 1
    }
    let plan = try TemporaryPlan(yaml: yaml)
    let result = try plan.lint()
    let cap = Linter.maxDiagnosticsPerRule
    #expect(cap == 100)
    // The summary counts every problem.
    #expect(result.summary.errors == 3 * n - 1)
    for rule in ["schema", "objective-no-krs", "duplicate-id"] {
      let ds = result.diagnostics.filter { $0.rule == rule }
      #expect(ds.count == cap + 1, "\(rule)")
      let total = rule == "duplicate-id" ? n - 1 : n
      let note = try #require(ds.last)
      #expect(note.message.en == "… and \(total - cap) more in this file (at most \(cap) per rule and file are listed)")
      #expect(note.severity == .error)
      // At the first omitted one: the objectives start on line 6.
      let firstOmittedLine = (rule == "duplicate-id" ? 7 : 6) + cap
      #expect(note.location.line == firstOmittedLine, "\(rule)")
    }
    let text = TextDiagnosticFormatter().format(result, .plain)
    #expect(text.utf8.count < 100_000)
    #expect(text.hasSuffix("\(3 * n - 1) errors, 1 warning, 0 infos in 1 unit, \(n) objectives, 0 key results\n"))
    #expect(JSONDiagnosticFormatter().format(result, .plain).utf8.count < 100_000)
  }

  /// 2 MB of units whose parents are missing, half naming one unknown unit and half each a
  /// different one, and as many unresolved references: "did you mean" hints are looked up once
  /// per name and for a bounded number of names, not against every unit for every problem.
  @Test(.timeLimit(.minutes(2))) func hintsForManyUnknownNamesStayLinear() throws {
    var yaml = ""
    var i = 0
    while yaml.utf8.count < 2 * 1024 * 1024 {
      let parent = i % 2 == 0 ? "nowhere" : "gone-\(i)"
      yaml += "unit: u\(i)\nname: U\nlevel: team\nparent: \(parent)\ncycle: 2027-Q1\nobjectives:\n"
      yaml += "  - id: o\n    title: T\n    aligns_to: \(parent)/o\n---\n"
      i += 1
    }
    let result = try lint(yaml)
    #expect(result.summary.errors >= 2 * i)
    let missing = result.diagnostics.filter { $0.rule == "unit-parent-missing" }
    #expect(missing.count == Linter.maxDiagnosticsPerRule + 1)
    #expect(missing.first?.message.en == "parent 'nowhere' of unit 'u0' is not a unit in this plan")
    // Hints still come where a name is close to a unit's.
    let near = try lint(
      "unit: acme\nname: A\nlevel: company\ncycle: 2027-Q1\n---\nunit: team\nname: T\nlevel: team\nparent: acmee\n"
        + "cycle: 2027-Q1\n")
    #expect(near.first("unit-parent-missing")?.message.en.hasSuffix("(did you mean 'acme'?)") == true)
  }

  /// 2 MB of key results with distinct ids and one duplicate at the end: duplicate-id compares
  /// ids through a set, not pairwise (pairwise took hours).
  @Test(.timeLimit(.minutes(2))) func duplicateKeyResultIDsAreFoundInLinearTime() throws {
    var yaml = "unit: acme\nname: A\nlevel: company\ncycle: 2027-Q1\nobjectives:\n  - id: o\n    title: T\n"
    yaml += "    key_results:\n"
    var i = 0
    while yaml.utf8.count < 2 * 1024 * 1024 {
      yaml += "      - id: k\(i)\n"
      i += 1
    }
    yaml += "      - id: k0\n"
    let result = try lint(yaml)
    let dup = result.diagnostics.filter { $0.rule == "duplicate-id" }
    #expect(dup.count == 1)
    #expect(dup.first?.location.line == 9 + i)
    #expect(dup.first?.message.en == "key result id 'k0' is used twice in objective 'o' (first at line 9)")
  }
}
