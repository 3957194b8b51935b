public struct CheckInValueRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-value", category: .checkins, severity: .error,
    summary: "A check-in's value is not a number (or, for a milestone, not done / not-done / 1 / 0).",
    triggering: [
      Examples.checkIns("2027-01-15,acme/grow/revenue,about five,0.8,,ann\n"),
      RuleExample(
        files: [
          "plan.yaml": Examples.company
            + "\n      - id: crm\n        title: Ship the CRM by March 15\n        kind: milestone\n        due: 2027-03-15",
          "checkins.csv": "date,key_result,value,confidence,note,author\n2027-01-15,acme/grow/crm,half,,,ann\n",
        ], line: ("checkins.csv", 2)),
    ],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.25,,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// `value 'about five' must be a number` (for a milestone: done, not-done, 1 or 0).
  public static func notAValue(_ text: String, milestone: Bool) -> Message {
    milestone
      ? Message(
        en: "value \(quoted(text, limit: 30)) must be done, not-done, 1 or 0 for a milestone",
        zh: "里程碑的 value 只能是 done、not-done、1 或 0，这里写的是\(quotedZh(text, limit: 30))")
      : Message(
        en: "value \(quoted(text, limit: 30)) must be a number",
        zh: "value 必须是数字，这里写的是\(quotedZh(text, limit: 30))")
  }
}
