public struct UnresolvedRefRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unresolved-ref", category: .alignment, severity: .error,
    summary: "An aligns_to or contributes_to reference names no unit, objective or key result in the plan.",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("aligns_to: acme/grow", with: "aligns_to: acme/grw"), line: 23),
      RuleExample(
        Examples.withTeam().replacingFirst("aligns_to: acme/grow", with: "aligns_to: acme/grow/revenu"), line: 23),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    var hints = Hints()
    for link in index.links where link.target == nil {
      let u = index.unit(link.source.unit)
      let r = link.reference
      var message = "\(quoted(r.description)) does not resolve: "
      if let ui = index.unitByID[r.unit] {
        let target = index.unit(ui)
        if let oi = index.objectiveByID[ui][r.objective], let kr = r.keyResult {
          let o = target.objectives[oi]
          message += "objective \(r.unit)/\(r.objective) has no key result \(quoted(kr))"
          message += hints.hint(for: kr, scope: "\(r.unit)/\(r.objective)", in: o.keyResults.lazy.map(\.id))
        } else {
          message += "unit \(quoted(r.unit)) has no objective \(quoted(r.objective))"
          message += hints.hint(for: r.objective, scope: r.unit, in: target.objectives.lazy.map(\.id))
        }
      } else {
        message += "there is no unit \(quoted(r.unit))"
        message += hints.hint(for: r.unit, scope: "/", in: index.plan.units.lazy.map(\.id))
      }
      let subject =
        link.sourceKeyResult.map { index.reference(link.source, keyResult: $0) } ?? index.reference(link.source)
      findings.report(Self.description, message, at: u.location(r.mark), subject: subject)
    }
  }
}
