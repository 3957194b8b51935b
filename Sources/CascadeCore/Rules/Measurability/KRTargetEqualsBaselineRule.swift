public struct KRTargetEqualsBaselineRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-target-equals-baseline", category: .measurability, severity: .error,
    summary: "Target and baseline are equal: there is nothing to change, and progress would divide by zero.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 50 customers, baseline: 50, target: 50, unit: customers}"),
        line: 25)
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Keep 50 customers, kind: stay_above, baseline: 50, target: 50, unit: customers}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.kind == nil || kr.kind == .increase || kr.kind == .decrease,
        let b = kr.baseline, let t = kr.target, b == t
      else { return }
      findings.report(
        Self.description,
        "key result \(quoted(kr.id)) has baseline and target both \(formatNumber(t)); to hold a level use kind: stay_above or stay_below",
        at: u.location(kr.targetMark), subject: site.subject)
    }
  }
}
