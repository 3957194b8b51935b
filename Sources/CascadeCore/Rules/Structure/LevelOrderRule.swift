public struct LevelOrderRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "level-order", category: .structure, severity: .error,
    summary: "A unit's level must sit below its parent's (company › department › team › individual).",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("level: department", with: "level: company"), line: 17),
      // A department under a team: the levels differ but go the wrong way.
      RuleExample(
        """
        unit: acme
        name: Acme
        level: company
        cycle: 2027-Q1
        objectives: []
        ---
        unit: ops
        name: Ops
        level: team
        parent: acme
        cycle: 2027-Q1
        objectives: []
        ---
        unit: it
        name: IT
        level: department
        parent: ops
        cycle: 2027-Q1
        objectives: []
        """, line: 16),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (i, u) in index.plan.units.enumerated() {
      guard let level = u.level, let p = index.parent[i], let parentLevel = index.plan.units[p].level,
        level <= parentLevel
      else { continue }
      let parentUnit = index.plan.units[p]
      findings.report(
        Self.description, Self.notBelow(u.id, level, parent: parentUnit.id, parentLevel),
        at: u.location(u.levelMark), subject: u.id)
    }
  }

  // MARK: - Messages

  static func notBelow(_ id: String, _ level: Level, parent: String, _ parentLevel: Level) -> Message {
    let zh = Wording.Zh.level(level)
    let parentZh = (level == parentLevel ? "也是" : "是") + Wording.Zh.level(parentLevel)
    return Message(
      en:
        "\(id) is \(level.withArticle) but its parent \(parent) is \(parentLevel.withArticle); a unit must sit below its parent",
      zh: "\(quotedZh(id))的层级是\(zh)，但它的上级\(quotedZh(parent))\(parentZh)：下级单元的层级必须低于上级")
  }
}
