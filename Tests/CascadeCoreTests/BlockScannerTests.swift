import CascadeGenerate
import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

/// The block scanner must read exactly what libyaml reads, or decline: for every text it
/// accepts, its events (kind, text, style, line, column, character index, end events
/// included) must equal libyaml's, and libyaml must find no error.
@Suite struct BlockScannerTests {
  struct Read {
    var events: [String] = []
    var failed = false
    var scanned = false
  }

  static func read(_ bytes: [UInt8], scanner: Bool) -> Read {
    let reader = bytes.withUnsafeBytes { YAMLReader(bytes: $0, blockScanner: scanner) }
    var read = Read(scanned: reader.readByBlockScanner)
    for _ in 0..<100_000 {
      do {
        let e = try reader.next()
        read.events.append(
          "\(e.kind) \(e.mark.line):\(e.mark.column) @\(e.index) \(e.plain ? "plain" : "quoted") "
            + "\(e.length) \(e.tag ?? "-") \(e.value.debugDescription)")
        if e.kind == .streamEnd { break }
      } catch {
        read.failed = true
        break
      }
    }
    return read
  }

  /// Compares the two readers on `text`; true when the scanner accepted it.
  @discardableResult
  static func compare(_ bytes: [UInt8], _ what: @autoclosure () -> String) -> Bool {
    let fast = read(bytes, scanner: true)
    guard fast.scanned else { return false }
    let slow = read(bytes, scanner: false)
    #expect(!slow.failed, "the scanner accepted what libyaml rejects: \(what())")
    if fast.events != slow.events {
      let k =
        (0..<min(fast.events.count, slow.events.count)).first { fast.events[$0] != slow.events[$0] }
        ?? min(fast.events.count, slow.events.count)
      Issue.record(
        """
        events differ at \(k) for \(what()):
          scanner: \(k < fast.events.count ? fast.events[k] : "(end)")
          libyaml: \(k < slow.events.count ? slow.events[k] : "(end)")
        """)
    }
    return true
  }

