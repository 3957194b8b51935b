import Graphviz

/// Accumulates DOT source. Every id and plain-text value goes through ``Graphviz/quoteID(_:)``;
/// HTML-like labels are built by ``HTML`` from text escaped with ``Graphviz/htmlEscape(_:)``,
/// so no plan text can change the structure of the graph.
struct DOTBuffer {
  enum Value: ExpressibleByStringLiteral {
    /// Shown literally.
    case text(String)
    /// HTML-like label markup (balanced, built from escaped text).
    case html(String)

    init(stringLiteral value: String) { self = .text(value) }
  }

  typealias Attributes = [(String, Value)]

  /// UTF-8 bytes of the source (appending bytes is much cheaper than growing a String piece by piece).
  private var bytes: [UInt8] = []
  private var depth = 1

  init(name: String, capacity: Int = 64 * 1024) {
    bytes.reserveCapacity(capacity)
    write("digraph ")
    quote(name)
    write(" {\n")
  }

  /// `key=value;` in the current graph or subgraph.
  mutating func attribute(_ key: String, _ value: Value) {
    indent()
    quote(key)
    bytes.append(UInt8(ascii: "="))
    append(value)
    write(";\n")
  }

  mutating func attributes(_ list: Attributes) {
    for (key, value) in list { attribute(key, value) }
  }

  /// `node [...]`, `edge [...]` or `graph [...]` defaults.
  mutating func defaults(_ kind: String, _ list: Attributes) {
    indent()
    write(kind)
    append(list)
    write(";\n")
  }

  mutating func node(_ id: String, _ list: Attributes) {
    indent()
    quote(id)
    append(list)
    write(";\n")
  }

  mutating func edge(_ tail: String, _ head: String, _ list: Attributes) {
    indent()
    quote(tail)
    write(" -> ")
    quote(head)
    append(list)
    write(";\n")
  }

  mutating func beginSubgraph(_ name: String) {
    indent()
    write("subgraph ")
    quote(name)
    write(" {\n")
    depth += 1
  }

  mutating func endSubgraph() {
    depth -= 1
    indent()
    write("}\n")
  }

  /// The complete source.
  mutating func finish() -> String {
    // Close whatever is open, so the source always parses.
    while depth > 1 {
      depth -= 1
      write("}\n")
    }
    write("}\n")
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``Graphviz/quoteID(_:)``, with a shortcut for plain ASCII text (printable, without `"`,
  /// `\\` or `&`), which it would only wrap in quotes. Attribute names and most ids are such text.
  static func quote(_ text: String) -> String {
    if text.utf8.allSatisfy(isPlain) { return "\"" + text + "\"" }
    return Graphviz.quoteID(text)
  }

  private mutating func quote(_ text: String) {
    if text.utf8.allSatisfy(Self.isPlain) {
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: text.utf8)
      bytes.append(UInt8(ascii: "\""))
    } else {
      bytes.append(contentsOf: Graphviz.quoteID(text).utf8)
    }
  }

  private static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
      && byte != UInt8(ascii: "&")
  }

  private mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  private mutating func indent() {
    for _ in 0..<depth {
      bytes.append(UInt8(ascii: " "))
      bytes.append(UInt8(ascii: " "))
    }
  }

  private mutating func append(_ list: Attributes) {
    guard !list.isEmpty else { return }
    write(" [")
    for (i, (key, value)) in list.enumerated() {
      if i > 0 { write(", ") }
      quote(key)
      bytes.append(UInt8(ascii: "="))
      append(value)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  private mutating func append(_ value: Value) {
    switch value {
    case .text(let text):
      quote(text)
    case .html(let markup):
      assert(HTML.isBalanced(markup), "unbalanced HTML label")
      bytes.append(UInt8(ascii: "<"))
      bytes.append(contentsOf: markup.utf8)
      bytes.append(UInt8(ascii: ">"))
    }
  }
}

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

  /// True when `<` and `>` nest properly (the DOT lexer ends an HTML string at the `>` that
  /// closes the first `<`).
  static func isBalanced(_ markup: String) -> Bool {
    var level = 0
    for byte in markup.utf8 {
      if byte == UInt8(ascii: "<") {
        level += 1
      } else if byte == UInt8(ascii: ">") {
        level -= 1
        if level < 0 { return false }
      } else if byte == 0 {
        return false
      }
    }
    return level == 0
  }
}
