extension Graphviz {
  /// Returns `text` as a DOT double-quoted string that Graphviz displays
  /// literally when used as a label, and that is a single, safe ID when used
  /// as a node/graph/attribute name.
  ///
  /// Always quotes, so IDs such as `2027`, `01x`, `2027abc`, keywords (`graph`,
  /// `Node`, `STRICT`, ...) and the empty string stay one ID. Escapes:
  /// - `"` → `\"` (the only escape the DOT lexer itself processes);
  /// - `\` → `\\`: the lexer passes backslashes through and label processing
  ///   then interprets `\N \G \E \T \H \L \n \l \r` and turns `\\` into `\`;
  /// - line breaks (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029) → `\n`
  ///   (a centred line break); tab → space;
  /// - `&` → `&amp;`: Graphviz decodes HTML entities (`&amp;`, `&#38;`, ...) in
  ///   plain labels, so a literal `&amp;` must be written `&amp;amp;`;
  /// - other control characters (which would also make SVG output invalid
  ///   XML), U+FFFE and U+FFFF are removed;
  /// - invisible format characters, which would reorder or hide what a reader sees
  ///   (bidirectional controls U+202A–U+202E and U+2066–U+2069, marks, zero-width
  ///   spaces, the BOM, tags), are shown as text: `\u{202E}`.
  public static func quoteID(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "&": out += "&amp;"
      case "\n": if !previousWasCR { out += "\\n" }
      case "\r", "\u{85}", "\u{2028}", "\u{2029}": out += "\\n"
      case "\t": out += " "
      default:
        if let shown = visibleFormat(scalar) {
          out += "\\\\" + shown
        } else if !isRemovedControl(scalar) {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// Escapes `text` for use inside an HTML-like label (`label=<...>`), as
  /// element content or attribute value: `&` `<` `>` `"` `'` become entities;
  /// `]` becomes `&#93;`: Graphviz (2.42, 2.43) hands each text run to an XML parser that holds
  /// back a `]` that could start `]]>`, so a run that is exactly `]` or `]]` (or ends in a line
  /// feed or tab and `]`) arrives after its closing tag and the whole label is rejected;
  /// `\` becomes `\\`, because Graphviz applies its `\N \G \E ...`
  /// substitutions to HTML label text too (after entity decoding, so an entity
  /// would not help); and control characters that the XML parser behind Graphviz's HTML labels
  /// rejects (everything below U+0020 except tab and newline, plus DEL, C1
  /// controls, U+FFFE, U+FFFF) are removed; CR is dropped; U+2028 and U+2029 become spaces; invisible format characters are
  /// shown as text (`\u{202E}`), as in ``quoteID(_:)``. Line breaks stay whitespace; use `<br/>`
  /// for a visual break.
  public static func htmlEscape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "]": out += "&#93;"
      case "\\": out += "\\\\"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      case "\u{2028}", "\u{2029}": out += " "  // whitespace, as a line feed is here
      case "\r": break
      default:
        if let shown = visibleFormat(scalar) {
          out += "\\\\" + shown
        } else if !isRemovedControl(scalar) {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// `u{202E}` for a character that would change what a reader sees without being seen itself
  /// (bidirectional marks, embeddings, overrides and isolates, zero-width spaces, the BOM,
  /// soft hyphens, tags: Unicode's format characters, but the joiners U+200C and U+200D that
  /// emoji and some scripts need), nil for any other character. The caller writes the escaped
  /// backslash before it. The same set as the text reports' `visible`.
  private static func visibleFormat(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x200C, 0x200D: return nil
    case 0xAD, 0x600...0x8FF, 0x180E, 0x200B...0x206F, 0xFEFF...0xFFFB, 0x110BD...:
      guard scalar.value == 0xAD || scalar.properties.generalCategory == .format else { return nil }
      return "u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    default: return nil
    }
  }

  /// C0 controls, DEL, C1 controls and the non-characters U+FFFE/U+FFFF.
  private static func isRemovedControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
    default: false
    }
  }
}
