import Foundation
import Testing

/// Found in QA: `render --split` printed a line per page that could not be written, although
/// exit 2 promises one line.
@Suite struct SplitFailureTests {
  @Test func pagesThatCannotBeWrittenAreOneLine() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A folder where two pages should go: neither can be written.
    for page in ["acme.svg", "sales.svg"] {
      try FileManager.default.createDirectory(atPath: folder + "/pages/" + page, withIntermediateDirectories: true)
    }
    let run = try CLI.run(["render", "Plans/sales-en", "--split", folder + "/pages", "--as-of", "2027-02-28"])
    #expect(run.status == 2)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("cascade: 2 of ") == true)
  }
}
