import CascadeFuzz
import Foundation
import Testing

/// Mutates the example plans and their check-ins the ways a careless user or an attacker would
/// (byte flips, truncation, duplicated lines, hostile scalars, huge and tiny numbers, control
/// characters, broken CSV quoting) and runs the built `cascade` on each mutant. For every case
/// and command it asserts what the README's reliability section promises: the process exits
/// 0, 1 or 2 (never a trap or a signal), within a time limit, with output bounded by its input,
/// JSON that a strict parser accepts, every diagnostic with a file, line and column, each on one
/// line, and no control character reaching the terminal.
///
/// Deterministic: fixed seeds, so a failure names a case that can be run again. About 200
/// cases; a case's command is chosen in turn from validate (text and JSON), status (text, JSON,
/// Markdown), review, explain, render (DOT) and checkin.
@Suite(.serialized) struct MutationTests {
  static let cases = 200
  static let timeLimit: TimeInterval = 30

  struct Mutant: CustomStringConvertible {
    var seed: UInt64
    var base: String
    var file: String
    var steps: [String]
    var description: String { "seed \(seed): \(base)/\(file) after \(steps.joined(separator: ", "))" }
  }

  @Test func mutantsKeepEveryPromise() throws {
    let bases = ["sales-en", "sales-zh", "mistakes"]
    let failures = Failures()
    // Two at a time: the suite should take about a minute on two cores.
    DispatchQueue.concurrentPerform(iterations: 2) { lane in
      for n in stride(from: lane, to: Self.cases, by: 2) {
        do {
          failures.add(try Self.runCase(UInt64(n), base: bases[n % bases.count]))
        } catch {
          failures.add(["case \(n): \(error)"])
        }
      }
    }
    let all = failures.all
    #expect(all.isEmpty, "\(all.count) broken promises:\n\(all.prefix(30).joined(separator: "\n"))")
  }

