import Testing

@testable import Graphviz

@Suite struct MemoryTests {
  /// If agclose/gvFreeLayout/gvFreeRenderData were skipped, every render
  /// would leak the graph, its layout and the output buffer.
  /// A graph big enough that a per-render leak is clearly measurable
  /// (leaking graph + layout of this graph grows RSS by well over 40 MB in
  /// 2,000 renders; the correct code grows by well under 1 MB).
  static let graph: String = {
    var writer = Graphviz.DOTWriter()
    writer.nodeDefaults(["shape": "box"])
    for index in 0..<24 {
      writer.node("n\(index)", ["label": .text("Key result \(index)\nwith two lines")])
      if index > 0 { writer.edge("n\((index - 1) / 2)", "n\(index)", ["label": "e\(index)"]) }
    }
    return writer.source
  }()

  @Test func repeatedRendersDoNotGrowResidentMemory() throws {
    func renderOnce(_ index: Int) throws {
      // cairo/pango (pdf, png) and core (svg) paths; PNG rasterising is slow,
      // so only every 25th render.
      let format: Graphviz.Format = index % 25 == 0 ? .png : index % 2 == 0 ? .svg : .pdf
      let bytes = try Graphviz.render(dot: Self.graph, format: format)
      #expect(bytes.count > 100)
    }
    // Warm up font/plugin caches, then measure.
    for index in 0..<150 { try renderOnce(index) }
    let before = try residentBytes()
    for index in 0..<2_000 { try renderOnce(index) }
    // Also the error paths.
    for _ in 0..<300 {
      #expect(throws: Graphviz.Error.self) {
        try Graphviz.render(dot: "digraph { layout=nosuch; a -> b }", format: .svg)
      }
      #expect(throws: Graphviz.Error.self) {
        try Graphviz.render(dot: "digraph { a -> ; }", format: .svg)
      }
    }
    let after = try residentBytes()
    let growth = after - before
    #expect(growth < 12 * 1024 * 1024, "RSS grew by \(growth / 1024) KiB")
    print("MemoryTests: RSS \(before / 1024) KiB -> \(after / 1024) KiB")
  }
}
