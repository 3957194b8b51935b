import CascadeCore
import CascadeReport

/// Turns a linted plan and a selection into a ``DiagramGraph``.
struct DiagramBuilder {
  let index: PlanIndex
  let problems: Problems
  let progress: DiagramProgress?
  let options: DiagramOptions
  /// Units in top-down tree order.
  let order: [Int]
  /// Per unit, its place in `order`.
  let position: [Int]
  /// Per unit, per objective: indices into `index.links` of the links written on it (its
  /// `aligns_to` and its key results' `contributes_to`), in plan order.
  let outgoing: [[[Int]]]
  /// Whether the output can be clicked (an SVG): split pages say "click" only then.
  var clickable = true

  init(_ result: LintResult, progress: DiagramProgress?, options: DiagramOptions) throws(DiagramError) {
    guard options.wrapWidth >= 1 else {
      throw .invalidOption(DiagramWords.wrapWidth(options.wrapWidth))
    }
    index = result.index
    problems = Problems(result, language: options.language)
    self.progress = progress
    self.options = options
    order = Selection.treeOrder(result.index)
    var position = [Int](repeating: 0, count: order.count)
    for (i, u) in order.enumerated() { position[u] = i }
    self.position = position
    var outgoing = result.index.plan.units.map { [[Int]](repeating: [], count: $0.objectives.count) }
    for (i, link) in result.index.links.enumerated() {
      outgoing[link.source.unit][link.source.objective].append(i)
    }
    self.outgoing = outgoing
  }

  private var plan: Plan { index.plan }

  /// `message` in the diagram's language.
  func say(_ message: Message) -> String { message.text(options.language) }

  // MARK: - Titles

  /// Plan name (configuration, else the company unit's name), cycle and date.
  var planTitle: String {
    if let title = options.title { return title }
    let company = plan.units.first { $0.level == .company } ?? order.first.map { plan.units[$0] }
    let name = plan.configuration.name ?? company?.name ?? say(DiagramWords.untitledPlan)
    var parts = [name]
    if let cycle = company?.cycle {
      let label = say(Words.cycle(cycle))
      if !name.contains(cycle.label), !name.contains(label) { parts.append(label) }
    }
    if let date = options.date { parts.append(say(Words.asOf(date))) }
    return parts.joined(separator: " · ")
  }

  func graphAttributes(title: String, subtitle: [String], problemsLine: Bool = true)
    -> DOTBuffer.Attributes
  {
    var label = "<B>" + HTML.lines(TextWrap.wrap(title, width: 90)) + "</B>"
    var parts: [String] = []
    if !subtitle.isEmpty {
      parts.append(HTML.font(HTML.escape(subtitle.joined(separator: "  ·  ")), color: Style.muted))
    }
    if problemsLine, let summary = problems.summary(problems.total) {
      parts.append(HTML.font(HTML.escape(summary), color: Style.problem))
    }
    if !parts.isEmpty { label += "<BR/>" + HTML.font(parts.joined(separator: "    "), size: 13) }
    return [
      ("rankdir", .text(options.direction.rawValue)),
      ("label", .html(label)),
      ("labelloc", "t"),
      ("fontname", .text(Style.fontName)),
      ("fontsize", "20"),
      ("fontcolor", .text(Style.text)),
      ("bgcolor", "white"),
      ("pad", "0.3"),
      ("nodesep", "0.3"),
      ("ranksep", "0.8"),
      ("outputorder", "edgesfirst"),
    ]
  }

  static let nodeDefaults: DOTBuffer.Attributes = [
    ("fontname", .text(Style.fontName)),
    ("fontsize", "12"),
    ("fontcolor", .text(Style.text)),
    ("shape", "plain"),
  ]

  static let edgeDefaults: DOTBuffer.Attributes = [
    ("fontname", .text(Style.fontName)),
    ("fontsize", "10"),
    ("arrowsize", "0.8"),
  ]

  // MARK: - The cascade

