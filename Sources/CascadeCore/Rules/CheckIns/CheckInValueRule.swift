public struct CheckInValueRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-value", category: .checkins, severity: .error,
    summary: "A check-in's value is not a number (or, for a milestone, not done / not-done / 1 / 0).",
    triggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,about five,0.8,,ann\n")],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.25,,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
