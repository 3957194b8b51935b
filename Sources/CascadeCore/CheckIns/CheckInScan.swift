import CascadeSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `checkins.csv` split into records on every core, each record seen as the byte ranges of
/// its six fields: nothing is copied and no string is made until something shows a field.
///
/// The file is cut into chunks; a first pass counts each chunk's quotes and line breaks, so
/// the quote state and the line number where every chunk starts are known, and each chunk's
/// first record starts after its first line break outside quotes (a newline inside a quoted
/// note is not a row boundary). A second pass splits the chunks, in parallel, exactly as the
/// reference reader (``CSV/parse(_:maxFieldsPerRecord:)``) does, and hands each record to its
/// reader as it is found: no array of records is built.
///
/// That split is only right for a file without syntax errors (a stray quote changes every
/// quote state after it), so a file that is not plain is refused: a syntax error, invalid
/// UTF-8, a record without exactly six fields, a header other than ours, no header, a
/// BOM-only or empty file, a file of 2 GiB or more. The reference reader then reads the file
/// and reports what is wrong, so every diagnostic stays the reference's own. Chunk 0 starts at
/// the file's start, and a chunk's start is right when every chunk before it had no error; an
/// error anywhere refuses the whole file.
struct CheckInScan: Sendable {
  /// One record: content bounds of its fields (start, end; inside the quotes of a quoted
  /// field), the line it starts on, which fields were quoted and which of those hold doubled
  /// quotes (bit k for field k).
  struct Row: Sendable {
    var bounds: SIMD16<Int32>

    func start(_ k: Int) -> Int { Int(bounds[2 * k]) }
    func end(_ k: Int) -> Int { Int(bounds[2 * k + 1]) }
    var line: Int { Int(bounds[12]) }
    func isQuoted(_ k: Int) -> Bool { bounds[13] & (1 << Int32(k)) != 0 }
    func hasDoubledQuotes(_ k: Int) -> Bool { bounds[14] & (1 << Int32(k)) != 0 }
    func span(_ k: Int) -> FieldSpan {
      FieldSpan(start: bounds[2 * k], end: bounds[2 * k + 1], doubled: hasDoubledQuotes(k))
    }
  }

  static let fields = CheckInLog.header.count
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")

  /// Where the text starts (3 past a UTF-8 BOM).
  let begin: Int
  /// Chunk k is `starts[k]..<starts[k + 1]`, starting on line `lines[k]`.
  let starts: [Int]
  let lines: [Int]
  /// The line after the file's last line break: `lines[k + 1] - lines[k]` (this for the last
  /// chunk) is how many line breaks chunk k holds.
  let endLine: Int
  /// Every quote in the bytes: odd when they end inside a quoted field (or hold a stray quote).
  let quotes: Int

  var chunks: Int { starts.count - 1 }

  /// At most how many records chunk `k` holds: each one but the file's last ends with a line
  /// break of its own.
  func maxRecords(_ k: Int) -> Int {
    let next = k + 1 < lines.count ? lines[k + 1] : endLine
    return max(0, next - lines[k]) + 1
  }

  /// What one chunk's reader saw: whether its first record was the header (and so was not
  /// given to the reader), and whether it had any record.
  struct ChunkShape: Sendable {
    var headerFirst = false
    var sawRecord = false
  }

