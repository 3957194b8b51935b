import Foundation
import Testing

@testable import Graphviz

@Suite struct RenderTests {
  @Test func versionIsReported() {
    let version = Graphviz.version()
    #expect(version.first?.isNumber == true, "version: \(version)")
  }

  @Test func allFormatsAndLayoutsAreInstalled() {
    #expect(Set(Graphviz.availableFormats) == Set(Graphviz.Format.allCases))
    for layout in Graphviz.Layout.allCases {
      #expect(Graphviz.hasLayout(layout), "missing layout \(layout)")
    }
    #expect(Graphviz.availableFormatNames().contains("svg"))
  }

  @Test(arguments: Graphviz.Format.allCases)
  func rendersEveryFormat(format: Graphviz.Format) throws {
    let bytes = try Graphviz.render(dot: smallGraph, format: format)
    #expect(bytes.count > 20)
    let text = bytes.utf8String
    switch format {
    case .svg:
      #expect(text.contains("<svg"))
      #expect(text.contains("</svg>"))
    case .png:
      #expect(bytes.hasPrefix([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    case .pdf:
      #expect(bytes.hasPrefix(Array("%PDF-".utf8)))
      #expect(text.contains("%%EOF"))
    case .dot:
      #expect(text.hasPrefix("digraph G {"))
      #expect(text.contains("pos="))
    case .plain:
      #expect(text.hasPrefix("graph "))
      #expect(text.contains("node objective"))
      #expect(text.hasSuffix("stop\n"))
    case .json:
      let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
      #expect(object?["name"] as? String == "G")
    }
  }

  @Test(arguments: Graphviz.Layout.allCases)
  func everyLayoutEngineWorks(layout: Graphviz.Layout) throws {
    let svg = try scanSVG(Graphviz.render(dot: smallGraph, layout: layout, format: .svg))
    #expect(svg.nodeCount == 3)
    #expect(svg.edgeCount == 2)
  }

  @Test func warningsAreReturnedNotPrinted() throws {
    let output = try Graphviz.renderWithWarnings(
      dot: "digraph { a [shape=nosuchshape]; }", format: .svg)
    #expect(output.bytes.utf8String.contains("<svg"))
    #expect(output.warnings.contains { $0.contains("nosuchshape") }, "\(output.warnings)")
    // ... and do not leak into the next call.
    let clean = try Graphviz.renderWithWarnings(dot: smallGraph, format: .svg)
    #expect(clean.warnings.isEmpty, "\(clean.warnings)")
  }

  @Test func builderProducesRenderableSource() throws {
    var writer = Graphviz.DOTBuffer(name: "okr")
    writer.attribute("rankdir", "LR")
    writer.defaults("node", [("shape", "box")])
    writer.beginSubgraph("cluster_q1")
    writer.attribute("label", "Q1")
    writer.node("o1", [("label", "Objective")])
    writer.node("kr1", [("label", .html("<b>\(Graphviz.htmlEscape("KR <1> & \"more\""))</b>"))])
    writer.endSubgraph()
    writer.edge("o1", "kr1", [("label", "drives \(2) things")])
    writer.node("bad", [("label", .html("<b>unbalanced</b"))])
    let source = writer.finish()
    let svg = try scanSVG(Graphviz.render(dot: source, format: .svg))
    #expect(svg.nodeCount == 3)
    #expect(svg.edgeCount == 1)
    #expect(svg.texts.contains("KR <1> & \"more\""), "\(svg.texts)")
    #expect(svg.texts.contains("<b>unbalanced</b"), "\(svg.texts)")
    #expect(svg.texts.contains("Q1"))
    #expect(svg.texts.contains("drives 2 things"))
  }

  @Test func builderNamesAndClosesWhatIsOpen() {
    var named = Graphviz.DOTBuffer(name: "a b")
    named.beginSubgraph("cluster_x")
    named.node("n")
    // What is still open is closed, so the source always parses.
    #expect(named.finish() == "digraph \"a b\" {\n  subgraph \"cluster_x\" {\n    \"n\";\n}\n}\n")
    var anonymous = Graphviz.DOTBuffer()
    #expect(anonymous.finish() == "digraph {\n}\n")
  }

  /// The shortcut in Graphviz.DOTBuffer.quote must give exactly what ``Graphviz/quoteID(_:)`` gives.
  @Test func quoteMatchesQuoteID() {
    var generator = SystemRandomNumberGenerator()
    var inputs = [
      "", "plain", "acme/grow-sales", "cluster_sales-east", "2027", "graph", "a b c", "#c62828", "quote\"",
      "back\\slash", "amp&", "<b>", "it's", "tab\there", "line\nfeed", "del\u{7F}", "c1\u{85}", "销售额", "🚀",
    ]
    for _ in 0..<500 {
      let length = Int.random(in: 0..<12, using: &generator)
      let scalars = (0..<length).map { _ in Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator)) }
      inputs.append(String(String.UnicodeScalarView(scalars)))
    }
    for text in inputs { #expect(Graphviz.DOTBuffer.quote(text) == Graphviz.quoteID(text), "\(text.debugDescription)") }
  }

  @Test func htmlLabelsAreBalanced() {
    #expect(Graphviz.isBalancedHTML("<B>x</B>"))
    #expect(!Graphviz.isBalancedHTML("<B x"))
    #expect(!Graphviz.isBalancedHTML("x>"))
    #expect(!Graphviz.isBalancedHTML("<B>\u{0}</B>"))
  }
}
