import Foundation
import Testing

/// The README shows what `cascade validate Plans/mistakes` prints, in English and in Chinese:
/// those blocks must be what the command prints today.
@Suite struct ReadmeOutputTests {
  static func block(_ name: String) throws -> String {
    let readme = try String(contentsOfFile: CLI.repositoryRoot + "/README.md", encoding: .utf8)
    let begin = try #require(readme.range(of: "<!-- BEGIN \(name) -->\n```text\n"))
    let end = try #require(readme.range(of: "```\n<!-- END \(name) -->", range: begin.upperBound..<readme.endIndex))
    return String(readme[begin.upperBound..<end.lowerBound])
  }

  @Test(arguments: [
    ("mistakes", ["validate", "Plans/mistakes"]), ("mistakes-zh", ["validate", "--lang", "zh", "Plans/mistakes"]),
  ])
  func theREADMEShowsWhatValidatePrints(_ name: String, _ arguments: [String]) throws {
    let run = try CLI.run(arguments)
    let expected = "$ cascade " + arguments.joined(separator: " ") + "\n" + run.stdout
    #expect(
      try Self.block(name) == expected,
      "regenerate the README's \(name) block with: cascade \(arguments.joined(separator: " "))")
  }
}
