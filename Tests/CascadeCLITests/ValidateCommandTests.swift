import Foundation
import Testing

@Suite struct ValidateCommandTests {
  static var diagnosticLine: Regex<(Substring, Substring)> {
    #/^[^:\n]+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$/#
  }

  @Test(arguments: ["Plans/sales-en", "Plans/sales-zh"])
  func cleanExampleExitsZero(_ plan: String) throws {
    let r = try CLI.run(["validate", "--lang", "en", plan])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.last?.hasPrefix("0 errors, 0 warnings") == true)
    // Only infos (activity notes) above the summary.
    #expect(lines.dropLast().allSatisfy { $0.contains(": info: ") })
    #expect(r.stderr.isEmpty)
  }

  @Test func mistakesExitOneWithCompilerStyleLines() throws {
    let r = try CLI.run(["validate", "Plans/mistakes"])
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count > 10)
    for line in lines.dropLast() {
      #expect(line.wholeMatch(of: Self.diagnosticLine) != nil, "not compiler style: \(line)")
      #expect(line.hasPrefix("Plans/mistakes/"), "paths are as given: \(line)")
    }
    #expect(lines.last?.contains("errors,") == true)
    #expect(!r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }

  @Test func jsonHasTheContractShape() throws {
    let r = try CLI.run(["validate", "--format", "json", "Plans/mistakes"])
    #expect(r.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(!diagnostics.isEmpty)
    for d in diagnostics {
      #expect(
        Set(d.keys) == ["rule", "severity", "category", "message", "file", "line", "column", "subject"])
      #expect(["error", "warning", "info"].contains(d["severity"] as? String ?? ""))
      #expect(["structure", "alignment", "measurability"].contains(d["category"] as? String ?? ""))
      #expect((d["line"] as? Int ?? 0) >= 1 && (d["column"] as? Int ?? 0) >= 1)
    }
    #expect(Set(summary.keys) == ["errors", "warnings", "infos", "units", "objectives", "key_results"])
    #expect(summary["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
    #expect(diagnostics.contains { $0["subject"] is NSNull })
    #expect(diagnostics.contains { $0["subject"] is String })
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: k, title: Improve team morale, baseline: 3, target: 4, unit: score}
    """.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
    #expect(try CLI.run(["validate", dir]).status == 0)
    #expect(try CLI.run(["validate", "--strict", dir]).status == 1)
  }

  @Test func missingPathExitsTwoWithOneLine() throws {
    let r = try CLI.run(["validate", "no/such/plan"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains("no/such/plan"))
  }

  @Test func pathThatIsNeitherFileNorFolderExitsTwo() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(mkfifo(dir + "/pipe.yaml", 0o644) == 0)
    let r = try CLI.run(["validate", dir + "/pipe.yaml"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("not a file or directory"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try CLI.run(["validate"]).status == 2)
    #expect(try CLI.run(["validate", "--format", "xml", "Plans/sales-en"]).status == 2)
    #expect(try CLI.run(["no-such-command"]).status == 2)
  }

  @Test func helpExitsZero() throws {
    let r = try CLI.run(["validate", "--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("--strict"))
  }

  @Test func colourOnlyOnATerminalAndNotWithNoColor() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      Issue.record("util-linux 'script' is needed to give the command a terminal")
      return
    }
    let command = "\(CLI.executable) validate Plans/mistakes"
    let tty = try CLI.run(["-qec", command, "/dev/null"].map { $0 }, viaScript: true)
    #expect(tty.stdout.contains("\u{1B}[1;31merror"))
    let noColour = try CLI.run(["-qec", command, "/dev/null"], viaScript: true, environment: ["NO_COLOR": "1"])
    #expect(!noColour.stdout.contains("\u{1B}["))
    #expect(noColour.stdout.contains("error:"))
  }

  @Test func rulesListsEveryRule() throws {
    let r = try CLI.run(["rules"])
    #expect(r.status == 0)
    for id in ["kr-vague-wording", "alignment-cycle", "yaml-syntax"] { #expect(r.stdout.contains(id)) }
  }
}

extension CLI {
  /// Runs `script` (util-linux) so the command sees a terminal on stdout.
  static func run(_ arguments: [String], viaScript: Bool, environment: [String: String] = [:]) throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env["TERM"] = "xterm"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
  }
}
