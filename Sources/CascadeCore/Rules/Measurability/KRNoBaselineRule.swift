public struct KRNoBaselineRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-no-baseline", category: .measurability, severity: .error,
    summary:
      "An increase or decrease key result (or one whose kind is left to be inferred) has no baseline to measure progress from.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 50 customers, kind: increase, target: 50, unit: customers}"),
        line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 50 customers, target: 50, unit: customers}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Uptime at least 99.9%, kind: stay_above, target: 99.9, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.baselineMark == nil else { return }
      switch kr.kind {
      case .increase?, .decrease?:
        findings.report(
          Self.description,
          "key result \(quoted(kr.id)) is \(kr.kind?.withArticle ?? "") with no baseline: add baseline: with where it starts",
          at: u.location(kr.mark), subject: site.subject)
      case nil where kr.targetMark != nil:
        findings.report(
          Self.description,
          "key result \(quoted(kr.id)) has a target but no baseline and no kind: add baseline: (or kind: stay_above / stay_below)",
          at: u.location(kr.mark), subject: site.subject)
      default:
        return
      }
    }
  }
}
