public struct UnitParentMissingRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unit-parent-missing", category: .structure, severity: .error,
    summary: "A unit's parent names no unit in the plan.",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("parent: acme", with: "parent: acmee"), line: 18),
      RuleExample(Examples.withTeam().replacingFirst("parent: acme", with: "parent: nowhere"), line: 18),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    var hints = Hints()
    for u in index.plan.units {
      guard let p = u.parent, index.unitByID[p] == nil else { continue }
      let hint = hints.hint(for: p) { index.unitID(closestTo: p) ?? "" }
      findings.report(
        Self.description, Self.notAUnit(p, of: u.id, suggestion: hint), at: u.location(u.parentMark), subject: u.id)
    }
  }

  // MARK: - Messages

  static func notAUnit(_ parent: String, of unit: String, suggestion: String) -> Message {
    Message(
      en: "parent \(quoted(parent)) of unit \(quoted(unit)) is not a unit in this plan",
      zh: "单元\(quotedZh(unit))的 parent\(quotedZh(parent))不是本计划中的单元")
      + UnresolvedRefRule.didYouMean(suggestion)
  }
}
