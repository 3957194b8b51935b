public struct KRNoUnitRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-no-unit", category: .measurability, severity: .info,
    summary: "A measured key result does not say what its numbers count (customers, %, USD).",
    triggering: [
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 50 customers, baseline: 30, target: 50}"), line: 25)
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Ship v2 by March, kind: milestone}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.needsTarget, kr.unit?.isEmpty ?? true else { return }
      findings.report(
        Self.description, "key result \(quoted(kr.id)) has no unit: say what the numbers count (unit: customers)",
        at: u.location(kr.mark), subject: site.subject)
    }
  }
}
