public struct DuplicateKeyRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "duplicate-key", category: .structure, severity: .error,
    summary: "The same key appears twice in one mapping; YAML keeps only one, silently.",
    triggering: [RuleExample("unit: acme\nname: Acme\nname: Acme Corp\nlevel: company\ncycle: 2027-Q1\n", line: 3)],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static func duplicate(_ key: String, firstLine: Int32) -> Message {
    Message(
      en: "duplicate key \(quoted(key)); the first is at line \(firstLine)",
      zh: "字段\(quotedZh(key))重复出现，第一次出现在第 \(firstLine) 行；YAML 只会保留其中一个")
  }
}
