/// The question a planning meeting asks first: do the commitments below add up to the goal
/// above? For a key result with `aggregate: sum`, the contributors' planned changes (target
/// minus baseline) are added to its own baseline; what falls short of its target is the part
/// of the goal nobody below has committed to.
public struct SumGapRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "sum-gap", category: .alignment, severity: .warning,
    summary:
      "The key results that add up to an aggregate: sum key result plan less than its target: part of the goal has no owner.",
    triggering: [
      RuleExample(Examples.summed(baseline: 2, target: 2.5), line: 12),
      // A decrease: the department cuts 10 of the 30 complaints the company plans to cut.
      RuleExample(
        Examples.summed(baseline: 100, target: 90, unit: "complaints")
          .replacingFirst("title: Revenue from $5M to $6M", with: "title: Complaints from 150 to 120")
          .replacingFirst(
            "baseline: 5\n        target: 6\n        unit: M USD",
            with: "baseline: 150\n        target: 120\n        unit: complaints"),
        line: 12),
    ],
    nonTriggering: [
      RuleExample(Examples.summed(baseline: 2, target: 3)),
      // More than enough below is fine.
      RuleExample(Examples.summed(baseline: 2, target: 4)),
      // A contributor in another unit of measure is aggregate-mismatch's error, not a gap.
      RuleExample(Examples.summed(baseline: 2, target: 2.5, unit: "customers")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for (ui, u) in index.plan.units.enumerated() {
      for (oi, o) in u.objectives.enumerated() {
        for (ki, kr) in o.keyResults.enumerated() where kr.aggregate == .sum {
          guard let baseline = kr.baseline, let target = kr.target, target != baseline,
            kr.effectiveKind == .increase || kr.effectiveKind == .decrease
          else { continue }
          let address = KeyResultAddress(ObjectiveAddress(unit: ui, objective: oi), ki)
          let contributors = index.contributors(to: address)
          guard !contributors.isEmpty else { continue }
          var changes: [Double] = [baseline]
          var comparable = true
          for c in contributors {
            let other = index.objective(c.objective).keyResults[c.keyResult]
            guard other.unit == kr.unit else {
              comparable = false
              break
            }
            if let b = other.baseline, let t = other.target { changes += [t, -b] }
          }
          guard comparable else { continue }
          let committed = Arithmetic.sum(changes)
          guard !committed.overflowed else { continue }
          let gap = target - committed.value
          guard gap.isFinite, target > baseline ? gap > 0 : gap < 0 else { continue }
          let subject = index.reference(address.objective, keyResult: ki)
          findings.report(
            Self.description,
            Self.gap(
              kr.id, committed: committed.value, target: target, baseline: baseline, gap: abs(gap), unit: kr.unit,
              increase: target > baseline),
            at: u.location(kr.targetMark ?? kr.mark), subject: subject)
        }
      }
    }
  }

  // MARK: - Messages

  static func gap(
    _ id: String, committed: Double, target: Double, baseline: Double, gap: Double, unit: String?, increase: Bool
  ) -> Message {
    let u = unit.map { " " + visible($0.prefix(20)) } ?? ""
    // In Chinese a unit in Latin letters is quoted, as the other messages quote plan text
    // (51「deals」); a Chinese one follows the number (4200 万元).
    let zu =
      unit.map { u in
        u.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
          ? quotedZh(u, limit: 20) : " " + visible(u.prefix(20))
      } ?? ""
    let v = NumberFormat.value
    return Message(
      en: "the key results that add up to \(quoted(id)) commit to \(v(committed))\(u) (its baseline \(v(baseline)) "
        + "plus their planned changes) against its target of \(v(target))\(u): \(v(gap))\(u) "
        + "\(increase ? "of the increase" : "of the cut") has no owner below",
      zh: "支撑\(quotedZh(id))的下级关键结果承诺合计 \(v(committed))\(zu)（基线 \(v(baseline)) 加上各自计划的变化），"
        + "距目标值 \(v(target))\(zu)还差 \(v(gap))\(zu)：这部分分解缺口还没有人承担")
  }
}
