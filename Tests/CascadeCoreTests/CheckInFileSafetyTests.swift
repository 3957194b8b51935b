import CascadeGenerate
import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore
@testable import CascadeSystem

/// AppendLog's check of the existing content, run under the lock (issue 8, defect 2).
@Suite struct AppendLogValidationTests {
  struct Refused: Error, Equatable {}

  @Test func validatorSeesTheFileAsItIsAndCanRefuse() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try writeFile(path, "h\n1\n")
    var seen: [UInt8]?
    try AppendLog.append("2\n", to: path, header: "h", validatingExisting: { seen = $0 })
    #expect(seen == Array("h\n1\n".utf8))
    #expect(readFile(path) == "h\n1\n2\n")
    #expect(throws: Refused.self) {
      try AppendLog.append("3\n", to: path, header: "h", validatingExisting: { _ in throw Refused() })
    }
    #expect(readFile(path) == "h\n1\n2\n")
  }

  /// A file holding exactly the bytes the caller knows is compared, not handed to the check; a
  /// file that differs anywhere (here past the first block of the comparison) is checked whole.
  @Test func knownContentIsComparedNotChecked() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    var content = Array("h\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 3 * AppendLog.compareBlock / 2)
    content += Array("\n1".utf8)  // no final line break: the append adds one
    try Data(content).write(to: URL(fileURLWithPath: path))
    var calls = 0
    let same = try AppendLog.append(
      "2\n", to: path, header: "h", validatingExisting: { _ in calls += 1 }, known: .bytes(content))
    #expect(same.holdsKnown && calls == 0)
    #expect(same.joint == Array("\n".utf8) && same.existingSize == content.count)
    var stale = content + Array("\n2\n".utf8)
    stale[AppendLog.compareBlock + 10] = UInt8(ascii: "b")
    var seen: [UInt8]?
    let changed = try AppendLog.append(
      "3\n", to: path, header: "h", validatingExisting: { seen = $0 }, known: .bytes(stale))
    #expect(!changed.holdsKnown)
    // Compared as a Bool: a failure would print megabytes of bytes.
    #expect(seen.map { $0 == content + Array("\n2\n".utf8) } == true)
    let shorter = try AppendLog.append(
      "4\n", to: path, header: "h", validatingExisting: { _ in calls += 1 }, known: .bytes(Array(content.prefix(5))))
    #expect(!shorter.holdsKnown && calls == 1)
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(written == Data(content + Array("\n2\n3\n4\n".utf8)), "\(written.count) bytes")
  }

  /// A known stamp: a file that still has the stamp taken when it was read is not read again
  /// under the lock; a file written since, even in place to the same size, is checked whole.
  /// A file changed just now has not settled: its stamp would prove nothing.
  @Test func aSettledFilesStampIsComparedNotItsBytes() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try writeFile(path, "h\n1\n")
    func stamp() throws -> FileStamp {
      let fd = open(path, O_RDONLY)
      defer { close(fd) }
      return try #require(FileStamp.of(fd))
    }
    #expect(try !stamp().isSettled)
    Thread.sleep(forTimeInterval: 2.2)
    let settled = try stamp()
    #expect(settled.isSettled)
    var calls = 0
    let same = try AppendLog.append(
      "2\n", to: path, header: "h", validatingExisting: { _ in calls += 1 }, known: .stamp(settled))
    #expect(same.holdsKnown && calls == 0 && same.existingSize == 4 && same.joint == [])
    // That append changed the file: the stamp taken before it is no longer the file's.
    var seen: [UInt8]?
    let again = try AppendLog.append(
      "3\n", to: path, header: "h", validatingExisting: { seen = $0 }, known: .stamp(settled))
    #expect(!again.holdsKnown && seen == Array("h\n1\n2\n".utf8))
    // Written in place, to the same size, a clock tick or more later.
    let before = try stamp()
    Thread.sleep(forTimeInterval: 0.05)
    let fd = open(path, O_WRONLY)
    #expect(pwrite(fd, "9", 1, 2) == 1)
    close(fd)
    seen = nil
    let rewritten = try AppendLog.append(
      "4\n", to: path, header: "h", validatingExisting: { seen = $0 }, known: .stamp(before))
    #expect(!rewritten.holdsKnown && seen == Array("h\n9\n2\n3\n".utf8))
    #expect(readFile(path) == "h\n9\n2\n3\n4\n")
  }

  /// A stamp with a digest (a file read just after it changed): the file is read again under
  /// the lock and holds the known bytes when its digest is the one given; a wrong digest, or
  /// another stamp, has it checked whole.
  @Test func aStampWithADigestIsComparedByRereading() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    let content =
      Array("h\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 3 * AppendLog.compareBlock / 2)
      + Array("\n".utf8)
    try Data(content).write(to: URL(fileURLWithPath: path))
    var digest = ContentDigest()
    content.withUnsafeBytes { digest.add($0) }
    let fd = open(path, O_RDONLY)
    let stamp = try #require(FileStamp.of(fd))
    close(fd)
    var calls = 0
    let wrong = try AppendLog.append(
      "1\n", to: path, header: "h", validatingExisting: { _ in calls += 1 },
      known: .stampAndDigest(stamp, digest.value &+ 1))
    #expect(!wrong.holdsKnown && calls == 1)
    var now = ContentDigest()
    (content + Array("1\n".utf8)).withUnsafeBytes { now.add($0) }
    let fd2 = open(path, O_RDONLY)
    let stamp2 = try #require(FileStamp.of(fd2))
    close(fd2)
    let right = try AppendLog.append(
      "2\n", to: path, header: "h", validatingExisting: { _ in calls += 1 }, known: .stampAndDigest(stamp2, now.value))
    #expect(right.holdsKnown && calls == 1 && right.existingSize == content.count + 2)
    // The stamp before that append, with the digest of the bytes then: another stamp now.
    let stale = try AppendLog.append(
      "3\n", to: path, header: "h", validatingExisting: { _ in calls += 1 }, known: .stampAndDigest(stamp2, now.value))
    #expect(!stale.holdsKnown && calls == 2)
  }

  /// The digest of bytes is the same however they are given, in pieces of any size, and tells
  /// apart bytes that differ in one place or in their length (zeros added at the end).
  @Test func aDigestIsTheSameWhereverItsPiecesEnd() {
    var rng = SplitMix64(seed: 3)
    for round in 0..<200 {
      let bytes = (0..<(round * 3 % 70)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      var whole = ContentDigest()
      bytes.withUnsafeBytes { whole.add($0) }
      var pieces = ContentDigest()
      var at = 0
      while at < bytes.count {
        let n = min(bytes.count - at, Int(rng.next() % 11))
        bytes[at..<(at + n)].withUnsafeBytes { pieces.add($0) }
        at += n
      }
      #expect(whole.value == pieces.value)
      var longer = ContentDigest()
      (bytes + [0]).withUnsafeBytes { longer.add($0) }
      #expect(longer.value != whole.value)
      if !bytes.isEmpty {
        var changed = bytes
        changed[Int(rng.next() % UInt64(bytes.count))] ^= 0x20
        var other = ContentDigest()
        changed.withUnsafeBytes { other.add($0) }
        #expect(other.value != whole.value)
      }
    }
  }

  /// A file that does not exist yet is seen as empty: the header goes first.
  @Test func validatorSeesNothingForANewFile() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    var seen: [UInt8]?
    try AppendLog.append("1\n", to: path, header: "h", validatingExisting: { seen = $0 })
    #expect(seen == [])
    #expect(readFile(path) == "h\n1\n")
  }

  @Test func fileLargerThanTheLimitIsRefusedUnread() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try writeFile(path, "h\n123456789\n")
    var called = false
    #expect(throws: FileIOError.self) {
      try AppendLog.append("x\n", to: path, header: "h", validatingExisting: { _ in called = true }, existingLimit: 8)
    }
    #expect(!called)
    #expect(readFile(path) == "h\n123456789\n")
  }

  @Test func notARegularFileIsRefused() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    #expect(mkfifo(path, 0o644) == 0)
    do {
      try AppendLog.append("x\n", to: path, header: "h")
      Issue.record("expected an error")
    } catch let error as FileIOError {
      #expect(error.description.contains("not a regular file"), "\(error)")
    }
  }
}

