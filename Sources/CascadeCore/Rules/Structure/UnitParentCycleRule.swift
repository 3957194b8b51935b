public struct UnitParentCycleRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unit-parent-cycle", category: .structure, severity: .error,
    summary: "Units' parents form a loop, so the cascade has no top.",
    triggering: [
      RuleExample(
        """
        unit: a
        name: A
        level: team
        parent: b
        cycle: 2027-Q1
        ---
        unit: b
        name: B
        level: team
        parent: a
        cycle: 2027-Q1
        """, line: 4)
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    // Report each loop once, at the member that comes first in the plan.
    var reported = Set<Int>()
    for (i, u) in index.plan.units.enumerated() where index.inParentCycle[i] && !reported.contains(i) {
      var chain = [i]
      var node = index.parent[i]
      while let n = node, n != i, chain.count <= index.plan.units.count {
        chain.append(n)
        node = index.parent[n]
      }
      reported.formUnion(chain)
      let names = (chain + [i]).prefix(8).map { index.plan.units[$0].id }.joined(separator: " → ")
      findings.report(
        Self.description, "parents form a loop: \(names)\(chain.count > 7 ? " …" : "")",
        at: u.location(u.parentMark), subject: u.id)
    }
  }
}
