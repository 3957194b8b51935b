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
          """)
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
      let relation = to == from ? "its own unit" : "\(index.plan.units[to].id), which is not above \(u.id)"
      findings.report(
        Self.description,
        "\(quoted(link.reference.description)) points at \(relation) (chain: \(chain.joined(separator: " → ")))",
        at: u.location(link.reference.mark), subject: subject)
    }
  }
}
