import CascadeCore

/// Units drawn as one compact box each (the overview's boxes, and a split page's child units),
/// instead of a cluster with all their objectives.
extension DiagramBuilder {
  /// The most child boxes drawn side by side in one row with an arrow each; more go into a
  /// grid (see ``addChildBoxes(_:of:anchor:cluster:pageName:to:)``).
  static let childRow = 8
  /// The most columns of the grid.
  static let gridColumns = 8

  /// Font sizes of a unit box: the name's (nil: the node default) and the other lines'.
  struct BoxText {
    var name: Int?
    var details: Int
    /// The level in the facts line (a grid's label already says it).
    var level = true

    /// The overview's.
    static let overview = BoxText(name: nil, details: 10)
  }

  /// A unit box: bold name, then level · id · owner, then `lines` (HTML markup), then the
  /// unit's problem counts in red. Links to `url`.
  func unitBox(
    _ u: Int, id: String, url: String, lines: [String], text: BoxText = .overview, tooltip: String? = nil
  ) -> DiagramGraph.Node {
    let unit = index.plan.units[u]
    var label = "<B>" + HTML.lines(TextWrap.wrap(unit.name, width: options.wrapWidth)) + "</B>"
    if let size = text.name { label = HTML.font(label, size: size) }
    var facts = text.level ? [say(DiagramWords.level(unit.level)), unit.id] : [unit.id]
    // A person's unit is usually named after its owner: no need to say it twice.
    if let owner = unit.owner, !owner.isEmpty, owner != unit.name { facts.append(owner) }
    label += "<BR/>" + HTML.font(HTML.escape(facts.joined(separator: " · ")), color: Style.muted, size: text.details)
    for line in lines { label += "<BR/>" + line }
    let problems = problems.byUnit[unit.id] ?? Problems.Count()
    if let summary = self.problems.summary(problems) {
      label += "<BR/>" + HTML.font(HTML.escape(summary), color: Style.problem, size: text.details)
    }
    let rolled = self.problems.withBelow[unit.id] ?? problems
    if rolled != problems, let summary = self.problems.summary(rolled) {
      label +=
        "<BR/>"
        + HTML.font(HTML.escape(say(DiagramWords.withUnitsBelow(summary))), color: Style.problem, size: text.details)
    }
    let subtree = progress.flatMap { u < $0.subtrees.count ? $0.subtrees[u] : nil }
    if let subtree, subtree.units > 1, let line = subtreeLine(subtree, size: text.details) { label += "<BR/>" + line }
    var attributes: DOTBuffer.Attributes = [
      ("label", .html(label)), ("shape", "box"), ("style", "rounded,filled"),
      ("fillcolor", .text(Style.clusterFill(unit.level))),
      ("color", .text(problems.errors > 0 ? Style.problem : Style.clusterBorder(unit.level))),
      ("penwidth", problems.errors > 0 ? "2" : "1.2"), ("margin", "0.15,0.08"),
      ("tooltip", .text(tooltip ?? unit.name)),
    ]
    if options.interactive {
      // The meeting page: `u:<id>`, the filters' classes, and a link the page follows itself.
      var classes = ["unit"]
      if !rolled.isEmpty { classes.append("f-problems") }
      if let subtree {
        if subtree.offTrack > 0 { classes.append("f-off_track") }
        if subtree.atRisk > 0 { classes.append("f-at_risk") }
        if subtree.stale > 0 { classes.append("f-stale") }
      }
      attributes += [
        ("id", .text("u:\(unit.id)")), ("class", .text(classes.joined(separator: " "))),
        ("URL", .text("#u/\(unit.id)")),
      ]
    } else {
      attributes.append(("URL", .text(url)))
    }
    return DiagramGraph.Node(id: id, attributes: attributes)
  }

  /// The unit with everything below it: the score of all their objectives and how many key
  /// results are off track or at risk (`with the units below: 58% · 3 off track · 2 at risk`).
  func subtreeLine(_ s: SubtreeScore, size: Int) -> String? {
    guard s.score != nil || s.offTrack > 0 || s.atRisk > 0 else { return nil }
    var parts: [String] = []
    if let score = s.score { parts.append(Style.percent(score)) }
    if s.offTrack > 0 { parts.append(say(DiagramWords.keyResultsIn(.offTrack, s.offTrack))) }
    if s.atRisk > 0 { parts.append(say(DiagramWords.keyResultsIn(.atRisk, s.atRisk))) }
    let color = s.offTrack > 0 ? Style.color(.offTrack) : s.atRisk > 0 ? Style.color(.atRisk) : Style.muted
    return HTML.font(
      HTML.escape(say(DiagramWords.withUnitsBelow(parts.joined(separator: " · ")))), color: color, size: size)
  }

