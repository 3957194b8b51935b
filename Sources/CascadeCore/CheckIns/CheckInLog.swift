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
/// Kept in 56 bytes of plain numbers: the day, the key result, the value and confidence, and
/// where its note and author are in its log's text (``CheckInLog/note(of:)``,
/// ``CheckInRun/note(of:)``). A year of check-ins is millions of rows, and most of them are
/// only scored; a check-in holds no reference, so copying one (scoring does, on every core) is
/// a copy of bytes, with no reference count for the cores to fight over. The note and the
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
  private var noteStart: Int32
  private var noteEnd: Int32
  private var authorStart: Int32
  private var authorEnd: Int32

  public var date: Day { Day(ordinal: Int(day)) }
  /// ``date`` as its day ordinal, without making the day.
  var dayOrdinal: Int32 { day }
  public var keyResult: KeyResultAddress {
    KeyResultAddress(ObjectiveAddress(unit: Int(unit), objective: Int(objective)), Int(keyResultIndex))
  }
  public var confidence: Double? { flags & 4 != 0 ? confidenceValue : nil }
  /// Line in checkins.csv where the row starts.
  public var line: Int { Int(line32) }
  /// Row order in the file: breaks ties between check-ins on the same day (later wins). Rows
  /// start on lines of their own, so this is the line.
  public var position: Int { Int(line32) }
  var noteSpan: FieldSpan { FieldSpan(start: noteStart, end: noteEnd, doubled: flags & 1 != 0) }
  var authorSpan: FieldSpan { FieldSpan(start: authorStart, end: authorEnd, doubled: flags & 2 != 0) }

  /// The ordinal of `keyResult` in `index` (``PlanIndex/ordinal(of:)``) without making the
  /// address.
  func ordinal(_ base: [[Int]]) -> Int {
    let (u, o) = (Int(unit), Int(objective))
    guard u < base.count, o < base[u].count else { return -1 }
    return base[u][o] + Int(keyResultIndex)
  }

  /// `note` and `author`: where they are in the text of the log that will hold the check-in.
  init(
    date: Day, keyResult: KeyResultAddress, value: Double, confidence: Double?, line: Int, note: FieldSpan,
    author: FieldSpan
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
    (noteStart, noteEnd) = (note.start, note.end)
    (authorStart, authorEnd) = (author.start, author.end)
  }

  /// The same check-in with its note and author somewhere else in the text (their doubled
  /// quotes as they were).
  func moved(note: FieldSpan, author: FieldSpan) -> CheckIn {
    var c = self
    (c.noteStart, c.noteEnd, c.authorStart, c.authorEnd) = (note.start, note.end, author.start, author.end)
    return c
  }

  /// The same check-in with its note and author `by` bytes further on in the text.
  func shifted(by offset: Int32) -> CheckIn {
    var c = self
    c.noteStart &+= offset
    c.noteEnd &+= offset
    c.authorStart &+= offset
    c.authorEnd &+= offset
    return c
  }
}

/// What the runs of a log read: its check-ins, positions in them, and the text of their notes
/// and authors, behind one reference. A run holds this and a range, so making or copying one
/// (scoring makes one per key result, on every core) counts one reference, not three.
final class CheckInStore: Sendable {
  let entries: [CheckIn]
  let positions: [Int32]
  let text: CheckInText

  init(_ entries: [CheckIn], _ positions: [Int32], text: CheckInText) {
    self.entries = entries
    self.positions = positions
    self.text = text
  }

  static let empty = CheckInStore([], [], text: .empty)
}

/// Some check-ins of a log, oldest first, without copying them: positions `lower..<upper` of
/// the log's store. A key result's history is a run; a score keeps the run it used.
public struct CheckInRun: RandomAccessCollection, Sendable {
  private let store: CheckInStore
  private let lower: Int
  private let upper: Int

  init(_ store: CheckInStore, _ range: Range<Int>) {
    self.store = store
    let all = 0..<store.positions.count
    (lower, upper) = (range.clamped(to: all).lowerBound, range.clamped(to: all).upperBound)
  }

