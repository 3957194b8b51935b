public struct CycleMismatchRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "cycle-mismatch", category: .alignment, severity: .error,
    summary: "A linked objective's cycle does not contain the linking unit's cycle.",
    triggering: [
      RuleExample(
        Examples.withTeam().replacingFirst("parent: acme\ncycle: 2027-Q1", with: "parent: acme\ncycle: 2027-Q2"),
        line: 23)
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam().replacingFirst("level: company\ncycle: 2027-Q1", with: "level: company\ncycle: 2027")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    for link in index.links {
      guard let target = link.target else { continue }
      let from = index.unit(link.source.unit)
      let to = index.unit(target.objective.unit)
      guard let inner = from.cycle, let outer = to.cycle, !outer.contains(inner) else { continue }
      let subject =
        link.sourceKeyResult.map { index.reference(link.source, keyResult: $0) } ?? index.reference(link.source)
      findings.report(
        Self.description, Self.outsideCycle(from, inner, link.reference.description, of: to, outer),
        at: from.location(link.reference.mark), subject: subject)
    }
  }

  // MARK: - Messages

  static func outsideCycle(_ from: Unit, _ inner: Cycle, _ reference: String, of to: Unit, _ outer: Cycle) -> Message {
    Message(
      en:
        "\(from.id) plans for \(inner) but \(quoted(reference)) belongs to \(to.id)'s cycle \(outer), which does not contain it",
      zh:
        "\(Wording.Zh.unit(from))的周期是 \(inner)，但\(quotedZh(reference))属于\(Wording.Zh.unit(to))的周期 \(outer)，并不包含 \(inner)"
    )
  }
}
