import Foundation
import Testing

/// `validate --format github|sarif|gitlab` as CI runs it: the exit status still says whether
/// the plan has errors, and the output is what the CI system parses.
@Suite struct CIFormatCommandTests {
  @Test(arguments: ["github", "sarif", "gitlab"])
  func theExitStatusStillFailsAPlanWithErrors(_ format: String) throws {
    let bad = try CLI.run(["validate", "Plans/mistakes", "--format", format])
    #expect(bad.status == 1, "\(bad.stderr)")
    let good = try CLI.run(["validate", "Plans/sales-en", "--format", format])
    #expect(good.status == 0, "\(good.stderr)")
    if format == "github" {
      let commands = bad.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
      #expect(commands.count >= 10)
      #expect(
        commands.allSatisfy {
          $0.hasPrefix("::error file=Plans/mistakes/") || $0.hasPrefix("::warning file=Plans/mistakes/")
            || $0.hasPrefix("::notice file=Plans/mistakes/")
        })
    } else {
      #expect(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) is [String: Any] || format == "gitlab")
      #expect(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) is [Any] || format == "sarif")
    }
  }

  @Test func theChineseMessagesReachTheAnnotations() throws {
    let run = try CLI.run(["validate", "Plans/mistakes", "--format", "github", "--lang", "zh"])
    #expect(run.stdout.contains("::error file=Plans/mistakes/"))
    #expect(run.stdout.contains("个错误"), "the summary in Chinese: \(run.stdout.suffix(200))")
  }

  @Test func thePreCommitHookRunsValidate() throws {
    let hooks = try String(contentsOfFile: CLI.repositoryRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
    #expect(hooks.contains("- id: cascade-validate"))
    #expect(hooks.contains("entry: cascade validate"))
    #expect(hooks.contains("pass_filenames: false"))
  }
}
