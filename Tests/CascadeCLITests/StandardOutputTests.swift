import Foundation
import Testing

/// Found in QA: a report that could not be written (a full disk, a file-size limit) exited 0
/// with the output cut off, so a script took half a JSON document for the whole; a reader that
/// stopped early killed Cascade with SIGPIPE (exit 141).
@Suite struct StandardOutputTests {
  /// `script` run by bash, with the built `cascade` as $1 and the repository as $2.
  static func shell(_ script: String) throws -> CLIRun {
    try CLI.run(["-c", script, "bash", CLI.executable, CLI.repositoryRoot], program: "/bin/bash")
  }

  @Test(arguments: [
    "status \"$2/Plans/sales-en\" --as-of 2027-02-28 --format json", "validate \"$2/Plans/sales-en\" --format json",
    "review \"$2/Plans/sales-en\" --since 2027-01-31 --as-of 2027-02-28", "rules --markdown",
  ])
  func aFullDiskIsAFailure(_ command: String) throws {
    let run = try Self.shell("\"$1\" \(command) > /dev/full; echo \"status $?\"")
    #expect(run.stdout == "status 2\n")
    #expect(run.stderr.hasPrefix("cascade: cannot write standard output: No space left on device"))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func aFileSizeLimitIsAFailure() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try Self.shell(
      "ulimit -f 1; \"$1\" status \"$2/Plans/sales-en\" --as-of 2027-02-28 --format json > \(folder)/s.json; echo \"status $?\""
    )
    #expect(run.stdout == "status 2\n")
    #expect(run.stderr.contains("cannot write standard output"))
  }

  @Test func aDiagramReaderThatStopsEarlyIsNotAFailure() throws {
    let run = try Self.shell(
      "\"$1\" render \"$2/Plans/sales-en\" -o - --format svg | head -c 10 > /dev/null; echo \"status ${PIPESTATUS[0]}\""
    )
    #expect(run.stdout == "status 0\n")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }

  @Test func aReaderThatStopsEarlyIsNotACrash() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try CLI.run(["generate", "--people", "300", "--out", folder + "/org"])
    let run = try Self.shell(
      "\"$1\" status \(folder)/org --as-of 2027-02-28 | head -c 10 > /dev/null; echo \"status ${PIPESTATUS[0]}\"")
    #expect(run.stdout == "status 0\n")
    #expect(!run.stderr.contains("cannot write"))
  }
}
