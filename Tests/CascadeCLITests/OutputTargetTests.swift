import Foundation
import Testing

/// Where `render -o`, `render --split` and `generate` write: through devices, FIFOs and
/// links, never replacing them; `-o -` is standard output.
@Suite struct OutputTargetTests {
  func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  /// Reads everything written into the FIFO at `path` while `body` runs. Holding a write end
  /// of our own keeps the reader from seeing the end of input before the command opens it;
  /// both ends are opened non-blocking, so nothing here can hang if the command never opens
  /// the FIFO.
  func collectFIFO(_ path: String, while body: () throws -> CLIRun) throws -> (CLIRun, [UInt8]) {
    let reader = open(path, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    let keeper = open(path, O_WRONLY | O_NONBLOCK)
    try #require(keeper >= 0)
    _ = fcntl(reader, F_SETFL, 0)
    nonisolated(unsafe) var received: [UInt8] = []
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var chunk = [UInt8](repeating: 0, count: 65536)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, 65536) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        received += chunk[0..<n]
      }
      done.signal()
    }
    let run: CLIRun
    do {
      run = try body()
    } catch {
      close(keeper)
      done.wait()
      close(reader)
      throw error
    }
    close(keeper)
    done.wait()
    close(reader)
    return (run, received)
  }

  @Test func renderWritesThroughAFIFO() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/diagram"
    #expect(mkfifo(fifo, 0o644) == 0)
    let (r, bytes) = try collectFIFO(fifo) {
      try CLI.run(["render", "Plans/sales-en", "-o", fifo, "--format", "svg", "--as-of", "2027-02-28"])
    }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(fileType(fifo) == S_IFIFO)
    #expect(String(decoding: bytes, as: UTF8.self).contains("<svg"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["diagram"])
  }

  @Test func renderWritesThroughACharacterDevice() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let device = dir + "/null"
    // A copy of /dev/null (1,3): the CI smoke test `render PLAN -o /dev/null`, without risking
    // the machine's own. Skipped where mknod is not permitted.
    guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else { return }
    let r = try CLI.run(["render", "Plans/sales-en", "-o", device, "--format", "svg"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(fileType(device) == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["null"])
  }

  @Test func renderFollowsALinkAndKeepsIt() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/site", withIntermediateDirectories: true)
    #expect(symlink("site/cascade.svg", dir + "/latest.svg") == 0)
    let r = try CLI.run(["render", "Plans/sales-en", "-o", dir + "/latest.svg"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(fileType(dir + "/latest.svg") == S_IFLNK)
    let svg = try String(contentsOfFile: dir + "/site/cascade.svg", encoding: .utf8)
    #expect(svg.contains("<svg"))
  }

  @Test func dashWritesToStandardOutput() throws {
    let r = try CLI.run(["render", "Plans/sales-en", "-o", "-", "--format", "dot"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("digraph"))
    #expect(!FileManager.default.fileExists(atPath: CLI.repositoryRoot + "/-"))
    // Without --format there is no extension to go by: one line, exit 2.
    let bare = try CLI.run(["render", "Plans/sales-en", "-o", "-"])
    #expect(bare.status == 2)
    #expect(bare.stdout.isEmpty)
    #expect(bare.stderr.split(separator: "\n").count == 1)
    #expect(bare.stderr.contains("--format"))
  }

  @Test func splitWritesPagesThroughLinks() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/pages", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir + "/kept", withIntermediateDirectories: true)
    #expect(symlink("../kept/index.svg", dir + "/pages/index.svg") == 0)
    let r = try CLI.run(["render", "Plans/sales-en", "--split", dir + "/pages"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(fileType(dir + "/pages/index.svg") == S_IFLNK)
    let svg = try String(contentsOfFile: dir + "/kept/index.svg", encoding: .utf8)
    #expect(svg.contains("<svg"))
    // The same with DOT pages, which this process writes itself.
    let dot = try CLI.run(["render", "Plans/sales-en", "--split", dir + "/pages", "--format", "dot"])
    #expect(dot.status == 0, "\(dot.stderr)")
    #expect(fileType(dir + "/pages/index.svg") == S_IFLNK)
  }

  @Test func generateWritesThroughALinkedFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let first = try CLI.run(["generate", "--people", "3", "--out", dir + "/org"])
    #expect(first.status == 0, "\(first.stderr)")
    let files = try FileManager.default.subpathsOfDirectory(atPath: dir + "/org").filter { $0.hasSuffix(".yaml") }
    let some = try #require(files.sorted().first)
    // Replace one generated file by a link to a file elsewhere, then generate again.
    try FileManager.default.removeItem(atPath: dir + "/org/" + some)
    try "old".write(toFile: dir + "/elsewhere.yaml", atomically: false, encoding: .utf8)
    #expect(symlink(dir + "/elsewhere.yaml", dir + "/org/" + some) == 0)
    let again = try CLI.run(["generate", "--people", "3", "--out", dir + "/org"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(fileType(dir + "/org/" + some) == S_IFLNK)
    let text = try String(contentsOfFile: dir + "/elsewhere.yaml", encoding: .utf8)
    #expect(text.hasPrefix("unit: "))
    // No temporary files left behind.
    let after = try FileManager.default.subpathsOfDirectory(atPath: dir + "/org")
    #expect(!after.contains { $0.hasSuffix(".tmp") })
  }

  @Test func splitIntoAFileIsOneLine() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "x".write(toFile: dir + "/file", atomically: false, encoding: .utf8)
    let r = try CLI.run(["render", "Plans/sales-en", "--split", dir + "/file"])
    #expect(r.status == 2)
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("not a folder"))
    #expect(try String(contentsOfFile: dir + "/file", encoding: .utf8) == "x")
    // Standard output is no folder either.
    let dash = try CLI.run(["render", CLI.repositoryRoot + "/Plans/sales-en", "--split", "-"], in: dir)
    #expect(dash.status == 2)
    #expect(dash.stderr.split(separator: "\n").count == 1, "\(dash.stderr)")
    #expect(dash.stderr.contains("standard output"), "\(dash.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/-"))
  }

  @Test(arguments: [",,,", ",", "company,,team", ""])
  func emptyLevelsAreRefused(_ levels: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["render", "Plans/sales-en", "-o", dir + "/x.dot", "--levels", levels])
    #expect(r.status == 2)
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("--levels"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/x.dot"))
  }
}
