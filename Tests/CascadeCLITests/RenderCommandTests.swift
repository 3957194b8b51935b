import Foundation
import Testing

@Suite struct RenderCommandTests {
  static let magic: [String: [UInt8]] = [
    "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8), "svg": Array("<?xml".utf8),
    "dot": Array("digraph".utf8),
  ]

  @Test(arguments: ["svg", "png", "pdf", "dot"])
  func formatComesFromTheExtension(_ ext: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/cascade." + ext
    let r = try CLI.run(["render", "Plans/sales-en", "-o", out, "--as-of", "2027-02-28"])
    #expect(r.status == 0, "\(r.stderr)")
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
    let magic = try #require(Self.magic[ext])
    #expect(Array(bytes.prefix(magic.count)) == magic, "\(ext) magic bytes")
    #expect(bytes.count > 1_000)
  }

  @Test func formatOptionOverridesAndUnknownFormatsAreRefused() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try CLI.run(["render", "Plans/sales-en", "-o", dir + "/x.out", "--format", "svg"]).status == 0)
    let svg = try String(contentsOfFile: dir + "/x.out", encoding: .utf8)
    #expect(svg.contains("<svg"))
    let unknown = try CLI.run(["render", "Plans/sales-en", "-o", dir + "/x.gif"])
    #expect(unknown.status == 2 && unknown.stderr.contains("unknown format"))
    let none = try CLI.run(["render", "Plans/sales-en", "-o", dir + "/noextension"])
    #expect(none.status == 2 && none.stderr.contains("--format"))
  }

  @Test func theWrittenDOTParsesInGraphvizWithoutWarnings() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for plan in ["sales-en", "sales-zh", "mistakes"] {
      _ = try CLI.run(["render", "Plans/\(plan)", "-o", dir + "/\(plan).dot", "--as-of", "2027-02-28"])
      let dot = Process()
      dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
      dot.arguments = ["-Tsvg", "-o", "/dev/null", dir + "/\(plan).dot"]
      let err = Pipe()
      dot.standardError = err
      try dot.run()
      let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      dot.waitUntilExit()
      #expect(dot.terminationStatus == 0 && warnings.isEmpty, "\(plan): \(warnings)")
    }
  }

  @Test func aPlanWithErrorsStillRendersAndExitsOne() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["render", "Plans/mistakes", "-o", dir + "/m.svg"])
    #expect(r.status == 1)
    let svg = try String(contentsOfFile: dir + "/m.svg", encoding: .utf8)
    #expect(svg.contains("oops/grow&#45;sale") || svg.contains("oops/grow-sale"))
  }

  @Test func unwritableOutputIsAClearError() throws {
    let r = try CLI.run(["render", "Plans/sales-en", "-o", "/nonexistent-dir/sub/x.svg"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("cannot write /nonexistent-dir/sub/x.svg"))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func focusShowsTheSubtreeAndItsChainOnly() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/f.dot"
    #expect(try CLI.run(["render", "Plans/sales-en", "-o", out, "--focus", "sales-east"]).status == 0)
    let dot = try String(contentsOfFile: out, encoding: .utf8)
    // The team, its people, and its chain up: Sales (owned by Liu Qiang) and the company.
    for shown in ["East Region Sales", "Zhang Wei", "Acme Corp", "Liu Qiang"] {
      #expect(dot.contains(shown), "missing \(shown)")
    }
    for hidden in ["North Region Sales", "Customer Success", "Wang Fang"] {
      #expect(!dot.contains(hidden), "\(hidden) should be hidden")
    }
    let typo = try CLI.run(["render", "Plans/sales-en", "-o", out, "--focus", "sales-est"])
    #expect(typo.status == 2 && typo.stderr.contains("did you mean 'sales-east'"))
  }

  @Test func splitWritesAPagePerUnitAndAnOverview() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["render", "Plans/sales-zh", "--split", dir + "/pages", "--as-of", "2027-02-28"])
    #expect(r.status == 0, "\(r.stderr)")
    let pages = try FileManager.default.contentsOfDirectory(atPath: dir + "/pages").sorted()
    #expect(pages.count == 11)
    #expect(pages.contains("index.svg") && pages.contains("sales-east.svg"))
    let index = try String(contentsOfFile: dir + "/pages/index.svg", encoding: .utf8)
    #expect(index.contains("sales-east.svg"), "the overview links to the unit pages")
    for page in pages {
      let svg = try String(contentsOfFile: dir + "/pages/" + page, encoding: .utf8)
      #expect(svg.hasSuffix("</svg>\n"), "\(page) is complete")
      let nodes = svg.components(separatedBy: "class=\"node\"").count - 1
      #expect(nodes <= 30, "\(page) has \(nodes) nodes")
    }
  }

  @Test func optionsAreChecked() throws {
    #expect(try CLI.run(["render", "Plans/sales-en"]).status == 2)
    #expect(try CLI.run(["render", "Plans/sales-en", "-o", "/tmp/x.svg", "--levels", "company,division"]).status == 2)
    #expect(try CLI.run(["render", "Plans/sales-en", "-o", "/tmp/x.svg", "--direction", "up"]).status == 2)
    #expect(try CLI.run(["render", "Plans/sales-en", "-o", "/tmp/x.svg", "--depth", "-1"]).status == 2)
  }

  /// The fixed-value options are typed: values are checked by the parser, in any case for
  /// --direction and --levels, with the reason on one line.
  @Test func typedOptionsAcceptTheirValuesAndSayWhatIsWrong() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/x.out"
    let lr = try CLI.run(["render", "Plans/sales-en", "-o", out, "--format", "dot", "--direction", "lr"])
    #expect(lr.status == 0, "\(lr.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"rankdir\"=\"LR\""))
    let levels = try CLI.run(["render", "Plans/sales-en", "-o", out, "--format", "dot", "--levels", "Company, team"])
    #expect(levels.status == 0, "\(levels.stderr)")
    let zh = try CLI.run(["render", "Plans/sales-en", "-o", out, "--format", "dot", "--lang", "zh"])
    #expect(zh.status == 0, "\(zh.stderr)")
    for (arguments, reason) in [
      (["--format", "gif"], "'gif'"), (["--levels", "company,division"], "unknown level 'division'"),
      (["--levels", "company,,team"], "empty item"), (["--direction", "up"], "'up'"), (["--lang", "fr"], "'fr'"),
    ] {
      let r = try CLI.run(["render", "Plans/sales-en", "-o", out] + arguments)
      #expect(r.status == 2 && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
      #expect(r.stderr.contains(reason), "\(arguments): \(r.stderr)")
    }
  }

  @Test func levelsDepthAndNoKeyResultsShrinkTheDiagram() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func size(_ extra: [String]) throws -> Int {
      let out = dir + "/x.dot"
      #expect(try CLI.run(["render", "Plans/sales-en", "-o", out] + extra).status == 0)
      return try String(contentsOfFile: out, encoding: .utf8).utf8.count
    }
    let full = try size([])
    let top = try size(["--levels", "company,department"])
    let shallow = try size(["--depth", "1"])
    let noKRs = try size(["--no-key-results"])
    #expect(top < full && shallow < full && noKRs < full)
    let out = dir + "/x.dot"
    _ = try CLI.run(["render", "Plans/sales-en", "-o", out, "--levels", "company,department"])
    let dot = try String(contentsOfFile: out, encoding: .utf8)
    #expect(!dot.contains("Zhang Wei") && dot.contains("Customer Success"))
  }

  /// A diagram too big to read is still written, with one line saying what to do instead.
  @Test func aDiagramTooBigToReadSaysSo() throws {
    let dir = NSTemporaryDirectory() + "cascade-big-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try CLI.run(["generate", "--people", "120", "--out", dir + "/org", "--seed", "3"])
    let big = try CLI.run(["render", dir + "/org", "-o", dir + "/org.dot"])
    #expect(FileManager.default.fileExists(atPath: dir + "/org.dot"))
    let lines = big.stderr.split(separator: "\n").filter { $0.contains("objective boxes") }
    #expect(lines.count == 1, "\(big.stderr)")
    #expect(lines.first?.contains("--split") == true)
    let small = try CLI.run(["render", "Plans/sales-en", "-o", dir + "/small.dot"])
    #expect(!small.stderr.contains("objective boxes"), "\(small.stderr)")
    let focused = try CLI.run(["render", dir + "/org", "--depth", "0", "-o", dir + "/top.dot"])
    #expect(!focused.stderr.contains("objective boxes"), "\(focused.stderr)")
  }

  /// A PNG wider than a bitmap can be (32,767 px) is drawn smaller to fit, and says so in one
  /// line of ours; Graphviz's own "(null): graph is too large for cairo-renderer bitmaps" is
  /// not printed.
  @Test func aPNGTooWideForABitmapIsShrunkAndSaysSo() throws {
    let dir = NSTemporaryDirectory() + "cascade-wide-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    // 145 objectives in one unit, side by side: fewer than 150 boxes, but about 35,000 px wide.
    var yaml = "unit: wide\nname: Wide\nlevel: company\ncycle: 2027-Q1\nobjectives:\n"
    for i in 0..<145 {
      yaml += "  - id: o\(i)\n    title: Objective number \(i) with a fairly long title\n    key_results:\n"
      yaml += "      - {id: k, title: Count \(i) from 1 to 2, baseline: 1, target: 2, unit: things}\n"
    }
    try yaml.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
    let run = try CLI.run(["render", dir + "/plan.yaml", "-o", dir + "/wide.png"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.contains("more than a PNG can hold") == true, "\(run.stderr)")
    #expect(!run.stderr.contains("cairo-renderer"))
    let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/wide.png"))
    let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
    #expect(width > 20_000 && width <= 32_767, "\(width)")
    // An SVG has no such limit: nothing to say.
    let svg = try CLI.run(["render", dir + "/plan.yaml", "-o", dir + "/wide.svg"])
    #expect(svg.stderr.isEmpty, "\(svg.stderr)")
  }
}
