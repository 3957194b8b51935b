public struct KRDirectionMismatchRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-direction-mismatch", category: .measurability, severity: .error,
    summary: "The kind says increase but the target is below the baseline, or decrease and above.",
    triggering: [
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: 50 customers, kind: increase, baseline: 60, target: 50, unit: customers}"),
        line: 25),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Churn down to 5%, kind: decrease, baseline: 3, target: 5, unit: '%'}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Churn down to 3%, kind: decrease, baseline: 5, target: 3, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard let kind = kr.kind, let b = kr.baseline, let t = kr.target else { return }
      let wrong = (kind == .increase && t < b) || (kind == .decrease && t > b)
      guard wrong else { return }
      findings.report(
        Self.description,
        "key result \(quoted(kr.id)) is \(kind.withArticle) but goes from \(formatNumber(b)) to \(formatNumber(t)); fix the numbers or the kind",
        at: u.location(kr.targetMark), subject: site.subject)
    }
  }
}
