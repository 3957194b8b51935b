import Foundation
import Testing

/// `--color auto|always|never`: CI logs want colour although stdout is a pipe.
@Suite struct ColorOptionTests {
  @Test func alwaysColoursAPipeAndNeverAndAutoDoNot() throws {
    let always = try CLI.run(["validate", "Plans/mistakes", "--color", "always"])
    #expect(always.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"), "\(always.stdout.prefix(200))")
    let status = try CLI.run(["status", "Plans/sales-en", "--as-of", "2027-02-28", "--color", "always"])
    #expect(status.stdout.contains("\u{1B}["))
    for choice in ["never", "auto"] {
      let run = try CLI.run(["validate", "Plans/mistakes", "--color", choice])
      #expect(!run.stdout.contains("\u{1B}"), "\(choice)")
    }
    // JSON is never coloured.
    let json = try CLI.run(["validate", "Plans/mistakes", "--color", "always", "--format", "json"])
    #expect(!json.stdout.contains("\u{1B}"))
    #expect(try CLI.run(["validate", "Plans/mistakes", "--color", "sometimes"]).status == 2, "a usage error")
  }
}

/// `validate -`: a plan file from standard input, for editors and pipes.
@Suite struct StandardInputTests {
  @Test func aPlanFileFromStandardInputIsReportedUnderTheGivenName() throws {
    let text = try Data(contentsOf: URL(fileURLWithPath: CLI.repositoryRoot + "/Plans/mistakes/marketing.yaml"))
    let run = try CLI.run(["validate", "-", "--stdin-filename", "okrs/marketing.yaml"], input: text)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("okrs/marketing.yaml:16:17: error: key result 'mqls' is an increase"), "\(run.stdout)")
    let plain = try CLI.run(["validate", "-"], input: Data("unit: x\nname: [\n".utf8))
    #expect(plain.stdout.hasPrefix("<stdin>:"), "\(plain.stdout)")
    #expect(try CLI.run(["validate", "-", "Plans/sales-en"]).status == 2)
    #expect(try CLI.run(["validate", "Plans/sales-en", "--stdin-filename", "x.yaml"]).status == 2)
  }
}
