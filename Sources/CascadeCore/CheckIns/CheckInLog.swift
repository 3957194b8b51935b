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
        let hint = hints.hint(for: text) { index.suggestion(for: text, kinds: .keyResult) ?? "" }
        report(
          CheckInUnknownRefRule.description,
          CheckInUnknownRefRule.notAKeyResult(text, suggestion: hint.isEmpty ? nil : hint),
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
          CSVError(kind: .header, message: CheckInSyntaxRule.noHeader(headerLine), line: 1, column: 1))
      }
      return (nil, problems)
    }
    guard found.header == header else {
      problems.append(
        CSVError(kind: .header, message: CheckInSyntaxRule.wrongHeader(headerLine), line: found.headerLine, column: 1))
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
  public static func contributorList(of k: KeyResultAddress, in index: PlanIndex, limit: Int = 5) -> Message? {
    let all = index.contributors(to: k)
    guard !all.isEmpty else { return nil }
    let named = all.prefix(limit).map { index.reference($0.objective, keyResult: $0.keyResult) }
    return CheckInAggregateRule.list(named, more: all.count - named.count)
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

  static func diagnostic(
    _ rule: RuleDescription, _ message: Message, file: String?, line: Int, column: Int, subject: String?
  ) -> Diagnostic {
    Diagnostic(
      rule, message,
      at: SourceLocation(file: file ?? PlanLoader.checkInsFile, mark: Mark(line: line, column: column)),
      subject: subject)
  }

  private static func parse(_ record: CSVRecord, position: Int, index: PlanIndex, file: String) -> RowOutcome {
    let f = record.fields
    func column(_ i: Int) -> Int { i < record.fieldColumns.count ? record.fieldColumns[i] : 1 }
    switch check(date: f[0], reference: f[1], value: f[2], confidence: f[3], in: index) {
    case .unknownReference(let text):
      return .unknownReference(text, line: record.line, column: column(CheckInField.keyResult.rawValue))
    case .problem(let problem):
      return .problem(
        diagnostic(
          problem.rule, problem.message, file: file, line: record.line, column: column(problem.field.rawValue),
          subject: problem.subject))
    case .valid(let row):
      return .checkIn(
        CheckIn(
          date: row.date, keyResult: row.keyResult, value: row.value, confidence: row.confidence, note: f[4],
          author: f[5], line: record.line, position: position))
    }
  }

  /// The one check of a check-in as a person wrote it, a row of checkins.csv or the arguments
  /// of `cascade checkin`, so both say the same about the same mistake. In this order: the key
  /// result (it must exist and not be a sum), the date (YYYY-MM-DD, inside its unit's cycle),
  /// the value, the confidence (empty, or from 0 to 1).
  public static func check(
    date: String, reference: String, value valueText: String, confidence confidenceText: String,
    in index: PlanIndex
  ) -> RowCheck {
    let refText = reference.trimmingSpaces
    guard let address = index.keyResult(refText) else { return .unknownReference(refText) }
    let unit = index.plan.units[address.objective.unit]
    let kr = unit.objectives[address.objective.objective].keyResults[address.keyResult]
    func problem(_ rule: RuleDescription, _ message: Message, _ field: CheckInField) -> RowCheck {
      .problem(RowProblem(rule: rule, message: message, field: field, subject: refText))
    }
    if kr.aggregate == .sum {
      return problem(
        CheckInAggregateRule.description,
        CheckInAggregateRule.summed(refText, contributors: contributorList(of: address, in: index)), .keyResult)
    }
    guard let day = Day(iso: date.trimmingSpaces) else {
      return problem(CheckInDateRule.description, CheckInDateRule.notADate(date), .date)
    }
    if let cycle = unit.cycle, !cycle.contains(day) {
      return problem(CheckInDateRule.description, CheckInDateRule.outsideCycle(day, unit: unit.id, cycle), .date)
    }
    let milestone = kr.kind == .milestone
    guard let number = value(valueText, milestone: milestone) else {
      return problem(CheckInValueRule.description, CheckInValueRule.notAValue(valueText, milestone: milestone), .value)
    }
    var confidence: Double?
    let c = confidenceText.trimmingSpaces
    if !c.isEmpty {
      guard let parsed = DocumentDecoder.parseNumber(c), (0...1).contains(parsed) else {
        return problem(CheckInConfidenceRule.description, CheckInConfidenceRule.notAConfidence(c), .confidence)
      }
      confidence = parsed
    }
    return .valid(ValidRow(date: day, keyResult: address, value: number, confidence: confidence))
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

}

/// The fields of a check-in, in checkins.csv's column order.
public enum CheckInField: Int, Sendable {
  case date = 0
  case keyResult, value, confidence
}

/// A check-in that passed ``CheckInLog/check(date:reference:value:confidence:in:)``.
public struct ValidRow: Sendable {
  public var date: Day
  public var keyResult: KeyResultAddress
  public var value: Double
  public var confidence: Double?
}

/// Why a check-in cannot be used: the rule, its message and the field at fault.
public struct RowProblem: Sendable {
  public var rule: RuleDescription
  public var message: Message
  public var field: CheckInField
  public var subject: String?
}

/// What ``CheckInLog/check(date:reference:value:confidence:in:)`` found.
public enum RowCheck: Sendable {
  case valid(ValidRow)
  /// The key result does not exist (rule checkin-unknown-ref): the reader adds the
  /// "did you mean" on its budget, so it is left to the caller.
  case unknownReference(String)
  case problem(RowProblem)
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

  public var description: String { text(.en) }

  /// `file:line:column: message [checkin-syntax]` in `language`.
  public func text(_ language: Language) -> String {
    "\(file):\(problem.line):\(problem.column): \(problem.message.text(language)) [\(CheckInSyntaxRule.description.id)]"
  }
}
