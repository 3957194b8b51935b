import CascadeTestSupport
import Testing

@testable import CascadeCore

/// `# cascade:disable-next-line RULE` and `# cascade:disable RULE` where a team has accepted a
/// warning; what silences nothing is reported.
@Suite struct SuppressionTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      # cascade:disable kr-no-unit, kr-vague-wording
      - id: grow
        title: "Grow sales # cascade:disable kr-no-target"
        key_results:
          - id: revenue
            title: Revenue from 5 to 6
            baseline: 5
            target: 6
          - id: morale
            title: Improve team morale
            baseline: 1
            target: 2
            unit: points
      - id: keep
        title: Keep customers
        key_results:
          # cascade:disable-next-line kr-no-unit
          - {id: renewals, title: Renewals from 80 to 90, baseline: 80, target: 90}
          - {id: churn, title: Churn from 5 to 4, baseline: 5, target: 4}
    """

  static func lint(_ yaml: String, suppressions: Bool = true) -> LintResult {
    Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", yaml)]), suppressions: suppressions)
  }

  @Test func anObjectivesDirectiveSilencesItAndItsKeyResults() {
    let result = Self.lint(Self.plan)
    let subjects = result.diagnostics.filter { $0.rule == "kr-no-unit" }.compactMap(\.subject)
    // Silenced under grow (both key results) and on the renewals line; churn still has none.
    #expect(subjects == ["acme/keep/churn"], "\(result.diagnostics.map { "\($0.rule) \($0.subject ?? "")" })")
    #expect(!result.diagnostics.contains { $0.rule == "kr-vague-wording" })
    #expect(!result.diagnostics.contains { $0.rule == "superfluous-disable" }, "each directive silenced something")
    // The summary counts what is shown.
    #expect(result.summary.infos + result.summary.warnings + result.summary.errors == result.diagnostics.count)
  }

  @Test func withoutSuppressionsEverythingIsShownAndNothingIsSuperfluous() {
    let result = Self.lint(Self.plan, suppressions: false)
    #expect(result.diagnostics.filter { $0.rule == "kr-no-unit" }.count == 3)
    #expect(result.diagnostics.contains { $0.rule == "kr-vague-wording" })
    #expect(!result.diagnostics.contains { $0.rule == "superfluous-disable" })
  }

  @Test func aHashInsideATitleIsText() {
    #expect(Suppression.scan(Array(Self.plan.utf8), file: "plan.yaml").count == 2)
  }

  @Test func whatSilencesNothingIsReportedWhereItStands() {
    let yaml = """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      # cascade:disable kr-no-unit
      objectives:
        # cascade:disable kr-no-target
        - id: grow
          title: Grow sales
          key_results:
            # cascade:disable-next-line kr-no-baselin
            - {id: revenue, title: Revenue from 5 to 6, baseline: 5, target: 6, unit: M}
            # cascade:disable
            - {id: deals, title: Deals from 5 to 6, baseline: 5, target: 6, unit: deals}
      """
    let result = Self.lint(yaml)
    let found = result.diagnostics.filter { $0.rule == "superfluous-disable" }
    #expect(found.map(\.location.line) == [5, 7, 11, 13], "\(found.map(\.message.en))")
    #expect(found[0].message.en.contains("must stand on the line before an objective or key result"))
    #expect(found[1].message.en.contains("silences nothing here: kr-no-target does not fire"))
    #expect(found[2].message.en.contains("names no rule 'kr-no-baselin' (did you mean 'kr-no-baseline'?)"))
    #expect(found[3].message.en.contains("names no rule: add the ids"))
    #expect(found.allSatisfy { $0.severity == .warning })
  }

  @Test func theRuleCanBeTurnedOffLikeAnyOther() {
    let result = Linter.lint(
      PlanLoader.load(inMemory: [
        ("cascade.yaml", "rules:\n  superfluous-disable: off\n"),
        ("plan.yaml", Self.plan.replacingOccurrences(of: "kr-no-unit, kr-vague-wording", with: "kr-no-target")),
      ]))
    #expect(!result.diagnostics.contains { $0.rule == "superfluous-disable" })
  }
}

/// The scan runs on every plan file: bounded and linear on hostile input.
@Suite struct SuppressionScanTests {
  @Test func directivesAreFoundWithTheirLinesAndHashesElsewhereAreText() {
    let text =
      "a: 1 # cascade:disable x\n\n  # cascade:disable-next-line kr-no-unit,kr-no-target # why\nb: \"#\"\n#cascade:disable y"
    let found = Suppression.scan(Array(text.utf8), file: "f")
    #expect(found.map(\.location.line) == [3, 5])
    #expect(found.first?.rules == ["kr-no-unit", "kr-no-target"])
    #expect(found.first?.kind == .nextLine && found.last?.kind == .item)
  }

  @Test func aLongLineFullOfHashesAndManyDirectivesStayBounded() {
    let line = Array(repeating: UInt8(ascii: "#"), count: 2_000_000)
    #expect(Suppression.scan(line, file: "f").isEmpty)
    let many = Array(String(repeating: "# cascade:disable kr-no-unit\n", count: 5_000).utf8)
    #expect(Suppression.scan(many, file: "f").count == Suppression.maxPerFile)
  }
}
