public struct ObjectiveNoKRsRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "objective-no-krs", category: .measurability, severity: .error,
    summary: "An objective has no key results, so nothing says when it is achieved.",
    triggering: [
      RuleExample(
        "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives:\n  - id: grow\n    title: Grow\n", line: 6)
    ],
    nonTriggering: [RuleExample(Examples.company)])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for u in index.plan.units {
      for o in u.objectives where o.keyResults.isEmpty {
        findings.report(
          Self.description, Self.noKeyResults(o.id), at: u.location(o.mark), subject: "\(u.id)/\(o.id)")
      }
    }
  }

  // MARK: - Messages

  static func noKeyResults(_ id: String) -> Message {
    Message(
      en: "objective \(quoted(id)) has no key results: add 2 to 5 that say when it is achieved",
      zh: "目标\(quotedZh(id))还没有关键结果：请添加 2 到 5 个关键结果，说明怎样才算达成")
  }
}
