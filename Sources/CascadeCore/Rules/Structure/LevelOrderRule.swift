public struct LevelOrderRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "level-order", category: .structure, severity: .error,
    summary: "A unit's level must sit below its parent's (company › department › team › individual).",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("level: department", with: "level: company"), line: 17)
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (i, u) in index.plan.units.enumerated() {
      guard let level = u.level, let p = index.parent[i], let parentLevel = index.plan.units[p].level,
        level <= parentLevel
      else { continue }
      let parentUnit = index.plan.units[p]
      findings.report(
        Self.description,
        "\(u.id) is \(level.withArticle) but its parent \(parentUnit.id) is \(parentLevel.withArticle); a unit must sit below its parent",
        at: u.location(u.levelMark), subject: u.id)
    }
  }
}
