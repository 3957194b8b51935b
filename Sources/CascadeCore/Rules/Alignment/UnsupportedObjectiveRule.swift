public struct UnsupportedObjectiveRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unsupported-objective", category: .alignment, severity: .info,
    summary: "An objective of a unit with child units that nothing below aligns or contributes to.",
    triggering: [
      RuleExample(
        Examples.withTeam().replacingFirst(
          "objectives:\n  - id: grow",
          with:
            "objectives:\n  - id: hire\n    title: Hire well\n    key_results:\n      - {id: h, title: 5 hires, baseline: 0, target: 5, unit: people}\n  - id: grow"
        ),
        line: 6)
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (i, u) in index.plan.units.enumerated() where !index.children[i].isEmpty {
      for (oi, o) in u.objectives.enumerated() where index.incoming[i][oi].isEmpty {
        findings.report(
          Self.description, Self.nobodyBelow(u, o.id), at: u.location(o.mark), subject: "\(u.id)/\(o.id)")
      }
    }
  }

  // MARK: - Messages

  static func nobodyBelow(_ unit: Unit, _ objective: String) -> Message {
    Message(
      en: "nothing below \(unit.id) aligns or contributes to objective \(quoted(objective)); who is working on it?",
      zh: "\(Wording.Zh.unit(unit))的下级没有任何目标对齐或支撑目标\(quotedZh(objective))：这个目标由谁来推进？")
  }
}
