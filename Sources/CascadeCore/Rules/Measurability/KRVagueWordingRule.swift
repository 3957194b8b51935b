public struct KRVagueWordingRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-vague-wording", category: .measurability, severity: .warning,
    summary:
      "A key result's title states no quantity or threshold, so nobody can check it on the last day (English and Chinese).",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Improve team morale, baseline: 3, target: 4, unit: score}"),
        line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 加强品牌影响力, baseline: 3, target: 4, unit: 分}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Improve onboarding, kind: milestone}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 每月新增50个客户, baseline: 30, target: 50, unit: 个}")),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Raise conversion to 50%, baseline: 30, unit: '%'}")),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Sign the Globex contract, kind: milestone}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard !kr.title.isEmpty else { return }
      let facts = index.titleFacts[site.ordinal]
      if kr.kind == .milestone {
        guard facts.isComparative, facts.quantity == nil else { return }
        findings.report(
          Self.description,
          "milestone \(quoted(kr.title)) only says things get better, so 'done' is undefined: name the deliverable or a number",
          at: u.location(kr.titleMark), subject: site.subject)
        return
      }
      guard facts.quantity == nil else { return }
      var hint = "say how much, by when"
      if let b = kr.baseline, let t = kr.target {
        hint =
          "say it in the title, e.g. 'from \(formatNumber(b)) to \(formatNumber(t))\(kr.unit.map { " \($0.prefix(20))" } ?? "")'"
      }
      findings.report(
        Self.description, "\(quoted(kr.title)) states no quantity or threshold: \(hint)",
        at: u.location(kr.titleMark), subject: site.subject)
    }
  }
}