  public init() { self.init(.empty, 0..<0) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { upper - lower }
  public subscript(i: Int) -> CheckIn { store.entries[Int(store.positions[lower + i])] }

  /// The position in the log's entries of the run's last check-in.
  var lastPosition: Int32? { upper > lower ? store.positions[upper - 1] : nil }

  /// The note of `c`, a check-in of this run.
  public func note(of c: CheckIn) -> String { store.text.string(c.noteSpan) }
  /// The author of `c`, a check-in of this run.
  public func author(of c: CheckIn) -> String { store.text.string(c.authorSpan) }
}

/// Every valid check-in of a plan, grouped by key result and sorted by date then file order,
/// plus a diagnostic for every row that could not be used.
public struct CheckInLog: Sendable {
  public static let header = ["date", "key_result", "value", "confidence", "note", "author"]

  public private(set) var entries: [CheckIn] = []
  /// Where the entries' notes and authors are.
  private var text = CheckInText.empty
  /// Indices into `entries`, grouped by key result ordinal (`PlanIndex.ordinal(of:)`) and
  /// oldest first within a group: group k is `order[starts[k]..<starts[k + 1]]`. One flat array
  /// rather than one per key result: a plan has a hundred thousand of them.
  private var order: [Int32] = []
  private var starts: [Int32] = [0]
  private var keyResultBase: [[Int]] = []
  /// `entries`, `order` and `text` as the runs read them, made once they are in order.
  private var store = CheckInStore.empty
  public private(set) var diagnostics: [Diagnostic] = []
  /// False when checkins.csv has a syntax error (rule checkin-syntax, whatever cascade.yaml
  /// sets its severity to): `cascade checkin` will not append to it.
  public private(set) var isWellFormed = true
  public let file: String?
  /// True when the fast reader read the file (tests check that a plain file takes it).
  private(set) var readByScan = false
  /// What the fast reader knows of the file it read from disk, when its stamp was the same
  /// after the read as before: the stamp alone when the file had settled before
  /// (``FileStamp/isSettled``), else the stamp and the digest of the bytes read (for a log of
  /// one key result, which `cascade checkin` reads). `cascade checkin` appends to a file that
  /// still holds them without parsing it again. Nil otherwise.
  public private(set) var known: KnownContent?
  /// The line breaks of the file read from disk, and whether its last byte is a CR (see
  /// ``lineAfter(then:)``).
  private var lineBreaks: Int?
  private var endsWithCR = false
  /// Notes and authors of check-ins read as strings (by the reference reader), in file order:
  /// added to `text` once the file is read.
  private var written: [(entry: Int, note: String, author: String)] = []

  /// The note of `c`, one of this log's check-ins.
  public func note(of c: CheckIn) -> String { text.string(c.noteSpan) }
  /// The author of `c`, one of this log's check-ins.
  public func author(of c: CheckIn) -> String { text.string(c.authorSpan) }

  public init(_ index: PlanIndex) { self.init(index, reader: .fast(chunk: nil)) }

  /// Which reader splits the file: the fast one (with a chunk size for tests; nil for the
  /// default) or the reference one it must agree with.
  enum Reader {
    /// `chunk`: bytes per chunk; `block`: bytes per block of a file read from disk (nil: the
    /// defaults).
    case fast(chunk: Int?, block: Int? = nil)
    case reference
  }

