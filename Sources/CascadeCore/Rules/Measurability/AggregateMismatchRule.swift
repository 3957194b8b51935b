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
              Self.description,
              "\(quoted(kr.id)) sums the key results that contribute to it, but none does (add contributes_to: \(subject) below)",
              at: u.location(kr.aggregateMark), subject: subject)
            continue
          }
          for c in contributors {
            let other = index.objective(c.objective).keyResults[c.keyResult]
            guard other.unit != kr.unit else { continue }
            findings.report(
              Self.description,
              "\(quoted(kr.id)) sums \(kr.unit.map { quoted($0, limit: 20) } ?? "no unit") but \(index.reference(c.objective, keyResult: c.keyResult)) counts \(other.unit.map { quoted($0, limit: 20) } ?? "no unit")",
              at: u.location(kr.aggregateMark), subject: subject)
          }
        }
      }
    }
  }
}