  /// The chunks of `bytes`; nil for an empty file or one of 2 GiB or more. `chunk`: the bytes
  /// per chunk (tests use small ones to cut files in many places); by default 1 MiB or a 64th
  /// of the file. `line` and `atStart`: for a piece of a file read a block at a time, the line
  /// the piece starts on, and whether it is the file's start (where a BOM is skipped).
  static func chunks(_ bytes: [UInt8], chunk: Int? = nil, line firstLine: Int = 1, atStart: Bool = true)
    -> CheckInScan?
  {
    bytes.withUnsafeBufferPointer { b -> CheckInScan? in
      let n = b.count
      guard n > 0, n < Int(Int32.max) else { return nil }
      let begin = atStart && n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
      let size = max(1, chunk ?? max(1 << 20, (n - begin) / 64 + 1))
      let chunks = max(1, (n - begin + size - 1) / size)
      // Pass 1: quotes and line breaks per chunk (a CR followed by LF is one break, counted
      // at the LF).
      let counts = parallelMap(chunks, chunk: 1) { k -> (quotes: Int, breaks: Int, valid: Bool) in
        bytes.withUnsafeBufferPointer { b in count(b, begin + k * size, size) }
      }
      // Not UTF-8: for the reference reader to report.
      guard counts.allSatisfy(\.valid) else { return nil }
      // Where each chunk's first record starts, and on which line.
      var starts = [begin]
      var lines = [firstLine]
      var quotes = 0
      var breaks = 0
      for k in 1..<max(1, chunks) {
        quotes += counts[k - 1].quotes
        breaks += counts[k - 1].breaks
        var inQuotes = quotes % 2 == 1
        var p = begin + k * size
        var line = firstLine + breaks
        while p < n {
          let c = b[p]
          if c == quote {
            inQuotes.toggle()
          } else if c == lf || c == cr {
            let isBreak = c == lf || !(p + 1 < n && b[p + 1] == lf)
            if !inQuotes {
              p += c == cr && p + 1 < n && b[p + 1] == lf ? 2 : 1
              line += 1
              break
            }
            if isBreak { line += 1 }
          }
          p += 1
        }
        if p >= n { p = n }
        // A quoted field longer than a chunk: this chunk starts no record.
        if let last = starts.last, p < last { (p, line) = (last, lines[lines.count - 1]) }
        starts.append(p)
        lines.append(line)
      }
      starts.append(n)
      let total = counts.reduce(0) { $0 + $1.breaks }
      return CheckInScan(
        begin: begin, starts: starts, lines: lines, endLine: firstLine + total,
        quotes: counts.reduce(0) { $0 + $1.quotes })
    }
  }

  /// Splits chunk `k` of `b` (the bytes `chunks` was made from), handing each record to
  /// `visit` in file order; a first record that is the header is not handed on. False when
  /// the chunk is not plain (its shape is then meaningless).
  func read(
    chunk k: Int, _ b: UnsafeBufferPointer<UInt8>, _ shape: inout ChunkShape, _ visit: (Row) -> Void
  ) -> Bool {
    let lo = starts[k]
    let hi = starts[k + 1]
    guard lo < hi else { return true }
    var first = true
    return Self.split(b, from: lo, to: hi, line: lines[k]) { row in
      if first {
        first = false
        shape.sawRecord = true
        if Self.isHeader(row, b) {
          shape.headerFirst = true
          return
        }
      }
      visit(row)
    }
  }

  /// True when the chunks' shapes are those of a plain file: the first record of the file
  /// is the header, and no other chunk starts with one (a data record that reads as the
  /// header is for the reference reader to report).
  static func headerIsRight(_ shapes: [ChunkShape]) -> Bool {
    guard let first = shapes.firstIndex(where: \.sawRecord), shapes[first].headerFirst else { return false }
    return !shapes[(first + 1)...].contains { $0.headerFirst }
  }

  /// The number of data records, nil when the file is not plain: one pass over the file on
  /// every core, keeping nothing. This is the whole syntax check of a plain file.
  static func records(_ bytes: [UInt8], chunk: Int? = nil) -> Int? {
    guard let scan = chunks(bytes, chunk: chunk) else { return nil }
    let parts = parallelMap(scan.chunks, chunk: 1) { k -> (Int, ChunkShape)? in
      var shape = ChunkShape()
      var n = 0
      let plain = bytes.withUnsafeBufferPointer { b in scan.read(chunk: k, b, &shape) { _ in n += 1 } }
      return plain ? (n, shape) : nil
    }
    var total = 0
    var shapes: [ChunkShape] = []
    for part in parts {
      guard let (n, shape) = part else { return nil }
      total += n
      shapes.append(shape)
    }
    return headerIsRight(shapes) ? total : nil
  }