  /// Draws `children` (units below `u`) as boxes linking to their pages, joined upward to `u`'s
  /// cluster (`cluster`, which holds the node `anchor`): up to ``childRow`` boxes sit in a row
  /// with an arrow each; more sit in a grid of at most ``gridColumns`` columns, inside a cluster
  /// named after them ("20 teams") with one arrow, so that the page stays about as wide as tall.
  func addChildBoxes(
    _ children: [Int], of u: Int, anchor: String, cluster: String, pageName: (Int) -> String,
    to g: inout DiagramGraph
  ) {
    let chain = Set([u] + index.ancestors(of: u))
    let grid = children.count > Self.childRow
    // Larger than the overview's: these boxes are what the page is read for.
    let text = BoxText(name: 14, details: 11, level: !grid)
    let boxes = children.map { c in
      unitBox(
        c, id: g.uniqueID(index.plan.units[c].id), url: pageName(c),
        lines: childLines(c, linkingInto: chain, size: text.details), text: text,
        tooltip: say(DiagramWords.openPage(index.plan.units[c].name)))
    }
    g.graphAttributes.append(("compound", "true"))
    // Drawn parent → child with dir=back like the links, so that the arrow points up at the
    // unit; `ltail` ends it at the unit's cluster rather than at one of its objectives.
    var arrow: DOTBuffer.Attributes = [
      ("dir", "back"), ("ltail", .text(cluster)), ("color", .text(Style.unitArrow)), ("penwidth", "1.6"),
    ]
    guard grid else {
      g.nodes += boxes
      for box in boxes {
        g.edges.append(DiagramGraph.Edge(kind: .unitTree, tail: anchor, head: box.id, attributes: arrow))
      }
      return
    }
    // As square a grid as fits the columns: rows of equal length but the last. Rows closer
    // than the default: the boxes are small.
    let columns = Self.gridShape(boxes.count)
    if let i = g.graphAttributes.firstIndex(where: { $0.0 == "ranksep" }) { g.graphAttributes[i].1 = "0.5" }
    let group = g.uniqueID("cluster_below")
    let count = say(DiagramWords.units(children.map { index.plan.units[$0].level }, count: boxes.count))
    let hint = say(DiagramWords.gridHint(clickable: clickable))
    g.clusters.append(
      DiagramGraph.Cluster(
        id: group,
        attributes: [
          ("label", .html("<B>" + HTML.escape(count) + "</B>" + HTML.font(HTML.escape(hint), size: 11))),
          ("style", "rounded,dashed"), ("color", .text(Style.unitArrow)), ("fontsize", "14"), ("margin", "12"),
        ],
        nodes: boxes))
    // Rows of one rank each, in plan order left to right (invisible edges along a row keep
    // the order; dot may otherwise mirror it), each box below the one a row up.
    var rows: [[String]] = []
    for start in stride(from: 0, to: boxes.count, by: columns) {
      rows.append(boxes[start..<min(start + columns, boxes.count)].map(\.id))
    }
    g.clusters[g.clusters.count - 1].rows = rows
    // With rankdir=LR a row stands upright, and dot puts a flat edge's tail below its head.
    let upright = options.direction == .leftToRight
    for row in rows {
      for (left, right) in zip(row, row.dropFirst()) {
        g.edges.append(
          DiagramGraph.Edge(
            kind: .rank, tail: upright ? right : left, head: upright ? left : right, attributes: [("style", "invis")]))
      }
    }
    for i in columns..<boxes.count {
      g.edges.append(
        DiagramGraph.Edge(kind: .rank, tail: boxes[i - columns].id, head: boxes[i].id, attributes: [("style", "invis")])
      )
    }
    arrow.append(("lhead", .text(group)))
    g.edges.append(
      DiagramGraph.Edge(kind: .unitTree, tail: anchor, head: boxes[(columns - 1) / 2].id, attributes: arrow))
  }

  /// Columns of the grid for `count` boxes (about 230 × 110 points each, so a little more
  /// columns than rows), at most ``gridColumns``, rows as even as they can be.
  static func gridShape(_ count: Int) -> Int {
    guard count > 1 else { return 1 }
    var columns = min(gridColumns, Int((Double(count) * 1.5).squareRoot().rounded(.up)))
    let rows = (count + columns - 1) / columns
    columns = (count + rows - 1) / rows
    return columns
  }

  /// A child box's lines: how many of its objectives link into `chain` (its parent and the
  /// units above: "3 of 3 objectives aligned"; fewer in red with ⚠), and with progress its
  /// score and status.
  func childLines(_ c: Int, linkingInto chain: Set<Int>, size: Int) -> [String] {
    let objectives = index.plan.units[c].objectives
    var lines: [String] = []
    if objectives.isEmpty {
      lines.append(
        HTML.font("<I>" + HTML.escape(say(DiagramWords.noObjectives)) + "</I>", color: Style.muted, size: size))
    } else {
      let aligned = objectives.indices.count { o in
        outgoing[c][o].contains { l in index.links[l].target.map { chain.contains($0.objective.unit) } ?? false }
      }
      let text = say(DiagramWords.aligned(aligned, of: objectives.count))
      lines.append(
        aligned == objectives.count
          ? HTML.font(HTML.escape(text), color: Style.muted, size: size)
          : HTML.font("<B>" + HTML.escape("⚠ " + text) + "</B>", color: Style.problem, size: size))
    }
    if let score = unitScore(c) {
      let mark = DiagramProgress.KeyResultMark(progress: score.progress, status: score.status)
      lines.append(progressBar(mark, unit: nil, size: size))
    }
    return lines
  }

  /// The unit's score (the weighted mean of its objectives' scores, as the report's) and the
  /// worst status among them; nil without progress or without scored objectives.
  func unitScore(_ u: Int) -> DiagramProgress.ObjectiveMark? {
    guard let progress else { return nil }
    var items: [(score: Double, weight: Double)] = []
    var worst: Status?
    for (o, objective) in index.plan.units[u].objectives.enumerated() {
      guard let mark = progress.objectives[ObjectiveAddress(unit: u, objective: o)] else { continue }
      items.append((mark.progress, objective.weight))
      worst = worst.map { min($0, mark.status) } ?? mark.status
    }
    guard let worst else { return nil }
    return DiagramProgress.ObjectiveMark(progress: Arithmetic.weightedMean(items), status: worst)
  }
}
