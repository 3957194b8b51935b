import Testing

@testable import Graphviz

@Suite struct EscapingTests {
  /// Labels that try to break out of DOT strings, trigger Graphviz's label
  /// escapes (\N \G ...), entity decoding, or HTML.
  static let hostile: [String] = [
    #"say "hi""#,
    #"back\slash"#,
    #"trailing backslash\"#,
    #"\N \G \E \T \H \L \n \l \r \\"#,
    "line one\nline two",
    "crlf one\r\ncrlf two",
    #"]; evil -> x [label=""#,
    "<b>bold</b>",
    "&amp; &lt; &#38; & ;",
    "emoji 🚀👩‍💻",
    "中文标签：下季度销售额增长20%",
    "it's 'quoted'",
    "x -- y",
    "} digraph { z",
    "/* not a comment */ // nor this",
    "<<html>>",
  ]

  /// The lines Graphviz must draw for `text`.
  static func expectedLines(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
  }

  @Test func hostileLabelsRoundTripThroughSVG() throws {
    var writer = Graphviz.DOTBuffer()
    for (index, label) in Self.hostile.enumerated() {
      writer.node("n\(index)", [("label", .text(label))])
      if index > 0 {
        writer.edge("n\(index - 1)", "n\(index)", [("label", .text(label))])
      }
    }
    let svg = try scanSVG(Graphviz.render(dot: writer.finish(), format: .svg))
    #expect(svg.nodeCount == Self.hostile.count)
    #expect(svg.edgeCount == Self.hostile.count - 1)
    for label in Self.hostile {
      for line in Self.expectedLines(label) {
        let occurrences = svg.texts.filter { $0 == line }.count
        // Once as a node label, once as an edge label (except the first).
        let expected = label == Self.hostile[0] ? 1 : 2
        #expect(occurrences == expected, "\(line.debugDescription) in \(svg.texts)")
      }
    }
  }

  @Test func hostileIDsAreSingleNodesAndDisplayLiterally() throws {
    var writer = Graphviz.DOTBuffer()
    for (index, id) in Self.hostile.enumerated() {
      writer.node(id)  // default label \N shows the ID
      if index > 0 { writer.edge(Self.hostile[index - 1], id) }
    }
    let svg = try scanSVG(Graphviz.render(dot: writer.finish(), format: .svg))
    #expect(svg.nodeCount == Self.hostile.count)
    #expect(svg.edgeCount == Self.hostile.count - 1)
    for id in Self.hostile {
      for line in Self.expectedLines(id) {
        #expect(svg.texts.contains(line), "\(line.debugDescription) in \(svg.texts)")
      }
    }
  }

  @Test func hostileTextInHTMLLabels() throws {
    var writer = Graphviz.DOTBuffer()
    for (index, text) in Self.hostile.enumerated() {
      let cell = Graphviz.htmlEscape(text.replacingOccurrences(of: "\n", with: " "))
      writer.node(
        "h\(index)",
        [("shape", "plain"), ("label", .html("<table><tr><td>\(cell)</td></tr></table>"))])
    }
    let output = try Graphviz.renderWithWarnings(dot: writer.finish(), format: .svg)
    #expect(output.warnings.isEmpty, "\(output.warnings)")
    let svg = try scanSVG(output.bytes)
    #expect(svg.nodeCount == Self.hostile.count)
    for text in Self.hostile {
      let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(
        of: "\n", with: " ")
      #expect(svg.texts.contains(flat), "\(flat.debugDescription) in \(svg.texts)")
    }
  }

