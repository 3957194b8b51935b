/// A plan file's bytes with its lines found, for changing single values where the loader saw
/// them and leaving every other byte (comments, blank lines, key order, quoting) as written.
struct SourceText {
  let bytes: [UInt8]
  /// Byte offset of each line's start; line 1 starts after a UTF-8 byte-order mark.
  private let lineStarts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
    var i = 0
    while let n = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) {
      starts.append(n + 1)
      i = n + 1
    }
    lineStarts = starts
  }

  /// The byte offset of a mark (line from 1, column in Unicode scalars from 1); nil when the
  /// mark is past its line's end.
  func offset(of mark: Mark) -> Int? {
    let line = Int(mark.line)
    guard line >= 1, line <= lineStarts.count else { return nil }
    var i = lineStarts[line - 1]
    var column = 1
    while column < Int(mark.column) {
      guard i < bytes.count, bytes[i] != UInt8(ascii: "\n") else { return nil }
      i += 1
      while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }  // continuation bytes
      column += 1
    }
    return i
  }

  /// The range of the one-line scalar starting at `offset`, and whether it is quoted: for a
  /// quoted scalar the text between its quotes, for a plain one the run up to a space, a
  /// comment or a flow indicator. Nil when a quoted scalar does not close on its line.
  func scalar(at offset: Int) -> (range: Range<Int>, quoted: Bool)? {
    guard offset < bytes.count else { return nil }
    let first = bytes[offset]
    if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
      var i = offset + 1
      while i < bytes.count, bytes[i] != first, bytes[i] != UInt8(ascii: "\n") {
        if first == UInt8(ascii: "\""), bytes[i] == UInt8(ascii: "\\") { return nil }  // escapes: not ours to edit
        i += 1
      }
      guard i < bytes.count, bytes[i] == first else { return nil }
      return (offset + 1..<i, true)
    }
    var end = offset
    while end < bytes.count {
      switch bytes[end] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ","),
        UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"):
        return end > offset ? (offset..<end, false) : nil
      default: end += 1
      }
    }
    return end > offset ? (offset..<end, false) : nil
  }

  /// The text of a byte range (lossy for bytes that are not UTF-8).
  func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  /// The whole line holding `offset`, with its line break, when it holds nothing but
  /// `key: value` and an optional comment (so it can be removed without touching its
  /// neighbours); nil when it starts a sequence item (`- due: …`) or holds more.
  func soleKeyLine(key: String, valueAt offset: Int) -> Range<Int>? {
    // The last line start at or before `offset`, by binary search.
    var lo = 0
    var hi = lineStarts.count
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
    }
    let start = lineStarts[lo]
    guard start <= offset else { return nil }
    var i = start
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
    let k = Array(key.utf8) + [UInt8(ascii: ":")]
    guard bytes[i...].starts(with: k) else { return nil }
    guard let value = scalar(at: offset) else { return nil }
    var j = value.range.upperBound + (value.quoted ? 1 : 0)
    while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
    let end = bytes[j...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
    guard j == end || bytes[j] == UInt8(ascii: "#") || bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "\r")
    else { return nil }
    return start..<end
  }

  /// In a flow mapping (`{id: a, due: 2027-03-31, …}`), the bytes to remove so that the pair
  /// `key: value` whose value starts at `offset` goes with one of its commas; nil when the
  /// value is not such a pair's.
  func flowPair(key: String, valueAt offset: Int) -> Range<Int>? {
    guard let value = scalar(at: offset) else { return nil }
    let valueEnd = value.range.upperBound + (value.quoted ? 1 : 0)
    func isSpace(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (bytes[i] == 32 || bytes[i] == 9) }
    var i = offset - 1
    while isSpace(i) { i -= 1 }
    guard i >= 0, bytes[i] == UInt8(ascii: ":") else { return nil }
    i -= 1
    let k = Array(key.utf8)
    let keyStart = i - k.count + 1
    guard keyStart >= 0, bytes[keyStart...i].elementsEqual(k) else { return nil }
    var j = keyStart - 1
    while isSpace(j) { j -= 1 }
    guard j >= 0 else { return nil }
    if bytes[j] == UInt8(ascii: ",") { return j..<valueEnd }
    guard bytes[j] == UInt8(ascii: "{") else { return nil }
    var end = valueEnd
    while isSpace(end) { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: ",") else { return nil }
    end += 1
    while isSpace(end) { end += 1 }
    return keyStart..<end
  }

  /// The first occurrence of `text` at or after `offset`, within `lines` lines.
  func find(_ text: String, from offset: Int, lines: Int) -> Int? {
    let needle = Array(text.utf8)
    guard !needle.isEmpty else { return nil }
    var newlines = 0
    var i = offset
    while i + needle.count <= bytes.count {
      if bytes[i] == UInt8(ascii: "\n") {
        newlines += 1
        if newlines > lines { return nil }
      }
      if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }
}

/// Replacements of byte ranges in one file, applied together: O(n log n) in the number of
/// edits (a file may hold tens of thousands of key results).
struct SourceEdits {
  private(set) var edits: [(range: Range<Int>, bytes: [UInt8])] = []
  private var starts = Set<Int>()

  /// False (and nothing recorded) when an edit already starts there; overlaps of other kinds
  /// are found when the edits are applied.
  @discardableResult
  mutating func replace(_ range: Range<Int>, with text: String) -> Bool {
    guard starts.insert(range.lowerBound).inserted else { return false }
    edits.append((range, Array(text.utf8)))
    return true
  }

  /// The bytes with every edit made; nil when two edits overlap.
  func applied(to bytes: [UInt8]) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var at = 0
    for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      guard e.range.lowerBound >= at, e.range.upperBound <= bytes.count else { return nil }
      out += bytes[at..<e.range.lowerBound]
      out += e.bytes
      at = e.range.upperBound
    }
    out += bytes[at...]
    return out
  }
}
