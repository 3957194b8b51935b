public struct DuplicateKeyRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "duplicate-key", category: .structure, severity: .error,
    summary: "The same key appears twice in one mapping; YAML keeps only one, silently.",
    triggering: [RuleExample("unit: acme\nname: Acme\nname: Acme Corp\nlevel: company\ncycle: 2027-Q1\n", line: 3)],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
