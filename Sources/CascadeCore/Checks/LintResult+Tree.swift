extension LintResult {
  /// Units in tree order (parents before children, depth-first), with their depth; only the
  /// subtree of `root` when given. Units in parent loops come last at depth 0.
  public func unitTree(root: Int? = nil) -> [(unit: Int, depth: Int)] {
    let index = self.index
    var out: [(Int, Int)] = []
    var seen = Set<Int>()
    func visit(_ u: Int, _ depth: Int) {
      var stack = [(u, depth)]
      while let (n, d) = stack.popLast() {
        guard seen.insert(n).inserted else { continue }
        out.append((n, d))
        for c in index.children[n].reversed() { stack.append((c, d + 1)) }
      }
    }
    if let root {
      visit(root, 0)
      return out
    }
    for (i, _) in index.plan.units.enumerated() where index.parent[i] == nil { visit(i, 0) }
    for i in index.plan.units.indices where !seen.contains(i) { visit(i, 0) }
    return out
  }

  /// Two spaces per level of `unitTree` depth, at most 12 levels (valid plans have four): a
  /// parent chain as long as the plan must not make the output grow with its square.
  public static func indent(depth: Int) -> String { String(repeating: "  ", count: min(max(depth, 0), 12)) }

  /// The cycle shown for the whole plan: the top unit's.
  public var planCycle: Cycle? {
    index.plan.units.first { $0.level == .company }?.cycle ?? index.plan.units.first?.cycle
  }

  public var planName: String {
    index.plan.configuration.name ?? index.plan.units.first { $0.level == .company }?.name ?? "Plan"
  }
}
