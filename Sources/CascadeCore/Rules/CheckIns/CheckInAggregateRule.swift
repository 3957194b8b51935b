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
    triggering: [
      example("2027-01-15,acme/grow/revenue,5.2,0.8,,ann\n"),
      // Nothing contributes yet.
      RuleExample(
        files: [
          "plan.yaml": Examples.company.replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum"),
          "checkins.csv": "date,key_result,value,confidence,note,author\n2027-01-15,acme/grow/revenue,5.2,,,ann\n",
        ], line: ("checkins.csv", 2)),
      // Two contributors: "a and b".
      RuleExample(
        files: [
          "plan.yaml": summingPlan.replacingFirst(
            "\n---\nunit: sales",
            with: """

              ---
              unit: service
              name: Service
              level: department
              parent: acme
              cycle: 2027-Q1
              objectives:
                - id: keep
                  title: Keep customers
                  aligns_to: acme/grow
                  key_results:
                    - id: renewals
                      title: Renewals from 1 to 2 M USD
                      baseline: 1
                      target: 2
                      unit: M USD
                      contributes_to: acme/grow/revenue
              ---
              unit: sales
              """),
          "checkins.csv": "date,key_result,value,confidence,note,author\n2027-01-15,acme/grow/revenue,5.2,,,ann\n",
        ], line: ("checkins.csv", 2)),
    ],
    nonTriggering: [example("2027-01-15,sales/win/customers,5.2,0.8,,ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// The row (or `cascade checkin`) names a key result that is the sum of its contributors.
  public static func summed(_ reference: String, contributors: Message?) -> Message {
    let instead =
      contributors.map { Message(en: "check in on \($0.en) instead", zh: "请改为更新 \($0.zh) 的进展") }
      ?? Message(en: "nothing contributes to it yet", zh: "目前还没有关键结果支撑它")
    return Message(
      en: "\(reference) adds up the key results that contribute to it (aggregate: sum), so this row is not used; ",
      zh: "关键结果 \(reference) 是支撑它的关键结果之和（aggregate: sum），这一行不计入；") + instead
  }

  /// `a/b/c, d/e/f and 3 more` / `a/b/c、d/e/f 以及另外 3 个关键结果`; `a and b` / `a 和 b`.
  public static func list(_ references: [String], more: Int) -> Message {
    if more > 0 {
      return Message(
        en: references.joined(separator: ", ") + " and \(more) more",
        zh: references.joined(separator: "、") + " 以及另外 \(more) 个关键结果")
    }
    guard let last = references.last, references.count > 1 else { return .verbatim(references.first ?? "") }
    let rest = references.dropLast()
    return Message(en: rest.joined(separator: ", ") + " and " + last, zh: rest.joined(separator: "、") + " 和 " + last)
  }
}
