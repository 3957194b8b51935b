public struct KRTargetEqualsBaselineRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-target-equals-baseline", category: .measurability, severity: .error,
    summary: "Target and baseline are equal: there is nothing to change, and progress would divide by zero.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 50 customers, baseline: 50, target: 50, unit: customers}"),
        line: 25)
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Keep 50 customers, kind: stay_above, baseline: 50, target: 50, unit: customers}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.kind == nil || kr.kind == .increase || kr.kind == .decrease,
        let b = kr.baseline, let t = kr.target, b == t
      else { return }
      findings.report(
        Self.description, Self.nothingToChange(kr.id, t), at: u.location(kr.targetMark), subject: site.subject(index))
    }
  }

  // MARK: - Messages

  static func nothingToChange(_ id: String, _ value: Double) -> Message {
    Message(
      en:
        "key result \(quoted(id)) has baseline and target both \(formatNumber(value)); to hold a level use kind: stay_above or stay_below",
      zh: "关键结果\(quotedZh(id))的基线和目标值都是 \(formatNumber(value))：如果是要保持在某个水平，请使用 kind: stay_above 或 stay_below"
    )
  }
}
