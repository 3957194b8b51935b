import CascadeSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Position of a key result in the plan.
public struct KeyResultAddress: Hashable, Sendable {
  public var objective: ObjectiveAddress
  public var keyResult: Int
  public init(_ objective: ObjectiveAddress, _ keyResult: Int) {
    self.objective = objective
    self.keyResult = keyResult
  }
}

/// One row of `checkins.csv`: where a key result stood on a day.
public struct CheckIn: Sendable {
  public var date: Day
  public var keyResult: KeyResultAddress
  public var value: Double
  public var confidence: Double?
  public var note: String
  public var author: String
  /// Line in checkins.csv where the row starts.
  public var line: Int
  /// Row order in the file: breaks ties between check-ins on the same day (later wins).
  public var position: Int
}

/// Every valid check-in of a plan, grouped by key result and sorted by date then file order,
/// plus a diagnostic for every row that could not be used.
public struct CheckInLog: Sendable {
  public static let header = ["date", "key_result", "value", "confidence", "note", "author"]

  public private(set) var entries: [CheckIn] = []
  /// Per key result ordinal (`PlanIndex.ordinal(of:)`): indices into `entries`, oldest first.
  private var byOrdinal: [[Int]] = []
  private var keyResultBase: [[Int]] = []
  public private(set) var diagnostics: [Diagnostic] = []
  /// False when checkins.csv has a syntax error (rule checkin-syntax, whatever cascade.yaml
  /// sets its severity to): `cascade checkin` will not append to it.
  public private(set) var isWellFormed = true
  public let file: String?

  public init(_ index: PlanIndex) {
    keyResultBase = index.keyResultBase
    guard let source = index.plan.checkIns else {
      file = nil
      return
    }
    let file = source.file
    self.file = file
    let (table, problems) = CheckInLog.read(source.bytes)
    isWellFormed = problems.isEmpty
    for e in problems {
      report(CheckInSyntaxRule.description, e.message, line: e.line, column: e.column, subject: nil)
    }
    guard let table else { return }
    // Rows are independent once the CSV is split: check them on every core.
    let records = table.records
    let outcomes = parallelMap(records.count, chunk: 512) { i -> RowOutcome in
      guard records[i].fields.count == CheckInLog.header.count else { return .skipped }
      return CheckInLog.parse(records[i], position: i, index: index, file: file)
    }
    byOrdinal = [[Int]](repeating: [], count: index.titleFacts.count)
    // "Did you mean" is searched here, in file order, on a budget: a file of thousands of bad
    // references would otherwise search the whole plan for each.
    var hints = Hints()
    for i in 0..<records.count {
      switch outcomes[i] {
      case .skipped: continue
      case .problem(let d): diagnostics.append(d)
      case .unknownReference(let text, let line, let column):
        let hint = hints.hint(for: text) { CheckInLog.suggestion(for: text, in: index) }
        report(
          CheckInUnknownRefRule.description, "\(quoted(text, limit: 60)) is not a key result of this plan" + hint,
          line: line, column: column, subject: nil)
      case .checkIn(let c):
        byOrdinal[index.ordinal(of: c.keyResult)].append(entries.count)
        entries.append(c)
      }
    }
    let all = entries
    for k in byOrdinal.indices where byOrdinal[k].count > 1 {
      byOrdinal[k].sort { a, b in
        all[a].date != all[b].date ? all[a].date < all[b].date : all[a].position < all[b].position
      }
    }
  }

  /// Splits checkins.csv into records. `problems` are its syntax errors (rule checkin-syntax): bad
  /// quoting or UTF-8, a missing or wrong header, rows with the wrong number of fields. `table`
  /// is nil when no row can be read (no header, or a wrong one). An empty file, or one holding
  /// only a UTF-8 BOM, is fine: it has no check-ins yet.
  static func read(_ bytes: [UInt8]) -> (table: CSVTable?, problems: [CSVError]) {
    let (parsed, errors) = CSV.parse(bytes)
    var problems = errors
    guard let found = parsed else {
      let isEmpty = bytes.isEmpty || bytes == [0xEF, 0xBB, 0xBF]
      if problems.isEmpty && !isEmpty {
        // Only blank lines: a check-in appended now would become the header.
        problems.append(
          CSVError(
            kind: .header, message: "the file has no header: its first line must be \(headerLine)", line: 1,
            column: 1))
      }
      return (nil, problems)
    }
    guard found.header == header else {
      problems.append(
        CSVError(
          kind: .header, message: "the header must be \(headerLine)", line: found.headerLine, column: 1))
      return (nil, problems)
    }
    return (found, problems + found.fieldCountErrors())
  }