/// What `cascade checkin` refuses to append into, and what `validate` reports (checkin-syntax).
@Suite struct CheckInFileSyntaxTests {
  static let header = "date,key_result,value,confidence,note,author\n"

  @Test(
    arguments: [
      ("", nil), ("\u{FEFF}", nil), (header, nil), (header + "2027-01-05,a/b/c,1,,\"x, y\",ann\n", nil),
      (header + "2027-01-05,a/b/c,1,,\"open,ann\n", 2), ("date,kr\n", 1), (header + "1,2\n", 2),
      ("\n\n", 1), ("\r\n", 1),
    ] as [(String, Int?)])
  func firstProblemLine(content: String, line: Int?) {
    #expect(CheckInLog.syntaxProblems(Array(content.utf8)).first?.line == line)
  }

  /// The check under the lock parses what it is given: a row appended after an open quote, or
  /// a file cut short inside one, is refused.
  @Test func wellFormedCheckParsesTheContent() {
    let good = Array((Self.header + "2027-01-05,a/b/c,1,,\"x, y\",ann\n").utf8)
    let check = CheckInLog.requireWellFormed(file: "checkins.csv")
    #expect(throws: Never.self) { try check(good) }
    #expect(throws: Never.self) { try check(good + Array("2027-01-06,a/b/c,2,,,bob\n".utf8)) }
    #expect(throws: CheckInFileProblem.self) { try check(good + Array("2027-01-06,a/b/c,2,,\"open,bob\n".utf8)) }
    #expect(throws: CheckInFileProblem.self) { try check(Array(good.dropLast(9))) }
    let plan = [("plan.yaml", Examples.company)]
    #expect(Linter.lint(PlanLoader.load(inMemory: plan + [("checkins.csv", Self.header)])).checkIns.isWellFormed)
    #expect(!Linter.lint(PlanLoader.load(inMemory: plan + [("checkins.csv", "date\n")])).checkIns.isWellFormed)
  }

