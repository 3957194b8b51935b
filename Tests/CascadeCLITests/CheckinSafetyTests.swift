import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 8: a check-in must never vanish — not into a broken checkins.csv, not as a torn row
/// after a failed write, not into a file nothing reads, not onto a key result that ignores it.
@Suite struct CheckinSafetyTests {
  static let header = "date,key_result,value,confidence,note,author\n"
  static let goodRow = "2027-01-05,acme/grow/customers,31,,,ann\n"

  func makePlan(_ extra: [String: String] = [:]) throws -> String {
    let dir = try CLI.temporaryDirectory()
    try CheckinCommandTests.plan.write(toFile: dir + "/acme.yaml", atomically: true, encoding: .utf8)
    for (name, text) in extra {
      let path = dir + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    return dir
  }

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  func current(_ dir: String, asOf: String = "2027-02-28") throws -> Double? {
    let r = try CLI.run(["status", dir, "--as-of", asOf, "--format", "json"])
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let krs = json?["key_results"] as? [[String: Any]] ?? []
    return krs.first { $0["ref"] as? String == "acme/grow/customers" }?["current"] as? Double
  }

  // MARK: - 2. A broken checkins.csv is refused, never appended into

  @Test(arguments: [
    // Ends inside an open quote: the new row would become part of that note.
    (header + goodRow + "2027-01-06,acme/grow/customers,32,,\"open note, never closed,ann\n", 3),
    // A wrong header: no row of the file is read.
    ("date,kr,value\n" + goodRow, 1),
    // A row with too few fields.
    (header + goodRow + "2027-01-06,acme/grow/customers\n", 3),
    // A stray quote inside an unquoted field.
    (header + "2027-01-06,acme/grow/customers,3\"2,,,ann\n", 2),
    // Only blank lines: no header, and the new row would become it.
    ("\n\n", 1),
  ])
  func brokenFileIsRefused(content: String, line: Int) throws {
    let dir = try makePlan(["checkins.csv": content])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let before = bytes(dir + "/checkins.csv")
    let r = try CLI.run(["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10", "--note", "x, y"])
    #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("checkins.csv:\(line):"), "\(r.stderr)")
    #expect(r.stderr.contains("not written"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(bytes(dir + "/checkins.csv") == before)
  }

  /// A row with a bad value or an unknown key result does not stop a check-in: its own row is
  /// well-formed and counted; the other row stays a diagnostic of `validate` (`checkin` reads
  /// only the rows of its own key result, and says nothing of the others).
  @Test func badRowInWellFormedFileDoesNotBlock() throws {
    let dir = try makePlan(["checkins.csv": Self.header + "2027-01-06,acme/grow/nothing,32,,,ann\n"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(try CLI.run(["validate", dir]).stdout.contains("acme/grow/nothing"))
    #expect(try current(dir) == 42)
  }

  /// The check runs under the lock on the bytes in the file at append time: a file broken
  /// after the plan was loaded (while the check-in waits for the lock) is still refused.
  @Test func fileBrokenWhileWaitingForTheLockIsRefused() throws {
    let dir = try makePlan(["checkins.csv": Self.header + Self.goodRow])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/checkins.csv"
    let fd = open(path, O_RDWR | O_APPEND)
    try #require(fd >= 0)
    defer { close(fd) }
    try #require(flock(fd, LOCK_EX) == 0)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.executable)
    process.arguments = ["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let waiting = waitUntilBlockedOnALock(process.processIdentifier)
    let broken = "2027-01-06,acme/grow/customers,32,,\"open,ann\n"
    _ = broken.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    let expected = bytes(path)
    _ = flock(fd, LOCK_UN)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(waiting, "the check-in never waited for the lock")
    #expect(process.terminationStatus == 2, "\(stderr)")
    #expect(stderr.contains("checkins.csv:3:"), "\(stderr)")
    #expect(bytes(path) == expected)
  }

  /// A file replaced (by git, or an editor saving through rename) while a check-in waits for
  /// the lock: the row goes into the file now at that path, not into the replaced one.
  @Test func fileReplacedWhileWaitingForTheLockGetsTheRow() throws {
    let dir = try makePlan(["checkins.csv": Self.header + Self.goodRow])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/checkins.csv"
    let fd = open(path, O_RDWR | O_APPEND)
    try #require(fd >= 0)
    defer { close(fd) }
    try #require(flock(fd, LOCK_EX) == 0)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.executable)
    process.arguments = ["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10", "--author", "t"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let waiting = waitUntilBlockedOnALock(process.processIdentifier)
    let replacement = Self.header + "2027-01-06,acme/grow/customers,33,,,bob\n"
    try Data(replacement.utf8).write(to: URL(fileURLWithPath: dir + "/new.csv"))
    try #require(rename(dir + "/new.csv", path) == 0)
    _ = flock(fd, LOCK_UN)
    process.waitUntilExit()
    #expect(waiting, "the check-in never waited for the lock")
    #expect(process.terminationStatus == 0)
    let text = String(decoding: bytes(path) ?? Data(), as: UTF8.self)
    #expect(text == replacement + "2027-02-10,acme/grow/customers,42,,,t\n")
  }

  // MARK: - 3. A failed write leaves the file exactly as it was

  /// Runs `cascade checkin` with a file-size limit of `limit` bytes, so that the write fails
  /// with EFBIG part-way; `ignoreSignal` sets SIGXFSZ to ignored before (otherwise cascade
  /// must ignore it itself).
  func checkinWithSizeLimit(_ dir: String, limit: Int, ignoreSignal: Bool, note: String) throws -> CLIRun {
    let trap = ignoreSignal ? "trap '' XFSZ; " : ""
    return try runProgram(
      "/bin/bash",
      [
        "-c",
        trap
          + "exec prlimit --fsize=\(limit) \"$0\" checkin \"$1\" acme/grow/customers 40 --date 2027-02-10 --note \"$2\"",
        CLI.executable, dir, note,
      ])
  }

  @Test(arguments: [true, false])
  func failedWriteLeavesFileByteIdentical(ignoreSignal: Bool) throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/checkins.csv"
    #expect(try CLI.run(["checkin", dir, "acme/grow/customers", "31", "--date", "2027-01-05"]).status == 0)
    let before = try #require(bytes(path))
    // Room for a few bytes of the new row only: the note's comma would be left inside an open quote.
    let r = try checkinWithSizeLimit(
      dir, limit: before.count + 40, ignoreSignal: ignoreSignal, note: "first, " + String(repeating: "n", count: 200))
    #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
    #expect(r.stderr.contains("File too large"), "\(r.stderr)")
    #expect(bytes(path) == before)
    // The next check-in is written and counted.
    #expect(try CLI.run(["checkin", dir, "acme/grow/customers", "44", "--date", "2027-02-11"]).status == 0)
    #expect(try current(dir) == 44)
    #expect(try CLI.run(["validate", dir]).status == 0)
  }

  /// The first check-in fails while writing the header: the file is left empty, and the
  /// next check-in writes the header and its row.
  @Test func failedFirstWriteLeavesNoHeaderFragment() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/checkins.csv"
    let r = try checkinWithSizeLimit(dir, limit: 20, ignoreSignal: true, note: "n")
    #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
    #expect((bytes(path) ?? Data()).isEmpty)
    #expect(try CLI.run(["checkin", dir, "acme/grow/customers", "44", "--date", "2027-02-11"]).status == 0)
    #expect(try current(dir) == 44)
  }

  // MARK: - 4. A check-in goes to the file the plan's commands read

  static let rootedTeam = """
    unit: sales
    name: Sales
    level: department
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        aligns_to: acme/grow
        key_results:
          - {id: deals, title: 20 deals a month, baseline: 10, target: 20, unit: deals}
    """

  @Test func checkinOnASubfolderGoesToThePlanRoot() throws {
    let dir = try makePlan(["cascade.yaml": "name: Acme\n", "teams/sales/sales.yaml": Self.rootedTeam])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["checkin", dir + "/teams/sales", "acme/grow/customers", "42", "--date", "2027-02-10"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/teams/sales/checkins.csv"))
    #expect(FileManager.default.fileExists(atPath: dir + "/checkins.csv"))
    #expect(try current(dir) == 42)
    // Every command on the subfolder reads the same plan and the same checkins.csv.
    #expect(try current(dir + "/teams/sales") == 42)
    let validate = try CLI.run(["validate", dir + "/teams/sales"])
    #expect(validate.status == 0, "\(validate.stdout)")
    #expect(validate.stdout.contains("2 units"), "\(validate.stdout)")
  }

  @Test func strayCheckInsFileBelowTheRootIsReported() throws {
    let dir = try makePlan([
      "teams/sales/sales.yaml": Self.rootedTeam,
      "teams/sales/checkins.csv": Self.header + "2027-01-05,sales/win/deals,12,,,ann\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["validate", dir])
    #expect(r.status == 1, "\(r.stdout)")
    #expect(r.stdout.contains("teams/sales/checkins.csv:1:1: error:"), "\(r.stdout)")
    #expect(r.stdout.contains("[checkin-file]"), "\(r.stdout)")
  }

  @Test(arguments: ["directory", "fifo"])
  func checkInsFileThatIsNotAFileIsReportedAndRefused(kind: String) throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/checkins.csv"
    if kind == "directory" {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    } else {
      try #require(mkfifo(path, 0o644) == 0)
    }
    let v = try CLI.run(["validate", dir])
    #expect(v.status == 1, "\(v.stdout) \(v.stderr)")
    #expect(v.stdout.contains("[checkin-file]"), "\(v.stdout)")
    let r = try CLI.run(["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10"])
    #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
    #expect(r.stderr.contains("not a regular file"), "\(r.stderr)")
  }

  // MARK: - 5. aggregate: sum key results take no check-ins of their own

  static func aggregatePlan(contributors: Int) -> String {
    var text = """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow
          key_results:
            - {id: customers, title: 50 new customers a month, baseline: 30, target: 50, unit: customers}
            - {id: total, title: 70 deals in total, baseline: 0, target: 70, unit: deals, aggregate: sum}

      """
    for i in 1...contributors {
      text += """
        ---
        unit: team\(i)
        name: Team \(i)
        level: department
        parent: acme
        cycle: 2027-Q1
        objectives:
          - id: win
            title: Win
            aligns_to: acme/grow
            key_results:
              - {id: deals, title: 10 deals, baseline: 0, target: 10, unit: deals, contributes_to: acme/grow/total}

        """
    }
    return text
  }

  @Test func checkinOnAnAggregateIsRefusedNamingItsContributors() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.aggregatePlan(contributors: 7).write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
    let r = try CLI.run(["checkin", dir, "acme/grow/total", "42", "--date", "2027-02-10"])
    #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
    #expect(r.stderr.contains("team1/win/deals"), "\(r.stderr)")
    #expect(r.stderr.contains("team5/win/deals"), "\(r.stderr)")
    #expect(!r.stderr.contains("team6/win/deals"), "\(r.stderr)")
    #expect(r.stderr.contains("and 2 more"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: dir + "/checkins.csv"))
  }

  @Test func existingRowForAnAggregateIsReported() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.aggregatePlan(contributors: 2).write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
    try (Self.header + "2027-01-05,acme/grow/total,12,,,ann\n").write(
      toFile: dir + "/checkins.csv", atomically: true, encoding: .utf8)
    let r = try CLI.run(["validate", dir])
    #expect(r.stdout.contains("checkins.csv:2:"), "\(r.stdout)")
    #expect(r.stdout.contains("[checkin-aggregate]"), "\(r.stdout)")
    #expect(r.stdout.contains("team1/win/deals"), "\(r.stdout)")
  }
}

/// Polls /proc/locks until process `pid` waits for an flock (it has loaded the plan by then);
/// false if it never does within a minute.
func waitUntilBlockedOnALock(_ pid: Int32) -> Bool {
  for _ in 0..<6000 {
    let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
    if locks.split(separator: "\n").contains(where: { $0.contains("-> FLOCK") && $0.contains(" \(pid) ") }) {
      return true
    }
    usleep(10_000)
  }
  return false
}

/// Runs a program with SIGXFSZ at its default action and no signal blocked (the test runner's
/// threads block most signals, and the mask would be inherited), capturing stdout and stderr
/// through files.
func runProgram(_ executable: String, _ arguments: [String]) throws -> CLIRun {
  let dir = try CLI.temporaryDirectory()
  defer { try? FileManager.default.removeItem(atPath: dir) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, dir + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, dir + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var defaults = sigset_t()
  sigemptyset(&defaults)
  sigaddset(&defaults, SIGXFSZ)
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  var unblocked = sigset_t()
  sigemptyset(&unblocked)
  posix_spawnattr_setsigmask(&attributes, &unblocked)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
  let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for p in argv { free(p) } }
  var pid = pid_t()
  let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
  try #require(spawned == 0)
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let exited = status & 0x7f == 0
  let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  let out = FileManager.default.contents(atPath: dir + "/out") ?? Data()
  let err = FileManager.default.contents(atPath: dir + "/err") ?? Data()
  return CLIRun(
    status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}
