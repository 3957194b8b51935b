import Graphviz

/// The diagrams' DOT source builder.
typealias DOTBuffer = Graphviz.DOTBuffer

/// Small helpers for Graphviz HTML-like labels. Only these functions put user text into markup,
/// always through ``Graphviz/htmlEscape(_:)``.
enum HTML {
  /// ``Graphviz/htmlEscape(_:)``, with a shortcut for text it would leave unchanged: printable
  /// ASCII without `& < > " ' \\ ]`, and any non-ASCII text free of those and of control
  /// characters (C1 controls and U+FFFE/U+FFFF are caught by the slow path's check).
  ///
  /// Never empty or only line breaks: Graphviz rejects a whole label whose `<B>`, `<I>` or
  /// `<FONT>` holds no text (`<B></B>`, `<B>\n</B>`), which a title of control characters
  /// alone, removed by the escaper, would give. Such text becomes one space.
  static func escape(_ text: String) -> String {
    let escaped = escapeText(text)
    return escaped.utf8.allSatisfy({ $0 == 0x0A || $0 == 0x09 || $0 == 0x20 }) ? " " : escaped
  }

  private static func escapeText(_ text: String) -> String {
    for byte in text.utf8 {
      switch byte {
      case 0x00..<0x20, 0x7F, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
        UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "]"), 0xC2, 0xD8...0xDF, 0xE0...0xE2, 0xEF, 0xF0, 0xF3:
        // Lead bytes of the blocks holding controls and invisible format characters: 0xC2
        // U+0080…U+00BF (C1, soft hyphen), 0xD8–0xDF U+0600…U+07FF, 0xE0–0xE2 U+0800…U+2FFF
        // (bidirectional controls), 0xEF U+F000…U+FFFF (BOM), 0xF0 and 0xF3 (U+10000… and tags).
        // CJK text (0xE3–0xE9) takes the fast path.
        return Graphviz.htmlEscape(text)
      default:
        continue
      }
    }
    return text
  }

  /// Escaped lines joined with `<BR/>` (alignment comes from the cell's `BALIGN`).
  static func lines(_ lines: [String]) -> String {
    lines.isEmpty ? " " : lines.map(escape).joined(separator: "<BR/>")
  }

  /// Appends escaped lines joined with `<BR/>`.
  static func appendLines(_ lines: [String], to out: inout String) {
    if lines.isEmpty { out += " " }
    for (i, line) in lines.enumerated() {
      if i > 0 { out += "<BR/>" }
      out += escape(line)
    }
  }

  static func font(_ content: String, color: String? = nil, size: Int? = nil) -> String {
    var open = "<FONT"
    if let color { open += " COLOR=\"\(color)\"" }
    if let size { open += " POINT-SIZE=\"\(size)\"" }
    return open + ">" + (content.isEmpty ? " " : content) + "</FONT>"
  }
}