  final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ items: [String]) {
      lock.lock()
      list += items
      lock.unlock()
    }
    var all: [String] {
      lock.lock()
      defer { lock.unlock() }
      return list
    }
  }

  /// Makes mutant `seed` of a base plan in a folder of its own and runs one or two commands on it.
  static func runCase(_ seed: UInt64, base: String) throws -> [String] {
    var rng = SplitMix(seed: seed &* 0x9E37_79B9 &+ 17)
    let source = CLI.repositoryRoot + "/Plans/" + base
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fm = FileManager.default
    let names = try fm.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".yaml") || $0 == "checkins.csv" }
      .sorted()
    var inputBytes = 0
    for name in names {
      try fm.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name)
    }
    // Check-ins are mutated in a third of the cases (where the plan has them), plan files otherwise.
    let csv = names.contains("checkins.csv") && rng.below(3) == 0
    let yaml = names.filter { $0.hasSuffix(".yaml") }
    let file = csv ? "checkins.csv" : yaml[rng.below(yaml.count)]
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
    var mutant = Mutant(seed: seed, base: base, file: file, steps: [])
    for _ in 0..<(1 + rng.below(3)) {
      mutant.steps.append(Mutator.apply(&bytes, csv: csv, rng: &rng))
    }
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + file))
    for name in names {
      inputBytes += (try? fm.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int ?? 0) ?? 0
    }

    let commands: [[String]] = [
      ["validate", folder], ["status", folder, "--as-of", "2027-02-28"],
      ["status", folder, "--as-of", "2027-02-28", "--format", "json"],
      ["status", folder, "--as-of", "2027-02-28", "--format", "markdown"],
      ["review", folder, "--since", "2027-01-31", "--as-of", "2027-02-28"],
      ["explain", folder, base == "mistakes" ? "oops" : "acme", "--as-of", "2027-02-28"],
      ["render", folder, "--format", "dot", "-o", folder + "/out.dot", "--as-of", "2027-02-28"],
      [
        "checkin", folder, "sales-east/win-east/revenue", "2.9", "--date", "2027-02-20", "--note", "a, \"quoted\" note",
      ],
    ]
    var problems: [String] = []
    for command in [["validate", folder, "--format", "json"], commands[Int(seed) % commands.count]] {
      problems += try check(command, mutant: mutant, inputBytes: inputBytes)
    }
    return problems
  }

  static func check(_ arguments: [String], mutant: Mutant, inputBytes: Int) throws -> [String] {
    let what = "\(mutant) · cascade \(arguments[0]) \(arguments.dropFirst(2).joined(separator: " "))"
    let run = try CLI.runLimited(arguments, seconds: timeLimit)
    var problems: [String] = []
    func fail(_ text: String) { problems.append("\(what): \(text)") }
    guard !run.timedOut else { return ["\(what): still running after \(Int(timeLimit)) s"] }
    if run.signalled || ![0, 1, 2].contains(run.status) {
      let crash = run.stderr.split(separator: "\n").first { $0.contains("Fatal error") || $0.contains(".swift:") }
      return ["\(what): ended with \(run.signalled ? "signal" : "status") \(run.status): \(crash?.prefix(300) ?? "")"]
    }
    let bound = 64 * 1024 + 64 * inputBytes
    if run.stdout.utf8.count + run.stderr.utf8.count > bound {
      fail("printed \(run.stdout.utf8.count + run.stderr.utf8.count) bytes for \(inputBytes) bytes of input")
    }
    for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
      if let bad = firstControl(text) { fail("\(stream) holds \(bad)") }
    }
    // Every error on stderr is one line starting "cascade:" (or a diagnostic), never a stack or a trap.
    for line in run.stderr.split(separator: "\n") where !line.hasPrefix("cascade") && !isDiagnosticLine(line) {
      fail("stderr line is not Cascade's: \(line.prefix(200))")
    }
    let json = arguments.contains("json")
    if json && run.status != 2 {
      if let problem = StrictJSON.problem(in: Array(run.stdout.utf8)) {
        fail("JSON does not parse: \(problem)")
      } else if arguments[0] == "validate" {
        problems += checkDiagnostics(run.stdout).map { "\(what): \($0)" }
      }
    }
    if arguments[0] == "validate" && !json && run.status != 2 {
      let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      for line in lines.dropLast() where !isDiagnosticLine(line) {
        fail("not a one-line diagnostic: \(line.prefix(200))")
      }
    }
    return problems
  }

  /// `file:line:column: severity: message [rule-id]`.
  static func isDiagnosticLine(_ line: Substring) -> Bool {
    guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return false }
    let rule = line[line.index(after: open)..<line.index(before: line.endIndex)]
    guard !rule.isEmpty, rule.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return false }
    for severity in [": error: ", ": warning: ", ": info: "] {
      guard let range = line.range(of: severity) else { continue }
      let position = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
      guard position.count >= 3, let l = Int(position[position.count - 2]), let c = Int(position[position.count - 1])
      else { return false }
      return l >= 1 && c >= 1 && !position.dropLast(2).joined(separator: ":").isEmpty
    }
    return false
  }

  static func checkDiagnostics(_ json: String) -> [String] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let diagnostics = object["diagnostics"] as? [[String: Any]]
    else { return ["no diagnostics array"] }
    var problems: [String] = []
    for d in diagnostics {
      let file = d["file"] as? String ?? ""
      let line = d["line"] as? Int ?? 0
      let column = d["column"] as? Int ?? 0
      let rule = d["rule"] as? String ?? ""
      if file.isEmpty || line < 1 || column < 1 || rule.isEmpty {
        problems.append("diagnostic without a position: \(d)")
      }
    }
    return problems
  }

  /// C0 (but newline) and C1 controls, DEL, and bidirectional overrides and isolates.
  static func firstControl(_ text: String) -> String? {
    for s in text.unicodeScalars {
      switch s.value {
      case 0x0A: continue
      case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
        return "U+" + String(s.value, radix: 16, uppercase: true)
      default: continue
      }
    }
    return nil
  }
}

