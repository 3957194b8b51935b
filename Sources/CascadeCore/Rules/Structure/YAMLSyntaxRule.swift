public struct YAMLSyntaxRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "yaml-syntax", category: .structure, severity: .error,
    summary: "The file is not well-formed YAML (or uses aliases, which plans do not allow).",
    triggering: [
      RuleExample("unit: acme\nname: [Acme\n", line: 3),
      RuleExample("unit: acme\n\tname: Acme\n", line: 2),
      RuleExample("base: &b {x: 1}\nunit: *b\n", line: 2),
    ],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
