public struct InputLimitRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "input-limit", category: .structure, severity: .error,
    summary: "The file exceeds a safety limit: over 16 MiB, nesting deeper than 32 levels, or a value over 64 KiB.",
    triggering: [
      RuleExample(
        "unit: acme\nname: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n", line: 2),
      RuleExample(
        "unit: acme\nname: " + String(repeating: "x", count: 70_000) + "\nlevel: company\ncycle: 2027\n", line: 2),
    ],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