  /// Bytes read at a time from a checkins.csv on disk: the file is never held whole.
  static let block = 8 << 20
  /// Bytes asked of one read(2).
  static let readSize = 1 << 20

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
    if case .fast(let chunk, let block) = reader {
      let filter = only.flatMap { RowFilter(index, $0) }
      let references = Timings.measure("  references") {
        filter.map { ReferenceTable(index, only: $0.address) } ?? ReferenceTable(index)
      }
      var scanned = Scanned()
      let plain = Timings.measure("  rows") { () -> Bool in
        guard let bytes = source.bytes else {
          return stream(file, block: block ?? Self.block, chunk: chunk, references, index, filter: filter, &scanned)
        }
        guard let scan = CheckInScan.chunks(bytes, chunk: chunk) else { return false }
        return readPiece(scan, bytes, references, index, file: file, filter: filter, &scanned)
      }
      if plain, CheckInScan.headerIsRight(scanned.shapes) {
        readByScan = true
        text = CheckInText(scanned: scanned.text)
        Timings.measure("  collect") {
          // "Did you mean" is searched here, in file order, on a budget: a file of thousands of
          // bad references would otherwise search the whole plan for each.
          var hints = Hints()
          for outcome in scanned.others { self.file(outcome, index, &hints) }
          group(index)
        }
        return
      }
      entries = []
      known = nil
      lineBreaks = nil
    }
    let bytes: [UInt8]
    if let held = source.bytes {
      bytes = held
    } else {
      // The file changed or went since the plan was loaded: read it again, whole.
      do {
        bytes = try FileSystem.read(file, limit: PlanLoader.maxCheckInsBytes)
      } catch {
        report(CheckInFileRule.description, error.message, line: 1, column: 1, subject: nil)
        isWellFormed = false
        return
      }
      guard bytes.count <= PlanLoader.maxCheckInsBytes else {
        let problem = LoadError.checkInsTooLarge(file, gibibytes: PlanLoader.maxCheckInsBytes >> 30)
        report(CheckInFileRule.description, problem.message, line: 1, column: 1, subject: nil)
        isWellFormed = false
        return
      }
    }
    let (table, problems) = CheckInLog.read(bytes)
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
    case .written(let c, let note, let author):
      // Its spans are made when `group` adds the strings to `text`.
      written.append((entries.count, note, author))
      entries.append(c)
    }
  }

  /// Groups `entries` by key result (a counting sort), each group by date then file order;
  /// a group already in order, as an appended file's usually is, is not sorted again.
  private mutating func group(_ index: PlanIndex) {
    placeWritten()
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
    store = CheckInStore(entries, order, text: text)
  }

  /// Gives the check-ins read as strings (the `.written` outcomes, in file order) the spans of
  /// their notes and authors in `text`.
  private mutating func placeWritten() {
    guard !written.isEmpty else { return }
    let (added, spans) = text.adding(written.flatMap { [$0.note, $0.author] })
    text = added
    for (j, w) in written.enumerated() where w.entry < entries.count && 2 * j + 1 < spans.count {
      entries[w.entry] = entries[w.entry].moved(note: spans[2 * j], author: spans[2 * j + 1])
    }
    written = []
  }

  /// What one chunk of a plain file gave besides its check-ins: how many it wrote, its other
  /// outcomes (problems, unknown references) in file order, and the notes and authors of its
  /// check-ins (each author once: a few hundred people write a million rows).
  private struct Part: Sendable {
    var checkIns = 0
    var others: [RowOutcome] = []
    var shape = CheckInScan.ChunkShape()
    var text: [UInt8] = []
    /// Open addressing over the authors kept: the span's start in `text` + 1 (0 for a free slot).
    var authors = [Int32](repeating: 0, count: Part.authorSlots)
    var authorLengths = [Int32](repeating: 0, count: Part.authorSlots)
    var authorCount = 0

    static let authorSlots = 1024

    /// Copies field `span` of `b` to `text`: its span there.
    mutating func keep(_ b: UnsafeBufferPointer<UInt8>, _ span: FieldSpan) -> FieldSpan {
      let (s, e) = (Int(span.start), Int(span.end))
      guard s < e, s >= 0, e <= b.count, let start = Int32(exactly: text.count),
        let end = Int32(exactly: text.count + e - s)
      else { return FieldSpan(start: 0, end: 0, doubled: false) }
      text.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<e]))
      return FieldSpan(start: start, end: end, doubled: span.doubled)
    }

    /// ``keep(_:_:)`` for an author: the span of the same bytes kept before, if any.
    mutating func keepAuthor(_ b: UnsafeBufferPointer<UInt8>, _ span: FieldSpan) -> FieldSpan {
      let (s, e) = (Int(span.start), Int(span.end))
      guard s < e, s >= 0, e <= b.count else { return keep(b, span) }
      let mask = Part.authorSlots - 1
      var slot = Int(truncatingIfNeeded: ReferenceTable.hash(b, s, e)) & mask
      for _ in 0..<8 {
        let at = Int(authors[slot]) - 1
        if at < 0 {
          // Half full at most, so that probes stay short; past that, authors are copied.
          guard authorCount < Part.authorSlots / 2 else { break }
          let kept = keep(b, span)
          authors[slot] = kept.start + 1
          authorLengths[slot] = kept.end - kept.start
          authorCount += 1
          return kept
        }
        let length = Int(authorLengths[slot])
        if length == e - s,
          text.withUnsafeBufferPointer({ t in
            guard let tb = t.baseAddress, let bb = b.baseAddress else { return false }
            return memcmp(tb + at, bb + s, length) == 0
          })
        {
          return FieldSpan(
            start: Int32(truncatingIfNeeded: at), end: Int32(truncatingIfNeeded: at + length), doubled: span.doubled)
        }
        slot = (slot + 1) & mask
      }
      return keep(b, span)
    }
  }

  /// The storage of one piece's check-ins while its chunks fill it: chunk k writes its
  /// check-ins from `offsets[k]` on, at most `offsets[k + 1] - offsets[k]` of them (its
  /// records' bound), so no two threads write the same memory.
  private struct Slots: @unchecked Sendable {
    let base: UnsafeMutablePointer<CheckIn>
  }

  /// What the fast reader gathered from the pieces read so far: every chunk's shape (for the
  /// header check), the outcomes other than check-ins in file order, and the notes and
  /// authors of the check-ins in `entries`.
  private struct Scanned {
    var shapes: [CheckInScan.ChunkShape] = []
    var others: [RowOutcome] = []
    var text: [UInt8] = []
  }

  /// The fast path over one piece: a whole file held in memory, or a block of one read from
  /// disk (see ``stream(_:block:chunk:_:_:filter:_:)``). Its rows are split and checked from
  /// their bytes on every core in one pass, a string made only for a row that needs the full
  /// check (and its message); its check-ins go to `entries`, their notes and authors to
  /// `scanned.text` (the piece's bytes are not kept). False, with the piece's check-ins
  /// dropped, when the piece is not plain.
  private mutating func readPiece(
    _ scan: CheckInScan, _ bytes: [UInt8], _ references: ReferenceTable, _ index: PlanIndex, file: String,
    filter: RowFilter?, _ scanned: inout Scanned
  ) -> Bool {
    var bound = [0]
    for k in 0..<scan.chunks { bound.append(bound[k] + scan.maxRecords(k)) }
    let offsets = bound
    var parts: [Part?] = []
    let piece = [CheckIn](unsafeUninitializedCapacity: offsets[scan.chunks]) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      let slots = Slots(base: base)
      parts = parallelMap(scan.chunks, chunk: 1) { k -> Part? in
        var part = Part()
        let (start, room) = (offsets[k], offsets[k + 1] - offsets[k])
        var overflow = false
        var shape = CheckInScan.ChunkShape()
        var hint = -1
        let plain = bytes.withUnsafeBufferPointer { b in
          scan.read(chunk: k, b, &shape) { row in
            if let filter, !filter.admits(row, b) { return }
            switch CheckInLog.parse(row, begin: scan.begin, b, references, hint: &hint, index: index, file: file) {
            case .checkIn(let c):
              guard part.checkIns < room else {
                overflow = true
                return
              }
              let kept = c.moved(note: part.keep(b, c.noteSpan), author: part.keepAuthor(b, c.authorSpan))
              (slots.base + start + part.checkIns).initialize(to: kept)
              part.checkIns += 1
            case let other: part.others.append(other)
            }
          }
        }
        part.shape = shape
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
      // Each region down to the end of the one before, its spans shifted past the text of
      // the chunks (and pieces) before it. Regions may overlap: moving them in file order
      // reads each one before anything is written over it.
      var textBase = scanned.text.count
      for k in parts.indices {
        let n = parts[k]?.checkIns ?? 0
        let shift = Int32(clamping: textBase)
        for i in 0..<n { (base + count + i).initialize(to: (base + offsets[k] + i).move().shifted(by: shift)) }
        count += n
        textBase += parts[k]?.text.count ?? 0
      }
    }
    guard parts.allSatisfy({ $0 != nil }),
      scanned.text.count + parts.reduce(0, { $0 + ($1?.text.count ?? 0) }) < Int(Int32.max)
    else { return false }
    for part in parts {
      guard let part else { continue }
      scanned.shapes.append(part.shape)
      scanned.others += part.others
      scanned.text += part.text
    }
    entries += piece
    return true
  }

  /// The fast path over checkins.csv on disk, `block` bytes at a time, so the file is never
  /// held whole: each block is cut after its last line feed and read as a piece
  /// (``readPiece(_:_:_:_:file:filter:_:)``), the rest carried into the next block. A cut
  /// after an odd number of quotes in the piece is inside a quoted field (or after a stray
  /// quote): the block then grows until it is not. A piece starts a record when every piece
  /// before it is plain, as a chunk does. False when the file is not plain, cannot be opened
  /// or read, or grows past the limit: it is then read whole.
  private mutating func stream(
    _ path: String, block: Int, chunk: Int?, _ references: ReferenceTable, _ index: PlanIndex,
    filter: RowFilter?, _ scanned: inout Scanned
  ) -> Bool {
    let fd = FileSystem.withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
    let before = FileStamp(st)
    let settled = before.isSettled
    // The digest costs a pass over the bytes: only for `cascade checkin`'s log, and only when
    // the stamp alone will not do.
    var digest: ContentDigest? = filter != nil && !settled ? ContentDigest() : nil
    var pending: [UInt8] = []
    var want = max(1, block)
    var (line, total, pieces) = (1, 0, 0)
    var end = false
    // Reads go through a buffer of their own, copied on: no block is zeroed first.
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.readSize)
    defer { scratch.deallocate() }
    while true {
      // Room for the block at once (no more than the file holds), not regrown as it fills.
      pending.reserveCapacity(min(want, pending.count + max(0, Int(st.st_size) - total) + 1))
      while !end, pending.count < want {
        let n = Glibc.read(fd, scratch, min(want - pending.count, Self.readSize))
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        if n == 0 { end = true }
        pending.append(contentsOf: UnsafeBufferPointer(start: scratch, count: n))
        digest?.add(UnsafeRawBufferPointer(start: scratch, count: n))
        total += n
        guard total <= PlanLoader.maxCheckInsBytes else { return false }
      }
      var cut = pending.count
      if !end {
        guard let lf = pending.lastIndex(of: CheckInScan.lf) else {
          want = 2 * pending.count
          continue
        }
        cut = lf + 1
      }
      guard cut > 0 else { break }
      // The piece is the block itself, cut: the rest (less than a line, usually) moves on.
      let rest = Array(pending[cut...])
      pending.removeLast(pending.count - cut)
      guard let scan = CheckInScan.chunks(pending, chunk: chunk, line: line, atStart: pieces == 0) else { return false }
      if !end, scan.quotes % 2 == 1 {
        pending += rest
        want = 2 * pending.count
        continue
      }
      guard readPiece(scan, pending, references, index, file: path, filter: filter, &scanned) else { return false }
      if pieces == 0, !end {
        // Room for every check-in of a file like its first block: one array, not one regrown.
        // (A row takes at least 6 bytes: five commas and a line break.)
        let rest = Double(max(0, Int(st.st_size) - cut))
        let more = min(rest / 6, rest * Double(entries.count) / Double(cut) * 1.02)
        entries.reserveCapacity(entries.count + Int(more))
      }
      (line, pieces) = (scan.endLine, pieces + 1)
      endsWithCR = pending.last == CheckInScan.cr
      pending = rest
      want = max(1, block)
      if end { break }
    }
    lineBreaks = line - 1
    if total == Int(st.st_size), FileStamp.of(fd) == before {
      if settled {
        known = .stamp(before)
      } else if let digest {
        known = .stampAndDigest(before, digest.value)
      }
    }
    return pieces > 0
  }

  private static func parse(
    _ row: CheckInScan.Row, begin: Int, _ b: UnsafeBufferPointer<UInt8>,
    _ references: ReferenceTable, hint: inout Int, index: PlanIndex, file: String
  ) -> RowOutcome {
    func checkIn(_ day: Day, _ k: KeyResultAddress, _ value: Double, _ confidence: Double?) -> RowOutcome {
      .checkIn(
        CheckIn(
          date: day, keyResult: k, value: value, confidence: confidence, line: row.line, note: row.span(4),
          author: row.span(5)))
    }
    // The common row: a plain date, a reference as the plan writes it, plain numbers.
    if let day = FastField.day(b, row.start(0), row.end(0)),
      let target = references.lookup(b, row.start(1), row.end(1), hint: &hint)
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
    func field(_ k: Int) -> String { CheckInText.string(b, row.span(k)) }
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

  /// ``lineAfter(_:then:)`` for the file this log read from disk, without its bytes; nil when
  /// it was not read so (held in memory, or read whole by the reference reader).
  public func lineAfter(then joint: [UInt8]) -> Int? {
    guard let lineBreaks else { return nil }
    let across = endsWithCR && joint.first == CheckInScan.lf ? 1 : 0
    return lineBreaks + joint.withUnsafeBufferPointer { CheckInScan.count($0, 0, $0.count).breaks } - across + 1
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
    // Let go of the store first: it shares the arrays changed below, which would be copied.
    store = .empty
    defer { store = CheckInStore(entries, order, text: text) }
    // Last in file order whatever `line` says: its line is its position, and it must win a
    // tie with a row of the same day.
    let last = entries.lazy.map(\.line).max() ?? 0
    let (withRow, spans) = text.adding([note, author])
    text = withRow
    entries.append(
      CheckIn(
        date: row.date, keyResult: row.keyResult, value: row.value, confidence: row.confidence,
        line: max(line, last + 1), note: spans[0], author: spans[1]))
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
      let day = Int32(clamping: asOf.ordinal)
      while upper > lower, entries[Int(order[upper - 1])].dayOrdinal > day { upper -= 1 }
    }
    return CheckInRun(store, lower..<upper)
  }

  /// A run of the log's check-ins picked by position in `entries` (the latest of each of a
  /// sum's contributors, say).
  func run(_ runs: [CheckInRun]) -> CheckInRun {
    let positions = runs.compactMap(\.lastPosition)
    return CheckInRun(CheckInStore(entries, positions, text: text), 0..<positions.count)
  }

  /// Check-ins of one key result up to and including `asOf`, oldest first.
  public func history(of k: KeyResultAddress, asOf: Day? = nil) -> [CheckIn] { Array(run(of: k, asOf: asOf)) }

  enum RowOutcome: Sendable {
    case skipped
    case checkIn(CheckIn)
    /// A check-in read by the reference reader, with its note and author.
    case written(CheckIn, note: String, author: String)
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
      return .written(
        CheckIn(
          date: row.date, keyResult: row.keyResult, value: row.value, confidence: row.confidence, line: record.line,
          note: .empty, author: .empty), note: f[4], author: f[5])
    }
  }

  /// The unit a check-in's reference names, as ``check(date:reference:value:confidence:in:)``
  /// reads it (spaces around it trimmed): the text before the first `/`.
  public static func unit(ofReference reference: String) -> String {
    let text = reference.trimmingSpaces
    return String(text.prefix { $0 != "/" })
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
