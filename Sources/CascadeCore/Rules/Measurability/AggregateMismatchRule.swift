public struct AggregateMismatchRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "aggregate-mismatch", category: .measurability, severity: .error,
    summary: "A key result with aggregate: sum has no contributing key results, or one counts in another unit.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: Examples.defaultKR + "\n        contributes_to: acme/grow/revenue")
          .replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum"), line: 14),
      RuleExample(
        Examples.company.replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum"), line: 14),
      // The summing key result has no unit.
      RuleExample(
        Examples.withTeam(kr: Examples.defaultKR + "\n        contributes_to: acme/grow/revenue")
          .replacingFirst("unit: M USD", with: "aggregate: sum"), line: 13),
      // The contributing key result has no unit.
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: 50 customers, baseline: 30, target: 50, contributes_to: acme/grow/revenue}"
        ).replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum"), line: 14),
    ],
    nonTriggering: [
      RuleExample(
        Examples.withTeam(
          kr: Examples.defaultKR.replacingFirst("customers/month", with: "M USD")
            + "\n        contributes_to: acme/grow/revenue"
        ).replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum"))
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (ui, u) in index.plan.units.enumerated() {
      for (oi, o) in u.objectives.enumerated() {
        for (ki, kr) in o.keyResults.enumerated() where kr.aggregate == .sum {
          let address = ObjectiveAddress(unit: ui, objective: oi)
          let subject = index.reference(address, keyResult: ki)
          let contributors = index.contributors(to: KeyResultAddress(address, ki))
          if contributors.isEmpty {
            findings.report(
              Self.description, Self.noContributors(kr.id, subject), at: u.location(kr.aggregateMark),
              subject: subject)
            continue
          }
          for c in contributors {
            let other = index.objective(c.objective).keyResults[c.keyResult]
            guard other.unit != kr.unit else { continue }
            findings.report(
              Self.description,
              Self.unitsDiffer(
                kr.id, kr.unit, contributor: index.reference(c.objective, keyResult: c.keyResult), other.unit),
              at: u.location(kr.aggregateMark), subject: subject)
          }
        }
      }
    }
  }

  // MARK: - Messages

  /// `subject` is the summing key result's reference, for the contributes_to to add.
  static func noContributors(_ id: String, _ subject: String) -> Message {
    Message(
      en:
        "\(quoted(id)) sums the key results that contribute to it, but none does (add contributes_to: \(subject) below)",
      zh: "关键结果\(quotedZh(id))设置了 aggregate: sum，要汇总支撑它的关键结果，但没有任何关键结果支撑它：请在下级关键结果上添加 contributes_to: \(subject)"
    )
  }

  static func unitsDiffer(_ id: String, _ unit: String?, contributor: String, _ otherUnit: String?) -> Message {
    func zh(_ u: String?) -> String { u.map { "单位是\(quotedZh($0, limit: 20))" } ?? "没有设置单位" }
    return Message(
      en:
        "\(quoted(id)) sums \(unit.map { quoted($0, limit: 20) } ?? "no unit") but \(contributor) counts \(otherUnit.map { quoted($0, limit: 20) } ?? "no unit")",
      zh: "关键结果\(quotedZh(id))按 sum 汇总，\(zh(unit))，但支撑它的「\(contributor)」\(zh(otherUnit))：请统一单位")
  }
}