  /// validate reports the same problems checkin refuses on: one definition.
  @Test func blankLinesWithoutHeaderAreADiagnostic() {
    let result = Linter.lint(
      PlanLoader.load(inMemory: [("plan.yaml", Examples.company), ("checkins.csv", "\n\n")]))
    #expect(result.diagnostics.contains { $0.rule == "checkin-syntax" && $0.location.line == 1 })
  }
}

/// The plan root (issue 8, defect 4): one definition every command uses.
@Suite struct PlanRootTests {
  func tree(_ files: [String]) throws -> String {
    let root = try makeTemporaryDirectory()
    for file in files {
      let path = root + "/" + file
      if file.hasSuffix("/") {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        continue
      }
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try writeFile(path, file.hasSuffix(".yaml") ? "" : "x")
    }
    return root
  }

  @Test func nearestFolderUpwardHoldingCascadeYAML() throws {
    let dir = try tree(["plan/cascade.yaml", "plan/teams/sales/sales.yaml", "plan/teams/empty/"])
    defer { removeDirectory(dir) }
    #expect(PlanRoot.find(from: dir + "/plan") == dir + "/plan")
    #expect(PlanRoot.find(from: dir + "/plan/teams/sales") == dir + "/plan")
    #expect(PlanRoot.find(from: dir + "/plan/teams/sales/") == dir + "/plan")
    #expect(PlanRoot.find(from: dir + "/plan/teams/sales/sales.yaml") == dir + "/plan")
    #expect(PlanRoot.find(from: dir + "/plan/teams/empty") == dir + "/plan")
    #expect(PlanRoot.find(from: dir) == nil)
  }

