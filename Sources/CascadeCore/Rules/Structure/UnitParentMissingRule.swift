public struct UnitParentMissingRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unit-parent-missing", category: .structure, severity: .error,
    summary: "A unit's parent names no unit in the plan.",
    triggering: [RuleExample(Examples.withTeam().replacingFirst("parent: acme", with: "parent: acmee"), line: 18)],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    var hints = Hints()
    for u in index.plan.units {
      guard let p = u.parent, index.unitByID[p] == nil else { continue }
      findings.report(
        Self.description,
        "parent \(quoted(p)) of unit \(quoted(u.id)) is not a unit in this plan"
          + hints.hint(for: p, in: index.plan.units.lazy.map(\.id)),
        at: u.location(u.parentMark), subject: u.id)
    }
  }
}
