import Foundation
import Testing

/// What the executable prints on stderr is one short line with control characters made
/// visible, whatever the arguments; plan text with control characters reaches stdout visibly.
@Suite struct OutputSafetyTests {
  static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x0A: false
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
    case 0x200C, 0x200D: false
    default: u.properties.generalCategory == .format
    }
  }

  static func expectOneShortLine(_ r: CLIRun, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == 2, "\(r.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(r.stderr.utf8.count < 500, "\(r.stderr.utf8.count) bytes", sourceLocation: sourceLocation)
    #expect(r.stderr.hasSuffix("\n"), sourceLocation: sourceLocation)
    #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(!r.stderr.unicodeScalars.contains(where: isUnsafe), "\(r.stderr)", sourceLocation: sourceLocation)
  }

  static let long = String(repeating: "2027-01-01", count: 10_240)
  static let hostile = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}\nnext"

  @Test func aLongArgumentParserValueGivesOneShortLine() throws {
    let r = try CLI.run(["status", "Plans/sales-en", "--as-of", Self.long])
    Self.expectOneShortLine(r)
    #expect(r.stderr.contains("--as-of"), "\(r.stderr)")
    let joined = try CLI.run(["status", "Plans/sales-en", "--as-of=" + Self.long])
    Self.expectOneShortLine(joined)
  }

  @Test func aLongPathGivesOneShortLine() throws {
    let r = try CLI.run(["validate", "/tmp/" + String(repeating: "p", count: 100_000)])
    Self.expectOneShortLine(r)
    #expect(r.stderr.hasSuffix("no such file or directory\n"), "\(r.stderr)")
  }

  @Test func controlsInArgumentsAreShownVisibly() throws {
    Self.expectOneShortLine(try CLI.run(["status", "Plans/sales-en", "--as-of", Self.hostile]))
    Self.expectOneShortLine(try CLI.run(["validate", "/tmp/missing-" + Self.hostile]))
    Self.expectOneShortLine(try CLI.run(["status", "Plans/sales-en", "--unit", Self.hostile]))
    Self.expectOneShortLine(try CLI.run(["explain", "Plans/sales-en", Self.hostile, "--as-of", "2027-02-28"]))
    Self.expectOneShortLine(try CLI.run(["checkin", "/tmp/missing-" + Self.hostile, "a/b/c", "1"]))
    Self.expectOneShortLine(try CLI.run(["frobnicate-" + Self.hostile]))
    let r = try CLI.run(["validate", "/tmp/missing-" + Self.hostile])
    #expect(r.stderr.contains("\\u{1B}]0;pwned\\u{7}"), "\(r.stderr)")
  }

  @Test func aRefusedCheckinDoesNotEchoControls() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let plan = dir + "/plan"
    try FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Plans/sales-en", toPath: plan)
    Self.expectOneShortLine(try CLI.run(["checkin", plan, "acme/" + Self.hostile, "1"]))
    Self.expectOneShortLine(try CLI.run(["checkin", plan, "acme/grow-sales/revenue", Self.hostile]))
    Self.expectOneShortLine(
      try CLI.run(["checkin", plan, "acme/grow-sales/revenue", "5.5", "--date", Self.long]))
  }

  @Test func confirmationsShowFolderNamesVisibly() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let generated = try CLI.run(["generate", "--people", "1", "--out", dir + "/gen\u{1B}]0;t\u{07}"])
    #expect(generated.status == 0, "\(generated.stderr)")
    #expect(!generated.stdout.unicodeScalars.contains(where: Self.isUnsafe), "\(generated.stdout)")
    #expect(generated.stdout.contains("gen\\u{1B}]0;t\\u{7}"))
    let split = try CLI.run([
      "render", "Plans/sales-en", "--split", dir + "/pages\u{1B}[2J\u{202E}", "--format", "dot", "--as-of",
      "2027-02-28",
    ])
    #expect(split.status == 0, "\(split.stderr)")
    #expect(!split.stdout.unicodeScalars.contains(where: Self.isUnsafe), "\(split.stdout)")
  }

  @Test func validateShowsPlanTextVisibly() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let name = dir + "/bad\nname\u{1B}[2J.yaml"
    try Data("unit: acme\nname: \"\\e]0;t\\a\"\nlevel: \"team\\r\\nx\"\ncycle: 2027-Q1\n".utf8).write(
      to: URL(fileURLWithPath: name))
    let r = try CLI.run(["validate", dir])
    #expect(r.status == 1)
    #expect(!r.stdout.unicodeScalars.contains(where: Self.isUnsafe), "\(r.stdout)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count >= 2)
    for line in lines.dropLast() { #expect(line.hasPrefix(dir + "/bad\\nname\\u{1B}[2J.yaml:"), "\(line)") }
  }
}
