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
          Self.description, Self.tooMany(o.id, o.keyResults.count, limit: limit), at: u.location(o.mark),
          subject: "\(u.id)/\(o.id)")
      }
    }
  }

  // MARK: - Messages

  static func tooMany(_ id: String, _ count: Int, limit: Int) -> Message {
    Message(
      en: "objective \(quoted(id)) has \(count) key results; more than \(limit) dilutes focus",
      zh: "目标\(quotedZh(id))有 \(count) 个关键结果：超过 \(limit) 个会分散精力")
  }
}
