import CascadeCore

/// The overview page of a split diagram: units only, as boxes linking to their pages, joined
/// parent above child.
struct Overview {
  let builder: DiagramBuilder
  let names: PageNames

  func graph() -> DiagramGraph {
    let index = builder.index
    let plan = index.plan
    var g = DiagramGraph()
    g.graphAttributes = builder.graphAttributes(title: builder.planTitle, subtitle: ["overview: click a unit"])
    g.nodeDefaults = DiagramBuilder.nodeDefaults
    g.edgeDefaults = DiagramBuilder.edgeDefaults

    var node = [String?](repeating: nil, count: plan.units.count)
    for u in builder.order {
      let unit = plan.units[u]
      if let levels = builder.options.levels, unit.level.map({ !levels.contains($0) }) ?? true { continue }
      let id = g.uniqueID(unit.id)
      node[u] = id
      var label = "<B>" + HTML.lines(TextWrap.wrap(unit.name, width: builder.options.wrapWidth)) + "</B>"
      var facts = [unit.level?.rawValue ?? "level ?", unit.id]
      if let owner = unit.owner, !owner.isEmpty { facts.append(owner) }
      label += "<BR/>" + HTML.font(HTML.escape(facts.joined(separator: " · ")), color: Style.muted, size: 10)
      let count = unit.objectives.count
      label += "<BR/>" + HTML.font("\(count) objective\(count == 1 ? "" : "s")", color: Style.muted, size: 10)
      let problems = builder.problems.byUnit[unit.id] ?? Problems.Count()
      if let summary = Problems.summary(problems) {
        label += "<BR/>" + HTML.font(HTML.escape(summary), color: Style.problem, size: 10)
      }
      g.nodes.append(
        DiagramGraph.Node(
          id: id,
          attributes: [
            ("label", .html(label)), ("shape", "box"), ("style", "rounded,filled"),
            ("fillcolor", .text(Style.clusterFill(unit.level))),
            ("color", .text(problems.errors > 0 ? Style.problem : Style.clusterBorder(unit.level))),
            ("penwidth", problems.errors > 0 ? "2" : "1.2"), ("margin", "0.15,0.08"),
            ("URL", .text(names.unit[u])), ("tooltip", .text(unit.name)),
          ]))
    }
    for u in builder.order {
      guard let child = node[u],
        let parent = index.ancestors(of: u).lazy.compactMap({ node[$0] }).first
      else { continue }
      g.edges.append(
        DiagramGraph.Edge(
          kind: .unitTree, tail: parent, head: child,
          attributes: [("arrowhead", "none"), ("color", "#7b8794"), ("penwidth", "1.4")]))
    }
    return g
  }
}
