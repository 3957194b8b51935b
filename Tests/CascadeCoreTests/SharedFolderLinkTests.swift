import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore
@testable import CascadeSystem

/// Found in review: following links by hand bypassed the kernel's `fs.protected_symlinks`, so
/// a link planted in /tmp by another user (`/tmp/report.svg -> /etc/shadow`) made
/// `cascade render -o /tmp/report.svg`, run as root, replace its target. Such a link is now
/// refused, as the kernel refuses it to `>`; our own links are still followed.
@Suite struct SharedFolderLinkTests {
  @Test func someoneElsesLinkInAStickyWorldWritableFolderIsRefused() throws {
    guard geteuid() == 0 else { return }  // needs root to plant a link owned by another user
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let shared = directory + "/tmp"
    let secret = directory + "/secret"
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    #expect(chmod(shared, 0o1777) == 0)
    try writeFile(secret, "keep me")
    #expect(symlink(secret, shared + "/report.svg") == 0)
    #expect(lchown(shared + "/report.svg", 65534, 65534) == 0)  // nobody's link
    #expect(throws: FileIOError.self) { try FileOutput.write(Array("svg".utf8), to: shared + "/report.svg") }
    #expect(readFile(secret) == "keep me")

    // Our own link in the same folder is followed, and so is nobody's link in a folder that is
    // not shared.
    #expect(unlink(shared + "/report.svg") == 0)
    #expect(symlink(secret, shared + "/mine.svg") == 0)
    try FileOutput.write(Array("mine".utf8), to: shared + "/mine.svg")
    #expect(readFile(secret) == "mine")
    #expect(chmod(shared, 0o755) == 0)
    #expect(lchown(shared + "/mine.svg", 65534, 65534) == 0)
    try FileOutput.write(Array("private".utf8), to: shared + "/mine.svg")
    #expect(readFile(secret) == "private")
  }
}
