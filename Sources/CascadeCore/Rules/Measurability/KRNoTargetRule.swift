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
      // Doubling and halving: the target is a multiple of the baseline (60, 15).
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Double the pipeline, baseline: 30, unit: deals}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 客诉处理时长减半, baseline: 30, unit: 小时}"), line: 25),
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
      let message =
        stated.map { q in
          q.factor.map { Self.titleMultiplies(q.text, $0, baseline: kr.baseline) } ?? Self.titleSays(q.text, q.value)
        } ?? Self.noTarget(kr.id)
      findings.report(Self.description, message, at: u.location(kr.mark), subject: site.subject(index))
    }
  }

  // MARK: - Messages

  static func noTarget(_ id: String) -> Message {
    Message(
      en: "key result \(quoted(id)) has no target: add target: with the number to reach by the end of the cycle",
      zh: "关键结果\(quotedZh(id))没有目标值：请添加 target:，写明周期结束时要达到的数值")
  }

  /// The title sets the target as a multiple of the baseline (`Double the pipeline`, `减半`).
  static func titleMultiplies(_ quantity: String, _ factor: Double, baseline: Double?) -> Message {
    let said = quoted(quantity, limit: 30)
    let saidZh = quotedZh(quantity, limit: 30)
    let half = factor == 0.5
    let formula = half ? "baseline / 2" : "\(formatNumber(factor)) × baseline"
    let formulaZh = half ? "基线值的一半" : "基线值的 \(formatNumber(factor)) 倍"
    guard let baseline, (baseline * factor).isFinite else {
      return Message(
        en: "the title says \(said): add target: \(formula), and baseline: with today's value",
        zh: "标题中写了\(saidZh)，但没有设置目标值：请添加 baseline:（当前值）和 target:（\(formulaZh)）")
    }
    let target = formatNumber(baseline * factor)
    let b = formatNumber(baseline)
    let arithmetic = half ? "baseline \(b) / 2" : "\(formatNumber(factor)) × baseline \(b)"
    let arithmeticZh = half ? "基线值 \(b) 的一半" : "基线值 \(b) 的 \(formatNumber(factor)) 倍"
    return Message(
      en: "the title says \(said): add target: \(target) (\(arithmetic))",
      zh: "标题中写了\(saidZh)，但没有设置目标值：请添加 target: \(target)（\(arithmeticZh)）")
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
