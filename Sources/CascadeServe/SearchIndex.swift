import CascadeCore
import CascadeReport
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The search box's index over units, people, objectives and key results, in any language: one
/// buffer of every entry's folded text (NFKC, lower case, so that `ＳＡＬＥＳ` finds `sales`),
/// searched with `memmem` for the query's longest word and checked for the others. Units come
/// first, so that a unit named like the query is found before the objectives that mention it.
/// A query costs one scan of the buffer (a few milliseconds for 10,000 people), and at most
/// ``maxCandidates`` matches are ranked: an exact name first, then names that start with the
/// query, then the rest in plan order.
public struct SearchIndex: Sendable {
  public enum Kind: Int, Sendable {
    case unit = 0
    case objective, keyResult

    var name: String {
      switch self {
      case .unit: "unit"
      case .objective: "objective"
      case .keyResult: "key_result"
      }
    }
  }

  struct Entry: Sendable {
    var kind: Kind
    var unit: Int32
    var objective: Int32
    var keyResult: Int32
    /// The entry's folded text in `keys`: the label from `start` to `labelEnd`, then the rest
    /// (ids, the owner) up to `end`.
    var start: Int32
    var labelEnd: Int32
    var end: Int32
  }

  /// One match: what it is, what the list shows, and where the page goes.
  public struct Hit: Sendable, Equatable {
    public var kind: Kind
    public var label: String
    public var hint: String
    public var unit: String
    /// The objective's or key result's reference; nil for a unit.
    public var ref: String?
  }

  let result: LintResult
  let presentation: Presentation
  let keys: [UInt8]
  let entries: [Entry]

  /// Matches listed.
  public static let maxHits = 12
  /// Matches ranked; past these the list says there are more.
  static let maxCandidates = 400
  /// Longer queries are cut here (folded bytes).
  public static let maxQuery = 256
  /// Words of a query that are used.
  static let maxTerms = 8

  public init(_ result: LintResult, _ p: Presentation) {
    self.result = result
    self.presentation = p
    var keys: [UInt8] = []
    var entries: [Entry] = []
    let index = result.index
    func add(_ kind: Kind, _ u: Int, _ o: Int, _ k: Int, label: String, rest: String) {
      let start = keys.count
      keys += Self.fold(label)
      let labelEnd = keys.count
      keys.append(0x20)
      keys += Self.fold(rest)
      guard keys.count < Int(Int32.max) - 1 else {
        keys.removeSubrange(start...)
        return
      }
      entries.append(
        Entry(
          kind: kind, unit: Int32(u), objective: Int32(o), keyResult: Int32(k), start: Int32(start),
          labelEnd: Int32(labelEnd), end: Int32(keys.count)))
      keys.append(0)
    }
    let order = result.unitTree().map(\.unit)
    for u in order {
      let unit = index.unit(u)
      add(.unit, u, -1, -1, label: unit.name, rest: "\(unit.id) \(unit.owner ?? "")")
    }
    for u in order {
      let unit = index.unit(u)
      for (oi, o) in unit.objectives.enumerated() {
        let a = ObjectiveAddress(unit: u, objective: oi)
        add(.objective, u, oi, -1, label: o.title, rest: index.reference(a))
      }
    }
    for u in order {
      let unit = index.unit(u)
      for (oi, o) in unit.objectives.enumerated() {
        let a = ObjectiveAddress(unit: u, objective: oi)
        for (k, kr) in o.keyResults.enumerated() {
          add(.keyResult, u, oi, k, label: kr.title, rest: index.reference(a, keyResult: k))
        }
      }
    }
    self.keys = keys
    self.entries = entries
  }

  /// Folded for matching: compatibility-normalised (full-width letters and digits become
  /// ASCII), lower case, control characters as spaces.
  static func fold(_ text: String) -> [UInt8] {
    let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    return folded.utf8.map { $0 < 0x20 || $0 == 0x7F ? 0x20 : $0 }
  }

  /// The query's words, folded, longest first; at most ``maxTerms``.
  static func terms(_ query: String) -> (whole: [UInt8], words: [[UInt8]]) {
    let folded = fold(query)
    var whole = Array(folded.prefix(maxQuery))
    // A cut must not leave half a character: drop back to the start of the cut one.
    if folded.count > maxQuery, folded[maxQuery] & 0xC0 == 0x80 {
      while let last = whole.popLast(), last & 0xC0 == 0x80 {}
    }
    let words = whole.split(separator: 0x20).map(Array.init).filter { !$0.isEmpty }
    let joined = Array(words.joined(separator: [0x20]))
    return (joined, Array(words.sorted { $0.count > $1.count }.prefix(maxTerms)))
  }

