public struct CheckInAggregateRule: Rule {
  public init() {}
  /// acme/grow/revenue sums sales/win/customers (both in M USD).
  static let summingPlan = Examples.withTeam(
    kr: Examples.defaultKR.replacingFirst("customers/month", with: "M USD")
      + "\n        contributes_to: acme/grow/revenue"
  ).replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum")

  static func example(_ row: String) -> RuleExample {
    RuleExample(
      files: ["plan.yaml": summingPlan, "checkins.csv": "date,key_result,value,confidence,note,author\n" + row],
      line: ("checkins.csv", 2))
  }

  public static let description = RuleDescription(
    id: "checkin-aggregate", category: .checkins, severity: .warning,
    summary:
      "A check-in on a key result with aggregate: sum, whose value is the sum of its contributors: the row is not used; check in on the contributors.",
    triggering: [example("2027-01-15,acme/grow/revenue,5.2,0.8,,ann\n")],
    nonTriggering: [example("2027-01-15,sales/win/customers,5.2,0.8,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