  static var headerLine: String { header.joined(separator: ",") }

  /// The syntax errors of checkins.csv (rule checkin-syntax), in file order: `cascade checkin`
  /// refuses to append to a file that has any, because a row appended after, say, an open
  /// quote would become part of that quoted field and never be counted.
  public static func syntaxProblems(_ bytes: [UInt8]) -> [CSVError] {
    read(bytes).problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// A check for `AppendLog.append(validatingExisting:)`: throws the first syntax error of the
  /// file's content as it is under the lock. Content identical to `knownWellFormed` (what was
  /// loaded and found well-formed just before) passes without a second parse, so the lock is
  /// held for a byte comparison rather than a parse when nobody wrote in between.
  public static func requireWellFormed(file: String, knownWellFormed: [UInt8]? = nil)
    -> @Sendable ([UInt8]) throws -> Void
  {
    { bytes in
      if let known = knownWellFormed, sameBytes(known, bytes) { return }
      if let problem = syntaxProblems(bytes).first { throw CheckInFileProblem(file: file, problem: problem) }
    }
  }

  static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBytes { x in
      b.withUnsafeBytes { y in
        guard let p = x.baseAddress, let q = y.baseAddress else { return true }
        return memcmp(p, q, x.count) == 0
      }
    }
  }

