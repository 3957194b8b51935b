public struct SchemaRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "schema", category: .structure, severity: .error,
    summary: "A required field is missing, a value has the wrong type, or a value is not allowed.",
    triggering: [
      RuleExample("unit: acme\nname: Acme\ncycle: 2027-Q1\nobjectives: []\n", line: 1),
      RuleExample("unit: acme\nname: Acme\nlevel: firm\ncycle: 2027-Q1\nobjectives: []\n", line: 3),
      RuleExample("unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q5\nobjectives: []\n", line: 4),
      RuleExample(
        Examples.withTeam(kr: "      - id: c\n        title: 50 customers\n        target: \"50\"\n"), line: 27),
      RuleExample("unit: Acme Corp\nname: Acme\nlevel: company\ncycle: 2027\n", line: 1),
      RuleExample("unit: team\nname: T\nlevel: team\ncycle: 2027-Q1\nobjectives: []\n", line: 3),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])
  /// Reported while plans are read (`DocumentDecoder`, `UnitDecoding`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static func unknownLanguage(_ found: String) -> Message {
    Message(
      en: "'language' must be en or zh, found \(quoted(found, limit: 20))",
      zh: "language 只能是 en 或 zh，这里写的是\(quotedZh(found, limit: 20))")
  }
}
