public struct CheckInConfidenceRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-confidence", category: .checkins, severity: .error,
    summary: "A check-in's confidence is not a number from 0 to 1.",
    triggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,80%,,ann\n")],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,0.8,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// `confidence '80%' must be a number from 0 to 1`.
  public static func notAConfidence(_ text: String) -> Message {
    Message(
      en: "confidence \(quoted(text, limit: 30)) must be a number from 0 to 1",
      zh: "confidence 必须是 0 到 1 之间的数字，这里写的是\(quotedZh(text, limit: 30))")
  }
}
