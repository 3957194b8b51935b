public struct KRNoBaselineRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-no-baseline", category: .measurability, severity: .error,
    summary:
      "An increase or decrease key result (or one whose kind is left to be inferred) has no baseline to measure progress from.",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 50 customers, kind: increase, target: 50, unit: customers}"),
        line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 50 customers, target: 50, unit: customers}"), line: 25),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 客户流失率降到3%, kind: decrease, target: 3, unit: '%'}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Uptime at least 99.9%, kind: stay_above, target: 99.9, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard kr.baselineMark == nil else { return }
      switch kr.kind {
      case .some(let kind) where kind == .increase || kind == .decrease:
        findings.report(
          Self.description, Self.noBaseline(kr.id, kind), at: u.location(kr.mark), subject: site.subject(index))
      case nil where kr.targetMark != nil:
        findings.report(
          Self.description, Self.noBaselineNoKind(kr.id), at: u.location(kr.mark), subject: site.subject(index))
      default:
        return
      }
    }
  }

  // MARK: - Messages

  static func noBaseline(_ id: String, _ kind: KeyResultKind) -> Message {
    Message(
      en: "key result \(quoted(id)) is \(kind.withArticle) with no baseline: add baseline: with where it starts",
      zh: "关键结果\(quotedZh(id))是\(Wording.Zh.kind(kind))，但没有基线：请添加 baseline:，写明起始值")
  }

  static func noBaselineNoKind(_ id: String) -> Message {
    Message(
      en:
        "key result \(quoted(id)) has a target but no baseline and no kind: add baseline: (or kind: stay_above / stay_below)",
      zh: "关键结果\(quotedZh(id))有目标值，但既没有基线也没有 kind：请添加 baseline:（或 kind: stay_above / stay_below）")
  }
}
