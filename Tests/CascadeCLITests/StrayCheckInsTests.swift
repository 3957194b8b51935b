import Foundation
import Testing

/// Found in QA: a FIFO or a folder named checkins.csv below the plan's root was not reported
/// (only regular files were), and the root's own checkins.csv was reported as a stray when the
/// plan folder was given twice in two spellings (`validate ./p p`).
@Suite struct StrayCheckInsTests {
  static func plan() throws -> String {
    let folder = try CLI.temporaryDirectory()
    try FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Plans/sales-en", toPath: folder + "/p")
    return folder
  }

  @Test func aFIFOOrFolderBelowTheRootIsReported() throws {
    let folder = try Self.plan()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/p/a", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/p/b/checkins.csv", withIntermediateDirectories: true)
    #expect(mkfifo(folder + "/p/a/checkins.csv", 0o644) == 0)
    let run = try CLI.run(["validate", "p", "--format", "json"], in: folder)
    #expect(run.status == 1)
    #expect(
      run.stdout.contains("\"file\":\"p/a/checkins.csv\"") || run.stdout.contains("\"file\": \"p/a/checkins.csv\""))
    #expect(run.stdout.contains("p/b/checkins.csv"))
    #expect(run.stdout.components(separatedBy: "checkin-file").count - 1 == 2)
  }

  @Test(arguments: [["./p", "p"], ["p", "p/."], ["p/", "p"]])
  func theRootsOwnFileNamedTwiceIsNoStray(_ paths: [String]) throws {
    let folder = try Self.plan()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try CLI.run(["validate"] + paths, in: folder)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(!run.stdout.contains("checkin-file"))
  }
}