  static func examplePlans() throws -> [(String, [UInt8])] {
    let root = repositoryRoot + "/Plans"
    var out: [(String, [UInt8])] = []
    let walker = FileManager.default.enumerator(atPath: root)
    while let path = walker?.nextObject() as? String {
      guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { continue }
      out.append((path, Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))))
    }
    return out.sorted { $0.0 < $1.0 }
  }

  static func ruleExamples() -> [(String, [UInt8])] {
    var out: [(String, [UInt8])] = []
    for rule in RuleRegistry.all {
      let d = rule.description
      for (k, example) in (d.triggering + d.nonTriggering).enumerated() {
        for (name, text) in example.files.sorted(by: { $0.key < $1.key }) where !name.hasSuffix(".csv") {
          out.append(("\(d.id) example \(k) \(name)", Array(text.utf8)))
        }
      }
    }
    return out
  }

  /// A generated organisation; with `defects`, a third of its files carry a mistake.
  static func generated(defects: Bool = false) -> [(String, [UInt8])] {
    let options = GeneratorOptions(people: 120, seed: 7, defectRate: defects ? 0.3 : 0)
    let organisation = OrganisationGenerator.generate(options)
    return organisation.files.map { ($0.path, Array($0.contents.utf8)) }
  }

  /// Block YAML that plans use, up to the edges of what the scanner accepts.
  static let accepted: [String] = [
    "unit: a\nname: A\n",
    "unit: a\nname: A",
    "unit: a\nname: A\n\n\n",
    "unit: a\nname: A\n  \n",
    "unit: a\nname: A\n# end",
    "unit: a # comment\nname: 'it''s' # c\nowner: \"马丽\"\n",
    "objectives:\n  - id: x\n    key_results:\n      - id: k\n        target: 5\n      -\n      - id: j\n  -\nnext:\n",
    "objectives:\n- id: x\n  key_results:\n  - id: k\n  - id: j\nafter: 1\n",
    "objectives:\n- id: x\n  key_results:\n  - id: k\nafter:\n",
    "a:\n  b:\n    c:\n",
    "a:\nb:\n  - x\n  - 'y'\n  - \"z\"\nc: [1, two, \"three\", 'four']\nd: []\ne: [ a ,b ]\n",
    "# 头注释\nunit: 华东\nname: 华东销售组   \ntitle: 每月新增50个客户 #注释\n",
    "unit: a\n---\nunit: b\n--- # second\nunit: c\n",
    "---\nunit: a\n",
    "unit: a\nowner: 张伟\n---\nunit: b\nobjectives:\n  - id: o\n",
    "title: C# and F#\nurl: http://example.com/a#b\nratio: 3:2\nneg: -5\ndash: a - b\n",
    "key:   spaced value   \nother: x\n",
    "　owner: x\n",
    "objectives:\n  - id: x\n　　title: y\n",
    "a: {b: 1}\nkrs:\n  - {id: c, title: 'it''s', baseline: -5, unit: \"%\", n: 3.5 }\n  - {}\n  - [x]\n",
    "a: {b: c d , e: f}   # c\n",
    "标题: [" + (0..<300).map { "目标\($0)" }.joined(separator: ", ") + "]\n",
  ]

  /// Each is left to libyaml.
  static let declined: [String] = [
    "owner：马丽\n",
    "a: |\n  text\n",
    "a: >\n  text\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: {b: {c: 1}}\n",
    "a: {b: [1]}\n",
    "a: {b}\n",
    "a: {b: }\n",
    "a: {b:1}\n",
    "a: {\"b\": 1}\n",
    "a: {b: 1,}\n",
    "a: {" + String(repeating: "k", count: 1025) + ": v}\n",
    "a: {k" + String(repeating: " ", count: 1100) + ": v}\n",
    "k" + String(repeating: "长", count: 1025) + ": v\n",
    "a: [-x]\n",
    "a: [? x]\n",
    "a: b\n  continued\n",
    "a: \"multi\n  line\"\n",
    "a: \"esc\\n\"\n",
    "\tunit: a\n",
    "unit: a\r\nname: b\r\n",
    "a: b: c\n",
    "- - a\n",
    "? a\n: b\n",
    "",
    "# only a comment\n",
    "---\n",
    "unit: a\n---\n",
    "unit: a\n...\n",
    "%YAML 1.1\n---\na: 1\n",
    "  a: 1\n",
    "a:\n  b: 1\n c: 2\n",
    "- a\nb: 1\n",
    "a: [b, c\n",
    "a: [b, ]\n",
    "a: [b: c]\n",
    "\"quoted key\": 1\n",
    "key : 1\n",
    "a: 1\u{2028}\n",
  ]

  @Test func examplePlansTakeTheFastPathAndMatchLibyaml() throws {
    let plans = try Self.examplePlans()
    #expect(plans.count >= 20)
    for (name, bytes) in plans {
      #expect(Self.compare(bytes, name), "\(name) was left to libyaml")
    }
  }

  @Test func generatedPlansTakeTheFastPathAndMatchLibyaml() {
    let files = Self.generated()
    #expect(files.count > 100)
    for (name, bytes) in files {
      #expect(Self.compare(bytes, name), "\(name) was left to libyaml")
    }
    // With mistakes put in, whatever the scanner reads it reads as libyaml does.
    for (name, bytes) in Self.generated(defects: true) { Self.compare(bytes, name) }
  }

  @Test func ruleExamplesMatchLibyaml() {
    var accepted = 0
    let examples = Self.ruleExamples()
    for (name, bytes) in examples where Self.compare(bytes, name) { accepted += 1 }
    // Most examples are plain block YAML; the rest test syntax the scanner leaves to libyaml.
    #expect(accepted * 10 > examples.count * 7, "\(accepted) of \(examples.count)")
  }

  @Test func handWrittenEdgesMatchLibyaml() {
    for text in Self.accepted {
      #expect(Self.compare(Array(text.utf8), text.debugDescription), "declined: \(text.debugDescription)")
    }
    for text in Self.declined {
      #expect(!Self.compare(Array(text.utf8), text.debugDescription), "accepted: \(text.debugDescription)")
    }
  }

  @Test func aLeadingByteOrderMarkIsDroppedFirst() {
    #expect(Self.compare([0xEF, 0xBB, 0xBF] + Array("unit: a\n".utf8), "BOM"))
  }

  static let pieces: [[UInt8]] = [
    " ", "\n", ":", "-", "#", "\"", "'", "[", "]", ",", "{", "}", "a", "中", "：", "　", "\t", "|", ">", "&",
    "*", "!", "?", "%", "@", "`", ".", "---\n", "- ", ": ", " #", "''", "\\", "\r", "\u{2028}", "\u{85}",
    "\u{FEFF}", "...", "  ", "\n  ", "\n- ", "x: ", "\u{7F}", "\u{1}",
  ].map { Array($0.utf8) }

  /// One random change: a byte replaced, a piece inserted, bytes removed, a line's indentation
  /// changed, a line repeated, or the text cut short.
  static func mutate(_ text: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    guard !text.isEmpty else { return pieces[Int(random.next() % UInt64(pieces.count))] }
    var t = text
    let at = Int(random.next() % UInt64(t.count))
    let piece = pieces[Int(random.next() % UInt64(pieces.count))]
    switch random.next() % 7 {
    case 0: t.replaceSubrange(at..<at + 1, with: piece)
    case 1: t.insert(contentsOf: piece, at: at)
    case 2: t.removeSubrange(at..<min(t.count, at + 1 + Int(random.next() % 3)))
    case 3, 4:
      var start = at
      while start > 0 && t[start - 1] != 0x0A { start -= 1 }
      if random.next() % 2 == 0 {
        t.insert(contentsOf: [UInt8](repeating: 0x20, count: 1 + Int(random.next() % 2)), at: start)
      } else if start < t.count && t[start] == 0x20 {
        t.remove(at: start)
      }
    case 5:
      var start = at
      while start > 0 && t[start - 1] != 0x0A { start -= 1 }
      var end = at
      while end < t.count && t[end] != 0x0A { end += 1 }
      t.insert(contentsOf: Array(t[start..<min(t.count, end + 1)]), at: start)
    default: t.removeSubrange(at..<t.count)
    }
    return t
  }

  /// Thousands of mutated plans (more with CASCADE_SCANNER_MUTATIONS): whatever the scanner
  /// accepts, libyaml reads the same way.
  @Test func mutatedPlansMatchLibyaml() throws {
    let perBase = ProcessInfo.processInfo.environment["CASCADE_SCANNER_MUTATIONS"].flatMap { Int($0) } ?? 12
    var bases = try Self.examplePlans() + Self.ruleExamples() + Array(Self.generated(defects: true).prefix(60))
    bases += (Self.accepted + Self.declined).map { ($0.debugDescription, Array($0.utf8)) }
    var random = SplitMix64(seed: 2026)
    var accepted = 0
    var tried = 0
    for (name, base) in bases {
      var text = base
      for k in 0..<perBase {
        // Chains of up to three changes, restarting from the original now and then.
        if k % 3 == 0 { text = base }
        text = Self.mutate(text, &random)
        tried += 1
        if Self.compare(text, "\(name), mutation \(k): \(String(decoding: text, as: UTF8.self).debugDescription)") {
          accepted += 1
        }
      }
    }
    // Enough mutations stay within the accepted subset for the comparison to mean something.
    #expect(accepted * 4 > tried, "\(accepted) of \(tried) accepted")
  }
}
