public struct RollupNoChildrenRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "rollup-no-children", category: .measurability, severity: .warning,
    summary:
      "An objective rolls up from children (rollup: children) but no objective aligns to it; its score falls back to its key results.",
    triggering: [
      RuleExample(
        Examples.company.replacingFirst("title: Grow sales", with: "title: Grow sales\n    rollup: children"), line: 8)
    ],
    nonTriggering: [
      RuleExample(
        Examples.withTeam().replacingFirst("title: Grow sales", with: "title: Grow sales\n    rollup: children"))
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (ui, u) in index.plan.units.enumerated() {
      for (oi, o) in u.objectives.enumerated() where o.rollup != .keyResults {
        guard index.alignedChildren(of: ObjectiveAddress(unit: ui, objective: oi)).isEmpty else { continue }
        findings.report(
          Self.description, Self.noChildren(o.id, o.rollup), at: u.location(o.rollupMark ?? o.mark),
          subject: "\(u.id)/\(o.id)")
      }
    }
  }

  // MARK: - Messages

  static func noChildren(_ id: String, _ rollup: Rollup) -> Message {
    Message(
      en: "objective \(quoted(id)) has rollup: \(rollup.rawValue) but no objective aligns to it",
      zh: "目标\(quotedZh(id))设置了 rollup: \(rollup.rawValue)，但没有任何目标对齐到它")
  }
}
