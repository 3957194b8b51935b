public struct KRNoUnitRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-no-unit", category: .measurability, severity: .info,
    summary: "A measured key result does not say what its numbers count (customers, %, USD).",
    triggering: [
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 50 customers, baseline: 30, target: 50}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 每月新增50个客户, baseline: 30, target: 50}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Ship v2 by March, kind: milestone}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.needsTarget, kr.unit?.isEmpty ?? true else { return }
      findings.report(
        Self.description, Self.noUnit(kr.id, title: kr.title), at: u.location(kr.mark), subject: site.subject(index))
    }
  }

  // MARK: - Messages

  /// The Chinese example unit follows the title's language: `unit: 个` for a Chinese title.
  static func noUnit(_ id: String, title: String) -> Message {
    let example = Wording.Zh.isChinese(title) ? "个" : "customers"
    return Message(
      en: "key result \(quoted(id)) has no unit: say what the numbers count (unit: customers)",
      zh: "关键结果\(quotedZh(id))没有单位：请写明这些数字统计的是什么，例如「unit: \(example)」")
  }
}