  /// Clusters, objectives and links of the selected part of the plan. `pageName` gives, for a
  /// unit, the file its own page is in (split pages link clusters to them).
  /// `highlight` is a unit drawn with a heavier border (the subject of a split page).
  /// `units`, when given, lists the selected units in top-down order, so that a split page
  /// costs the size of the page rather than of the plan. `childBoxes` draws those units as
  /// compact boxes below `highlight` (see ``addChildBoxes(_:of:anchor:cluster:pageName:to:)``).
  func graph(
    _ selection: Selection, title: String, subtitle: [String], pageName: ((Int) -> String)? = nil,
    highlight: Int? = nil, units: [Int]? = nil, childBoxes: [Int] = []
  ) -> DiagramGraph {
    var g = DiagramGraph()
    g.graphAttributes = graphAttributes(title: title, subtitle: subtitle)
    g.nodeDefaults = Self.nodeDefaults
    g.edgeDefaults = Self.edgeDefaults

    // Sparse: a page of a 10,000-unit plan must not allocate per unit of the plan.
    var objectiveNode: [Int: [String?]] = [:]
    var firstNode: [Int: String] = [:]
    var visibleOrder: [Int] = []

    for u in units ?? order where selection.units[u] {
      let unit = plan.units[u]
      var nodes: [DiagramGraph.Node] = []
      for (o, objective) in unit.objectives.enumerated() where selection.shows(u, o) {
        let address = ObjectiveAddress(unit: u, objective: o)
        let id = g.uniqueID("\(unit.id)/\(objective.id)")
        objectiveNode[u, default: [String?](repeating: nil, count: unit.objectives.count)][o] = id
        var attributes: DOTBuffer.Attributes = [
          ("label", .html(objectiveLabel(address, focused: selection.focusedObjective == address)))
        ]
        if options.interactive { attributes += interactiveAttributes(address) }
        nodes.append(DiagramGraph.Node(id: id, attributes: attributes))
      }
      if nodes.isEmpty {
        guard unit.objectives.isEmpty else { continue }
        let id = g.uniqueID("\(unit.id)/")
        nodes.append(
          DiagramGraph.Node(
            id: id,
            attributes: [
              (
                "label",
                .html(HTML.font("<I>" + HTML.escape(say(DiagramWords.noObjectives)) + "</I>", color: Style.muted))
              ),
              ("shape", "box"), ("style", "dashed"), ("color", .text(Style.muted)),
            ]))
      }
      firstNode[u] = nodes[0].id
      visibleOrder.append(u)
      var attributes = clusterAttributes(u, highlighted: u == highlight)
      if let pageName { attributes.append(("URL", .text(pageName(u)))) }
      if options.interactive {
        // The meeting page frames the page's own unit in presenter mode.
        attributes += [
          ("id", .text("c:\(unit.id)")), ("class", .text(u == highlight ? "unit-cluster subject" : "unit-cluster")),
        ]
      }
      g.clusters.append(
        DiagramGraph.Cluster(id: g.uniqueID("cluster_\(unit.id)"), attributes: attributes, nodes: nodes))
    }

    // Child units below their nearest shown ancestor, whatever their links say.
    for (c, u) in zip(g.clusters.indices, visibleOrder) {
      guard let anchor = index.ancestors(of: u).lazy.compactMap({ firstNode[$0] }).first else { continue }
      for node in g.clusters[c].nodes {
        g.edges.append(
          DiagramGraph.Edge(
            kind: .rank, tail: anchor, head: node.id, attributes: [("style", "invis"), ("weight", "0")]))
      }
    }

    // Links, drawn parent → child with dir=back so that arrows point up at the parent.
    var notes = 0
    let shownLinks = visibleOrder.lazy.flatMap { u in
      self.outgoing[u].indices.lazy.filter { selection.shows(u, $0) }.flatMap { self.outgoing[u][$0] }
    }
    for l in shownLinks {
      let link = index.links[l]
      guard let source = objectiveNode[link.source.unit]?[link.source.objective] else { continue }
      var attributes: DOTBuffer.Attributes = [("dir", "back")]
      if options.showKeyResults, let k = link.sourceKeyResult { attributes.append(("headport", .text("kr\(k)"))) }
      guard let target = link.target else {
        notes += 1
        let note = g.uniqueID("?\(notes)")
        g.nodes.append(
          DiagramGraph.Node(
            id: note,
            attributes: [
              ("label", .text("? \(link.reference)")), ("shape", "note"), ("style", "filled"),
              ("fillcolor", "#fdecea"), ("color", .text(Style.problem)), ("fontcolor", .text(Style.problem)),
              ("tooltip", .text(say(DiagramWords.unresolved(link.reference)))),
            ]))
        attributes += [
          ("style", "dashed"), ("color", .text(Style.problem)), ("penwidth", "1.4"), ("arrowtail", "odot"),
        ]
        g.edges.append(DiagramGraph.Edge(kind: .unresolved, tail: note, head: source, attributes: attributes))
        continue
      }
      let t = target.objective
      guard let targetNode = objectiveNode[t.unit]?[t.objective] else { continue }
      // The arrow ends at the target objective, not at its key result's row: ports on both ends
      // make dot route edges around the sides of the tables. The tooltip names the key results.
      if let k = link.sourceKeyResult {
        let from = index.reference(link.source, keyResult: k)
        attributes.append(("tooltip", .text("\(from) -> \(index.reference(target))")))
      }
      if t.unit == link.source.unit || !index.isAncestor(t.unit, of: link.source.unit) {
        // A sideways or downward link (a problem the linter reports) must not bend the layers.
        attributes.append(("constraint", "false"))
      }
      let kind: DiagramGraph.Edge.Kind
      switch link.kind {
      case .alignsTo:
        kind = .aligns
        attributes += [("color", .text(Style.aligns)), ("penwidth", "1.6")]
      case .contributesTo:
        kind = .contributes
        attributes += [
          ("style", "dashed"), ("color", .text(Style.contributes)), ("penwidth", "1.4"), ("arrowtail", "vee"),
        ]
      }
      g.edges.append(DiagramGraph.Edge(kind: kind, tail: targetNode, head: source, attributes: attributes))
    }

    // Clusters are in `visibleOrder`, one per unit.
    if !childBoxes.isEmpty, let u = highlight, let c = visibleOrder.firstIndex(of: u), let pageName {
      // The middle objective, so that the arrows from below meet the cluster in its middle.
      let nodes = g.clusters[c].nodes
      addChildBoxes(
        childBoxes, of: u, anchor: nodes[nodes.count / 2].id, cluster: g.clusters[c].id, pageName: pageName, to: &g)
    }

    if options.showLegend {
      let id = g.uniqueID("legend")
      g.nodes.append(DiagramGraph.Node(id: id, attributes: [("label", .html(legend(g)))]))
    }
    return g
  }

