import Foundation
import Testing

/// Which files `validate` reads: names that are not UTF-8, each file once, an empty folder.
@Suite struct PlanPathTests {
  static let company = "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\n"
  static let team = "unit: east\nname: East\nlevel: tean\nparent: acme\ncycle: 2027-Q1\n"

  /// Runs `script` in /bin/sh with the cascade binary as $0: the shell can pass bytes that
  /// are not UTF-8 as arguments, which Foundation's Process cannot.
  func shell(_ script: String, _ arguments: [String]) throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, CLI.executable] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  func plan() throws -> String {
    let dir = try CLI.temporaryDirectory()
    try Self.company.write(toFile: dir + "/acme.yaml", atomically: false, encoding: .utf8)
    // A file named east-<FF>.yaml, made by the shell.
    let made = try shell("printf '%s' \"$2\" > \"$1/east-$(printf '\\377').yaml\"", [dir, Self.team])
    try #require(made.status == 0, "\(made.stderr)")
    return dir
  }

  @Test func aFolderWithANonUTF8NameIsCheckedWhole() throws {
    let dir = try plan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["validate", dir])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.contains(dir + "/east-\\x{FF}.yaml:3:8: error:"), "\(r.stdout)")
    #expect(r.stdout.contains("in 2 units"), "\(r.stdout)")
  }

  @Test func aNonUTF8FileNameGivenAsAnArgumentIsRead() throws {
    let dir = try plan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try shell("exec \"$0\" validate \"$1/acme.yaml\" \"$1/east-$(printf '\\377').yaml\"", [dir])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.contains(dir + "/east-\\x{FF}.yaml:3:8: error:"), "\(r.stdout)")
    #expect(r.stdout.contains("in 2 units"), "\(r.stdout)")
  }

  @Test func aFolderWithoutPlanFilesExitsTwo() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "x".write(toFile: dir + "/notes.txt", atomically: false, encoding: .utf8)
    let r = try CLI.run(["validate", dir])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("no plan files"))
  }

  @Test func aFileGivenTwiceIsReadOnce() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/plan", withIntermediateDirectories: true)
    try Self.company.write(toFile: dir + "/plan/acme.yaml", atomically: false, encoding: .utf8)
    let r = try CLI.run(["validate", "plan", "plan/acme.yaml", "./plan//acme.yaml"], in: dir)
    #expect(r.status == 0, "\(r.stdout)")
    #expect(!r.stdout.contains("duplicate-id"))
    #expect(r.stdout.contains("in 1 unit,"), "\(r.stdout)")
  }
}
