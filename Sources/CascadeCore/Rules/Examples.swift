/// Building blocks for rule examples: a small, clean two-level plan that examples extend.
enum Examples {
  static let company = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow sales
        key_results:
          - id: revenue
            title: Revenue from $5M to $6M
            baseline: 5
            target: 6
            unit: M USD
    """

  /// The company plus a department whose one objective aligns to it; `kr` replaces the
  /// department's key result (indented as a list item under key_results).
  static func withTeam(kr: String = defaultKR, extraObjective: String = "") -> String {
    """
    \(company)
    ---
    unit: sales
    name: Sales
    level: department
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win new customers
        aligns_to: acme/grow
        key_results:
    \(kr)
    \(extraObjective)
    """
  }

  static let defaultKR = """
          - id: customers
            title: 50 new customers a month
            baseline: 30
            target: 50
            unit: customers/month
    """
}

extension Examples {
  /// The company's revenue key result (5 → 6 M USD) summed from the department's, which plans
  /// `baseline` → `target` in `unit`.
  static func summed(baseline: Double, target: Double, unit: String = "M USD") -> String {
    withTeam(
      kr: """
              - id: revenue
                title: Department revenue from \(NumberFormat.value(baseline)) to \(NumberFormat.value(target)) \(unit)
                baseline: \(NumberFormat.value(baseline))
                target: \(NumberFormat.value(target))
                unit: \(unit)
                contributes_to: acme/grow/revenue
        """
    ).replacingFirst("unit: M USD", with: "unit: M USD\n        aggregate: sum")
  }

  /// The company plan with a checkins.csv holding the header and `rows`; the first row is line 2.
  static func checkIns(_ rows: String) -> RuleExample {
    var files = ["plan.yaml": company]
    files["checkins.csv"] = "date,key_result,value,confidence,note,author\n" + rows
    return RuleExample(files: files, line: ("checkins.csv", 2))
  }
}
