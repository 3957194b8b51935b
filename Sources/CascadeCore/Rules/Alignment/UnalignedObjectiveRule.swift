public struct UnalignedObjectiveRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unaligned-objective", category: .alignment, severity: .warning,
    summary: "An objective below company level neither aligns upward nor has a key result contributing upward.",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("    aligns_to: acme/grow\n", with: ""), line: 21),
      // The parent has no objective to suggest.
      RuleExample(
        "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives: []\n---\nunit: sales\nname: Sales\n"
          + "level: department\nparent: acme\ncycle: 2027-Q1\nobjectives:\n  - id: win\n    title: Win\n    key_results:\n"
          + "      - {id: c, title: 50 new customers, baseline: 30, target: 50, unit: customers}\n", line: 13),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(kr: Examples.defaultKR + "\n        contributes_to: acme/grow/revenue")
          .replacingFirst("    aligns_to: acme/grow\n", with: "")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (i, u) in index.plan.units.enumerated() where u.level != .company && !(u.level == nil && u.parent == nil) {
      let suggestion = index.parent[i].flatMap { p in
        index.plan.units[p].objectives.first.map { "\(index.plan.units[p].id)/\($0.id)" }
      }
      for o in u.objectives
      where o.alignsTo.isEmpty && o.keyResults.allSatisfy({ $0.contributesTo.isEmpty }) {
        findings.report(
          Self.description, Self.linksToNothing(o.id, of: u, suggesting: suggestion),
          at: u.location(o.mark), subject: "\(u.id)/\(o.id)")
      }
    }
  }

  // MARK: - Messages

  /// `suggestion` is an objective of the parent unit (`acme/grow`), when it has one.
  static func linksToNothing(_ objective: String, of unit: Unit, suggesting suggestion: String?) -> Message {
    Message(
      en:
        "objective \(quoted(objective)) of \(unit.id) links to nothing above it; add aligns_to, or contributes_to on a key result"
        + (suggestion.map { " (for example aligns_to: \($0))" } ?? ""),
      zh: "\(Wording.Zh.unit(unit))的目标\(quotedZh(objective))没有对齐到任何上级目标：请添加 aligns_to，或在关键结果上添加 contributes_to"
        + (suggestion.map { "（例如 aligns_to: \($0)）" } ?? ""))
  }
}
