import Testing

@testable import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ParallelMapTests {
  @Test(arguments: [0, 1, 15, 16, 17, 63, 64, 65, 1000, 4099])
  func resultsComeInIndexOrder(_ count: Int) {
    #expect(parallelMap(count) { $0 * 3 } == (0..<count).map { $0 * 3 })
    for chunk in [1, 7, 64, 10_000] {
      #expect(parallelMap(count, chunk: chunk) { "\($0)" } == (0..<count).map { "\($0)" }, "chunk \(chunk)")
    }
  }

  @Test func everyIndexRunsOnce() {
    let seen = parallelMap(5000, chunk: 3) { [$0] }
    #expect(seen.joined().sorted() == Array(0..<5000))
  }
}

@Suite struct ResidentMemoryTests {
  @Test func growsWithTouchedMemory() throws {
    let before = try #require(ResidentMemory.bytes())
    #expect(before > 1_000_000)
    let block = [UInt8](repeating: 1, count: 64 << 20)
    let after = try #require(ResidentMemory.bytes())
    #expect(after - before > 32 << 20, "\(before) → \(after)")
    #expect(block.count == 64 << 20)
  }
}

@Suite struct WriteLoopTests {
  @Test func writesEverythingThroughAPipeAndReportsErrors() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer { close(fds[0]) }
    let text = String(repeating: "进度 ok\n", count: 1000)
    #expect(WriteLoop.writeAll(fds[1], text) == nil)
    close(fds[1])
    var read: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fds[0], $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      read += chunk[0..<n]
    }
    #expect(read == Array(text.utf8))
    #expect(WriteLoop.writeAll(-1, "x") == EBADF)
    #expect(WriteLoop.writeAll(-1, "") == nil)
  }
}
