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
///
/// Kept in 64 bytes, as numbers and the byte ranges of its note and author in the file: a
/// year of check-ins is millions of rows, and most of them are only scored. The note and the
/// author become strings only when something shows them.
public struct CheckIn: Sendable {
  private let day: Int32
  private let unit: Int32
  private let objective: Int32
  private let keyResultIndex: Int32
  private let line32: Int32
  /// Bit 0: the note holds doubled quotes; bit 1: the author does; bit 2: a confidence.
  private let flags: UInt8
  public let value: Double
  private let confidenceValue: Double
  private let text: CheckInText
  private let noteStart: Int32
  private let noteEnd: Int32
  private let authorStart: Int32
  private let authorEnd: Int32

  public var date: Day { Day(ordinal: Int(day)) }
  public var keyResult: KeyResultAddress {
    KeyResultAddress(ObjectiveAddress(unit: Int(unit), objective: Int(objective)), Int(keyResultIndex))
  }
  public var confidence: Double? { flags & 4 != 0 ? confidenceValue : nil }
  /// Line in checkins.csv where the row starts.
  public var line: Int { Int(line32) }
  /// Row order in the file: breaks ties between check-ins on the same day (later wins). Rows
  /// start on lines of their own, so this is the line.
  public var position: Int { Int(line32) }
  public var note: String { text.string(FieldSpan(start: noteStart, end: noteEnd, doubled: flags & 1 != 0)) }
  public var author: String { text.string(FieldSpan(start: authorStart, end: authorEnd, doubled: flags & 2 != 0)) }

  /// The ordinal of `keyResult` in `index` (``PlanIndex/ordinal(of:)``) without making the
  /// address.
  func ordinal(_ base: [[Int]]) -> Int {
    let (u, o) = (Int(unit), Int(objective))
    guard u < base.count, o < base[u].count else { return -1 }
    return base[u][o] + Int(keyResultIndex)
  }

  init(
    date: Day, keyResult: KeyResultAddress, value: Double, confidence: Double?, line: Int, text: CheckInText,
    note: FieldSpan, author: FieldSpan
  ) {
    // Days of years 1 to 9999 and positions in a plan all fit; clamping only keeps a value
    // made elsewhere from trapping.
    day = Int32(clamping: date.ordinal)
    unit = Int32(clamping: keyResult.objective.unit)
    objective = Int32(clamping: keyResult.objective.objective)
    keyResultIndex = Int32(clamping: keyResult.keyResult)
    line32 = Int32(clamping: line)
    flags = (note.doubled ? 1 : 0) | (author.doubled ? 2 : 0) | (confidence == nil ? 0 : 4)
    self.value = value
    confidenceValue = confidence ?? 0
    self.text = text
    (noteStart, noteEnd) = (note.start, note.end)
    (authorStart, authorEnd) = (author.start, author.end)
  }

  /// A check-in whose note and author are strings already (read by the reference reader).
  init(
    date: Day, keyResult: KeyResultAddress, value: Double, confidence: Double?, note: String, author: String,
    line: Int
  ) {
    let n = Array(note.utf8)
    let a = Array(author.utf8)
    self.init(
      date: date, keyResult: keyResult, value: value, confidence: confidence, line: line,
      text: CheckInText(n + a),
      note: FieldSpan(start: 0, end: Int32(truncatingIfNeeded: n.count), doubled: false),
      author: FieldSpan(
        start: Int32(truncatingIfNeeded: n.count), end: Int32(truncatingIfNeeded: n.count + a.count), doubled: false))
  }
}

/// Some check-ins of a log, oldest first, without copying them: the log's array (shared) and
/// the positions in it. A key result's history is a run; a score keeps the run it used.
public struct CheckInRun: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
  private let entries: [CheckIn]
  let positions: ArraySlice<Int32>

  init(_ entries: [CheckIn], _ positions: ArraySlice<Int32>) {
    self.entries = entries
    self.positions = positions
  }

  public init() { self.init([], []) }

  /// Check-ins of their own (not a log's), in the order given.
  public init(_ checkIns: [CheckIn]) {
    self.init(checkIns, ArraySlice((0..<checkIns.count).map { Int32(truncatingIfNeeded: $0) }))
  }

  public init(arrayLiteral elements: CheckIn...) { self.init(elements) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { positions.count }
  public subscript(i: Int) -> CheckIn { entries[Int(positions[positions.startIndex + i])] }
}

