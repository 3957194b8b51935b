public struct UnitParentMissingRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unit-parent-missing", category: .structure, severity: .error,
    summary: "A unit's parent names no unit in the plan.",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("parent: acme", with: "parent: acmee"), line: 18),
      RuleExample(Examples.withTeam().replacingFirst("parent: acme", with: "parent: nowhere"), line: 18),
      RuleExample(
        Examples.withTeam().replacingFirst("name: Acme", with: "name: 总公司").replacingFirst(
          "parent: acme", with: "parent: 总公司"), line: 18),
      RuleExample(Examples.withTeam().replacingFirst("parent: acme", with: "parent: 销售部"), line: 18),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    var hints = Hints()
    var names: NameLookup?
    for u in index.plan.units {
      guard let p = u.parent, index.unitByID[p] == nil else { continue }
      let message: Message
      if Reference.looksLikeName(p) {
        // `parent: 销售部`: the unit's name where its id belongs.
        let lookup = names ?? NameLookup(index)
        names = lookup
        message =
          Self.notAUnit(p, of: u.id, suggestion: "")
          + Self.named(p, unit: lookup.unit(named: p).map { index.unit($0).id })
      } else {
        let hint = hints.hint(for: p) { index.unitID(closestTo: p) ?? "" }
        message = Self.notAUnit(p, of: u.id, suggestion: hint)
      }
      findings.report(Self.description, message, at: u.location(u.parentMark), subject: u.id)
    }
  }

  // MARK: - Messages

  static func notAUnit(_ parent: String, of unit: String, suggestion: String) -> Message {
    Message(
      en: "parent \(quoted(parent)) of unit \(quoted(unit)) is not a unit in this plan",
      zh: "单元\(quotedZh(unit))的 parent\(quotedZh(parent))不是本计划中的单元")
      + UnresolvedRefRule.didYouMean(suggestion)
  }

  /// For a parent written as a name: the unit it names (`(did you mean 'sales'? 销售部 is that
  /// unit's name)`), or, when no unit has that name, what to write instead.
  static func named(_ name: String, unit: String?) -> Message {
    let shown = String(quoted(name).dropFirst().dropLast())
    guard let unit else {
      return Message(en: ": write the parent unit's id, not its name", zh: "：请写上级单元的 id，而不是名称")
    }
    return Message(
      en: " (did you mean \(quoted(unit))? \(shown) is that unit's name)",
      zh: "（\(quotedZh(name))是单元\(quotedZh(unit))的名称，是否想写\(quotedZh(unit))？）")
  }
}