  // MARK: - Labels

  func clusterAttributes(_ u: Int, highlighted: Bool = false) -> DOTBuffer.Attributes {
    let unit = plan.units[u]
    var label = "<B>" + HTML.lines(TextWrap.wrap(unit.name, width: max(options.wrapWidth, 24))) + "</B>"
    var facts = [say(DiagramWords.level(unit.level)), unit.id]
    if let owner = unit.owner, !owner.isEmpty { facts.append(owner) }
    label += "<BR/>" + HTML.font(HTML.escape(facts.joined(separator: " · ")), color: Style.muted, size: 11)
    let count = problems.byUnit[unit.id] ?? Problems.Count()
    if let summary = problems.summary(count) {
      label += "<BR/>" + HTML.font(HTML.escape(summary), color: Style.problem, size: 11)
    }
    for marker in problems.markers(for: unit.id) {
      label += "<BR/>" + HTML.font(HTML.escape(marker.line), color: Style.problem, size: 11)
    }
    return [
      ("label", .html(label)),
      ("style", "rounded,filled"),
      ("fillcolor", .text(Style.clusterFill(unit.level))),
      ("color", .text(count.errors > 0 ? Style.problem : Style.clusterBorder(unit.level))),
      ("penwidth", highlighted ? "3" : count.errors > 0 ? "2" : "1.2"),
      ("fontsize", "14"),
      ("margin", "10"),
    ]
  }

