public struct UnknownFieldRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unknown-field", category: .structure, severity: .warning,
    summary: "A field the plan format does not know, usually a typo; the message suggests the closest name.",
    triggering: [
      RuleExample(
        "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives:\n  - id: grow\n    titel: Grow\n", line: 7)
    ],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static func unknown(_ key: String, known: [String]) -> Message {
    Message(en: "unknown field \(quoted(key))", zh: "无法识别的字段\(quotedZh(key))")
      + SchemaRule.didYouMean(key, in: known)
  }
}
