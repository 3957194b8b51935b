import CascadeCore
import CascadeTestSupport
import Foundation
import Testing

/// Hostile and broken files: each ends in a diagnostic with a position, never a crash, a
/// hang, unbounded memory or a message that echoes the input.
@Suite struct BadInputTests {
  func only(_ result: LintResult, _ rule: String, line: Int? = nil) throws -> Diagnostic {
    let d = try #require(result.first(rule), "expected \(rule), got \(result.rules().sorted())")
    if let line { #expect(d.location.line == line, "\(rule) at line \(d.location.line), expected \(line)") }
    #expect(d.message.en.utf8.count < 300)
    return d
  }

  @Test func malformedYAML() throws {
    let r = try lint("unit: acme\nname: \"unterminated\nlevel: company\n")
    _ = try only(r, "yaml-syntax")
    #expect(r.hasErrors)
  }

  @Test func unclosedFlowSequenceReportsTheLine() throws {
    let r = try lint("unit: acme\nname: Acme\nlevel: company\ncycle: 2027\nobjectives: [\n")
    let d = try only(r, "yaml-syntax")
    #expect(d.location.line >= 5)
  }

  @Test func tabIndentationIsExplained() throws {
    let r = try lint("unit: acme\nobjectives:\n\t- id: x\n")
    let d = try only(r, "yaml-syntax", line: 3)
    #expect(d.message.en.contains("tab"))
  }

  @Test func wrongTypes() throws {
    let r = try lint(
      """
      unit: acme
      name: [a, b]
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow to 10
          weight: heavy
          key_results:
            - {id: k, title: 10 deals, baseline: zero, target: 10, unit: deals}
      """)
    let schema = r.diagnostics.filter { $0.rule == "schema" }
    #expect(Set(schema.map(\.location.line)) == [2, 8, 10])
  }

  @Test func duplicateKeys() throws {
    let r = try lint("unit: acme\nname: A\nlevel: company\nlevel: team\ncycle: 2027\n")
    let d = try only(r, "duplicate-key", line: 4)
    #expect(d.location.column == 1)
    #expect(d.message.en.contains("line 3"))
  }

  @Test func nonUTF8Bytes() throws {
    var bytes = Array("unit: acme\nname: Ac".utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array("me\nlevel: company\n".utf8)
    let r = try lint(bytes: bytes)
    let d = try only(r, "yaml-syntax", line: 2)
    #expect(d.message.en.contains("UTF-8"))
  }

  @Test func emptyFiles() throws {
    _ = try only(try lint(""), "empty-file", line: 1)
    _ = try only(try lint("\n\n# nothing here\n"), "empty-file", line: 1)
    _ = try only(try lint("---\n...\n"), "empty-file", line: 1)
  }

  @Test func binaryFile() throws {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let r = try lint(bytes: bytes)
    _ = try only(r, "yaml-syntax", line: 1)
    #expect(r.hasErrors)
  }

  @Test func nulByteIsCalledBinary() throws {
    let r = try lint(bytes: Array("unit: acme\n".utf8) + [0] + Array("name: x\n".utf8))
    let d = try only(r, "yaml-syntax", line: 2)
    #expect(d.message.en.contains("NUL"))
  }

  @Test func veryLongLineIsNotEchoed() throws {
    let long = String(repeating: "x", count: 5_000_000)
    let r = try lint("unit: acme\nname: Acme\nlevel: company\ncycle: 2027\nobjectives: \(long)\n")
    for d in r.diagnostics { #expect(d.message.en.utf8.count < 300) }
    _ = try only(r, "input-limit", line: 5)
  }

  @Test func veryLongUnquotedKeyIsNotEchoed() throws {
    let r = try lint(String(repeating: "k", count: 2_000_000) + ": 1\n")
    #expect(!r.diagnostics.isEmpty)
    for d in r.diagnostics { #expect(d.message.en.utf8.count < 300) }
  }

  @Test func deeplyNestedDocumentStops() throws {
    let depth = 100_000
    let text = "unit: acme\nname: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    let r = try lint(text)
    _ = try only(r, "input-limit", line: 2)
  }

  @Test func deeplyNestedBlockMappingsStop() throws {
    var text = "unit: acme\nname:\n"
    for i in 0..<200 { text += String(repeating: " ", count: i + 1) + "k\(i):\n" }
    let r = try lint(text)
    _ = try only(r, "input-limit")
  }

  @Test func billionLaughsIsRefusedWithoutExpanding() throws {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 {
      text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    text += "unit: acme\nname: *a9\n"
    let r = try lint(text)
    let d = try only(r, "yaml-syntax", line: 2)
    #expect(d.message.en.contains("alias"))
  }

  @Test func rootThatIsNotAMapping() throws {
    _ = try only(try lint("- just\n- a list\n"), "schema", line: 1)
    _ = try only(try lint("just a sentence\n"), "schema", line: 1)
  }

  @Test func oversizedFileIsReportedNotParsed() throws {
    let plan = try TemporaryPlan([:])
    try plan.write("big.yaml", Data(repeating: UInt8(ascii: "#"), count: PlanLoader.maxFileBytes + 10))
    let r = try plan.lint()
    _ = try only(r, "input-limit", line: 1)
  }

  @Test func randomBytesNeverCrash() throws {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("unit: name level []{}-,:&*!|>'\"#\n\t %@`?".utf8) + [0xE4, 0xB8, 0xAD, 0xFF, 0]
    for _ in 0..<300 {
      let count = Int.random(in: 0..<400, using: &generator)
      let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
      let r = try lint(bytes: bytes)
      for d in r.diagnostics { #expect(d.message.en.utf8.count < 400) }
    }
  }

  @Test func missingPathIsALoadError() {
    #expect(throws: LoadError.self) { try Linter.validate(paths: ["/nonexistent/plan-\(UUID())"]) }
  }

  @Test func unreadableFileIsALoadError() throws {
    // A FIFO is neither a file nor a folder; reading it would block. Works as root too, which
    // reads through any permission bits.
    let plan = try TemporaryPlan(["a.yaml": "unit: a\n"])
    #expect(mkfifo(plan.path("pipe.yaml"), 0o644) == 0)
    #expect(throws: LoadError.self) { try Linter.validate(paths: [plan.path("pipe.yaml")]) }
    // Found while walking a folder, it is skipped rather than read.
    #expect(try plan.lint().plan.files.count == 1)
    if getuid() != 0 {
      chmod(plan.path("a.yaml"), 0)
      #expect(throws: LoadError.self) { try plan.lint() }
    }
  }
}

@Suite struct LargeCheckInTests {
  /// checkins.csv is not held to the 16 MiB limit of plan files: a year of check-ins is larger.
  @Test func checkInsLargerThanAPlanFileAreReadWhole() throws {
    let plan = try TemporaryPlan([
      "plan.yaml": """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: o
          title: O
          key_results:
            - {id: k, title: 50 deals, baseline: 0, target: 50, unit: deals}
      """
    ])
    let note = String(repeating: "n", count: 1000)
    var csv = "date,key_result,value,confidence,note,author\n"
    let row = "2027-02-01,acme/o/k,5,0.5,\(note),a\n"
    let rows = PlanLoader.maxFileBytes / row.utf8.count + 100
    csv.reserveCapacity(rows * row.utf8.count + 100)
    for _ in 0..<rows { csv += row }
    csv += "2027-02-02,acme/o/k,7,0.5,last,a\n"
    try plan.write("checkins.csv", Data(csv.utf8))
    let result = try plan.lint()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(2).map(\.message.en))")
    #expect(result.checkIns.entries.count == rows + 1)
    #expect(result.checkIns.entries.last?.value == 7)
  }
}