  /// An HTML table: title, type, problems and status, then one row per key result. Built by
  /// appending to one string (a thousand of these must take milliseconds); one table row per
  /// source line, so that DOT diffs stay readable.
  func objectiveLabel(_ address: ObjectiveAddress, focused: Bool = false) -> String {
    let unit = plan.units[address.unit]
    let objective = unit.objectives[address.objective]
    let subject = problems.isEmpty ? "" : "\(unit.id)/\(objective.id)"
    let markers = problems.markers(for: subject)
    let mark = progress?.objectives[address]

    var border = Style.objectiveBorder
    var borderWidth = "1"
    var style = "rounded"
    if problems.rules(for: subject).contains("unaligned-objective") {
      border = Style.problem
      borderWidth = "2"
      style = "rounded,dashed"
    } else if markers.contains(where: { $0.severity == .error }) {
      border = Style.problem
      borderWidth = "2"
    }
    if focused {
      border = Style.focusBorder
      borderWidth = "3"
    }

    var h = "<TABLE BORDER=\""
    h.reserveCapacity(1024 + objective.keyResults.count * 512)
    h += borderWidth
    h += "\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\""
    h += border
    h += "\" BGCOLOR=\"white\" STYLE=\""
    h += style
    h += "\">"

    // Title.
    h += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\""
    h += mark.map { Style.tint($0.status) } ?? Style.objectiveHeader
    h += "\"><B>"
    HTML.appendLines(objective.title.isEmpty ? [say(DiagramWords.untitled)] : wrap(objective.title), to: &h)
    h += "</B></TD></TR>\n"

    // Type, id and status.
    h += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(Style.muted)\" POINT-SIZE=\"10\">"
    h += say(DiagramWords.typeMarker(objective.type))
    h += " · "
    h += HTML.escape(objective.id)
    if let mark {
      h += " · <FONT COLOR=\"\(Style.color(mark.status))\"><B>"
      h += HTML.escape("\(Style.percent(mark.progress)) · \(mark.status.diagramLabel(options.language))")
      h += "</B></FONT>"
    }
    h += "</FONT></TD></TR>\n"

    for marker in markers {
      h += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(Style.problem)\" POINT-SIZE=\"11\"><B>"
      h += HTML.escape(marker.line)
      h += "</B></FONT></TD></TR>\n"
    }

    if options.showKeyResults {
      for (k, kr) in objective.keyResults.enumerated() {
        let krSubject = problems.isEmpty ? "" : "\(subject)/\(kr.id)"
        appendKeyResultRow(kr, k, subject: krSubject, address: KeyResultAddress(address, k), to: &h)
      }
    }
    h += "</TABLE>"
    return h
  }

  private func wrap(_ text: String, extra: Int = 0) -> [String] {
    TextWrap.wrap(text, width: options.wrapWidth + extra)
  }

  /// For the meeting page: the objective's SVG group gets `id="o:<ref>"`, classes naming its
  /// status and type and the filters it matches (`f-off_track`, `f-at_risk`: it or one of its
  /// key results; `f-stale`, `f-problems`, `f-committed`), and a link `#o/<ref>` that the page
  /// turns into its details panel. Plan ids are `[a-z0-9._-]`, so the reference is safe in an
  /// id, a class list and a fragment.
  func interactiveAttributes(_ a: ObjectiveAddress) -> DOTBuffer.Attributes {
    let ref = index.reference(a)
    let objective = index.objective(a)
    var classes = ["objective", "type-\(objective.type.rawValue)"]
    let status = progress?.objectives[a]?.status
    if let status { classes.append("status-\(status.rawValue)") }
    let marks = objective.keyResults.indices.compactMap { progress?.keyResults[KeyResultAddress(a, $0)] }
    if status == .offTrack || marks.contains(where: { $0.status == .offTrack }) { classes.append("f-off_track") }
    if status == .atRisk || marks.contains(where: { $0.status == .atRisk }) { classes.append("f-at_risk") }
    if marks.contains(where: \.stale) { classes.append("f-stale") }
    if objective.type == .committed { classes.append("f-committed") }
    let subjects = [ref] + objective.keyResults.indices.map { index.reference(a, keyResult: $0) }
    if subjects.contains(where: { problems.bySubject[$0] != nil }) { classes.append("f-problems") }
    return [("id", .text("o:\(ref)")), ("class", .text(classes.joined(separator: " "))), ("URL", .text("#o/\(ref)"))]
  }

