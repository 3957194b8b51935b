import Testing

@testable import Graphviz

/// Bidirectional controls would reorder what the reader of a diagram sees (a title ending in
/// "U+202E exe.txt" shows as "txt.exe"): they are shown as text instead.
@Suite struct BidiEscapingTests {
  @Test(
    arguments: [
      0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0xFEFF, 0x61C,
      0xAD, 0xE0041,
    ] as [UInt32])
  func bidiControlsAreShown(_ value: UInt32) throws {
    let scalar = try #require(Unicode.Scalar(value))
    let text = "a" + String(Character(scalar)) + "b"
    let name = String(value, radix: 16, uppercase: true)
    #expect(Graphviz.quoteID(text) == "\"a\\\\u{\(name)}b\"")
    #expect(Graphviz.htmlEscape(text) == "a\\\\u{\(name)}b")
  }

  @Test func theSVGShowsThemLiterally() throws {
    let dot =
      "digraph { a [label=\(Graphviz.quoteID("x\u{202E}y"))]; b [shape=plain label=<\(Graphviz.htmlEscape("p\u{2066}q"))>] }"
    let output = try Graphviz.renderWithWarnings(dot: dot, format: .svg)
    #expect(output.warnings.isEmpty)
    let svg = String(decoding: output.bytes, as: UTF8.self)
    #expect(svg.contains("x\\u{202E}y"))
    #expect(svg.contains("p\\u{2066}q"))
    #expect(
      !svg.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
  }

  @Test func otherTextIsUntouched() {
    #expect(Graphviz.quoteID("销售额 → 800 万 · ✗ 👩‍💻") == "\"销售额 → 800 万 · ✗ 👩‍💻\"")
    #expect(Graphviz.htmlEscape("销售额 → 800 万 · ✗ 👩‍💻") == "销售额 → 800 万 · ✗ 👩‍💻")
  }
}
