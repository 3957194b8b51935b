import Graphviz
import Testing

@testable import CascadeDiagram

/// The shortcut in HTML.escape must give exactly what the Graphviz module's function gives.
@Suite struct EscapingTests {
  static let samples: [String] = [
    "", "plain", "acme/grow-sales", "cluster_sales-east", "2027", "graph", "a b c", "#c62828",
    "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif", "quote\"", "back\\slash", "amp&", "<b>", "it's",
    "tab\there", "line\nfeed", "cr\r\nlf", "bell\u{7}", "del\u{7F}", "c1\u{85}\u{9F}", "nbsp\u{A0}©",
    "销售额", "→ ≥ ≤ ● ○ ✗ ⚠", "🚀👩‍💻", "\u{FFFE}\u{FFFF}\u{FFFD}", "\u{2028}\u{2029}", "ｆｕｌｌ",
  ]

  @Test func escapeMatchesGraphvizHTMLEscape() {
    var generator = SystemRandomNumberGenerator()
    var inputs = Self.samples
    for _ in 0..<500 {
      let length = Int.random(in: 0..<12, using: &generator)
      let scalars = (0..<length).map { _ in Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator)) }
      inputs.append(String(String.UnicodeScalarView(scalars)))
    }
    for text in inputs {
      // Never empty or only whitespace (Graphviz rejects an empty <B></B>).
      let escaped = Graphviz.htmlEscape(text)
      let expected = escaped.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } ? " " : escaped
      #expect(HTML.escape(text) == expected, "\(text.debugDescription)")
    }
  }

}
