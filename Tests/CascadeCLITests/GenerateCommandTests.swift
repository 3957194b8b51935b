import Foundation
import Testing

@Suite struct GenerateCommandTests {
  @Test func generatesADeterministicCleanOrganisation() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["generate", "--people", "160", "--out", dir + "/a", "--seed", "7"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("units"))
    _ = try CLI.run(["generate", "--people", "160", "--out", dir + "/b", "--seed", "7"])
    let diff = Process()
    diff.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    diff.arguments = ["-r", dir + "/a", dir + "/b"]
    diff.standardOutput = FileHandle.nullDevice
    try diff.run()
    diff.waitUntilExit()
    #expect(diff.terminationStatus == 0, "same seed, same files")
    let validate = try CLI.run(["validate", "--strict", dir + "/a"])
    #expect(validate.status == 0, "\(validate.stdout.suffix(500))")
  }

  @Test func defectsAreFound() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["generate", "--people", "300", "--out", dir, "--defects", "0.1"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("deliberate mistakes"))
    #expect(try CLI.run(["validate", dir]).status == 1)
  }

  @Test func badOptionsExitTwo() throws {
    #expect(try CLI.run(["generate", "--people", "0", "--out", "/tmp/x"]).status == 2)
    #expect(try CLI.run(["generate", "--people", "10", "--out", "/tmp/x", "--defects", "2"]).status == 2)
    #expect(try CLI.run(["generate", "--people", "10", "--out", "/tmp/x", "--cycle", "Q1"]).status == 2)
  }
}
