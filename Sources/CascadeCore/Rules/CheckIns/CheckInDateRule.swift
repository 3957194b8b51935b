public struct CheckInDateRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-date", category: .checkins, severity: .error,
    summary: "A check-in's date is not YYYY-MM-DD or lies outside its unit's cycle.",
    triggering: [Examples.checkIns("2027-04-02,acme/grow/revenue,5.2,0.8,,ann\n")],
    nonTriggering: [Examples.checkIns("2027-03-31,acme/grow/revenue,5.2,0.8,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
