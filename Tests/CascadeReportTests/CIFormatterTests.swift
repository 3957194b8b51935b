import CascadeCore
import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeReport

/// `validate --format github|gitlab|sarif`: what CI systems read back.
@Suite struct CIFormatterTests {
  /// A plan with an error, a warning and an info, and hostile text in the places a CI system
  /// parses: `%`, a line break, `::` and `,` in titles.
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: "Grow %0A::stop-commands::x, y: z"
        key_results:
          - {id: k, title: "Improve morale\\n::add-mask::secret", baseline: 1, target: 1}
      - id: empty
        title: Nothing to measure
    """

  static func result(_ yaml: String = plan) throws -> LintResult { try lint(yaml) }

  @Test func githubWritesOneWorkflowCommandPerDiagnosticThatTheRunnerCannotMisread() throws {
    let result = try Self.result()
    let out = GitHubDiagnosticFormatter().format(result, .plain)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == result.diagnostics.count + 1, "\(out)")
    for (line, d) in zip(lines, result.diagnostics) {
      let command = ["error": "::error ", "warning": "::warning ", "info": "::notice "][d.severity.rawValue] ?? ""
      #expect(line.hasPrefix(command), "\(line)")
      #expect(line.contains(",line=\(d.location.line),col=\(d.location.column),title=cascade%3A \(d.rule)::"))
      // The message cannot end the line or start a command of its own.
      let message = line.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false).last ?? ""
      #expect(!message.contains("\n"))
    }
    #expect(!out.contains("%0A::stop") || out.contains("%250A::stop"), "a literal %0A stays literal: \(out)")
    #expect(!out.contains("\n::add-mask::"))
    #expect(lines.last?.hasPrefix("::") == false, "the summary is a plain line")
  }

  @Test func githubEscapesPropertiesAndData() {
    #expect(GitHubDiagnosticFormatter.property("a,b:c%d") == "a%2Cb%3Ac%25d")
    #expect(GitHubDiagnosticFormatter.data("50% done, a: b") == "50%25 done, a: b")
    // Line breaks and other controls are shown, as in every output: never a second line.
    #expect(GitHubDiagnosticFormatter.data("x\r\n::add-mask::y") == "x\\r\\n::add-mask::y")
  }

  @Test func gitlabIsACodeQualityReportWithStableFingerprints() throws {
    let plan = try TemporaryPlan(["plan.yaml": Self.plan])
    let result = try plan.lint()
    let out = GitLabDiagnosticFormatter().format(result, .plain)
    let issues = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    #expect(issues.count == result.diagnostics.count)
    let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
    #expect(Set(fingerprints).count == issues.count, "unique")
    #expect(fingerprints.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    for issue in issues {
      #expect(["info", "minor", "major"].contains(issue["severity"] as? String ?? ""))
      let location = issue["location"] as? [String: Any]
      #expect((location?["path"] as? String)?.hasSuffix(".yaml") == true)
      #expect(((location?["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
    }
    // Lines above moving the problems down, or another language, change no fingerprint.
    try plan.write("plan.yaml", Data(("# a comment\n\n" + Self.plan).utf8))
    let moved = try plan.lint()
    #expect(moved.diagnostics.first?.location.line != result.diagnostics.first?.location.line)
    let again = GitLabDiagnosticFormatter().format(moved, Presentation(language: .zh))
    let movedIssues = try #require(try JSONSerialization.jsonObject(with: Data(again.utf8)) as? [[String: Any]])
    #expect(Set(movedIssues.compactMap { $0["fingerprint"] as? String }) == Set(fingerprints))
  }

  @Test func sarifNamesEveryRuleAndPointsEachResultAtItsRuleAndPlace() throws {
    let result = try Self.result()
    let out = SARIFDiagnosticFormatter().format(result, .plain)
    let sarif = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(sarif["version"] as? String == "2.1.0")
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "Cascade")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == RuleRegistry.all.count)
    for rule in rules {
      let id = rule["id"] as? String ?? ""
      #expect(rule["helpUri"] as? String == "README.md#\(id)")
      #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      #expect(["error", "warning", "note"].contains(level ?? ""))
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == result.diagnostics.count)
    for (r, d) in zip(results, result.diagnostics) {
      let index = try #require(r["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == d.rule)
      #expect(r["ruleId"] as? String == d.rule)
      let location = (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
      let region = location?["region"] as? [String: Any]
      #expect(region?["startLine"] as? Int == d.location.line)
      #expect(region?["startColumn"] as? Int == d.location.column)
    }
  }

  @Test func sarifURIsArePercentEncoded() throws {
    let plan = try TemporaryPlan(["my plan #1 ü.yaml": Self.plan])
    let result = try plan.lint()
    let out = SARIFDiagnosticFormatter().format(result, .plain)
    #expect(out.contains("my%20plan%20%231%20%C3%BC.yaml"), "\(out.prefix(2000))")
  }

  /// Every help link lands: the README has a section for every rule.
  @Test func everyRuleHasTheREADMESectionItsHelpLinkNames() throws {
    let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
    for rule in RuleRegistry.all {
      #expect(readme.contains("\n#### \(rule.description.id)\n"), "\(rule.description.id)")
    }
  }
}
