public struct AlignNotUpwardRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "align-not-upward", category: .alignment, severity: .warning,
    summary: "A link points at a unit that is not above the linking unit (a sibling, a child or itself).",
    triggering: [
      RuleExample(
        Examples.withTeam()
          + """

          ---
          unit: support
          name: Support
          level: department
          parent: acme
          cycle: 2027-Q1
          objectives:
            - id: help
              title: Help customers
              aligns_to: sales/win
              key_results:
                - {id: csat, title: CSAT above 90%, target: 90, kind: stay_above, unit: '%'}
          """),
      // A link inside the unit itself.
      RuleExample(
        Examples.withTeam(
          extraObjective: """
              - id: close
                title: Close deals
                aligns_to: sales/win
                key_results:
                  - {id: k, title: 10 deals, baseline: 0, target: 10, unit: deals}
            """), line: 32),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for link in index.links {
      guard let target = link.target else { continue }
      let from = link.source.unit
      let to = target.objective.unit
      let u = index.unit(from)
      // A unit whose parent is missing or loops has no trustworthy chain; other rules say so.
      guard !index.inParentCycle[from], u.parent == nil || index.parent[from] != nil,
        !index.isAncestor(to, of: from)
      else { continue }
      let chain = ([from] + index.ancestors(of: from)).prefix(6).map { index.plan.units[$0].id }
      let subject =
        link.sourceKeyResult.map { index.reference(link.source, keyResult: $0) } ?? index.reference(link.source)
      findings.report(
        Self.description,
        Self.pointsAt(
          link.reference.description, from: u, to: to == from ? nil : index.plan.units[to], chain: Array(chain)),
        at: u.location(link.reference.mark), subject: subject)
    }
  }

  // MARK: - Messages

  /// `to` is the unit pointed at, nil for the linking unit itself; `chain` is the linking
  /// unit's parent chain from itself upward.
  static func pointsAt(_ reference: String, from: Unit, to: Unit?, chain: [String]) -> Message {
    let en = to.map { "\($0.id), which is not above \(from.id)" } ?? "its own unit"
    let zh =
      to.map { "\(Wording.Zh.unit($0))，它不是\(Wording.Zh.unit(from))的上级" }
      ?? "本\(Wording.Zh.level(from.level))自身"
    return Message(
      en: "\(quoted(reference)) points at \(en) (chain: \(chain.joined(separator: " → ")))",
      zh: "\(quotedZh(reference))指向\(zh)（上级链：\(Wording.Zh.chain(chain))）：请对齐到上级的目标")
  }
}
