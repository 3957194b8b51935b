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

  /// An editor's buffer is checked as part of its plan: its references to other units resolve,
  /// and only its own problems are reported, at the name the editor gave.
  @Test func aBufferInAPlanFolderIsCheckedWithThePlanAroundIt() throws {
    let name = "Plans/sales-en/sales.yaml"
    let saved = try String(contentsOfFile: CLI.repositoryRoot + "/" + name, encoding: .utf8)
    let clean = try CLI.run(["validate", "-", "--stdin-filename", name], input: Data(saved.utf8))
    #expect(clean.status == 0, "\(clean.stdout)")
    #expect(!clean.stdout.contains("unresolved-ref"), "the company's objectives are there: \(clean.stdout)")
    #expect(clean.stdout.contains("in 10 units"), "\(clean.stdout)")

    let edited = saved.replacingOccurrences(of: "aligns_to: acme/grow-sales\n", with: "aligns_to: acme/grow-salez\n")
    let run = try CLI.run(["validate", "-", "--stdin-filename", name], input: Data(edited.utf8))
    #expect(run.status == 1)
    #expect(run.stdout.contains("\(name):12:16: error: 'acme/grow-salez' does not resolve"), "\(run.stdout)")
    let files = Set(
      run.stdout.split(separator: "\n").compactMap { $0.split(separator: ":").first }.filter { $0.hasSuffix(".yaml") })
    #expect(files == [Substring(name)], "only the buffer's problems: \(run.stdout)")

    // A new file, not saved yet, joins the plan: a second unit 'sales' is a duplicate.
    let new = try CLI.run(["validate", "-", "--stdin-filename", "Plans/sales-en/new.yaml"], input: Data(saved.utf8))
    #expect(new.stdout.contains("Plans/sales-en/new.yaml:2:7: error: unit id 'sales' is already used"), "\(new.stdout)")
    // In no plan folder, the buffer is checked on its own.
    let alone = try CLI.run(["validate", "-", "--stdin-filename", "nowhere/sales.yaml"], input: Data(saved.utf8))
    #expect(
      alone.stdout.contains("nowhere/sales.yaml:12:16: error: 'acme/grow-sales' does not resolve"), "\(alone.stdout)")
  }
}
