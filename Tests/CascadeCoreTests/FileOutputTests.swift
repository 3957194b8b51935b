import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore
@testable import CascadeSystem

/// `FileOutput.write`: regular files are replaced atomically; devices, FIFOs and sockets are
/// written through; symbolic links are followed to their final target and stay in place.
@Suite struct FileOutputTests {
  func listing(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  func linkTarget(_ path: String) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: path)
  }

  @Test func regularFilesAreStillReplacedAtomically() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/out.svg"
    try FileOutput.write(Array("one".utf8), to: path)
    // Another name for the old file still sees the old contents: the file was replaced, not
    // rewritten in place.
    #expect(link(path, directory + "/old") == 0)
    try FileOutput.write(Array("two".utf8), to: path)
    #expect(readFile(path) == "two")
    #expect(readFile(directory + "/old") == "one")
    #expect(listing(directory) == ["old", "out.svg"])
  }

  @Test func theOwnerOfAReplacedFileIsKeptWherePermitted() throws {
    // Only root may give a file away; elsewhere the replacement belongs to the writer.
    guard getuid() == 0 else { return }
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/shared.svg"
    try writeFile(path, "old")
    #expect(chown(path, 4321, 4322) == 0)
    try FileOutput.write(Array("new".utf8), to: path)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_uid == 4321 && info.st_gid == 4322)
    #expect(readFile(path) == "new")
  }

  @Test func aFIFOIsWrittenThroughNotReplaced() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let fifo = directory + "/pipe"
    #expect(mkfifo(fifo, 0o644) == 0)
    // A reader is open first (non-blocking, so this test cannot hang), so the writer's open
    // does not block; the payload fits in the pipe's buffer.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    try FileOutput.write(Array("through the pipe\n".utf8), to: fifo)
    #expect(fileType(fifo) == S_IFIFO)
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, 256) }
    #expect(n == 17)
    #expect(String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self) == "through the pipe\n")
    #expect(listing(directory) == ["pipe"])
  }

  @Test func aCharacterDeviceIsWrittenThrough() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let device = directory + "/null"
    // A copy of /dev/null (major 1, minor 3); needs CAP_MKNOD, so skipped where not permitted.
    guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else { return }
    try FileOutput.write(Array("discarded".utf8), to: device)
    #expect(fileType(device) == S_IFCHR)
    var info = stat()
    #expect(stat(device, &info) == 0 && info.st_rdev == dev_t((1 << 8) | 3))
    #expect(listing(directory) == ["null"])
  }

  @Test func aSymbolicLinkStaysAndItsTargetIsReplaced() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: true)
    try writeFile(directory + "/real/diagram.svg", "old")
    #expect(chmod(directory + "/real/diagram.svg", 0o640) == 0)
    #expect(symlink("real/diagram.svg", directory + "/link.svg") == 0)
    try FileOutput.write(Array("new".utf8), to: directory + "/link.svg")
    #expect(fileType(directory + "/link.svg") == S_IFLNK)
    #expect(linkTarget(directory + "/link.svg") == "real/diagram.svg")
    #expect(readFile(directory + "/real/diagram.svg") == "new")
    var info = stat()
    #expect(stat(directory + "/real/diagram.svg", &info) == 0 && info.st_mode & 0o777 == 0o640)
    // No temporary file left in either folder.
    #expect(listing(directory) == ["link.svg", "real"])
    #expect(listing(directory + "/real") == ["diagram.svg"])
  }

  @Test func chainsOfRelativeAndAbsoluteLinksAreFollowedToTheEnd() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let fm = FileManager.default
    try fm.createDirectory(atPath: directory + "/a/b", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: directory + "/c", withIntermediateDirectories: true)
    try writeFile(directory + "/c/final.dot", "old")
    // first -> a/second (relative to first's folder) -> ../c/final.dot (relative to a/b) ...
    #expect(symlink("a/b/second", directory + "/first") == 0)
    #expect(symlink(directory + "/a/third", directory + "/a/b/second") == 0)  // absolute
    #expect(symlink("../c/final.dot", directory + "/a/third") == 0)  // relative to a/
    try FileOutput.write(Array("new".utf8), to: directory + "/first")
    #expect(readFile(directory + "/c/final.dot") == "new")
    for link in ["/first", "/a/b/second", "/a/third"] { #expect(fileType(directory + link) == S_IFLNK) }
    #expect(listing(directory + "/c") == ["final.dot"])
    #expect(listing(directory + "/a") == ["b", "third"])
  }

  @Test func aDanglingLinkGetsItsTargetCreated() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    #expect(symlink("made.svg", directory + "/link.svg") == 0)
    try FileOutput.write(Array("made".utf8), to: directory + "/link.svg")
    #expect(fileType(directory + "/link.svg") == S_IFLNK)
    #expect(readFile(directory + "/made.svg") == "made")
  }

  @Test func aLinkToAFIFOWritesThroughTheFIFO() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    #expect(mkfifo(directory + "/pipe", 0o644) == 0)
    #expect(symlink("pipe", directory + "/link") == 0)
    let reader = open(directory + "/pipe", O_RDONLY | O_NONBLOCK)
    defer { close(reader) }
    try FileOutput.write(Array("x".utf8), to: directory + "/link")
    var byte: UInt8 = 0
    #expect(read(reader, &byte, 1) == 1 && byte == UInt8(ascii: "x"))
    #expect(fileType(directory + "/pipe") == S_IFIFO)
    #expect(fileType(directory + "/link") == S_IFLNK)
  }

  @Test func aLinkLoopIsAnErrorNotAHang() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    #expect(symlink("b", directory + "/a") == 0)
    #expect(symlink("a", directory + "/b") == 0)
    do {
      try FileOutput.write(Array("x".utf8), to: directory + "/a")
      Issue.record("expected an error")
    } catch let error as FileIOError {
      #expect(error.code == ELOOP)
      #expect(error.path == directory + "/a")
    }
    #expect(fileType(directory + "/a") == S_IFLNK)
    #expect(listing(directory) == ["a", "b"])
  }

  @Test func aDirectoryIsRefused() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    try FileManager.default.createDirectory(atPath: directory + "/d", withIntermediateDirectories: true)
    #expect(throws: FileIOError.self) { try FileOutput.write(Array("x".utf8), to: directory + "/d") }
    #expect(listing(directory) == ["d"])
    #expect(listing(directory + "/d") == [])
  }

  @Test func aUnixSocketIsWrittenThrough() throws {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let path = directory + "/sock"
    let server = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #expect(server >= 0)
    defer { close(server) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (i, b) in bytes.enumerated() { raw[i] = b }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(server, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
    #expect(listen(server, 1) == 0)
    // connect() completes against the listen backlog without accept(); the data waits there.
    try FileOutput.write(Array("hello".utf8), to: path)
    #expect(fileType(path) == S_IFSOCK)
    let client = accept(server, nil, nil)
    #expect(client >= 0)
    defer { close(client) }
    var buffer = [UInt8](repeating: 0, count: 16)
    let n = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, 16) }
    #expect(n == 5)
    #expect(String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self) == "hello")
  }
}
