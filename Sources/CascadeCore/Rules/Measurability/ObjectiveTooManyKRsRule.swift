public struct ObjectiveTooManyKRsRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "objective-too-many-krs", category: .measurability, severity: .warning,
    summary: "An objective has more key results than the limit (5 unless cascade.yaml says otherwise).",
    triggering: [
      RuleExample(
        Examples.withTeam(
          kr: (1...6).map {
            "      - {id: c\($0), title: \($0 * 10) deals, baseline: 0, target: \($0 * 10), unit: deals}"
          }
          .joined(separator: "\n")), line: 21)
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(files: [
        "plan.yaml": Examples.withTeam(
          kr: (1...6).map {
            "      - {id: c\($0), title: \($0 * 10) deals, baseline: 0, target: \($0 * 10), unit: deals}"
          }
          .joined(separator: "\n")),
        "cascade.yaml": "limits:\n  key_results_per_objective: 6\n",
      ]),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    let limit = index.plan.configuration.maxKeyResultsPerObjective
    for u in index.plan.units {
      for o in u.objectives where o.keyResults.count > limit {
        findings.report(
          Self.description,
          "objective \(quoted(o.id)) has \(o.keyResults.count) key results; more than \(limit) dilutes focus",
          at: u.location(o.mark), subject: "\(u.id)/\(o.id)")
      }
    }
  }
}
