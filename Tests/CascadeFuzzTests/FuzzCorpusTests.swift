import Foundation
import Testing

@testable import CascadeFuzz

/// The fuzz harness's promises, checked on the seed corpus and on every crash the fuzzer found
/// (kept in `regressions/<target>/`, one file per input, named after what it broke).
@Suite struct FuzzCorpusTests {
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static func files(under folder: String, suffixes: [String]) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var out: [String] = []
    while let name = walker.nextObject() as? String {
      if suffixes.contains(where: { name.hasSuffix($0) }) || suffixes.isEmpty { out.append(folder + "/" + name) }
    }
    return out.filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }.sorted()
  }

  static func read(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { Array($0) } ?? [] }

  @Test(arguments: FuzzTarget.allCases)
  func regressionsHold(_ target: FuzzTarget) {
    for path in Self.files(under: Self.root + "/Tests/CascadeFuzzTests/regressions/" + target.rawValue, suffixes: []) {
      let problems = FuzzHarness.run(target, Self.read(path), render: target != .checkins)
      #expect(problems.isEmpty, "\(path): \(problems)")
    }
  }

  @Test func examplePlansHold() {
    let plans = Self.files(under: Self.root + "/Plans", suffixes: [".yaml"])
    #expect(plans.count > 10)
    for path in plans {
      let problems = FuzzHarness.run(.plan, Self.read(path))
      #expect(problems.isEmpty, "\(path): \(problems)")
    }
  }

  @Test func exampleCheckInsHold() {
    for plan in ["sales-en", "sales-zh"] {
      let problems = FuzzHarness.run(.checkins, Self.read(Self.root + "/Plans/\(plan)/checkins.csv"))
      #expect(problems.isEmpty, "\(plan): \(problems)")
    }
  }

  @Test(arguments: ["销售额从 500 万提升到 800 万", "a < b & c > \"d\" 'e'", "\\N \\G \\L", "tab\there", "emoji 🚀👩‍💻"])
  func labelsHold(_ text: String) {
    #expect(FuzzHarness.run(.label, Array(text.utf8)) == [])
  }

  // The harness itself: each check must be able to fail, or the fuzzer would find nothing.

  @Test func invisibleCharactersAreCaught() {
    #expect(FuzzHarness.firstInvisible("red \u{1B}[31m", allowNewline: true) == "U+1B")
    #expect(FuzzHarness.firstInvisible("abc \u{202E}cba", allowNewline: true) == "U+202E")
    #expect(FuzzHarness.firstInvisible("one\ntwo", allowNewline: false) == "U+A")
    #expect(FuzzHarness.firstInvisible("\u{85}", allowNewline: true) == "U+85")
    #expect(FuzzHarness.firstInvisible("目标 \\u{1B} shown", allowNewline: false) == nil)
  }

  @Test func brokenJSONIsCaught() {
    var problems = FuzzHarness.Problems()
    FuzzHarness.checkJSON("x", "{\"a\": 1,}", &problems)
    FuzzHarness.checkJSON("y", "{\"a\": \"\u{1B}\"}", &problems)
    FuzzHarness.checkJSON("z", "{\"a\": \"\\u001b\"}", &problems)
    #expect(problems.list.count == 2)
  }

  @Test func aLabelGraphvizRejectsIsCaught() {
    var problems = FuzzHarness.Problems()
    // Not escaped: Graphviz rejects the HTML label and the harness must say so.
    FuzzHarness.checkLabelSource("<B>unclosed", "<B>unclosed", &problems)
    #expect(!problems.list.isEmpty)
  }
}

@Suite struct StrictJSONTests {
  @Test(arguments: [
    "{}", "[]", "0", "-0.5e+10", "\"\\u00e9\\n\"", "{\"a\": [1, true, false, null, {\"b\": \"c\"}]}", " [ 1 , 2 ] ",
    "\"目标\"",
  ])
  func valid(_ text: String) {
    #expect(StrictJSON.problem(in: Array(text.utf8)) == nil)
  }

  @Test(arguments: [
    "", "{\"a\": 1,}", "[1,]", "{a: 1}", "'x'", "01", "1.", ".5", "+1", "NaN", "Infinity", "\"\u{1B}\"", "\"\\x41\"",
    "\"unterminated", "[1] 2", "{\"a\" 1}", "tru",
  ])
  func invalid(_ text: String) {
    #expect(StrictJSON.problem(in: Array(text.utf8)) != nil)
  }
}