  func appendKeyResultRow(_ kr: KeyResult, _ k: Int, subject: String, address: KeyResultAddress, to h: inout String) {
    let markers = problems.markers(for: subject)
    h += "<TR><TD PORT=\"kr"
    h += String(k)
    if options.interactive {
      // A link of its own, so that a click on the row opens the key result, not its objective.
      let ref = index.reference(address.objective, keyResult: address.keyResult)
      h += "\" HREF=\"#k/\(ref)\" ID=\"k:\(ref)"
    }
    h += "\" ALIGN=\"LEFT\" BORDER=\"1\" SIDES=\"T\" COLOR=\"\(Style.keyResultRule)\">"
    h += "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"

    // A key result without a title is a schema error, which names no subject.
    var title = kr.title.isEmpty ? [say(DiagramWords.untitledKeyResult(kr.id))] : wrap(kr.title)
    let symbol = markers.first?.symbol ?? (kr.title.isEmpty ? "✗" : nil)
    h += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
    if let symbol {
      title[0] = symbol + " " + title[0]
      h += "<FONT COLOR=\"\(Style.problem)\">"
      HTML.appendLines(title, to: &h)
      h += "</FONT>"
    } else {
      HTML.appendLines(title, to: &h)
    }
    h += "</TD></TR>\n"

    h += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"\(Style.muted)\" POINT-SIZE=\"10\">"
    HTML.appendLines(wrap(say(Style.measure(kr)), extra: 8), to: &h)
    h += "</FONT></TD></TR>\n"

    for marker in markers {
      h += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(Style.problem)\" POINT-SIZE=\"10\"><B>"
      h += HTML.escape(marker.line)
      h += "</B></FONT></TD></TR>\n"
    }

    if let mark = progress?.keyResults[address] {
      h += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
      h += progressBar(mark, unit: kr.unit, milestone: kr.kind == .milestone)
      h += "</TD></TR>\n"
    }
    h += "</TABLE></TD></TR>\n"
  }

  /// `██████░░░░ 60% · on track · now 42`: ten blocks, the filled ones in the status colour.
  /// A text bar, because Graphviz centres nested tables in wider cells whatever their ALIGN.
  func progressBar(_ mark: DiagramProgress.KeyResultMark, unit: String?, milestone: Bool = false, size: Int = 10)
    -> String
  {
    let filled = NumberFormat.clampedInt(mark.progress * Double(Style.barBlocks), in: 0...Style.barBlocks)
    let color = Style.color(mark.status)
    var bar = ""
    if filled > 0 { bar += HTML.font(String(repeating: "█", count: filled), color: color) }
    if filled < Style.barBlocks {
      bar += HTML.font(String(repeating: "█", count: Style.barBlocks - filled), color: Style.barTrack)
    }
    var text = "\(Style.percent(mark.progress)) · \(mark.status.diagramLabel(options.language))"
    if let current = mark.current {
      // A milestone's value is done or not, not a quantity.
      if !milestone {
        text += say(DiagramWords.now(Style.quantity(current, unit: unit)))
      } else if current < 1 {
        text += say(DiagramWords.notDone)
      }
    }
    return HTML.font(bar + " <B>" + HTML.escape(text) + "</B>", color: color, size: size)
  }

  // MARK: - Legend

  func legend(_ g: DiagramGraph) -> String {
    let hasNotes = g.edges.contains { $0.kind == .unresolved }
    var rows: [(String, Message)] = [
      (HTML.font("<B>━━━▶</B>", color: Style.aligns), DiagramWords.legendAligns),
      (HTML.font("<B>╍╍╍▶</B>", color: Style.contributes), DiagramWords.legendContributes),
      ("● / ○", DiagramWords.legendTypes),
    ]
    if g.edges.contains(where: { $0.kind == .unitTree }) {
      rows.append(
        (HTML.font("<B>━━━▶</B>", color: Style.unitArrow), DiagramWords.legendUnitBelow(clickable: clickable)))
    }
    if !problems.total.isEmpty || hasNotes {
      rows += [
        (HTML.font("<B>✗</B>", color: Style.problem), DiagramWords.legendError),
        (HTML.font("<B>⚠</B>", color: Style.problem), DiagramWords.legendWarning),
        (HTML.font("<B>?</B>", color: Style.problem), DiagramWords.legendUnresolved),
        (HTML.font("<B>┅┅</B>", color: Style.problem), DiagramWords.legendUnaligned),
      ]
    }
    var h =
      "<TABLE BORDER=\"1\" COLOR=\"#9aa5b1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" BGCOLOR=\"white\">"
    h += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + HTML.escape(say(DiagramWords.legend)) + "</B></TD></TR>\n"
    for (symbol, text) in rows {
      h += "<TR><TD ALIGN=\"CENTER\">\(symbol)</TD><TD ALIGN=\"LEFT\">"
      h += HTML.font(HTML.escape(say(text)), size: 10) + "</TD></TR>\n"
    }
    if progress != nil {
      for status in Status.legendOrder {
        h += "<TR><TD BGCOLOR=\"\(Style.color(status))\" WIDTH=\"28\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\"></TD>"
        h += "<TD ALIGN=\"LEFT\">" + HTML.font(HTML.escape(status.diagramLabel(options.language)), size: 10)
        h += "</TD></TR>\n"
      }
    }
    h += "</TABLE>"
    return h
  }
}
