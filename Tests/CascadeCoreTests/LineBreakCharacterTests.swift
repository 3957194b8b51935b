import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

/// U+2028, U+2029 and U+0085 are line breaks to libyaml (YAML 1.1) but not to editors (or
/// YAML 1.2): positions are counted as an editor shows them, by "\n" only.
@Suite struct LineBreakCharacterTests {
  static let characters: [(String, String)] = [
    ("\u{2028}", "U+2028"), ("\u{2029}", "U+2029"), ("\u{85}", "U+0085"),
  ]

  func position(_ d: Diagnostic?) -> String {
    d.map { "\($0.location.line):\($0.location.column)" } ?? "none"
  }

  @Test(arguments: characters)
  func aSeparatorInAQuotedStringDoesNotShiftLaterLines(_ character: String, _ name: String) throws {
    let r = try lint(
      """
      unit: acme
      name: "Acme\(character)Corp"
      level: bogus
      cycle: 2027-Q1
      objectives:
        - {id: grow, title: "é\(character)x", weight: heavy}
      """)
    let schema = r.diagnostics.filter { $0.rule == "schema" }.map { position($0) }.sorted()
    // Column 38 counts Unicode scalars: "é" and the separator are one each.
    #expect(schema == ["3:8", "6:38"], "\(name)")
    #expect(r.first("yaml-syntax") == nil, "\(name): \(r.first("yaml-syntax")?.message.en ?? "")")
  }

  @Test(arguments: characters)
  func aSeparatorInACommentIsNamedWhereItIs(_ character: String, _ name: String) throws {
    let r = try lint(
      """
      unit: acme
      name: Acme  # the 进度 note\(character)continued
      level: company
      cycle: 2027-Q1
      """)
    let d = try #require(r.first("yaml-syntax"), "\(name)")
    // Where the character is (line 2, after "name: Acme  # the 进度 note": 25 scalars).
    #expect(position(d) == "2:26", "\(name): \(d.message.en)")
    #expect(d.message.en.contains(name), "\(d.message.en)")
    #expect(d.message.en.contains("delete it"), "\(d.message.en)")
    #expect(d.message.en.utf8.count < 300)
  }

  @Test func aSeparatorInAPlainOrBlockValueIsNamedToo() throws {
    let plain = try lint("unit: acme\nname: Acme\u{2028}Corp\nlevel: company\ncycle: 2027\n")
    let d = try #require(plain.first("yaml-syntax"))
    #expect(position(d) == "2:11", "\(d.message.en)")
    #expect(d.message.en.contains("U+2028"))
    let block = try lint("unit: acme\nname: |\n  Acme\u{85}Corp\nlevel: company\ncycle: 2027\n")
    let b = try #require(block.first("yaml-syntax"))
    #expect(position(b) == "3:7", "\(b.message.en)")
    #expect(b.message.en.contains("U+0085"))
  }

  @Test func unrelatedSyntaxErrorsKeepTheirOwnMessage() throws {
    // A separator far above (in a quoted string) is not blamed for a tab further down.
    let r = try lint("unit: acme\nname: \"A\u{2028}B\"\nlevel: company\nobjectives:\n\t- id: x\n")
    let d = try #require(r.first("yaml-syntax"))
    #expect(d.location.line == 5)
    #expect(d.message.en.contains("tab"), "\(d.message.en)")
    #expect(!d.message.en.contains("U+2028"))
  }

  @Test func aTabAfterWideCharactersIsStillRecognised() throws {
    // libyaml's mark index counts characters, not bytes: the tab check must convert it.
    let r = try lint("unit: acme\nname: 进度进度进度\nobjectives:\n\t- id: x\n")
    let d = try #require(r.first("yaml-syntax"))
    #expect(d.location.line == 4)
    #expect(d.message.en.contains("tab"), "\(d.message.en)")
  }

  @Test func aFileStartingWithAByteOrderMarkReads() throws {
    // Windows editors save UTF-8 with a BOM; libyaml with its encoding fixed to UTF-8 failed.
    let r = try lint(bytes: [0xEF, 0xBB, 0xBF] + Array("unit: acme\nname: A\nlevel: company\ncycle: 2027\n".utf8))
    #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics.map(\.message.en))")
    #expect(r.plan.units.first?.name == "A")
  }

  @Test func lineAndColumnAfterAByteOrderMarkAndCRLF() throws {
    let r = try lint(bytes: [0xEF, 0xBB, 0xBF] + Array("level: bogus\r\nunit: acme\r\nname: A\r\ncycle: x\r\n".utf8))
    let schema = r.diagnostics.filter { $0.rule == "schema" }.map { position($0) }.sorted()
    #expect(schema == ["1:8", "4:8"])
  }

  @Test func readerErrorsAfterSeparatorsArePlacedByNewlines() throws {
    // A reader error (bad UTF-8) carries a byte offset; lines count "\n" only.
    var bytes = Array("unit: acme\nname: \"a\u{2028}b\"\nowner: x".utf8)
    bytes += [0xFF]
    bytes += Array("\n".utf8)
    let r = try lint(bytes: bytes)
    let d = try #require(r.first("yaml-syntax"))
    #expect(position(d) == "3:9", "\(d.message.en)")
  }

  @Test func manySeparatorsInALargeFileStayCheap() throws {
    // Every line holds a separator: positions come from a line table, not a rescan.
    var text = "unit: acme\nname: Acme\nlevel: company\ncycle: 2027\nobjectives:\n"
    for i in 0..<20_000 { text += "  - {id: o\(i), title: \"t\u{2028}\(i)\"}\n" }
    text += "  - {id: last, title: T, weight: heavy}\n"
    let r = try lint(text)
    let d = try #require(r.diagnostics.first { $0.rule == "schema" })
    #expect(d.location.line == 20_006)
  }
}
