import Foundation
import Testing

/// Every subcommand's help shows how it is used, and its text is wrapped by the help printer
/// rather than broken where the source file's lines end.
@Suite struct HelpTests {
  static let commands = [
    "init", "validate", "checkin", "status", "review", "explain", "refs", "tree", "render", "serve", "site",
    "generate", "rules",
  ]

  @Test(arguments: commands)
  func helpCarriesAnExample(_ command: String) throws {
    let run = try CLI.run([command, "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Example"), "\(command) --help has no example")
    // Examples are commands one can paste: each starts with `cascade COMMAND`.
    let lines = run.stdout.split(separator: "\n")
    if let at = lines.firstIndex(where: { $0.hasPrefix("Example") }) {
      let next = lines[lines.index(after: at)]
      #expect(next.trimmingCharacters(in: .whitespaces).hasPrefix("cascade \(command)"), "\(next)")
    }
    // The discussion is one paragraph per paragraph: no line of it ends mid-sentence at the
    // source's width while the next starts lower-case after a short line.
    for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty {
      let short = a.count < 60 && !a.hasSuffix(".") && !a.hasSuffix(":") && !a.hasPrefix(" ")
      #expect(!(short && b.first?.isLowercase == true && !b.hasPrefix(" ")), "\(command): \(a) / \(b)")
    }
  }
}

/// Shell completion: plan arguments complete paths, enum options their values, `rules` its ids.
@Suite struct CompletionTests {
  @Test(arguments: ["bash", "zsh", "fish"])
  func theScriptsCompletePathsAndValues(_ shell: String) throws {
    let run = try CLI.run(["--generate-completion-script", shell])
    #expect(run.status == 0, "\(run.stderr)")
    let script = run.stdout
    for value in ["github", "sarif", "gitlab", "markdown", "department", "kr-no-target"] {
      #expect(script.contains(value), "\(shell): \(value)")
    }
    let directories = [
      "bash": "__cascade_add_completions -d", "zsh": "_files -/", "fish": "__fish_complete_directories",
    ]
    #expect(script.contains(directories[shell] ?? "?"), "\(shell) completes folders for plan arguments")
  }
}
