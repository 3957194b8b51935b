import CascadeCore

/// Which units and objectives a diagram shows. Every walk keeps a visited set, so parent loops
/// and alignment cycles terminate; everything is linear in the size of the plan.
struct Selection {
  var units: [Bool]
  /// Units where only some objectives show; in every other unit all its objectives show when
  /// the unit does. Sparse, so that a split page of a 10,000-unit plan costs no per-unit arrays.
  private var partial: [Int: [Bool]] = [:]
  /// A focused objective, drawn highlighted.
  var focusedObjective: ObjectiveAddress?

  /// Everything.
  init(all index: PlanIndex) {
    units = [Bool](repeating: true, count: index.plan.units.count)
  }

  init(units: [Bool], index: PlanIndex) {
    self.units = units
  }

  /// Whether objective `o` of unit `u` shows.
  func shows(_ u: Int, _ o: Int) -> Bool {
    guard units[u] else { return false }
    if let row = partial[u] { return o < row.count && row[o] }
    return true
  }

  /// Units whose parent is missing or loops count as top units.
  static func isTop(_ u: Int, _ index: PlanIndex) -> Bool {
    index.parent[u] == nil || index.inParentCycle[u]
  }

  /// Distance below `starts` (0 for them) along child links; nil for units not reached.
  static func distances(from starts: [Int], _ index: PlanIndex) -> [Int?] {
    var distance = [Int?](repeating: nil, count: index.plan.units.count)
    var queue = starts
    for s in starts { distance[s] = 0 }
    var head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      for c in index.children[u] where distance[c] == nil {
        distance[c] = (distance[u] ?? 0) + 1
        queue.append(c)
      }
    }
    return distance
  }

  /// Units in a stable top-down order: a depth-first walk from the top units, children in plan
  /// order, so that siblings sit together in the DOT source (and in the layout).
  static func treeOrder(_ index: PlanIndex) -> [Int] {
    let count = index.plan.units.count
    var seen = [Bool](repeating: false, count: count)
    var out: [Int] = []
    out.reserveCapacity(count)
    for root in 0..<count where isTop(root, index) && !seen[root] {
      var stack = [root]
      seen[root] = true
      while let u = stack.popLast() {
        out.append(u)
        for c in index.children[u].reversed() where !seen[c] && !index.inParentCycle[c] {
          seen[c] = true
          stack.append(c)
        }
      }
    }
    // Whatever no walk reached (cannot normally happen) keeps plan order.
    for u in 0..<count where !seen[u] { out.append(u) }
    return out
  }

  /// Applies focus, depth and levels.
  static func make(_ index: PlanIndex, options: DiagramOptions) throws(DiagramError) -> Selection {
    if let depth = options.depth, depth < 0 {
      throw .invalidOption(DiagramWords.negativeDepth(depth))
    }
    var selection: Selection
    var depthBase: [Int?]
    if let focus = options.focus {
      switch try FocusTarget.resolve(focus, in: index) {
      case .unit(let u):
        depthBase = distances(from: [u], index)
        var units = depthBase.map { $0 != nil }
        for a in index.ancestors(of: u) { units[a] = true }
        selection = Selection(units: units, index: index)
      case .objective(let address):
        depthBase = distances(from: [address.unit], index)
        selection = objectiveSelection(address, index)
      }
    } else {
      let tops = (0..<index.plan.units.count).filter { isTop($0, index) }
      depthBase = distances(from: tops, index)
      selection = Selection(all: index)
    }
    if let depth = options.depth {
      for u in selection.units.indices where selection.units[u] {
        if let d = depthBase[u], d > depth { selection.hide(unit: u) }
      }
    }
    if let levels = options.levels {
      for (u, unit) in index.plan.units.enumerated() where selection.units[u] {
        if unit.level.map({ !levels.contains($0) }) ?? true { selection.hide(unit: u) }
      }
    }
    return selection
  }

  mutating func hide(unit u: Int) {
    units[u] = false
    partial[u] = nil
  }

  /// The objective, everything linking to it from below (transitively), and everything it
  /// links to above (transitively); the units that hold them.
  static func objectiveSelection(_ focus: ObjectiveAddress, _ index: PlanIndex) -> Selection {
    var selection = Selection(units: [Bool](repeating: false, count: index.plan.units.count), index: index)
    selection.focusedObjective = focus
    var seen = Set<ObjectiveAddress>([focus])
    // Downward: who links to it.
    var stack = [focus]
    while let a = stack.popLast() {
      for l in index.incoming[a.unit][a.objective] {
        let s = index.links[l].source
        if seen.insert(s).inserted { stack.append(s) }
      }
    }
    // Upward: what it links to.
    var outgoing: [ObjectiveAddress: [Int]] = [:]
    for (i, l) in index.links.enumerated() where l.target != nil { outgoing[l.source, default: []].append(i) }
    var up: Set<ObjectiveAddress> = [focus]
    stack = [focus]
    while let a = stack.popLast() {
      for l in outgoing[a] ?? [] {
        guard let t = index.links[l].target?.objective else { continue }
        if up.insert(t).inserted { stack.append(t) }
      }
    }
    for a in seen.union(up) {
      selection.units[a.unit] = true
      var row = selection.partial[a.unit] ?? [Bool](repeating: false, count: index.plan.units[a.unit].objectives.count)
      row[a.objective] = true
      selection.partial[a.unit] = row
    }
    return selection
  }
}

/// What a `focus` option names.
enum FocusTarget: Equatable {
  case unit(Int)
  case objective(ObjectiveAddress)

  static func resolve(_ text: String, in index: PlanIndex) throws(DiagramError) -> FocusTarget {
    let units = index.plan.units
    if !text.contains("/") {
      if let u = index.unitByID[text] { return .unit(u) }
      throw .unknownFocus(text, suggestion: Suggestion.closest(to: text, in: units.lazy.map(\.id)))
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2 || parts.count == 3 else { throw .unknownFocus(text, suggestion: nil) }
    guard let u = index.unitByID[parts[0]] else {
      let unit = Suggestion.closest(to: parts[0], in: units.lazy.map(\.id))
      throw .unknownFocus(text, suggestion: unit.map { ([$0] + parts.dropFirst()).joined(separator: "/") })
    }
    guard let o = index.objectiveByID[u][parts[1]] else {
      let objective = Suggestion.closest(to: parts[1], in: units[u].objectives.lazy.map(\.id))
      throw .unknownFocus(
        text, suggestion: objective.map { ([parts[0], $0] + parts.dropFirst(2)).joined(separator: "/") })
    }
    let address = ObjectiveAddress(unit: u, objective: o)
    if parts.count == 3 {
      let keyResults = units[u].objectives[o].keyResults
      guard keyResults.contains(where: { $0.id == parts[2] }) else {
        let kr = Suggestion.closest(to: parts[2], in: keyResults.lazy.map(\.id))
        throw .unknownFocus(text, suggestion: kr.map { "\(parts[0])/\(parts[1])/\($0)" })
      }
    }
    return .objective(address)
  }
}
