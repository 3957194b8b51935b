/// A `# cascade:disable…` comment that silences nothing: a rule that no longer fires there, an
/// unknown rule id, or `cascade:disable` where no objective or key result follows. Left in
/// place, it would hide the next real problem there without anyone deciding to.
public struct SuperfluousDisableRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "superfluous-disable", category: .structure, severity: .warning,
    summary: "A `# cascade:disable` comment silences nothing (the rule does not fire there, or is unknown).",
    triggering: [
      RuleExample(
        Examples.company.replacingOccurrences(
          of: "      - id: revenue", with: "      # cascade:disable kr-no-unit\n      - id: revenue"), line: 9),
      RuleExample(
        Examples.company.replacingOccurrences(
          of: "      - id: revenue", with: "      # cascade:disable-next-line kr-no-baselne\n      - id: revenue"),
        line: 9),
    ],
    nonTriggering: [
      RuleExample(
        Examples.company.replacingOccurrences(
          of: "\n        unit: M USD", with: ""
        ).replacingOccurrences(
          of: "      - id: revenue", with: "      # cascade:disable kr-no-unit\n      - id: revenue"))
    ])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static func unused(_ rule: String) -> Message {
    Message(
      en: "'# cascade:disable … \(rule)' silences nothing here: \(rule) does not fire on what it covers; remove it",
      zh: "「# cascade:disable … \(rule)」在这里什么也没有屏蔽：它管的范围内规则「\(rule)」并没有报告问题，请删掉")
  }

  static func unknown(_ rule: String, suggestion: String?) -> Message {
    let id = String(visible(rule).prefix(60))
    return Message(
      en: "'# cascade:disable' names no rule '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        + "; `cascade rules` lists them",
      zh: "「# cascade:disable」中的「\(id)」不是规则" + (suggestion.map { "（是否想写「\($0)」？）" } ?? "")
        + "；`cascade rules` 会列出所有规则")
  }

  static let noRules = Message(
    en: "'# cascade:disable' names no rule: add the ids of the rules to silence",
    zh: "「# cascade:disable」没有写规则：请写上要屏蔽的规则 id")

  static let notBeforeItem = Message(
    en: "'# cascade:disable' must stand on the line before an objective or key result ('- id: …'); "
      + "use cascade:disable-next-line for a single line",
    zh: "「# cascade:disable」必须写在目标或关键结果（「- id: …」）的上一行；只屏蔽一行请用 cascade:disable-next-line")
}
