import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore
@testable import CascadeSystem

@Suite struct AppendLogTests {
  let header = "date,key_result,value,confidence,note,author"

  @Test func newFileGetsHeaderOnce() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try AppendLog.append("1,2,3,4,5,6\n", to: path, header: header)
    try AppendLog.append("7,8,9,10,11,12\n", to: path, header: header)
    #expect(readFile(path) == header + "\n1,2,3,4,5,6\n7,8,9,10,11,12\n")
    // A header that already ends in a newline is not given another.
    let other = directory + "/other.csv"
    try AppendLog.append("x\n", to: other, header: "h\n")
    #expect(readFile(other) == "h\nx\n")
  }

  @Test func newFileIsNotExecutableOrWorldWritable() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try AppendLog.append("a\n", to: path, header: nil)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 & 0o133 == 0)
    #expect(info.st_mode & 0o600 == 0o600)
  }

  @Test func existingEmptyFileGetsHeader() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try writeFile(path, "")
    try AppendLog.append("r\n", to: path, header: "h")
    #expect(readFile(path) == "h\nr\n")
    // A file holding only a BOM counts as empty; the BOM stays in front.
    try writeFile(path, "\u{FEFF}")
    try AppendLog.append("r\n", to: path, header: "h")
    #expect(readFile(path) == "\u{FEFF}h\nr\n")
    #expect(allRows(readFile(path) ?? "") == [["h"], ["r"]])
  }

  @Test func noHeaderWhenNil() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/log.csv"
    try AppendLog.append("a,b\n", to: path, header: nil)
    #expect(readFile(path) == "a,b\n")
  }

  @Test func missingFinalNewlineIsRepaired() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/checkins.csv"
    try writeFile(path, "h1,h2\n1,2")
    try AppendLog.append(CSV.encodeRow(["3", "4"]), to: path, header: "h1,h2")
    #expect(readFile(path) == "h1,h2\n1,2\n3,4\n")
    // CRLF files already end in "\n": nothing added.
    try writeFile(path, "h1,h2\r\n1,2\r\n")
    try AppendLog.append("3,4\n", to: path, header: "h1,h2")
    #expect(readFile(path) == "h1,h2\r\n1,2\r\n3,4\n")
    // A one-byte file without newline.
    try writeFile(path, "h")
    try AppendLog.append("x\n", to: path, header: "h")
    #expect(readFile(path) == "h\nx\n")
  }

  @Test func errorsCarryPathAndReason() throws {
    let path = "/nonexistent-\(UUID().uuidString)/checkins.csv"
    do {
      try AppendLog.append("x\n", to: path, header: nil)
      Issue.record("expected an error")
    } catch let error as FileIOError {
      #expect(error.operation == "open")
      #expect(error.path == path)
      #expect(error.code == ENOENT)
      #expect(error.reason == "No such file or directory")
      #expect(error.description == "cannot open '\(path)': No such file or directory")
    }
  }
}

@Suite struct AtomicFileTests {
  func listing(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  @Test func writesAndReplacesWithoutLeftovers() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/plan.csv"
    try AtomicFile.write(Array("first\n".utf8), to: path)
    #expect(readFile(path) == "first\n")
    try AtomicFile.write(Data("second 进度\n".utf8), to: path)
    #expect(readFile(path) == "second 进度\n")
    try AtomicFile.write([UInt8](), to: path)
    #expect(readFile(path) == "")
    #expect(listing(directory) == ["plan.csv"])
  }

  @Test func splitsPathIntoDirectoryAndName() {
    #expect(AtomicFile.split("plain") == (".", "plain"))
    #expect(AtomicFile.split("/top") == ("/", "top"))
    #expect(AtomicFile.split("a/b/c.csv") == ("a/b", "c.csv"))
  }

  @Test func keepsExistingPermissions() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/private.csv"
    try writeFile(path, "old")
    #expect(chmod(path, 0o600) == 0)
    try AtomicFile.write(Array("new".utf8), to: path)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(readFile(path) == "new")
  }

  @Test func failureRemovesTemporaryFile() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    // Renaming a file over a non-empty directory fails after the temp file was written.
    let path = directory + "/target"
    try FileManager.default.createDirectory(
      atPath: path + "/inside", withIntermediateDirectories: true)
    #expect(throws: FileIOError.self) { try AtomicFile.write(Array("x".utf8), to: path) }
    #expect(listing(directory) == ["target"])
    // Missing directory: a clear error, nothing created.
    let missing = directory + "/no/such/dir/file.csv"
    do {
      try AtomicFile.write(Array("x".utf8), to: missing)
      Issue.record("expected an error")
    } catch let error as FileIOError {
      #expect(error.code == ENOENT)
      #expect(error.path == missing)
    }
    #expect(listing(directory) == ["target"])
  }
}