/// The mutations, each returning a short description of what it did.
enum Mutator {
  static let hostileScalars = [
    "1e308", "-1e308", "1e-320", "5e-324", "1e17", "1e-18", "0", "-0", ".inf", ".nan", "0x1F", "1_000", "!!str 0",
    "!!float 1e3", "!foo 3", "&a 1", "*a", "]", " ]]", "\"\u{1B}[2J\u{1B}]0;pwned\u{07}\"", "\"\u{202E}txt.exe\"",
    "\"a\\r\\nb\"", "\"\u{2028}\"", "'\u{85}'", "\"\u{9B}31m\"", "[1, 2]", "{a: 1}", "", "~", "\"\"",
    String(repeating: "長", count: 5000), "目标：40％", "no",
  ]
  static let hostileNumbers = ["1e308", "-1e308", "1e-320", "1e17", "1e-18", "0", "-0", "NaN", "inf", "1e400", "٣"]
  static let controls: [String] = [
    "\u{1B}[2J", "\u{1B}]8;;http://evil\u{07}x\u{1B}]8;;\u{07}", "\u{0}", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}",
    "\u{2066}", "\u{2028}", "\u{2029}", "\r", "\r\n", "\t", "\u{FEFF}", "\u{FFFE}",
  ]

  static func apply(_ bytes: inout [UInt8], csv: Bool, rng: inout SplitMix) -> String {
    // Numbers get three shares: a trap on a huge or tiny number hides behind one exact value.
    let operations = csv ? [0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 8] : [0, 1, 2, 3, 4, 5, 6, 7, 7, 7]
    switch operations[rng.below(operations.count)] {
    case 0:
      guard !bytes.isEmpty else { return "nothing to flip" }
      let i = rng.below(bytes.count)
      bytes[i] ^= UInt8(1 << rng.below(8))
      return "bit flip at \(i)"
    case 1:
      let n = rng.below(bytes.count + 1)
      bytes.removeLast(bytes.count - n)
      return "truncated to \(n)"
    case 2:
      var lines = split(bytes)
      guard !lines.isEmpty else { return "no line" }
      let i = rng.below(lines.count)
      let copies = [1, 2, 50, 300, 3000][rng.below(5)]
      lines.insert(contentsOf: Array(repeating: lines[i], count: copies), at: i)
      bytes = join(lines)
      return "line \(i + 1) repeated \(copies) times"
    case 3:
      var lines = split(bytes)
      guard lines.count > 1 else { return "no line" }
      let i = rng.below(lines.count)
      let j = rng.below(lines.count)
      lines.swapAt(i, j)
      if rng.below(2) == 0 { lines.remove(at: i) }
      bytes = join(lines)
      return "lines \(i + 1) and \(j + 1) moved"
    case 4:
      // A hostile scalar as the value of a random `key: value` line.
      var lines = split(bytes)
      let candidates = lines.indices.filter { lines[$0].contains(UInt8(ascii: ":")) }
      guard let i = candidates.isEmpty ? nil : candidates[rng.below(candidates.count)],
        let colon = lines[i].firstIndex(of: UInt8(ascii: ":"))
      else { return "no value" }
      let value = hostileScalars[rng.below(hostileScalars.count)]
      lines[i] = Array(lines[i][...colon]) + Array(" \(value)".utf8)
      bytes = join(lines)
      return "line \(i + 1) value \(value.debugDescription.prefix(40))"
    case 5, 6:
      let text = controls[rng.below(controls.count)]
      let i = rng.below(bytes.count + 1)
      bytes.insert(contentsOf: Array(text.utf8), at: i)
      return "inserted \(text.debugDescription) at \(i)"
    case 7:
      // A huge or tiny number for a baseline, target or check-in value.
      var lines = split(bytes)
      let value = hostileNumbers[rng.below(hostileNumbers.count)]
      if csv {
        guard lines.count > 1 else { return "no row" }
        let i = 1 + rng.below(lines.count - 1)
        var fields = lines[i].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Array.init)
        guard fields.count > 2 else { return "no row" }
        fields[2] = Array(value.utf8)
        if rng.below(2) == 0 {
          // The latest check-in is the one scored: add it as the newest of its key result.
          fields[0] = Array("2027-02-27".utf8)
          lines.insert(Array(fields.joined(separator: [UInt8(ascii: ",")])), at: lines.count - 1)
          bytes = join(lines)
          return "new latest row for line \(i + 1) with value \(value)"
        }
        lines[i] = Array(fields.joined(separator: [UInt8(ascii: ",")]))
        bytes = join(lines)
        return "row \(i + 1) value \(value)"
      }
      let keys = ["baseline:", "target:", "weight:"]
      let candidates = lines.indices.filter { i in
        keys.contains { key in String(decoding: lines[i], as: UTF8.self).contains(key) }
      }
      guard !candidates.isEmpty else { return "no number" }
      let i = candidates[rng.below(candidates.count)]
      guard let colon = lines[i].firstIndex(of: UInt8(ascii: ":")) else { return "no number" }
      lines[i] = Array(lines[i][...colon]) + Array(" \(value)".utf8)
      bytes = join(lines)
      return "line \(i + 1) number \(value)"
    default:  // 8
      // CSV only: an unbalanced quote, a broken header, or a row with a multi-line note.
      switch rng.below(3) {
      case 0:
        let i = rng.below(bytes.count + 1)
        bytes.insert(UInt8(ascii: "\""), at: i)
        return "quote at \(i)"
      case 1:
        var lines = split(bytes)
        if !lines.isEmpty { lines[0] = Array("date,kr,value,confidence,note".utf8) }
        bytes = join(lines)
        return "wrong header"
      default:
        bytes += Array(
          "2027-02-10,sales-east/win-east/revenue,3,0.5,\"line one\r\nline two, \"\"quoted\"\"\",me\n".utf8)
        return "multi-line note"
      }
    }
  }

  static func split(_ bytes: [UInt8]) -> [[UInt8]] {
    bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
  }

  static func join(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same mutants everywhere.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in 0..<n (0 when n is 0).
  mutating func below(_ n: Int) -> Int {
    n <= 0 ? 0 : Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }
}
