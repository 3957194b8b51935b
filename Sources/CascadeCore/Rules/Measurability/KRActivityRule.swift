public struct KRActivityRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-activity", category: .measurability, severity: .info,
    summary: "A key result describes a task to do rather than a result to reach (English and Chinese).",
    triggering: [
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Launch the new portal, kind: milestone}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 开展销售培训, kind: milestone}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Reduce churn to 3%, baseline: 5, target: 3, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard index.titleFacts[site.ordinal].isActivity else { return }
      findings.report(
        Self.description,
        "\(quoted(kr.title)) describes work to do; a key result should name the result that work brings about",
        at: u.location(kr.titleMark), subject: site.subject)
    }
  }
}