  @Test func keywordAndNumericIDsStayOneNodeEach() throws {
    let ids = [
      "2027", "graph", "node", "digraph", "01x", "2027abc", "", "Strict", "EDGE", "subgraph",
      "-1.5", ".5", "a b", "a;b", "a->b", "a--b", "a:b", "a,b", "a=b", "a[b]",
    ]
    var writer = Graphviz.DOTBuffer()
    for (index, id) in ids.enumerated() {
      writer.node(id)
      if index > 0 { writer.edge(ids[index - 1], id) }
    }
    let output = try Graphviz.renderWithWarnings(dot: writer.finish(), format: .svg)
    #expect(output.warnings.isEmpty, "\(output.warnings)")
    let svg = try scanSVG(output.bytes)
    #expect(svg.nodeCount == ids.count)
    #expect(svg.edgeCount == ids.count - 1)
    for id in ids where !id.isEmpty {
      #expect(svg.texts.contains(id), "\(id) in \(svg.texts)")
    }
    // Unquoted, these would split or fail: prove the quoting matters.
    #expect(throws: Graphviz.Error.self) {
      try Graphviz.render(dot: "digraph { graph -> node; }", format: .svg)
    }
  }

  @Test func quoteIDExactOutput() {
    #expect(Graphviz.quoteID("") == #""""#)
    #expect(Graphviz.quoteID("graph") == #""graph""#)
    #expect(Graphviz.quoteID(#"a"b\c"#) == #""a\"b\\c""#)
    #expect(Graphviz.quoteID("a\nb\r\nc\rd\u{2028}e") == #""a\nb\nc\nd\ne""#)
    #expect(Graphviz.quoteID("x&y") == #""x&amp;y""#)
    #expect(Graphviz.quoteID("t\tab\u{0}\u{1}\u{7F}\u{9B}z") == #""t abz""#)
    #expect(Graphviz.quoteID("中文 🚀") == "\"中文 🚀\"")
  }

  @Test func htmlEscapeExactOutput() {
    #expect(
      Graphviz.htmlEscape(#"<a href="x">&'</a>"#)
        == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    #expect(Graphviz.htmlEscape("a\u{0}b\u{1B}c\u{FFFF}d\r\ne") == "abcd\ne")
    #expect(Graphviz.htmlEscape(#"\N\\"#) == #"\\N\\\\"#)
    #expect(Graphviz.htmlEscape("中文 🚀") == "中文 🚀")
    #expect(Graphviz.htmlEscape("a]]>b") == "a&#93;&#93;&gt;b")
  }

  /// Text runs the HTML-label lexer of Graphviz 2.42/2.43 rejects unless `]` is a character
  /// reference: a run that is exactly `]` or `]]`, or one ending in a line feed or tab and `]`
  /// (the parser behind it holds back a trailing `]` that might start `]]>`), and `]]>` itself.
  static let brackets = [
    "]", "]]", "]]]", "]]>", "a]]>b", "]]&gt;", "x ]", "[x]", "]a", "a]", "\n]", "\t]", "] ]", "]]]]>",
  ]

  @Test(arguments: brackets) func bracketsInHTMLLabels(_ text: String) throws {
    let cell = Graphviz.htmlEscape(text)
    var writer = Graphviz.DOTBuffer()
    // Alone in a cell, after a line break, and inside bold and font elements.
    writer.node("a", [("shape", "plain"), ("label", .html("<table><tr><td>\(cell)</td></tr></table>"))])
    writer.node("b", [("shape", "plain"), ("label", .html("<table><tr><td>x<br/>\(cell)</td></tr></table>"))])
    writer.node("c", [("shape", "plain"), ("label", .html("<table><tr><td><b>\(cell)</b></td></tr></table>"))])
    writer.node(
      "d",
      [("shape", "plain"), ("label", .html("<table><tr><td><font color=\"red\">\(cell)</font></td></tr></table>"))])
    let output = try Graphviz.renderWithWarnings(dot: writer.finish(), format: .svg)
    #expect(output.warnings.isEmpty, "\(output.warnings)")
    let svg = try scanSVG(output.bytes)
    #expect(svg.nodeCount == 4)
    let shown = text.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(svg.texts.filter { $0.trimmingCharacters(in: .whitespaces) == shown }.count == 4, "\(svg.texts)")
  }
}