/// Every valid check-in of a plan, grouped by key result and sorted by date then file order,
/// plus a diagnostic for every row that could not be used.
public struct CheckInLog: Sendable {
  public static let header = ["date", "key_result", "value", "confidence", "note", "author"]

  public private(set) var entries: [CheckIn] = []
  /// Indices into `entries`, grouped by key result ordinal (`PlanIndex.ordinal(of:)`) and
  /// oldest first within a group: group k is `order[starts[k]..<starts[k + 1]]`. One flat array
  /// rather than one per key result: a plan has a hundred thousand of them.
  private var order: [Int32] = []
  private var starts: [Int32] = [0]
  private var keyResultBase: [[Int]] = []
  public private(set) var diagnostics: [Diagnostic] = []
  /// False when checkins.csv has a syntax error (rule checkin-syntax, whatever cascade.yaml
  /// sets its severity to): `cascade checkin` will not append to it.
  public private(set) var isWellFormed = true
  public let file: String?
  /// True when the fast reader read the file (tests check that a plain file takes it).
  private(set) var readByScan = false

  public init(_ index: PlanIndex) { self.init(index, reader: .fast(chunk: nil)) }

  /// Which reader splits the file: the fast one (with a chunk size for tests; nil for the
  /// default) or the reference one it must agree with.
  enum Reader {
    case fast(chunk: Int?)
    case reference
  }

  /// The check-ins of key result `k` only, and the problems of its rows, for `cascade checkin`:
  /// one scan of the file on every core, where a row naming another key result is skipped
  /// after a comparison of its reference's bytes, with nothing of it checked or kept. The log
  /// then holds no other key result's check-ins, and no problem of their rows. A file the fast
  /// reader refuses (see ``CheckInScan``) is read in full, as ``init(_:)`` reads it.
  public init(_ index: PlanIndex, only k: KeyResultAddress) { self.init(index, reader: .fast(chunk: nil), only: k) }

