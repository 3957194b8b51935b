import CascadeCore
import Testing

@testable import CascadeDiagram

/// Focus, depth and levels.
@Suite struct SelectionTests {
  /// Unit ids of the clusters in the diagram.
  func units(_ result: LintResult, _ options: DiagramOptions) throws -> Set<String> {
    let graph = try CascadeDiagram.graph(for: result, progress: nil, options: options)
    return Set(graph.clusters.map { String($0.id.dropFirst("cluster_".count)) })
  }

  func objectives(_ result: LintResult, _ options: DiagramOptions) throws -> Set<String> {
    let graph = try CascadeDiagram.graph(for: result, progress: nil, options: options)
    return Set(graph.clusters.flatMap { $0.nodes.map(\.id) })
  }

  @Test func focusOnAUnitShowsItsSubtreeAndItsChainUp() throws {
    let result = try examplePlan("sales-en")
    let shown = try units(result, DiagramOptions(focus: "sales-east"))
    #expect(shown == ["acme", "sales", "sales-east", "zhang-wei", "li-na"])
    #expect(!shown.contains("sales-north"))
    #expect(!shown.contains("customer-success"))
    // Edges only between what is shown: nothing dangles.
    let graph = try CascadeDiagram.graph(for: result, progress: nil, options: DiagramOptions(focus: "sales-east"))
    let nodes = Set(graph.clusters.flatMap { $0.nodes.map(\.id) })
    for edge in graph.edges {
      #expect(nodes.contains(edge.tail) && nodes.contains(edge.head), "\(edge.tail) -> \(edge.head)")
    }
    let svg = try renderSVG(graph.dot())
    #expect(svg.clusters == 5)
    #expect(svg.edges == graph.visibleEdgeCount)
    #expect(svg.normalizedTexts.contains("focus: sales-east"))
  }

  @Test func focusOnAnObjectiveFollowsLinksDownAndUp() throws {
    let result = try examplePlan("sales-en")
    let shown = try objectives(result, DiagramOptions(focus: "sales/hit-revenue"))
    #expect(shown.contains("sales/hit-revenue"))
    #expect(shown.contains("acme/grow-sales"))  // up
    #expect(shown.contains("sales-east/win-east"))  // down
    #expect(shown.contains("sales-east/more-visits"))
    #expect(shown.contains("zhang-wei/new-clients"))  // down, two levels
    #expect(shown.contains("wang-fang/personal-best"))
    #expect(!shown.contains("sales/sell-products"))  // more-visits' other parent is not on the chain
    #expect(!shown.contains("acme/satisfy-customers"))
    #expect(!shown.contains("customer-success/raise-csat"))
    #expect(!shown.contains("zhang-wei/sharpen-skills"))
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(focus: "sales/hit-revenue"))
    #expect(dot.contains("COLOR=\"#e07b00\""))  // the focused objective is highlighted
    try expectDotAccepts(dot)
    // A key result reference focuses on its objective.
    #expect(try objectives(result, DiagramOptions(focus: "sales/hit-revenue/visits")) == shown)
  }

  @Test func unknownFocusSuggestsTheClosest() throws {
    let result = try examplePlan("sales-en")
    func failure(_ focus: String) -> DiagramError? {
      do {
        _ = try CascadeDiagram.dot(for: result, options: DiagramOptions(focus: focus))
        return nil
      } catch {
        return error
      }
    }
    #expect(failure("sales-est") == .unknownFocus("sales-est", suggestion: "sales-east"))
    #expect(failure("sale/hit-revenue") == .unknownFocus("sale/hit-revenue", suggestion: "sales/hit-revenue"))
    #expect(failure("sales/hit-revenu") == .unknownFocus("sales/hit-revenu", suggestion: "sales/hit-revenue"))
    #expect(
      failure("sales/hit-revenue/visit")
        == .unknownFocus("sales/hit-revenue/visit", suggestion: "sales/hit-revenue/visits"))
    #expect(failure("marketing") == .unknownFocus("marketing", suggestion: nil))
    #expect(failure("a/b/c/d") == .unknownFocus("a/b/c/d", suggestion: nil))
    #expect(
      failure("sales-est")?.description
        == "focus 'sales-est' is not a unit or objective of this plan (did you mean 'sales-east'?)")
  }

  @Test func depthCountsLevelsBelowTheTopOrTheFocus() throws {
    let result = try examplePlan("sales-en")
    #expect(try units(result, DiagramOptions(depth: 0)) == ["acme"])
    #expect(try units(result, DiagramOptions(depth: 1)) == ["acme", "sales", "customer-success"])
    #expect(try units(result, DiagramOptions(depth: 2)).count == 6)
    #expect(
      try units(result, DiagramOptions(focus: "sales", depth: 1)) == ["acme", "sales", "sales-east", "sales-north"])
    #expect(throws: DiagramError.invalidOption(Message(en: "depth must be 0 or more, not -1", zh: "展开层数不能小于 0，当前为 -1")))
    {
      try CascadeDiagram.dot(for: result, options: DiagramOptions(depth: -1))
    }
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(depth: 1))
    try expectDotAccepts(dot)
  }

  @Test func levelsFilterUnitsAndDropEdgesToHiddenOnes() throws {
    let result = try examplePlan("sales-en")
    let options = DiagramOptions(levels: [.company, .team])
    #expect(try units(result, options) == ["acme", "sales-east", "sales-north", "cs-care"])
    let graph = try CascadeDiagram.graph(for: result, progress: nil, options: options)
    // cs-care/callbacks/complaints-closed contributes straight to the company: the only link left.
    let drawn = graph.edges.filter { $0.kind != .rank }
    #expect(drawn.map { "\($0.tail) -> \($0.head)" } == ["acme/satisfy-customers -> cs-care/callbacks"])
    // Teams still sit below the company.
    #expect(
      graph.edges.contains { $0.kind == .rank && $0.tail == "acme/grow-sales" && $0.head == "sales-east/win-east" })
    try expectDotAccepts(graph.dot())
    #expect(try units(result, DiagramOptions(levels: [])).isEmpty)
  }
}
