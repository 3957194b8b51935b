import Foundation
import Testing

/// Counts read as English: `1 error`, `2 errors`, never `error(s)`.
@Suite struct PluralTests {
  static func plan(errors: Int) throws -> String {
    let dir = try CLI.temporaryDirectory()
    var yaml = "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives:\n"
    yaml += "  - id: grow\n    title: Grow\n    key_results:\n"
    yaml += "      - {id: k, title: Revenue from 1 to 2, baseline: 1, target: 2, unit: M}\n"
    for i in 0..<errors { yaml += "  - id: empty\(i)\n    title: Nothing to measure \(i)\n" }
    try yaml.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
    return dir
  }

  @Test(arguments: [1, 2])
  func statusAndRenderCountErrorsAsEnglishDoes(_ n: Int) throws {
    let dir = try Self.plan(errors: n)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let word = n == 1 ? "1 error;" : "2 errors;"
    let status = try CLI.run(["status", dir, "--as-of", "2027-02-28"])
    #expect(status.stderr.contains("the plan has \(word)"), "\(status.stderr)")
    let render = try CLI.run(["render", dir, "-o", dir + "/x.dot"])
    #expect(render.stderr.contains("the plan has \(n == 1 ? "1 error," : "2 errors,")"), "\(render.stderr)")
    #expect(!status.stderr.contains("(s)") && !render.stderr.contains("(s)"))
  }
}

/// `cascade rules RULE`: one rule's documentation, as the README shows it.
@Suite struct RuleCommandTests {
  @Test func oneRulesDocumentationWithItsExamples() throws {
    let run = try CLI.run(["rules", "kr-no-target"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("#### kr-no-target\n"))
    #expect(run.stdout.contains("Fires on:") && run.stdout.contains("Does not fire on:"))
    #expect(run.stdout.contains("[kr-no-target]"))
    let readme = try String(contentsOfFile: CLI.repositoryRoot + "/README.md", encoding: .utf8)
    #expect(readme.contains(run.stdout), "the README's section is the same text")
    let unknown = try CLI.run(["rules", "kr-no-targt"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'kr-no-target'?"), "\(unknown.stderr)")
  }
}
