public struct CheckInSyntaxRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-syntax", category: .checkins, severity: .error,
    summary: "checkins.csv is not well-formed: bad quoting, a wrong header, or a row with the wrong number of fields.",
    triggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,0.8,\"unclosed,ann\n")],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,0.8,\"quoted, with comma\",ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
