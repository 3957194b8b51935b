public struct KRDueOutsideCycleRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-due-outside-cycle", category: .measurability, severity: .error,
    summary: "A key result is due on a day outside its unit's cycle.",
    triggering: [
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: 50 customers, baseline: 30, target: 50, unit: customers, due: 2027-04-15}"),
        line: 25)
    ],
    nonTriggering: [
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: 50 customers, baseline: 30, target: 50, unit: customers, due: 2027-03-31}"))
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard let due = kr.due, let cycle = u.cycle, !cycle.contains(due) else { return }
      findings.report(
        Self.description, Self.dueOutside(kr.id, due, u, cycle), at: u.location(kr.dueMark),
        subject: site.subject(index))
    }
  }

  // MARK: - Messages

  static func dueOutside(_ id: String, _ due: Day, _ unit: Unit, _ cycle: Cycle) -> Message {
    Message(
      en:
        "key result \(quoted(id)) is due \(due), outside \(unit.id)'s cycle \(cycle) (\(cycle.start) to \(cycle.end))",
      zh: "关键结果\(quotedZh(id))的截止日期 \(due) 不在\(Wording.Zh.unit(unit))的周期 \(cycle)（\(cycle.start) 至 \(cycle.end)）内"
    )
  }
}
