public struct EmptyFileRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "empty-file", category: .structure, severity: .warning,
    summary: "A plan file holds no document at all.",
    triggering: [RuleExample("", line: 1), RuleExample("# only a comment\n", line: 1)],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static let noDocument = Message(
    en: "the file holds no plan document", zh: "文件中没有计划文档，请补充内容或删除该文件")
}
