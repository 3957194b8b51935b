public struct KRDirectionMismatchRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-direction-mismatch", category: .measurability, severity: .error,
    summary: "The kind says increase but the target is below the baseline, or decrease and above.",
    triggering: [
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: 50 customers, kind: increase, baseline: 60, target: 50, unit: customers}"),
        line: 25),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Churn down to 5%, kind: decrease, baseline: 3, target: 5, unit: '%'}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Churn down to 3%, kind: decrease, baseline: 5, target: 3, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard let kind = kr.kind, let b = kr.baseline, let t = kr.target else { return }
      let wrong = (kind == .increase && t < b) || (kind == .decrease && t > b)
      guard wrong else { return }
      findings.report(
        Self.description, Self.wrongWay(kr.id, kind, from: b, to: t), at: u.location(kr.targetMark),
        subject: site.subject(index))
    }
  }

  // MARK: - Messages

  static func wrongWay(_ id: String, _ kind: KeyResultKind, from b: Double, to t: Double) -> Message {
    let way = t < b ? "降低到" : "提升到"
    return Message(
      en:
        "key result \(quoted(id)) is \(kind.withArticle) but goes from \(formatNumber(b)) to \(formatNumber(t)); fix the numbers or the kind",
      zh: "关键结果\(quotedZh(id))是\(Wording.Zh.kind(kind))，数值却从 \(formatNumber(b)) \(way) \(formatNumber(t))：请修改数值或 kind")
  }
}
