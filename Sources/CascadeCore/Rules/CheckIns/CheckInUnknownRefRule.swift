public struct CheckInUnknownRefRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-unknown-ref", category: .checkins, severity: .error,
    summary: "A check-in names a key result that is not in the plan; the message suggests the closest.",
    triggering: [
      Examples.checkIns("2027-01-15,acme/grow/revenu,5.2,0.8,,ann\n"),
      Examples.checkIns("2027-01-15,nowhere/x/y,5.2,0.8,,ann\n"),
    ],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,0.8,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// `'acme/grow/revenu' is not a key result of this plan (did you mean 'acme/grow/revenue'?)`.
  public static func notAKeyResult(_ text: String, suggestion: String?) -> Message {
    Message(
      en: "\(quoted(text, limit: 60)) is not a key result of this plan",
      zh: "\(quotedZh(text, limit: 60))不是本计划中的关键结果")
      + (suggestion.map(UnresolvedRefRule.didYouMean) ?? .empty)
  }
}