  /// The best matches for `query` (at most ``maxHits``), and whether there were more.
  public func search(_ query: String) -> (hits: [Hit], more: Bool) {
    let (whole, words) = Self.terms(query)
    guard let first = words.first else { return ([], false) }
    var candidates: [(rank: Int, entry: Int)] = []
    var more = false
    keys.withUnsafeBytes { buffer in
      guard buffer.baseAddress != nil else { return }
      var position = 0
      while position < buffer.count {
        let found = first.withUnsafeBytes { needle in
          Self.find(needle, in: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
        guard let found else { break }
        let offset = position + found
        let e = entry(containing: offset)
        let entry = entries[e]
        position = Int(entry.end) + 1
        let text = UnsafeRawBufferPointer(rebasing: buffer[Int(entry.start)..<Int(entry.end)])
        guard words.dropFirst().allSatisfy({ Self.contains(text, $0) }) else { continue }
        if candidates.count == Self.maxCandidates {
          more = true
          break
        }
        candidates.append((rank(entry, whole, buffer), e))
      }
    }
    // Stable: plan order within a rank.
    candidates.sort { ($0.rank, $0.entry) < ($1.rank, $1.entry) }
    if candidates.count > Self.maxHits { more = true }
    return (candidates.prefix(Self.maxHits).map { hit(entries[$0.entry]) }, more)
  }

  /// 0: the label is the query; 1: the label starts with it; 2: anything else.
  private func rank(_ e: Entry, _ whole: [UInt8], _ buffer: UnsafeRawBufferPointer) -> Int {
    let label = buffer[Int(e.start)..<Int(e.labelEnd)]
    if label.count == whole.count && label.elementsEqual(whole) { return 0 }
    if label.count > whole.count && label.prefix(whole.count).elementsEqual(whole) { return 1 }
    return 2
  }

  private static func contains(_ text: UnsafeRawBufferPointer, _ word: [UInt8]) -> Bool {
    word.withUnsafeBytes { find($0, in: text) } != nil
  }

  /// The offset of the first `needle` in `haystack`: `memchr` for its last byte (in UTF-8 the
  /// last byte of a character varies more than the first), then a compare.
  static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
    guard let n = needle.baseAddress, let h = haystack.baseAddress, !needle.isEmpty,
      needle.count <= haystack.count
    else { return nil }
    let last = Int32(needle[needle.count - 1])
    var at = needle.count - 1
    while at < haystack.count {
      guard let hit = memchr(h + at, last, haystack.count - at) else { return nil }
      let end = h.distance(to: UnsafeRawPointer(hit))
      let start = end - (needle.count - 1)
      if memcmp(h + start, n, needle.count) == 0 { return start }
      at = end + 1
    }
    return nil
  }

  /// The entry whose text holds byte `offset` (entries are in buffer order).
  private func entry(containing offset: Int) -> Int {
    var lo = 0
    var hi = entries.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if Int(entries[mid].start) <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  private func hit(_ e: Entry) -> Hit {
    let index = result.index
    let u = Int(e.unit)
    let unit = index.unit(u)
    let p = presentation
    switch e.kind {
    case .unit:
      return Hit(kind: .unit, label: unit.name, hint: p(Words.level(unit.level)), unit: unit.id, ref: nil)
    case .objective:
      let a = ObjectiveAddress(unit: u, objective: Int(e.objective))
      return Hit(
        kind: .objective, label: index.objective(a).title, hint: unit.name, unit: unit.id, ref: index.reference(a))
    case .keyResult:
      let a = ObjectiveAddress(unit: u, objective: Int(e.objective))
      let kr = index.objective(a).keyResults[Int(e.keyResult)]
      return Hit(
        kind: .keyResult, label: kr.title, hint: unit.name, unit: unit.id,
        ref: index.reference(a, keyResult: Int(e.keyResult)))
    }
  }

  /// `{"hits": [...], "more": bool}` for the served page.
  public func json(_ query: String) -> String {
    let (hits, more) = search(query)
    var w = JSONWriter()
    w.object { w in
      w.key("hits")
      w.array(hits) { w, h in Self.hitJSON(&w, h) }
      w.field("more", more)
    }
    return w.output
  }

  static func hitJSON(_ w: inout JSONWriter, _ h: Hit) {
    w.object { w in
      w.field("kind", h.kind.name)
      w.field("label", h.label)
      w.field("hint", h.hint)
      w.field("unit", h.unit)
      w.field("ref", h.ref)
    }
  }

  /// The whole index for the static site, which searches in the browser: one row per entry,
  /// as small as it can be, for it is downloaded on the first search. A unit:
  /// `[0, name, level, id, owner]`; an objective: `[1, title, u, "objective-id"]`; a key
  /// result: `[2, title, u, "objective-id/kr-id"]`, with `u` the row of its unit (which gives
  /// the hint, the unit's name, and the start of its reference).
  public func siteJSON() -> String {
    let index = result.index
    var unitRow: [Int32: Int] = [:]
    var w = JSONWriter()
    w.array(entries.enumerated()) { w, pair in
      let (row, e) = pair
      let unit = index.unit(Int(e.unit))
      w.array(CollectionOfOne(())) { w, _ in
        w.value(e.kind.rawValue)
        switch e.kind {
        case .unit:
          unitRow[e.unit] = row
          w.value(unit.name)
          w.value(presentation(Words.level(unit.level)))
          w.value(unit.id)
          w.value(unit.owner ?? "")
        case .objective, .keyResult:
          let o = unit.objectives[Int(e.objective)]
          w.value(e.kind == .objective ? o.title : o.keyResults[Int(e.keyResult)].title)
          w.value(unitRow[e.unit] ?? -1)
          w.value(e.kind == .objective ? o.id : o.id + "/" + o.keyResults[Int(e.keyResult)].id)
        }
      }
    }
    return w.output
  }
}
