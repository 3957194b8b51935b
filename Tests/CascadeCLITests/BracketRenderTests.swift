import Foundation
import Testing

/// Issue 8 (defect 8): a title `]` emptied its objective's box and the written DOT failed in `dot`.
@Suite struct BracketRenderTests {
  @Test func aLoneBracketTitleRendersAndTheWrittenDOTParses() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: "]"
        key_results:
          - {id: k, title: "Grow revenue from 5 to 6 ]]", baseline: 5, target: 6, unit: " ]"}
    """.write(toFile: dir + "/acme.yaml", atomically: true, encoding: .utf8)
    for ext in ["svg", "dot"] {
      let r = try CLI.run(["render", dir, "-o", dir + "/out." + ext, "--as-of", "2027-02-28"])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let svg = try String(contentsOfFile: dir + "/out.svg", encoding: .utf8)
    #expect(svg.contains(">]</text>"), "\(svg)")
    #expect(svg.contains(">Grow revenue from 5 to 6 ]]</text>"))
    let dot = Process()
    dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
    dot.arguments = ["-Tsvg", "-o", dir + "/again.svg", dir + "/out.dot"]
    let err = Pipe()
    dot.standardError = err
    try dot.run()
    let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    dot.waitUntilExit()
    #expect(dot.terminationStatus == 0 && warnings.isEmpty, "\(warnings)")
    let again = try String(contentsOfFile: dir + "/again.svg", encoding: .utf8)
    #expect(again.contains(">]</text>"))
  }
}
