public struct KRNoTargetRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-no-target", category: .measurability, severity: .error,
    summary: "A key result other than a milestone has no target, so it cannot be scored.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Raise conversion to 50%, baseline: 30, unit: '%'}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 每月新增50个客户, baseline: 30}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Ship v2 by March, kind: milestone}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.needsTarget, kr.targetMark == nil else { return }
      var message = "key result \(quoted(kr.id)) has no target"
      if let q = index.titleFacts[site.ordinal].quantity {
        let value = q.value.map { ": add target: \(formatNumber($0))" } ?? ": add target: with that number"
        message = "the title says \(quoted(q.text, limit: 30))\(value)"
      } else {
        message += ": add target: with the number to reach by the end of the cycle"
      }
      findings.report(Self.description, message, at: u.location(kr.mark), subject: site.subject)
    }
  }
}
