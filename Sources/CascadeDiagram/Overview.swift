import CascadeCore

/// The overview page of a split diagram: units only, as boxes linking to their pages, joined
/// parent above child.
struct Overview {
  /// The most units the overview shows before it stops descending a level.
  static let maxUnits = 150

  let builder: DiagramBuilder
  let names: PageNames

  func graph() -> DiagramGraph {
    let index = builder.index
    let plan = index.plan
    var g = DiagramGraph()
    g.graphAttributes = builder.graphAttributes(title: builder.planTitle, subtitle: ["overview: click a unit"])
    g.nodeDefaults = DiagramBuilder.nodeDefaults
    g.edgeDefaults = DiagramBuilder.edgeDefaults

    // Only as many levels from the top as fit on a readable page; each unit's own page links on
    // down to its children, so nothing becomes unreachable.
    let tops = (0..<plan.units.count).filter { Selection.isTop($0, index) }
    let depth = Selection.distances(from: tops, index)
    var perDepth: [Int: Int] = [:]
    for d in depth { if let d { perDepth[d, default: 0] += 1 } }
    var shownDepth = 0
    var total = perDepth[0] ?? 0
    while let next = perDepth[shownDepth + 1], total + next <= Overview.maxUnits {
      total += next
      shownDepth += 1
    }
    var node = [String?](repeating: nil, count: plan.units.count)
    for u in builder.order {
      let unit = plan.units[u]
      if let levels = builder.options.levels, unit.level.map({ !levels.contains($0) }) ?? true { continue }
      if let d = depth[u], d > shownDepth { continue }
      let id = g.uniqueID(unit.id)
      node[u] = id
      let count = unit.objectives.count
      var lines = [HTML.font("\(count) objective\(count == 1 ? "" : "s")", color: Style.muted, size: 10)]
      if let d = depth[u], d == shownDepth, !index.children[u].isEmpty {
        let below = index.children[u].count
        lines.append(HTML.font("\(below) unit\(below == 1 ? "" : "s") below ▸", color: Style.muted, size: 10))
      }
      g.nodes.append(builder.unitBox(u, id: id, url: names.unit[u], lines: lines))
    }
    for u in builder.order {
      guard let child = node[u],
        let parent = index.ancestors(of: u).lazy.compactMap({ node[$0] }).first
      else { continue }
      g.edges.append(
        DiagramGraph.Edge(
          kind: .unitTree, tail: parent, head: child,
          attributes: [("arrowhead", "none"), ("color", .text(Style.unitArrow)), ("penwidth", "1.4")]))
    }
    return g
  }
}