  /// What the first pass found in `size` bytes from `lo`: quotes, line breaks (a CR followed
  /// by LF is one break, counted at the LF), and whether every UTF-8 sequence starting there is
  /// valid. A sequence begun before `lo` is the chunk before's to check (it reads up to three
  /// bytes past its end to finish its last one), so chunks cut anywhere check a file exactly
  /// once: every chunk is valid exactly when the bytes are UTF-8.
  ///
  /// Eight bytes at a time: a byte equal to `c` is a zero byte of the word XOR `c` in every
  /// byte, found without a branch and added up in the word's eight lanes; a word that holds a
  /// CR or a byte past ASCII is read a byte at a time.
  static func count(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ size: Int) -> (
    quotes: Int, breaks: Int, valid: Bool
  ) {
    let n = b.count
    let hi = min(n, lo + size)
    guard lo >= 0, lo < hi, let base = b.baseAddress else { return (0, 0, true) }
    var utf8 = UTF8Check()
    // The rest of a sequence whose lead byte is before `lo`.
    for j in 1...3 where lo - j >= 0 {
      let c = b[lo - j]
      if c & 0xC0 == 0x80 { continue }
      let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
      utf8.skip = max(0, length - j)
      break
    }
    let raw = UnsafeRawPointer(base)
    var quotes = 0
    var breaks = 0
    func bytes(_ from: Int, _ to: Int) {
      for p in from..<to {
        let c = b[p]
        utf8.add(c)
        if c == quote {
          quotes += 1
        } else if c == lf || (c == cr && !(p + 1 < n && b[p + 1] == lf)) {
          breaks += 1
        }
      }
    }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let high = ~low7
    /// 1 in every lane of `x` that is zero: a lane's high bit of `((x & low7) + low7) | x` is
    /// set exactly when the lane is not zero, and no sum carries into the next lane.
    func zeros(_ x: UInt64) -> UInt64 { (~(((x & low7) &+ low7) | x) & high) >> 7 }
    /// The sum of the lanes (each at most 255).
    func sum(_ x: UInt64) -> Int {
      let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x >> 8) & 0x00FF_00FF_00FF_00FF)
      return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }
    var (laneQuotes, laneBreaks, words): (UInt64, UInt64, Int) = (0, 0, 0)
    var p = lo
    while p + 8 <= hi {
      let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
      if (w & high) | zeros(w ^ (ones &* UInt64(cr))) == 0, utf8.isBetweenSequences {
        laneQuotes &+= zeros(w ^ (ones &* UInt64(quote)))
        laneBreaks &+= zeros(w ^ (ones &* UInt64(lf)))
        words += 1
        if words == 255 {
          (quotes, breaks) = (quotes + sum(laneQuotes), breaks + sum(laneBreaks))
          (laneQuotes, laneBreaks, words) = (0, 0, 0)
        }
      } else {
        bytes(p, p + 8)
      }
      p += 8
    }
    (quotes, breaks) = (quotes + sum(laneQuotes), breaks + sum(laneBreaks))
    bytes(p, hi)
    // The last sequence, finished past the end if it must be.
    var q = hi
    while utf8.need > 0, q < n {
      utf8.add(b[q])
      q += 1
    }
    return (quotes, breaks, utf8.valid && utf8.need == 0)
  }

  /// UTF-8 checked a byte at a time, as the standard library checks it (no overlong forms, no
  /// surrogates, nothing past U+10FFFF).
  struct UTF8Check {
    /// Bytes to pass over first: the rest of a sequence the chunk before checks.
    var skip = 0
    /// Continuation bytes still due, and the range the next one must be in.
    var need = 0
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    var valid = true

    var isBetweenSequences: Bool { need == 0 && skip == 0 }

    @inline(__always)
    mutating func add(_ c: UInt8) {
      if skip > 0 {
        skip -= 1
        return
      }
      if need > 0 {
        if c < low || c > high { valid = false }
        need -= 1
        (low, high) = (0x80, 0xBF)
        return
      }
      switch c {
      case 0x00...0x7F: return
      case 0xC2...0xDF: need = 1
      case 0xE0: (need, low) = (2, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: (need, high) = (2, 0x9F)
      case 0xF0: (need, low) = (3, 0x90)
      case 0xF1...0xF3: need = 3
      case 0xF4: (need, high) = (3, 0x8F)
      default: valid = false
      }
    }
  }

  /// Hands each record of `lo..<hi` (which starts a record) to `visit`; false at the first
  /// thing the reference reader would report.
  @inline(__always)
  static func split(
    _ b: UnsafeBufferPointer<UInt8>, from lo: Int, to hi: Int, line first: Int, _ visit: (Row) -> Void
  ) -> Bool {
    var i = lo
    var line = first
    func lineBreak() {
      if b[i] == cr, i + 1 < hi, b[i + 1] == lf { i += 1 }
      i += 1
      line += 1
    }
    while i < hi {
      if b[i] == lf || b[i] == cr {
        lineBreak()  // a blank line
        continue
      }
      var row = Row(bounds: SIMD16<Int32>(repeating: 0))
      row.bounds[12] = Int32(truncatingIfNeeded: line)
      var field = 0
      while true {
        guard field < fields else { return false }  // a seventh field
        if i < hi, b[i] == quote {
          i += 1
          let start = i
          var closed = false
          while i < hi {
            let c = b[i]
            if c == quote {
              if i + 1 < hi, b[i + 1] == quote {
                row.bounds[14] |= 1 << Int32(field)
                i += 2
                continue
              }
              closed = true
              break
            }
            if c == lf || c == cr {
              lineBreak()
            } else {
              i += 1
            }
          }
          guard closed else { return false }
          row.bounds[2 * field] = Int32(truncatingIfNeeded: start)
          row.bounds[2 * field + 1] = Int32(truncatingIfNeeded: i)
          row.bounds[13] |= 1 << Int32(field)
          i += 1
          guard i >= hi || b[i] == comma || b[i] == lf || b[i] == cr else { return false }
        } else {
          let start = i
          while i < hi {
            let c = b[i]
            if c == comma || c == lf || c == cr { break }
            if c == quote { return false }
            i += 1
          }
          row.bounds[2 * field] = Int32(truncatingIfNeeded: start)
          row.bounds[2 * field + 1] = Int32(truncatingIfNeeded: i)
        }
        field += 1
        if i < hi, b[i] == comma {
          i += 1
          continue
        }
        if i < hi { lineBreak() }
        break
      }
      guard field == fields else { return false }
      visit(row)
    }
    return true
  }

  static let headerBytes = CheckInLog.header.map { Array($0.utf8) }

  static func isHeader(_ row: Row, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    for k in 0..<fields {
      let name = headerBytes[k]
      guard !row.hasDoubledQuotes(k), row.end(k) - row.start(k) == name.count else { return false }
      for j in 0..<name.count where b[row.start(k) + j] != name[j] { return false }
    }
    return true
  }

  /// The column (in Unicode scalars, from 1) where field `k` of `row` starts: its opening
  /// quote when quoted, counted from the start of its own line.
  static func column(_ row: Row, _ k: Int, _ b: UnsafeBufferPointer<UInt8>, begin: Int) -> Int {
    let at = row.start(k) - (row.isQuoted(k) ? 1 : 0)
    var lineStart = at
    while lineStart > begin, b[lineStart - 1] != lf, b[lineStart - 1] != cr { lineStart -= 1 }
    var column = 1
    for p in lineStart..<at where b[p] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}

/// A field of checkins.csv as bytes of the file: decoded (and its doubled quotes undone) only
/// when read.
struct FieldSpan: Sendable {
  var start: Int32
  var end: Int32
  var doubled: Bool

  static let empty = FieldSpan(start: 0, end: 0, doubled: false)
}

/// The text a log's check-ins read their notes and authors from: those the fast reader copied
/// out of the file (as written, doubled quotes and all), then those of check-ins that came as
/// strings (read by the reference reader, or appended), back to back. A span from
/// `scanned.count` on is in `extra`.
final class CheckInText: Sendable {
  let scanned: [UInt8]
  let extra: [UInt8]

  static let empty = CheckInText(scanned: [], extra: [])

  init(scanned: [UInt8], extra: [UInt8] = []) {
    self.scanned = scanned
    self.extra = extra
  }

  func string(_ span: FieldSpan) -> String {
    let (a, b) = (Int(span.start), Int(span.end))
    guard a >= 0, a <= b else { return "" }
    if b <= scanned.count { return scanned.withUnsafeBufferPointer { Self.string($0, span) } }
    let base = Int32(clamping: scanned.count)
    guard a >= Int(base) else { return "" }
    let inExtra = FieldSpan(start: span.start - base, end: span.end - base, doubled: span.doubled)
    return extra.withUnsafeBufferPointer { Self.string($0, inExtra) }
  }

  /// Field `span` of bytes `b` (a piece of the file, or a text's).
  static func string(_ b: UnsafeBufferPointer<UInt8>, _ span: FieldSpan) -> String {
    let (a, e) = (Int(span.start), Int(span.end))
    guard a >= 0, a <= e, e <= b.count else { return "" }
    return CSV.field(UnsafeBufferPointer(rebasing: b[a..<e]), doubledQuotes: span.doubled)
  }

  /// This text with `strings` after it, and the span of each: the notes and authors of
  /// check-ins that came as strings. A span that would not fit in 32 bits (past a file of
  /// almost 2 GiB) is left empty.
  func adding(_ strings: [String]) -> (CheckInText, [FieldSpan]) {
    var extra = self.extra
    var spans: [FieldSpan] = []
    spans.reserveCapacity(strings.count)
    for string in strings {
      let start = scanned.count + extra.count
      extra.append(contentsOf: string.utf8)
      if let s = Int32(exactly: start), let e = Int32(exactly: scanned.count + extra.count) {
        spans.append(FieldSpan(start: s, end: e, doubled: false))
      } else {
        spans.append(.empty)
      }
    }
    return (CheckInText(scanned: scanned, extra: extra), spans)
  }
}

/// Every key result's reference as the plan writes it (`unit/objective/key-result`), looked up
/// from the bytes of a row without making a string: built once per load, so a reference is
/// resolved once, not once per row. A reference it does not hold (an unknown one, one with
/// spaces around it) goes to ``PlanIndex/keyResult(_:)`` with the full check.
struct ReferenceTable: Sendable {
  private var arena: [UInt8] = []
  /// What a row needs to know of the key result a reference names, so that reading a row
  /// touches no part of the plan (copying a unit or a key result out of the plan retains
  /// every string it holds, and two cores doing so on the same objects fight over them).
  struct Target: Sendable {
    var address: KeyResultAddress
    var isMilestone: Bool
    var isSum: Bool
    /// The unit's cycle as day ordinals; `Int.min...Int.max` for a unit without one.
    var days: ClosedRange<Int>
  }

  /// One reference: where its bytes are in `arena`, and what it resolves to, in 32 bytes, so
  /// that more of the table stays in the cache (a row's lookup is a cache miss or two).
  private struct Entry {
    var start: Int32
    var length: Int32
    var unit: Int32
    var objective: Int32
    var keyResult: Int32
    var first: Int32
    var last: Int32
    /// Bit 0: a milestone; bit 1: a sum; bit 2: the unit has a cycle (`first...last`).
    var flags: UInt8
  }
  private var entries: [Entry] = []
  /// Open addressing: the hash's high 32 bits over the entry number + 1 (0 for a free slot),
  /// so a probe past another reference does not read its entry.
  private var slots: [UInt64] = []
  private var mask = 0

  /// One unit's references, worked out on some core: their bytes back to back, and for each
  /// its range in them, its hash and what it resolves to. The table is then filled on one
  /// core from these, without a string per reference.
  private struct Part: Sendable {
    struct Item: Sendable {
      var start: Int
      var length: Int
      var hash: UInt64
      var target: Target
    }
    var bytes: [UInt8] = []
    var items: [Item] = []

    /// Adds the reference written from `start` to the end of `bytes`, or drops its bytes when
    /// it resolves to nothing.
    mutating func add(from start: Int, _ target: Target?) {
      guard let target else {
        bytes.removeSubrange(start...)
        return
      }
      let hash = bytes.withUnsafeBufferPointer { ReferenceTable.hash($0, start, $0.count) }
      items.append(Item(start: start, length: bytes.count - start, hash: hash, target: target))
    }
  }

  init(_ index: PlanIndex) {
    let units = index.plan.units
    // Each key result's reference and what the plan's own lookup makes of it (ids written
    // twice resolve as it says), on every core; the table is then filled on one.
    let parts = parallelMap(units.count, chunk: 64) { u -> Part in
      var part = Part()
      let unit = units[u]
      let unitIsFirst = index.unitByID[unit.id] == u
      for (o, objective) in unit.objectives.enumerated() {
        let objectiveIsFirst = unitIsFirst && index.objectiveByID[u][objective.id] == o
        for (k, kr) in objective.keyResults.enumerated() {
          let start = part.bytes.count
          part.bytes.append(contentsOf: unit.id.utf8)
          part.bytes.append(UInt8(ascii: "/"))
          part.bytes.append(contentsOf: objective.id.utf8)
          part.bytes.append(UInt8(ascii: "/"))
          part.bytes.append(contentsOf: kr.id.utf8)
          // The usual case, without splitting the reference again: every id is its first.
          let address =
            objectiveIsFirst && objective.keyResults.firstIndex(where: { $0.id == kr.id }) == k
            ? KeyResultAddress(ObjectiveAddress(unit: u, objective: o), k)
            : index.keyResult(unit.id + "/" + objective.id + "/" + kr.id)
          part.add(from: start, address.map { Self.target($0, index) })
        }
      }
      return part
    }
    self.init(parts)
  }

  /// A table of one key result's reference.
  init(_ index: PlanIndex, only k: KeyResultAddress) {
    let reference = index.reference(k.objective, keyResult: k.keyResult)
    var part = Part()
    part.bytes.append(contentsOf: reference.utf8)
    part.add(from: 0, index.keyResult(reference) == k ? Self.target(k, index) : nil)
    self.init([part])
  }

  private static func target(_ address: KeyResultAddress, _ index: PlanIndex) -> Target {
    let unit = index.plan.units[address.objective.unit]
    let kr = unit.objectives[address.objective.objective].keyResults[address.keyResult]
    let days = unit.cycle.map { $0.start.ordinal...$0.end.ordinal } ?? Int.min...Int.max
    return Target(address: address, isMilestone: kr.kind == .milestone, isSum: kr.aggregate == .sum, days: days)
  }

  private init(_ parts: [Part]) {
    let count = parts.reduce(0) { $0 + $1.items.count }
    var size = 16
    while size < 2 * count { size <<= 1 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    entries.reserveCapacity(count)
    // Each part's bytes go into the arena whole; a reference met twice (the first is kept)
    // leaves its bytes there unused.
    arena.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
    for part in parts {
      let base = arena.count
      arena.append(contentsOf: part.bytes)
      for item in part.items { insert(at: base + item.start, length: item.length, hash: item.hash, item.target) }
    }
  }

  /// Files the reference at `start..<start + length` of the arena, unless it is there already.
  private mutating func insert(at start: Int, length: Int, hash: UInt64, _ target: Target) {
    // Positions and days of a real plan fit easily; a reference that would not is simply left
    // out (its rows take the full check).
    guard let start32 = Int32(exactly: start), let length32 = Int32(exactly: length),
      Int32(exactly: start + length) != nil, let unit = Int32(exactly: target.address.objective.unit),
      let objective = Int32(exactly: target.address.objective.objective),
      let keyResult = Int32(exactly: target.address.keyResult)
    else { return }
    let hasCycle = target.days != Int.min...Int.max
    guard !hasCycle || (Int32(exactly: target.days.lowerBound) != nil && Int32(exactly: target.days.upperBound) != nil)
    else { return }
    let tag = hash >> 32
    var slot = Int(truncatingIfNeeded: hash) & mask
    let found = arena.withUnsafeBufferPointer { a -> Bool in
      while slots[slot] != 0 {
        let v = slots[slot]
        if v >> 32 == tag {
          let e = entries[Int(v & 0xFFFF_FFFF) - 1]
          if Int(e.length) == length, let base = a.baseAddress,
            memcmp(base + Int(e.start), base + start, length) == 0
          {
            return true
          }
        }
        slot = (slot + 1) & mask
      }
      return false
    }
    if found { return }
    let flags: UInt8 = (target.isMilestone ? 1 : 0) | (target.isSum ? 2 : 0) | (hasCycle ? 4 : 0)
    entries.append(
      Entry(
        start: start32, length: length32, unit: unit, objective: objective, keyResult: keyResult,
        first: hasCycle ? Int32(truncatingIfNeeded: target.days.lowerBound) : 0,
        last: hasCycle ? Int32(truncatingIfNeeded: target.days.upperBound) : 0, flags: flags))
    slots[slot] = tag << 32 | UInt64(entries.count)
  }

  /// The key result the reference at `start..<end` of `b` names, nil when the table does not
  /// hold it. `hint`: the entry the previous lookup of this reader found (-1 at first), updated.
  /// Files list check-ins in plan order more often than not (a person checks in on their key
  /// results one after another; exports and `cascade generate` write them so), so the entry
  /// after the hint is compared first: its bytes follow the hint's in the arena, likely in the
  /// cache already, where a hashed probe is a cache miss or two.
  func lookup(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hint: inout Int) -> Target? {
    guard !slots.isEmpty, start < end, start >= 0, end <= b.count, let bb = b.baseAddress else { return nil }
    let length = end - start
    return entries.withUnsafeBufferPointer { e in
      arena.withUnsafeBufferPointer { a -> Target? in
        guard let ab = a.baseAddress else { return nil }
        let next = hint + 1
        if next >= 0, next < e.count {
          let x = e[next]
          if Int(x.length) == length, memcmp(ab + Int(x.start), bb + start, length) == 0 {
            hint = next
            return Self.target(x)
          }
        }
        let hash = Self.hash(b, start, end)
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { s in
          while true {
            let v = s[slot]
            if v == 0 { return nil }
            if v >> 32 == tag {
              let found = Int(v & 0xFFFF_FFFF) - 1
              let x = e[found]
              if Int(x.length) == length, memcmp(ab + Int(x.start), bb + start, length) == 0 {
                hint = found
                return Self.target(x)
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  @inline(__always)
  private static func target(_ x: Entry) -> Target {
    Target(
      address: KeyResultAddress(ObjectiveAddress(unit: Int(x.unit), objective: Int(x.objective)), Int(x.keyResult)),
      isMilestone: x.flags & 1 != 0, isSum: x.flags & 2 != 0,
      days: x.flags & 4 != 0 ? Int(x.first)...Int(x.last) : Int.min...Int.max)
  }

  /// Eight bytes at a time (the last word padded with zeros), each word mixed in with a
  /// multiply, then SplitMix64's finaliser: the low bits pick the slot, the high 32 are the tag.
  static func hash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: end - start)
    var p = start
    if let base = b.baseAddress {
      let raw = UnsafeRawPointer(base)
      while p + 8 <= end {
        h = (h ^ raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        p += 8
      }
    }
    var last: UInt64 = 0
    var shift: UInt64 = 0
    while p < end {
      last |= UInt64(b[p]) << shift
      shift += 8
      p += 1
    }
    h = (h ^ last) &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 30
    h = h &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 27
    h = h &* 0x94D0_49BB_1331_11EB
    return h ^ (h >> 31)
  }
}

/// Whether a row of checkins.csv names one key result, decided from the bytes of its
/// reference when they can decide it: the reference as the plan writes it (spaces and tabs
/// around it are trimmed, as the full check trims them) is that key result, and other ASCII
/// text is not (the plan resolves a reference by its ids, exactly). Ids are ASCII, but the
/// plan's lookup compares strings by Unicode equivalence, so it decides text with other
/// characters (rare, and slower).
struct RowFilter: Sendable {
  let index: PlanIndex
  let address: KeyResultAddress
  private let reference: [UInt8]
  private let isASCII: Bool

  /// Nil for an address the plan does not have.
  init?(_ index: PlanIndex, _ address: KeyResultAddress) {
    let units = index.plan.units
    let (u, o, k) = (address.objective.unit, address.objective.objective, address.keyResult)
    guard u >= 0, u < units.count, o >= 0, o < units[u].objectives.count, k >= 0,
      k < units[u].objectives[o].keyResults.count
    else { return nil }
    self.index = index
    self.address = address
    reference = Array(index.reference(address.objective, keyResult: k).utf8)
    isASCII = reference.allSatisfy { $0 < 0x80 }
  }

  func admits(_ row: CheckInScan.Row, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if !row.hasDoubledQuotes(1) {
      var (s, e) = (row.start(1), row.end(1))
      while s < e, b[s] == UInt8(ascii: " ") || b[s] == UInt8(ascii: "\t") { s += 1 }
      while e > s, b[e - 1] == UInt8(ascii: " ") || b[e - 1] == UInt8(ascii: "\t") { e -= 1 }
      if e - s == reference.count {
        var same = true
        for j in 0..<reference.count where b[s + j] != reference[j] {
          same = false
          break
        }
        if same { return true }
      }
      if isASCII {
        var ascii = true
        for p in s..<e where b[p] >= 0x80 {
          ascii = false
          break
        }
        if ascii { return false }
      }
    }
    return index.keyResult(CheckInText.string(b, row.span(1)).trimmingSpaces) == address
  }
}

/// Fields read straight from bytes in the forms people write, with exactly the value the full
/// check gives; nil for anything else, which then takes the full check.
enum FastField {
  /// `YYYY-MM-DD`.
  static func day(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Day? {
    guard end - start == 10, b[start + 4] == UInt8(ascii: "-"), b[start + 7] == UInt8(ascii: "-") else { return nil }
    func digits(_ a: Int, _ n: Int) -> Int? {
      var v = 0
      for p in (start + a)..<(start + a + n) {
        let d = Int(b[p]) - 48
        guard d >= 0, d <= 9 else { return nil }
        v = v * 10 + d
      }
      return v
    }
    guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// `-?digits(.digits)?` with at most 15 digits in all: the digits as one integer over a power
  /// of ten, both exact in a Double, so the one division rounds as parsing the text does.
  static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    var p = start
    var negative = false
    if p < end, b[p] == UInt8(ascii: "-") {
      negative = true
      p += 1
    }
    var mantissa: Int64 = 0
    var digits = 0
    var places = 0
    var seenDot = false
    var integerDigits = 0
    while p < end {
      let c = b[p]
      if c == UInt8(ascii: "."), !seenDot {
        seenDot = true
        p += 1
        continue
      }
      let d = Int64(c) - 48
      // Past 15 digits the full check reads it (and the mantissa must not overflow).
      guard d >= 0, d <= 9, digits < 15 else { return nil }
      mantissa = mantissa * 10 + d
      digits += 1
      if seenDot { places += 1 } else { integerDigits += 1 }
      p += 1
    }
    guard digits > 0, digits <= 15, integerDigits > 0, !seenDot || places > 0 else { return nil }
    var power = 1.0
    for _ in 0..<places { power *= 10 }
    let value = Double(mantissa) / power
    return negative ? -value : value
  }

  /// `done`, `not-done`, `1`, `0`.
  static func milestone(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    let n = end - start
    if n == 1 { return b[start] == UInt8(ascii: "1") ? 1 : b[start] == UInt8(ascii: "0") ? 0 : nil }
    func equals(_ word: StaticString) -> Bool {
      guard word.utf8CodeUnitCount == n else { return false }
      for j in 0..<n where b[start + j] != word.utf8Start[j] { return false }
      return true
    }
    if equals("done") { return 1 }
    if equals("not-done") { return 0 }
    return nil
  }
}
