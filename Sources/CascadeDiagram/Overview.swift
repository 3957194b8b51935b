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
    g.graphAttributes = builder.graphAttributes(
      title: builder.planTitle, subtitle: [builder.say(DiagramWords.overview(clickable: builder.clickable))])
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
      var lines = [HTML.font(HTML.escape(builder.say(DiagramWords.objectives(count))), color: Style.muted, size: 10)]
      if let d = depth[u], d == shownDepth, !index.children[u].isEmpty {
        let below = index.children[u].count
        lines.append(
          HTML.font(HTML.escape(builder.say(DiagramWords.unitsBelow(below))), color: Style.muted, size: 10))
      }
      g.nodes.append(builder.unitBox(u, id: id, url: names.unit[u], lines: lines))
    }
    // Children under their nearest shown ancestor, in plan order.
    var kids: [String: [String]] = [:]
    var parents: [String] = []
    for u in builder.order {
      guard let child = node[u],
        let parent = index.ancestors(of: u).lazy.compactMap({ node[$0] }).first
      else { continue }
      if kids[parent] == nil { parents.append(parent) }
      kids[parent, default: []].append(child)
    }
    let tree: DOTBuffer.Attributes = [("arrowhead", "none"), ("color", .text(Style.unitArrow)), ("penwidth", "1.4")]
    for parent in parents {
      let children = kids[parent] ?? []
      guard children.count > DiagramBuilder.gridColumns else {
        for child in children {
          g.edges.append(DiagramGraph.Edge(kind: .unitTree, tail: parent, head: child, attributes: tree))
        }
        continue
      }
      // Many children: a grid of rows (as on unit pages), one line to it, instead of one
      // row as wide as the plan.
      let columns = DiagramBuilder.gridShape(children.count)
      let members = Set(children)
      let boxes = g.nodes.filter { members.contains($0.id) }
      g.nodes.removeAll { members.contains($0.id) }
      var rows: [[String]] = []
      for start in stride(from: 0, to: children.count, by: columns) {
        rows.append(Array(children[start..<min(start + columns, children.count)]))
      }
      let group = g.uniqueID("cluster_grid")
      g.clusters.append(
        DiagramGraph.Cluster(
          id: group, attributes: [("style", "rounded,dashed"), ("color", .text(Style.unitArrow)), ("label", "")],
          nodes: boxes, rows: rows))
      let upright = builder.options.direction == .leftToRight
      for row in rows {
        for (left, right) in zip(row, row.dropFirst()) {
          g.edges.append(
            DiagramGraph.Edge(
              kind: .rank, tail: upright ? right : left, head: upright ? left : right, attributes: [("style", "invis")])
          )
        }
      }
      for i in columns..<children.count {
        g.edges.append(
          DiagramGraph.Edge(
            kind: .rank, tail: children[i - columns], head: children[i], attributes: [("style", "invis")]))
      }
      g.edges.append(
        DiagramGraph.Edge(
          kind: .unitTree, tail: parent, head: children[(columns - 1) / 2], attributes: tree + [("lhead", .text(group))]
        ))
    }
    return g
  }
}
