import Foundation
import Testing

@testable import Graphviz

@Suite struct PDFFontTests {
  /// Font list for CJK text: the Debian package fonts-wqy-microhei provides
  /// "WenQuanYi Micro Hei"; fonts-noto-cjk provides "Noto Sans CJK SC". Pango
  /// accepts a comma-separated family list and falls back in order.
  static let cjkFontName = "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif"
  static let chinese = "下季度销售额增长20%"

  /// Runs a tool and returns its standard output; fails the test if missing.
  func run(_ tool: String, _ arguments: [String], package: String) throws -> String {
    let path = try #require(
      findExecutable(tool),
      "`\(tool)` is required by this test but was not found on PATH; install the Debian package \(package)"
    )
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    try process.run()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0, "\(tool) \(arguments) exited \(process.terminationStatus)")
    return String(decoding: data, as: UTF8.self)
  }

  @Test func chineseLabelEmbedsACJKFontInPDF() throws {
    var writer = Graphviz.DOTBuffer()
    writer.defaults("node", [("fontname", .text(Self.cjkFontName)), ("shape", "box")])
    writer.node("kr", [("label", .text(Self.chinese))])
    let output = try Graphviz.renderWithWarnings(dot: writer.finish(), format: .pdf)
    #expect(output.warnings.isEmpty, "\(output.warnings)")
    #expect(output.bytes.hasPrefix(Array("%PDF".utf8)))

    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("graphviz-cjk-\(UUID().uuidString).pdf")
    try Data(output.bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }

    let fonts = try run("pdffonts", [file.path], package: "poppler-utils")
    // name  type  encoding  emb sub uni  object ID
    let cjkLines = fonts.split(separator: "\n").filter { line in
      ["WenQuanYi", "Noto", "CJK"].contains { line.contains($0) }
    }
    #expect(!cjkLines.isEmpty, "no CJK font in the PDF:\n\(fonts)")
    #expect(
      cjkLines.contains { $0.contains("Identity-H") && $0.split(separator: " ").contains("yes") },
      "CJK font not embedded as a CID font:\n\(fonts)")

    // The glyphs map back to the original text.
    let text = try run("pdftotext", [file.path, "-"], package: "poppler-utils")
    #expect(text.contains(Self.chinese), "pdftotext: \(text)")
  }
}