  /// Up to `limit` references of the key results summed into `k` (aggregate: sum), then
  /// "and N more": "a/b/c, d/e/f and 3 more"; nil when nothing contributes.
  public static func contributorList(of k: KeyResultAddress, in index: PlanIndex, limit: Int = 5) -> String? {
    let all = index.contributors(to: k)
    guard !all.isEmpty else { return nil }
    let named = all.prefix(limit).map { index.reference($0.objective, keyResult: $0.keyResult) }
    let rest = all.count - named.count
    if rest > 0 { return named.joined(separator: ", ") + " and \(rest) more" }
    if named.count == 1 { return named[0] }
    return named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "")
  }

  /// Check-ins of one key result up to and including `asOf`, oldest first.
  public func history(of k: KeyResultAddress, asOf: Day? = nil) -> [CheckIn] {
    guard k.objective.unit < keyResultBase.count, k.objective.objective < keyResultBase[k.objective.unit].count
    else { return [] }
    let ordinal = keyResultBase[k.objective.unit][k.objective.objective] + k.keyResult
    guard ordinal < byOrdinal.count else { return [] }
    var out: [CheckIn] = []
    for i in byOrdinal[ordinal] where asOf.map({ entries[i].date <= $0 }) ?? true { out.append(entries[i]) }
    return out
  }

  enum RowOutcome {
    case skipped
    case checkIn(CheckIn)
    case problem(Diagnostic)
    /// Reported with its hint in file order (see `Hints`).
    case unknownReference(String, line: Int, column: Int)
  }

  private mutating func report(_ rule: RuleDescription, _ message: Message, line: Int, column: Int, subject: String?) {
    diagnostics.append(CheckInLog.diagnostic(rule, message, file: file, line: line, column: column, subject: subject))
  }

  @available(*, deprecated, message: "translate the message: Message(en:zh:) in the rule's file")
  private mutating func report(_ rule: RuleDescription, _ message: String, line: Int, column: Int, subject: String?) {
    report(rule, Message(en: message, zh: message), line: line, column: column, subject: subject)
  }

  static func diagnostic(
    _ rule: RuleDescription, _ message: Message, file: String?, line: Int, column: Int, subject: String?
  ) -> Diagnostic {
    Diagnostic(
      rule, message,
      at: SourceLocation(file: file ?? PlanLoader.checkInsFile, mark: Mark(line: line, column: column)),
      subject: subject)
  }

  @available(*, deprecated, message: "translate the message: Message(en:zh:) in the rule's file")
  static func diagnostic(
    _ rule: RuleDescription, _ message: String, file: String?, line: Int, column: Int, subject: String?
  ) -> Diagnostic {
    diagnostic(rule, Message(en: message, zh: message), file: file, line: line, column: column, subject: subject)
  }

  private static func parse(_ record: CSVRecord, position: Int, index: PlanIndex, file: String) -> RowOutcome {
    let f = record.fields
    func column(_ i: Int) -> Int { i < record.fieldColumns.count ? record.fieldColumns[i] : 1 }
    func problem(_ rule: RuleDescription, _ message: String, _ field: Int, _ subject: String?) -> RowOutcome {
      .problem(diagnostic(rule, message, file: file, line: record.line, column: column(field), subject: subject))
    }
    let refText = f[1].trimmingSpaces
    guard let address = resolve(refText, in: index) else {
      return .unknownReference(refText, line: record.line, column: column(1))
    }
    let unit = index.plan.units[address.objective.unit]
    let kr = unit.objectives[address.objective.objective].keyResults[address.keyResult]
    let subject = refText
    if kr.aggregate == .sum {
      let target =
        contributorList(of: address, in: index).map { "check in on \($0) instead" }
        ?? "nothing contributes to it yet"
      return problem(
        CheckInAggregateRule.description,
        "\(refText) adds up the key results that contribute to it (aggregate: sum), so this row is not used; \(target)",
        1, subject)
    }
    guard let date = Day(iso: f[0].trimmingSpaces) else {
      return problem(
        CheckInDateRule.description, "\(quoted(f[0], limit: 30)) is not a date written YYYY-MM-DD", 0, subject)
    }
    if let cycle = unit.cycle, !cycle.contains(date) {
      return problem(
        CheckInDateRule.description, "\(date) is outside \(unit.id)'s cycle \(cycle) (\(cycle.start) to \(cycle.end))",
        0,
        subject)
    }
    guard let value = value(f[2], milestone: kr.kind == .milestone) else {
      let expected = kr.kind == .milestone ? "done, not-done, 1 or 0 for a milestone" : "a number"
      return problem(CheckInValueRule.description, "value \(quoted(f[2], limit: 30)) must be \(expected)", 2, subject)
    }
    var confidence: Double?
    let confidenceText = f[3].trimmingSpaces
    if !confidenceText.isEmpty {
      guard let c = DocumentDecoder.parseNumber(confidenceText), (0...1).contains(c) else {
        return problem(
          CheckInConfidenceRule.description,
          "confidence \(quoted(confidenceText, limit: 30)) must be a number from 0 to 1", 3, subject)
      }
      confidence = c
    }
    return .checkIn(
      CheckIn(
        date: date, keyResult: address, value: value, confidence: confidence, note: f[4], author: f[5],
        line: record.line, position: position))
  }

  /// A key result's value: a number, or for milestones done / not-done / 1 / 0.
  public static func value(_ text: String, milestone: Bool) -> Double? {
    let t = text.trimmingSpaces
    if milestone {
      switch t.lowercased() {
      case "done", "1": return 1
      case "not-done", "0": return 0
      default: return nil
      }
    }
    return DocumentDecoder.parseNumber(t)
  }

  /// Resolves `unit/objective/key-result` through the plan's indexes (no copies, no allocation
  /// for ids up to 15 bytes).
  public static func resolve(_ text: String, in index: PlanIndex) -> KeyResultAddress? {
    let parts = text.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 3,
      let u = index.unitByID[String(decoding: parts[0], as: UTF8.self)],
      let o = index.objectiveByID[u][String(decoding: parts[1], as: UTF8.self)]
    else { return nil }
    let id = String(decoding: parts[2], as: UTF8.self)
    guard let k = index.plan.units[u].objectives[o].keyResults.firstIndex(where: { $0.id == id }) else { return nil }
    return KeyResultAddress(ObjectiveAddress(unit: u, objective: o), k)
  }

  /// " (did you mean 'x'?)" for the closest key-result reference.
  public static func suggestion(for text: String, in index: PlanIndex) -> String {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    // Narrow the candidates by the parts that do resolve, so the search stays small.
    var candidates: [String] = []
    if let first = parts.first, let u = index.unitByID[first] {
      for o in index.plan.units[u].objectives {
        for kr in o.keyResults { candidates.append("\(first)/\(o.id)/\(kr.id)") }
      }
    } else if parts.count == 3, let unit = Suggestion.closest(to: parts[0], in: index.plan.units.lazy.map(\.id)),
      let u = index.unitByID[unit]
    {
      for o in index.plan.units[u].objectives {
        for kr in o.keyResults { candidates.append("\(unit)/\(o.id)/\(kr.id)") }
      }
    }
    return Suggestion.closest(to: text, in: candidates, maxDistance: max(3, text.count / 4))
      .map { " (did you mean \(quoted($0))?)" } ?? ""
  }
}

extension String {
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(scalars[first...last])
  }
}

/// Why `cascade checkin` did not append: checkins.csv, as it was under the lock, has a syntax
/// error at this position.
public struct CheckInFileProblem: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var problem: CSVError

  public var description: String {
    "\(file):\(problem.line):\(problem.column): \(problem.message) [\(CheckInSyntaxRule.description.id)]"
  }
}
