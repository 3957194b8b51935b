public struct CheckInFileRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-file", category: .checkins, severity: .error,
    summary:
      "A checkins.csv nothing reads: one below the plan's root (check-ins are read only from the root's), or one that is a folder or a FIFO.",
    triggering: [
      RuleExample(
        files: [
          "plan.yaml": Examples.company,
          "sales/checkins.csv":
            "date,key_result,value,confidence,note,author\n2027-01-15,acme/grow/revenue,5.2,,,ann\n",
        ], line: ("sales/checkins.csv", 1))
    ],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,,,ann\n")])
  /// Reported while the plan is loaded (`PlanLoader`, `PlanRoot`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}
}
