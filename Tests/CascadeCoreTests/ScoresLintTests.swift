import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

/// `cascade status` and `cascade review` lint without the wording analysis unless its findings
/// could be errors: the number of errors they report must be the full lint's in every case.
@Suite struct ScoresLintTests {
  static func mistakes() throws -> [String: String] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Plans/mistakes")
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
      files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    return files
  }

  static func expectSameErrors(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> (full: LintResult, scores: LintResult)
  {
    let plan = try TemporaryPlan(files)
    let full = try Linter.validate(paths: [plan.root])
    let scores = try Linter.validateForScores(paths: [plan.root])
    #expect(full.summary.errors == scores.summary.errors, sourceLocation: sourceLocation)
    #expect(
      full.diagnostics.filter { $0.severity == .error }.map(\.rule)
        == scores.diagnostics.filter { $0.severity == .error }.map(\.rule), sourceLocation: sourceLocation)
    return (full, scores)
  }

  @Test func theWordingAnalysisIsSkippedOnlyWhenItCannotChangeTheErrors() throws {
    let files = try Self.mistakes()
    // As written: the wording rules warn, and the scores' lint leaves them out.
    let plain = try Self.expectSameErrors(files)
    #expect(plain.full.diagnostics.contains { Linter.wordingRules.contains($0.rule) })
    #expect(!plain.scores.diagnostics.contains { Linter.wordingRules.contains($0.rule) })
    #expect(plain.full.summary.errors > 0)

    // A wording rule made an error: it is run, and its errors counted.
    var strict = files
    strict["cascade.yaml"] = "rules:\n  kr-vague-wording: error\n"
    let raised = try Self.expectSameErrors(strict)
    #expect(raised.scores.diagnostics.contains { $0.rule == "kr-vague-wording" && $0.severity == .error })

    // A comment silencing a wording rule, with superfluous-disable an error: not running the
    // rule would make the comment superfluous, so it runs.
    var silenced = files
    silenced["company.yaml"] = try #require(files["company.yaml"]).replacingOccurrences(
      of: "      - id: awareness\n", with: "      # cascade:disable kr-vague-wording\n      - id: awareness\n")
    silenced["cascade.yaml"] = "rules:\n  superfluous-disable: error\n"
    let comment = try Self.expectSameErrors(silenced)
    #expect(!comment.full.diagnostics.contains { $0.rule == "superfluous-disable" })
  }
}
