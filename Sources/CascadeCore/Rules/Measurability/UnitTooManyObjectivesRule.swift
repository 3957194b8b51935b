public struct UnitTooManyObjectivesRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unit-too-many-objectives", category: .measurability, severity: .warning,
    summary: "A unit has more objectives than the limit (5 unless cascade.yaml says otherwise).",
    triggering: [
      RuleExample(
        "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives:\n"
          + (1...6).map {
            "  - {id: o\($0), title: O\($0), key_results: [{id: k, title: \($0) deals, baseline: 0, target: \($0), unit: deals}]}"
          }.joined(separator: "\n") + "\n", line: 1)
    ],
    nonTriggering: [RuleExample(Examples.company)])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    let limit = index.plan.configuration.maxObjectivesPerUnit
    for u in index.plan.units where u.objectives.count > limit {
      findings.report(
        Self.description, Self.tooMany(u, u.objectives.count, limit: limit), at: u.location(u.idMark),
        subject: u.id)
    }
  }

  // MARK: - Messages

  static func tooMany(_ unit: Unit, _ count: Int, limit: Int) -> Message {
    Message(
      en: "\(unit.id) has \(count) objectives; more than \(limit) means no real priorities",
      zh: "\(Wording.Zh.unit(unit))有 \(count) 个目标：超过 \(limit) 个就等于没有重点")
  }
}
