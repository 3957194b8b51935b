import Foundation
import Testing

@Suite struct MemoryTests {
  /// If agclose/gvFreeLayout/gvFreeRenderData were skipped, every render would leak the graph,
  /// its layout and the output buffer: 2,000 renders of the probe's graph then grow resident
  /// memory by 36 to 271 MB (measured by removing each call); correct code grows by well under 1 MB.
  @Test(arguments: ["now", "background"])
  func repeatedRendersDoNotGrowResidentMemory(_ freeing: String) throws {
    let probe = try #require(siblingExecutable("graphviz-memory-probe"), "build the graphviz-memory-probe product")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: probe)
    process.arguments = ["2000", freeing]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let numbers = output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
    try #require(numbers.count == 3, "unexpected probe output: \(output)")
    let growth = numbers[1] - numbers[0]
    #expect(numbers[2] == 0, "some renders failed")
    #expect(growth < 12 * 1024 * 1024, "RSS grew by \(growth / 1024) KiB")
  }
}

/// A product built next to the test bundle.
func siblingExecutable(_ name: String) -> String? {
  var candidates: [String] = []
  if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
    candidates.append((exe as NSString).deletingLastPathComponent + "/" + name)
  }
  candidates.append((CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/" + name)
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}