  init(_ index: PlanIndex, reader: Reader, only: KeyResultAddress? = nil) {
    keyResultBase = index.keyResultBase
    guard let source = index.plan.checkIns else {
      file = nil
      return
    }
    let file = source.file
    self.file = file
    let bytes = source.bytes
    if case .fast(let chunk) = reader,
      let scan = Timings.measure("  chunks", { CheckInScan.chunks(bytes, chunk: chunk) }),
      read(scan, bytes, index, file: file, only: only.flatMap { RowFilter(index, $0) })
    {
      readByScan = true
      return
    }
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
      return CheckInLog.parse(records[i], index: index, file: file)
    }
    collect(outcomes, index)
  }

  /// Files the outcomes in file order: check-ins by key result, problems as diagnostics.
  private mutating func collect(_ outcomes: [RowOutcome], _ index: PlanIndex) {
    var hints = Hints()
    for outcome in outcomes { file(outcome, index, &hints) }
    group(index)
  }

  private mutating func file(_ outcome: RowOutcome, _ index: PlanIndex, _ hints: inout Hints) {
    switch outcome {
    case .skipped: return
    case .problem(let d): diagnostics.append(d)
    case .unknownReference(let text, let line, let column):
      let hint = hints.hint(for: text) { index.suggestion(for: text, kinds: .keyResult) ?? "" }
      report(
        CheckInUnknownRefRule.description,
        CheckInUnknownRefRule.notAKeyResult(text, suggestion: hint.isEmpty ? nil : hint),
        line: line, column: column, subject: nil)
    case .checkIn(let c):
      entries.append(c)
    }
  }

  /// Groups `entries` by key result (a counting sort), each group by date then file order;
  /// a group already in order, as an appended file's usually is, is not sorted again.
  private mutating func group(_ index: PlanIndex) {
    let base = keyResultBase
    var counts = [Int32](repeating: 0, count: index.keyResultCount + 1)
    let keys = entries.map { c -> Int32 in
      let k = c.ordinal(base)
      return k >= 0 && k + 1 < counts.count ? Int32(truncatingIfNeeded: k) : -1
    }
    for k in keys where k >= 0 { counts[Int(k) + 1] += 1 }
    for k in 1..<counts.count { counts[k] += counts[k - 1] }
    starts = counts
    var next = counts
    order = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
    for (i, k) in keys.enumerated() where k >= 0 {
      order[Int(next[Int(k)])] = Int32(truncatingIfNeeded: i)
      next[Int(k)] += 1
    }
    let all = entries
    func before(_ a: Int32, _ b: Int32) -> Bool {
      let (x, y) = (all[Int(a)], all[Int(b)])
      return x.date != y.date ? x.date < y.date : x.line < y.line
    }
    for k in 0..<(starts.count - 1) {
      let range = Int(starts[k])..<Int(starts[k + 1])
      guard range.count > 1 else { continue }
      if zip(range.dropLast(), range.dropFirst()).allSatisfy({ !before(order[$0.1], order[$0.0]) }) { continue }
      order[range].sort(by: before)
    }
  }

  /// What one chunk of a plain file gave besides its check-ins: how many it wrote, and its
  /// other outcomes (problems, unknown references) in file order.
  private struct Part: Sendable {
    var checkIns = 0
    var others: [RowOutcome] = []
    var shape = CheckInScan.ChunkShape()
  }

  /// The log's storage while the chunks fill it: chunk k writes its check-ins from
  /// `offsets[k]` on, at most `offsets[k + 1] - offsets[k]` of them (its records' bound), so no
  /// two threads write the same memory.
  private struct Slots: @unchecked Sendable {
    let base: UnsafeMutablePointer<CheckIn>
  }

  /// The fast path: a plain file (see ``CheckInScan``), split and its rows checked from their
  /// bytes on every core in one pass, a string made only for a row that needs the full check
  /// (and its message). False, with nothing kept, when the file is not plain.
  ///
  /// Each chunk writes its check-ins straight into the log's one array, in a region sized by
  /// its records; the regions are then moved together. So the check-ins are never held twice
  /// (each chunk's array, then the log's: 100 MB more at the peak at 10,000 people).
  private mutating func read(
    _ scan: CheckInScan, _ bytes: [UInt8], _ index: PlanIndex, file: String, only filter: RowFilter?
  ) -> Bool {
    let references = Timings.measure("  references") {
      filter.map { ReferenceTable(index, only: $0.address) } ?? ReferenceTable(index)
    }
    var bound = [0]
    for k in 0..<scan.chunks { bound.append(bound[k] + scan.maxRecords(k)) }
    let offsets = bound
    var parts: [Part?] = []
    Timings.measure("  rows") {
      entries = [CheckIn](unsafeUninitializedCapacity: offsets[scan.chunks]) { buffer, count in
        count = 0
        guard let base = buffer.baseAddress else { return }
        let slots = Slots(base: base)
        parts = parallelMap(scan.chunks, chunk: 1) { k -> Part? in
          // One handle on the bytes per chunk: every check-in holds one, and a handle shared by
          // all cores would have them fight over its reference count.
          let text = CheckInText(bytes)
          var part = Part()
          let (start, room) = (offsets[k], offsets[k + 1] - offsets[k])
          var overflow = false
          let plain = bytes.withUnsafeBufferPointer { b in
            scan.read(chunk: k, b, &part.shape) { row in
              if let filter, !filter.admits(row, b, text) { return }
              switch CheckInLog.parse(row, begin: scan.begin, b, text, references, index: index, file: file) {
              case .checkIn(let c):
                guard part.checkIns < room else {
                  overflow = true
                  return
                }
                (slots.base + start + part.checkIns).initialize(to: c)
                part.checkIns += 1
              case let other: part.others.append(other)
              }
            }
          }
          guard plain, !overflow else {
            (slots.base + start).deinitialize(count: part.checkIns)
            return nil
          }
          return part
        }
        guard parts.allSatisfy({ $0 != nil }) else {
          for k in parts.indices { (base + offsets[k]).deinitialize(count: parts[k]?.checkIns ?? 0) }
          return
        }
        // Each region down to the end of the one before. Regions may overlap: moving them in
        // file order reads each one before anything is written over it.
        for k in parts.indices {
          let n = parts[k]?.checkIns ?? 0
          if offsets[k] != count { (base + count).moveInitialize(from: base + offsets[k], count: n) }
          count += n
        }
      }
    }
    guard parts.allSatisfy({ $0 != nil }), CheckInScan.headerIsRight(parts.map { $0?.shape ?? .init() }) else {
      entries = []
      return false
    }
    Timings.measure("  collect") {
      // "Did you mean" is searched here, in file order, on a budget: a file of thousands of
      // bad references would otherwise search the whole plan for each.
      var hints = Hints()
      for part in parts {
        for outcome in part?.others ?? [] { self.file(outcome, index, &hints) }
      }
      group(index)
    }
    return true
  }

  private static func parse(
    _ row: CheckInScan.Row, begin: Int, _ b: UnsafeBufferPointer<UInt8>, _ text: CheckInText,
    _ references: ReferenceTable, index: PlanIndex, file: String
  ) -> RowOutcome {
    func checkIn(_ day: Day, _ k: KeyResultAddress, _ value: Double, _ confidence: Double?) -> RowOutcome {
      .checkIn(
        CheckIn(
          date: day, keyResult: k, value: value, confidence: confidence, line: row.line, text: text,
          note: row.span(4), author: row.span(5)))
    }
    // The common row: a plain date, a reference as the plan writes it, plain numbers.
    if let day = FastField.day(b, row.start(0), row.end(0)),
      let target = references.lookup(b, row.start(1), row.end(1))
    {
      let value =
        target.isMilestone
        ? FastField.milestone(b, row.start(2), row.end(2)) : FastField.number(b, row.start(2), row.end(2))
      // Empty, or a number from 0 to 1; anything else is for the full check to report.
      var confidence: Double?
      var confidenceRead = row.start(3) == row.end(3)
      if !confidenceRead, let c = FastField.number(b, row.start(3), row.end(3)), (0...1).contains(c) {
        confidence = c
        confidenceRead = true
      }
      if !target.isSum, target.days.contains(day.ordinal), let value, confidenceRead {
        return checkIn(day, target.address, value, confidence)
      }
    }
    // Anything else takes the full check, with its message.
    func field(_ k: Int) -> String { text.string(row.span(k)) }
    switch check(date: field(0), reference: field(1), value: field(2), confidence: field(3), in: index) {
    case .unknownReference(let reference):
      return .unknownReference(
        reference, line: row.line,
        column: CheckInScan.column(row, CheckInField.keyResult.rawValue, b, begin: begin))
    case .problem(let problem):
      return .problem(
        diagnostic(
          problem.rule, problem.message, file: file, line: row.line,
          column: CheckInScan.column(row, problem.field.rawValue, b, begin: begin),
          subject: problem.subject))
    case .valid(let valid):
      return checkIn(valid.date, valid.keyResult, valid.value, valid.confidence)
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
  /// quote would become part of that quoted field and never be counted. A plain file (the
  /// usual case) is known to have none after one parallel scan.
  public static func syntaxProblems(_ bytes: [UInt8]) -> [CSVError] {
    if CheckInScan.records(bytes) != nil { return [] }
    return read(bytes).problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// A check for `AppendLog.append(validatingExisting:)`: throws the first syntax error of the
  /// file's content as it is under the lock. (`AppendLog.append(known:)` skips it for the content
  /// the command loaded and found well-formed, when nobody wrote in between.)
  public static func requireWellFormed(file: String) -> @Sendable ([UInt8]) throws -> Void {
    { bytes in
      if let problem = syntaxProblems(bytes).first { throw CheckInFileProblem(file: file, problem: problem) }
    }
  }

  /// The line a row appended to `bytes` starts on (when `bytes` ends with a line break), as
  /// both readers count lines: LF, CR LF and a lone CR each end one, inside quotes too.
  public static func lineAfter(_ bytes: [UInt8]) -> Int { lineAfter(bytes, then: []) }

  /// The same for a row appended after `bytes` and then `joint` (what the append wrote before
  /// the row: a header, a missing line break), without joining them: a CR that ends `bytes`
  /// and an LF that starts `joint` are one line break.
  public static func lineAfter(_ bytes: [UInt8], then joint: [UInt8]) -> Int {
    func breaks(_ x: [UInt8]) -> Int { x.withUnsafeBufferPointer { CheckInScan.count($0, 0, $0.count).breaks } }
    let across = bytes.last == CheckInScan.cr && joint.first == CheckInScan.lf ? 1 : 0
    return breaks(bytes) + breaks(joint) - across + 1
  }

  /// Up to `limit` references of the key results summed into `k` (aggregate: sum), then
  /// "and N more": "a/b/c, d/e/f and 3 more"; nil when nothing contributes.
  public static func contributorList(of k: KeyResultAddress, in index: PlanIndex, limit: Int = 5) -> Message? {
    let all = index.contributors(to: k)
    guard !all.isEmpty else { return nil }
    let named = all.prefix(limit).map { index.reference($0.objective, keyResult: $0.keyResult) }
    return CheckInAggregateRule.list(named, more: all.count - named.count)
  }

  /// The log as it is after `row` was appended to the file (by `cascade checkin`), without
  /// reading the file again: the row goes last in file order, into its key result's history,
  /// on `line`. `row` must hold the values as written to the file (a confidence rounded as
  /// written), and `index` must be the one the log was read with.
  public mutating func appended(_ row: ValidRow, note: String, author: String, line: Int, in index: PlanIndex) {
    let ordinal = index.ordinal(of: row.keyResult)
    // Last in file order whatever `line` says: its line is its position, and it must win a
    // tie with a row of the same day.
    let last = entries.lazy.map(\.line).max() ?? 0
    entries.append(
      CheckIn(
        date: row.date, keyResult: row.keyResult, value: row.value, confidence: row.confidence, note: note,
        author: author, line: max(line, last + 1)))
    guard starts.count == index.keyResultCount + 1, ordinal + 1 < starts.count else {
      group(index)
      return
    }
    let added = Int32(truncatingIfNeeded: entries.count - 1)
    // After every check-in of the key result on the same day or before.
    var at = Int(starts[ordinal + 1])
    while at > Int(starts[ordinal]), entries[Int(order[at - 1])].date > row.date { at -= 1 }
    order.insert(added, at: at)
    for k in (ordinal + 1)..<starts.count { starts[k] += 1 }
  }

  /// The same as ``history(of:asOf:)`` without copying a check-in: a view into the log.
  public func run(of k: KeyResultAddress, asOf: Day? = nil) -> CheckInRun {
    guard k.objective.unit >= 0, k.objective.unit < keyResultBase.count, k.objective.objective >= 0,
      k.objective.objective < keyResultBase[k.objective.unit].count, k.keyResult >= 0
    else { return CheckInRun() }
    let ordinal = keyResultBase[k.objective.unit][k.objective.objective] + k.keyResult
    guard ordinal + 1 < starts.count else { return CheckInRun() }
    let lower = Int(starts[ordinal])
    var upper = Int(starts[ordinal + 1])
    // A group is in date order: the check-ins up to `asOf` are a prefix of it.
    if let asOf {
      while upper > lower, entries[Int(order[upper - 1])].date > asOf { upper -= 1 }
    }
    return CheckInRun(entries, order[lower..<upper])
  }

  /// A run of the log's check-ins picked by position in `entries` (the latest of each of a
  /// sum's contributors, say).
  func run(_ runs: [CheckInRun]) -> CheckInRun {
    var positions: [Int32] = []
    for r in runs { if let p = r.positions.last { positions.append(p) } }
    return CheckInRun(entries, positions[...])
  }

  /// Check-ins of one key result up to and including `asOf`, oldest first.
  public func history(of k: KeyResultAddress, asOf: Day? = nil) -> [CheckIn] { Array(run(of: k, asOf: asOf)) }

  enum RowOutcome: Sendable {
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

  private static func parse(_ record: CSVRecord, index: PlanIndex, file: String) -> RowOutcome {
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
          author: f[5], line: record.line))
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
