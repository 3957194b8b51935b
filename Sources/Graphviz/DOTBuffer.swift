extension Graphviz {
  /// The DOT source builder. Every id and plain-text value goes through ``Graphviz/quoteID(_:)``;
  /// HTML-like labels are built from text escaped with ``Graphviz/htmlEscape(_:)``, and markup
  /// whose `<`/`>` do not balance is shown as text: no input can change the structure of the
  /// graph.
  ///
  /// ```swift
  /// var dot = Graphviz.DOTBuffer(name: "okr")
  /// dot.attribute("rankdir", "LR")
  /// dot.defaults("node", [("shape", "box")])
  /// dot.node("o1", [("label", "Grow revenue")])
  /// dot.edge("o1", "kr1")
  /// let bytes = try Graphviz.render(dot: dot.finish(), format: .svg)
  /// ```
  public struct DOTBuffer: Sendable {
    /// An attribute value.
    public enum Value: Sendable, Hashable, ExpressibleByStringInterpolation {
      /// Shown literally.
      case text(String)
      /// HTML-like label markup, emitted as `<markup>`: build it from text escaped with
      /// ``Graphviz/htmlEscape(_:)``. Markup whose `<`/`>` do not balance (it would swallow the
      /// rest of the source) is emitted as text instead.
      case html(String)

      public init(stringLiteral value: String) { self = .text(value) }
    }

    public typealias Attributes = [(String, Value)]

    /// UTF-8 bytes of the source (appending bytes is much cheaper than growing a String piece by piece).
    private var bytes: [UInt8] = []
    private var depth = 1

    /// A directed graph (`digraph name {`, or `digraph {` without a name).
    public init(name: String? = nil, capacity: Int = 64 * 1024) {
      bytes.reserveCapacity(capacity)
      write("digraph ")
      if let name {
        quote(name)
        write(" ")
      }
      write("{\n")
    }

    /// `key=value;` in the current graph or subgraph.
    public mutating func attribute(_ key: String, _ value: Value) {
      indent()
      quote(key)
      bytes.append(UInt8(ascii: "="))
      append(value)
      write(";\n")
    }

    public mutating func attributes(_ list: Attributes) {
      for (key, value) in list { attribute(key, value) }
    }

    /// `node [...]`, `edge [...]` or `graph [...]` defaults.
    public mutating func defaults(_ kind: String, _ list: Attributes) {
      indent()
      write(kind)
      append(list)
      write(";\n")
    }

    public mutating func node(_ id: String, _ list: Attributes = []) {
      indent()
      quote(id)
      append(list)
      write(";\n")
    }

    public mutating func edge(_ tail: String, _ head: String, _ list: Attributes = []) {
      indent()
      quote(tail)
      write(" -> ")
      quote(head)
      append(list)
      write(";\n")
    }

    public mutating func beginSubgraph(_ name: String) {
      indent()
      write("subgraph ")
      quote(name)
      write(" {\n")
      depth += 1
    }

    public mutating func endSubgraph() {
      depth -= 1
      indent()
      write("}\n")
    }

    /// The complete source.
    public mutating func finish() -> String {
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
    public static func quote(_ text: String) -> String {
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
      case .html(let markup) where !Graphviz.isBalancedHTML(markup):
        quote(markup)
      case .html(let markup):
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: markup.utf8)
        bytes.append(UInt8(ascii: ">"))
      }
    }
  }

  /// True when `<` and `>` nest properly and there is no NUL: the DOT lexer ends an HTML string
  /// at the `>` that closes the first `<`, and NUL would cut the source.
  public static func isBalancedHTML(_ markup: String) -> Bool {
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
