public struct CheckInDateRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-date", category: .checkins, severity: .error,
    summary: "A check-in's date is not YYYY-MM-DD or lies outside its unit's cycle.",
    triggering: [
      Examples.checkIns("2027-04-02,acme/grow/revenue,5.2,0.8,,ann\n"),
      Examples.checkIns("2027/01/15,acme/grow/revenue,5.2,0.8,,ann\n"),
    ],
    nonTriggering: [Examples.checkIns("2027-03-31,acme/grow/revenue,5.2,0.8,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// `'2027/01/15' is not a date written YYYY-MM-DD`.
  public static func notADate(_ text: String) -> Message {
    Message(
      en: "\(quoted(text, limit: 30)) is not a date written YYYY-MM-DD",
      zh: "\(quotedZh(text, limit: 30))不是有效日期：请按年-月-日书写，例如 2027-01-15")
  }

  /// `2027-04-02 is outside acme's cycle 2027-Q1 (2027-01-01 to 2027-03-31)`.
  public static func outsideCycle(_ day: Day, unit: String, _ cycle: Cycle) -> Message {
    Message(
      en: "\(day) is outside \(unit)'s cycle \(cycle) (\(cycle.start) to \(cycle.end))",
      zh: "\(day) 不在单元\(quotedZh(unit))的周期 \(cycle)（\(cycle.start) 至 \(cycle.end)）内")
  }
}