  /// A root found above the path given is named from that path, as the user wrote it (no
  /// change of working directory here: tests run in parallel).
  @Test func ancestorsAreSpelledFromThePathGiven() {
    #expect(PlanRoot.ancestor(of: "plan/teams/sales", levels: 2) == "plan")
    #expect(PlanRoot.ancestor(of: "plan/teams/sales/", levels: 1) == "plan/teams")
    #expect(PlanRoot.ancestor(of: "sales", levels: 1) == ".")
    #expect(PlanRoot.ancestor(of: ".", levels: 1) == "..")
    #expect(PlanRoot.ancestor(of: "./sales", levels: 2) == "..")
    #expect(PlanRoot.ancestor(of: "..", levels: 1) == "../..")
    #expect(PlanRoot.ancestor(of: "/a/b", levels: 1) == "/a")
    #expect(PlanRoot.ancestor(of: "/a", levels: 1) == "/")
    #expect(PlanRoot.ancestor(of: "/", levels: 1) == nil)
    #expect(PlanRoot.ancestor(of: "a/b", levels: 0) == "a/b")
  }

  /// The search stops at the top of a git repository: a cascade.yaml above it belongs to
  /// something else.
  @Test func searchStopsAtARepositoryTop() throws {
    let dir = try tree(["cascade.yaml", "repo/.git/", "repo/plan/plan.yaml"])
    defer { removeDirectory(dir) }
    #expect(PlanRoot.find(from: dir + "/repo/plan") == nil)
    let rooted = try tree(["repo/.git/", "repo/cascade.yaml", "repo/plan/plan.yaml"])
    defer { removeDirectory(rooted) }
    #expect(PlanRoot.find(from: rooted + "/repo/plan") == rooted + "/repo")
  }

  @Test func pathsInsideARootStandForTheWholePlan() throws {
    let dir = try tree(["plan/cascade.yaml", "plan/a/a.yaml", "plan/b/b.yaml", "loose/c.yaml"])
    defer { removeDirectory(dir) }
    let p = dir + "/plan"
    #expect(PlanRoot.resolve([p + "/a", p + "/b/b.yaml", p]) == [p])
    #expect(PlanRoot.resolve([dir + "/loose", dir + "/loose/c.yaml"]) == [dir + "/loose", dir + "/loose/c.yaml"])
    #expect(PlanRoot.resolve([dir + "/missing"]) == [dir + "/missing"])
    // A missing file inside a root is kept, so that loading reports it.
    #expect(PlanRoot.resolve([p + "/a/a.yaml", p + "/a/gone.yaml"]) == [p, p + "/a/gone.yaml"])
  }

  @Test func strayCheckInsFilesAreReported() throws {
    let dir = try tree(["plan/cascade.yaml", "plan/plan.yaml", "plan/checkins.csv", "plan/team/checkins.csv"])
    defer { removeDirectory(dir) }
    let loaded = try PlanLoader.load(paths: [dir + "/plan/team"])
    let stray = loaded.diagnostics.filter { $0.rule == "checkin-file" }
    #expect(stray.map(\.location.file) == [dir + "/plan/team/checkins.csv"])
    #expect(loaded.plan.checkIns?.file == dir + "/plan/checkins.csv")
    // In memory (the rule documentation) too.
    let memory = PlanLoader.load(inMemory: [("plan.yaml", Examples.company), ("team/checkins.csv", "")])
    #expect(memory.diagnostics.contains { $0.rule == "checkin-file" && $0.location.file == "team/checkins.csv" })
  }
}
