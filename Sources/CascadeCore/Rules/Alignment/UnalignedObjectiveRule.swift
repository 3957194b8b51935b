public struct UnalignedObjectiveRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unaligned-objective", category: .alignment, severity: .warning,
    summary: "An objective below company level neither aligns upward nor has a key result contributing upward.",
    triggering: [RuleExample(Examples.withTeam().replacingFirst("    aligns_to: acme/grow\n", with: ""), line: 21)],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(kr: Examples.defaultKR + "\n        contributes_to: acme/grow/revenue")
          .replacingFirst("    aligns_to: acme/grow\n", with: "")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (i, u) in index.plan.units.enumerated() where u.level != .company && !(u.level == nil && u.parent == nil) {
      let suggestion = index.parent[i].flatMap { p -> String? in
        index.plan.units[p].objectives.first.map { " (for example aligns_to: \(index.plan.units[p].id)/\($0.id))" }
      }
      for o in u.objectives
      where o.alignsTo.isEmpty && o.keyResults.allSatisfy({ $0.contributesTo.isEmpty }) {
        findings.report(
          Self.description,
          "objective \(quoted(o.id)) of \(u.id) links to nothing above it; add aligns_to, or contributes_to on a key result"
            + (suggestion ?? ""),
          at: u.location(o.mark), subject: "\(u.id)/\(o.id)")
      }
    }
  }
}
