extension Graphviz {
  /// A minimal DOT source builder. Every ID, attribute name and text value is
  /// emitted through ``Graphviz/quoteID(_:)``, so no input can change the
  /// structure of the graph.
  ///
  /// ```swift
  /// var w = Graphviz.DOTWriter()
  /// w.graphAttributes(["rankdir": "LR"])
  /// w.node("o1", ["label": "Grow revenue", "shape": "box"])
  /// w.edge("o1", "kr1")
  /// let bytes = try Graphviz.render(dot: w.source, format: .svg)
  /// ```
  public struct DOTWriter: Sendable {
    /// An attribute value.
    public enum Value: Sendable, Hashable, ExpressibleByStringInterpolation {
      /// Plain text, shown literally (quoted with ``Graphviz/quoteID(_:)``).
      case text(String)
      /// HTML-like label markup, emitted as `<markup>`. Escape text inside
      /// it with ``Graphviz/htmlEscape(_:)``. Markup whose `<`/`>` do not
      /// balance would swallow the rest of the DOT source, so it is emitted
      /// as plain text instead.
      case html(String)

      public init(stringLiteral value: String) { self = .text(value) }
    }

    public typealias Attributes = KeyValuePairs<String, Value>

    private var lines: [String] = []
    private let header: String
    private let edgeOperator: String
    private let depth: Int

    public init(name: String? = nil, directed: Bool = true, strict: Bool = false) {
      var header = strict ? "strict " : ""
      header += directed ? "digraph" : "graph"
      if let name { header += " " + Graphviz.quoteID(name) }
      self.header = header
      self.edgeOperator = directed ? "->" : "--"
      self.depth = 1
    }

    private init(child parent: DOTWriter) {
      header = ""
      edgeOperator = parent.edgeOperator
      depth = parent.depth + 1
    }

    public mutating func graphAttributes(_ attributes: Attributes) {
      for (key, value) in attributes {
        append("\(Graphviz.quoteID(key))=\(Self.render(value))")
      }
    }

    /// Default attributes for nodes declared after this call.
    public mutating func nodeDefaults(_ attributes: Attributes) {
      append("node\(Self.render(attributes))")
    }

    /// Default attributes for edges declared after this call.
    public mutating func edgeDefaults(_ attributes: Attributes) {
      append("edge\(Self.render(attributes))")
    }

    public mutating func node(_ id: String, _ attributes: Attributes = [:]) {
      append(Graphviz.quoteID(id) + Self.render(attributes))
    }

    public mutating func edge(_ from: String, _ to: String, _ attributes: Attributes = [:]) {
      append(
        "\(Graphviz.quoteID(from)) \(edgeOperator) \(Graphviz.quoteID(to))\(Self.render(attributes))"
      )
    }

    /// A subgraph; name it `cluster…` to draw a box around it.
    public mutating func subgraph(_ name: String? = nil, _ body: (inout DOTWriter) -> Void) {
      var child = DOTWriter(child: self)
      body(&child)
      append("subgraph" + (name.map { " " + Graphviz.quoteID($0) } ?? "") + " {", terminator: "")
      lines += child.lines
      append("}", terminator: "")
    }

    /// The complete DOT source.
    public var source: String {
      "\(header) {\n" + lines.map { $0 + "\n" }.joined() + "}\n"
    }

    private mutating func append(_ line: String, terminator: String = ";") {
      lines.append(String(repeating: "  ", count: depth) + line + terminator)
    }

    private static func render(_ attributes: Attributes) -> String {
      if attributes.isEmpty { return "" }
      let list = attributes.map { "\(Graphviz.quoteID($0.key))=\(render($0.value))" }
      return " [" + list.joined(separator: ", ") + "]"
    }

    private static func render(_ value: Value) -> String {
      switch value {
      case .text(let text): return Graphviz.quoteID(text)
      case .html(let markup):
        return isBalanced(markup) ? "<\(markup)>" : Graphviz.quoteID(markup)
      }
    }

    /// The DOT lexer ends an HTML string when its `<`/`>` nesting returns to
    /// zero; NUL would truncate the source.
    private static func isBalanced(_ markup: String) -> Bool {
      var level = 0
      for byte in markup.utf8 {
        switch byte {
        case UInt8(ascii: "<"): level += 1
        case UInt8(ascii: ">"):
          level -= 1
          if level < 0 { return false }
        case 0: return false
        default: break
        }
      }
      return level == 0
    }
  }
}
