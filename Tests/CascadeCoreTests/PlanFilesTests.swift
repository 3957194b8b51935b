import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

/// Which files a plan is read from: names that are not UTF-8, each file once, and a folder
/// without plan files.
@Suite struct PlanFilesTests {
  static let company = "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\n"
  static let team = "unit: east\nname: East\nlevel: tean\nparent: acme\ncycle: 2027-Q1\n"

  /// Creates a file whose path is given as raw bytes (Foundation cannot name it).
  func create(_ path: [UInt8], _ text: String) throws {
    let fd = (path + [0]).withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    }
    try #require(fd >= 0)
    defer { close(fd) }
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count)
  }

  @Test func aFileNameThatIsNotUTF8IsReadAndShownEscaped() throws {
    let plan = try TemporaryPlan(["acme.yaml": Self.company])
    try create(Array((plan.root + "/east-").utf8) + [0xFF, 0xFE] + Array(".yaml".utf8), Self.team)
    let r = try plan.lint()
    let shown = plan.root + "/east-\\x{FF}\\x{FE}.yaml"
    #expect(r.plan.files.sorted() == [plan.root + "/acme.yaml", shown])
    #expect(r.plan.units.map(\.id).sorted() == ["acme", "east"])
    // Its diagnostics name it, escaped.
    let d = try #require(r.diagnostics.first { $0.message.en.contains("tean") })
    #expect(d.location.file == shown)
    #expect(d.location.line == 3)
  }

  @Test func aFolderWhoseNameIsNotUTF8IsWalked() throws {
    let plan = try TemporaryPlan(["acme.yaml": Self.company])
    let folder = Array((plan.root + "/team-").utf8) + [0xC3]
    #expect(
      (folder + [0]).withUnsafeBufferPointer { b in
        b.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) }
      } == 0)
    try create(folder + Array("/east.yaml".utf8), Self.team)
    let r = try plan.lint()
    #expect(r.plan.files.contains(plan.root + "/team-\\x{C3}/east.yaml"))
    #expect(r.plan.units.count == 2)
  }

  @Test func aNameHoldingTheEscapeTextItselfStaysDistinct() throws {
    // A real file named `x\x{41}.yaml` (valid UTF-8) is not confused with `xA.yaml`.
    let plan = try TemporaryPlan(["x\\x{41}.yaml": Self.company, "xA.yaml": Self.team])
    let r = try plan.lint()
    #expect(r.plan.units.count == 2)
    #expect(r.plan.files.sorted() == [plan.root + "/xA.yaml", plan.root + "/x\\x{5C}x{41}.yaml"].sorted())
  }

  @Test func escapingRoundTripsAnyBytes() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [0x41, 0x5C, 0x78, 0x7B, 0x7D, 0x46, 0x30, 0xC3, 0xA9, 0xFF, 0xE2, 0x80, 0xA8, 0x2F]
    for _ in 0..<2000 {
      let count = Int.random(in: 0..<12, using: &generator)
      let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
      let shown = FileSystem.displayPath(bytes)
      #expect(FileSystem.systemPath(shown) == bytes, "\(bytes) shown as \(shown)")
    }
    #expect(FileSystem.displayPath(Array("plain/名前.yaml".utf8)) == "plain/名前.yaml")
    #expect(FileSystem.displayPath([0x61, 0xFF]) == "a\\x{FF}")
  }

  @Test func eachFileIsReadOnce() throws {
    let plan = try TemporaryPlan(["team/east.yaml": Self.company])
    #expect(symlink("team/east.yaml", plan.path("link.yaml")) == 0)
    let r = try Linter.validate(paths: [
      plan.root, plan.path("team/east.yaml"), plan.root + "//team/east.yaml", plan.root + "/./team/../team/east.yaml",
    ])
    #expect(r.plan.files == [plan.path("link.yaml")])
    #expect(r.plan.units.count == 1)
    #expect(r.first("duplicate-id") == nil, "\(r.first("duplicate-id")?.message.en ?? "")")
  }

  @Test func twoFilesWithTheSameUnitAreStillDuplicates() throws {
    let plan = try TemporaryPlan(["a.yaml": Self.company, "b.yaml": Self.company])
    #expect(try plan.lint().first("duplicate-id") != nil)
  }

  @Test func aFolderWithoutPlanFilesIsALoadError() throws {
    let plan = try TemporaryPlan(["cascade.yaml": "name: Acme\n", "notes.txt": "x", "sub/readme.md": "y"])
    do {
      _ = try plan.lint()
      Issue.record("expected a load error")
    } catch let error as LoadError {
      #expect(error.description.contains("no plan files"), "\(error.description)")
      #expect(error.description.contains(plan.root))
      #expect(!error.description.contains("\n"))
    }
    // With a plan file elsewhere on the command line it is still a mistake worth stopping for.
    let other = try TemporaryPlan(["acme.yaml": Self.company])
    #expect(throws: LoadError.self) { try Linter.validate(paths: [other.root, plan.root]) }
  }
}
