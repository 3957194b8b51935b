public struct KRNoTargetRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-no-target", category: .measurability, severity: .error,
    summary: "A key result other than a milestone has no target, so it cannot be scored.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Raise conversion to 50%, baseline: 30, unit: '%'}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 每月新增50个客户, baseline: 30}"), line: 25),
      // A quantity without a number, and no quantity at all.
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Double the pipeline, baseline: 30, unit: deals}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 新客户签约, baseline: 30, unit: 家}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Ship v2 by March, kind: milestone}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.needsTarget, kr.targetMark == nil else { return }
      // The quantity the title announces as its target, not merely its first number.
      let stated = index.titleFacts[site.ordinal].quantity == nil ? nil : Wording.target(in: kr.title)
      let message = stated.map { Self.titleSays($0.text, $0.value) } ?? Self.noTarget(kr.id)
      findings.report(Self.description, message, at: u.location(kr.mark), subject: site.subject)
    }
  }

  // MARK: - Messages

  static func noTarget(_ id: String) -> Message {
    Message(
      en: "key result \(quoted(id)) has no target: add target: with the number to reach by the end of the cycle",
      zh: "关键结果\(quotedZh(id))没有目标值：请添加 target:，写明周期结束时要达到的数值")
  }

  /// The title states `quantity`; `value` is its number when it has one (`50%`, not `double`).
  static func titleSays(_ quantity: String, _ value: Double?) -> Message {
    Message(
      en: "the title says \(quoted(quantity, limit: 30))"
        + (value.map { ": add target: \(formatNumber($0))" } ?? ": add target: with that number"),
      zh: "标题中写了\(quotedZh(quantity, limit: 30))，但没有设置目标值："
        + (value.map { "请添加 target: \(formatNumber($0))" } ?? "请添加 target:，填入对应的数值"))
  }
}
