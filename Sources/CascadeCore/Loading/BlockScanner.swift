#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the block YAML that plans are written in, several times faster than libyaml, and
/// gives up on anything else: then libyaml reads the file. What it reads, and the events it
/// gives for it, are libyaml's own (kinds, text, style, line, column and character index, end
/// events included); `BlockScannerTests` compares the two on every example plan, generated
/// plans and many thousands of mutations of them.
///
/// Accepted: block mappings with plain keys on one line, block sequences (indented, or at
/// their key's indentation), `- key: value` entries, plain scalars on one line, quoted
/// scalars on one line (double-quoted ones without escapes), flow lists and mappings of
/// such scalars on one line (not nested), comments, blank lines, and `---` between documents. Anything else — a tab, a
/// carriage return, a control or line-break character libyaml treats specially, invalid
/// UTF-8, block scalars, anchors, tags, nested flow collections, a value continued on the next line,
/// an empty document, or any indentation it does not understand — returns nil. It never
/// reports an error: every error comes from libyaml, so messages are the same either way.
struct BlockScanner {
  /// One event, in libyaml's terms: 0-based line and column (in characters), character
  /// index, and a scalar's text as a byte range of the input.
  struct Event {
    enum Style: UInt8 { case plain, singleQuoted, singleQuotedWithQuotes, doubleQuoted }

    var kind: YAMLEvent.Kind
    var line: Int
    var column: Int
    var index: Int
    var start = 0
    var end = 0
    var style = Style.plain
  }

  private struct GiveUp: Error {}

  private enum Open { case mapping, sequence, indentless }

  private struct Position {
    var line: Int
    var column: Int
    var index: Int
  }

  /// The events of `bytes` (without a byte-order mark), or nil when libyaml must read it.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Event]? {
    guard let characters = characterCount(bytes) else { return nil }
    var scanner = BlockScanner(b: bytes, ascii: characters == bytes.count, characters: characters)
    do {
      try scanner.run()
    } catch {
      return nil
    }
    return scanner.events
  }

  /// The number of characters in `b` when every one is a character libyaml reads as
  /// editors do (printable ASCII, "\n", and valid UTF-8 outside C1 controls, U+2028, U+2029
  /// and U+FEFF); nil otherwise.
  static func characterCount(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = b.count
    var i = 0
    var characters = 0
    // Blocks of 64 bytes that are all printable ASCII or "\n" are checked a block at a time
    // (a loop the compiler vectorises); any other block character by character.
    var slowUntil = 0
    while i < n {
      if i >= slowUntil {
        if i + 64 <= n {
          var bad: UInt8 = 0
          for k in i..<i + 64 {
            let c = b[k]
            bad |= (c &- 0x20 >= 0x5F ? 1 : 0) & (c != 0x0A ? 1 : 0)
          }
          if bad == 0 {
            i += 64
            characters += 64
            continue
          }
          slowUntil = i + 64
        } else {
          slowUntil = n
        }
      }
      let c = b[i]
      if c < 0x80 {
        guard (c >= 0x20 && c != 0x7F) || c == 0x0A else { return nil }
        i += 1
        characters += 1
        continue
      }
      var need = 0
      var value = UInt32(0)
      if c & 0xE0 == 0xC0 {
        need = 1
        value = UInt32(c & 0x1F)
      } else if c & 0xF0 == 0xE0 {
        need = 2
        value = UInt32(c & 0x0F)
      } else if c & 0xF8 == 0xF0 {
        need = 3
        value = UInt32(c & 0x07)
      } else {
        return nil
      }
      guard i + need < n else { return nil }
      for k in 1...need {
        let d = b[i + k]
        guard d & 0xC0 == 0x80 else { return nil }
        value = value << 6 | UInt32(d & 0x3F)
      }
      let allowed: Bool
      switch need {
      case 1: allowed = value >= 0xA0
      case 2:
        allowed =
          (value >= 0x800 && value <= 0xD7FF && value != 0x2028 && value != 0x2029)
          || (value >= 0xE000 && value <= 0xFFFD && value != 0xFEFF)
      default: allowed = value >= 0x10000 && value <= 0x10FFFF
      }
      guard allowed else { return nil }
      i += need + 1
      characters += 1
    }
    return characters
  }

  private let b: UnsafeBufferPointer<UInt8>
  private let ascii: Bool
  private let characters: Int
  private(set) var events: [Event] = []

  private var line = 0
  private var lineStart = 0
  private var lineEnd = 0
  /// The character index of `lineStart`.
  private var lineCharacters = 0
  /// The last position counted on a non-ASCII line (see ``position(_:)``).
  private var countedLine = -1
  private var countedByte = 0
  private var countedColumn = 0
  private var stack: [(kind: Open, indent: Int)] = []
  /// Where an empty value would be (after `key:` or `-` that end their line), and whether a
  /// key owns it (only a key's value may be a sequence at the key's own indentation).
  private var pending: (at: Position, fromKey: Bool)?
  private var documents = 0
  private var documentHasContent = false

  private init(b: UnsafeBufferPointer<UInt8>, ascii: Bool, characters: Int) {
    self.b = b
    self.ascii = ascii
    self.characters = characters
  }

  private static let space = UInt8(ascii: " ")
  private static let colon = UInt8(ascii: ":")
  private static let hash = UInt8(ascii: "#")
  private static let dash = UInt8(ascii: "-")

  private mutating func run() throws(GiveUp) {
    let n = b.count
    guard n > 0, let base = b.baseAddress else { throw GiveUp() }
    events.reserveCapacity(n / 12)
    append(.streamStart, Position(line: 0, column: 0, index: 0))
    var s = 0
    while s < n {
      lineStart = s
      if let found = memchr(base + s, 0x0A, n - s) {
        lineEnd = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      } else {
        lineEnd = n
      }
      try scanLine()
      lineCharacters += (ascii ? lineEnd - lineStart : count(lineStart, lineEnd)) + 1
      line += 1
      s = lineEnd + 1
    }
    guard documents > 0, documentHasContent else { throw GiveUp() }
    // libyaml first closes what is indented more than where the text ends (after trailing
    // spaces or a comment on a last line without "\n"), there; then the rest, and the
    // document and stream, at the start of the line after.
    var last = Position(line: line, column: 0, index: characters)
    if b[n - 1] != 0x0A {
      last.line -= 1
      last.column = ascii ? n - lineStart : count(lineStart, n)
    }
    let end = Position(line: last.column == 0 ? last.line : last.line + 1, column: 0, index: characters)
    closeAll(at: last, deeperThan: last.column)
    closeAll(at: end)
    append(.documentEnd, end)
    append(.streamEnd, end)
  }

  private func count(_ from: Int, _ to: Int) -> Int {
    var k = 0
    for i in from..<to where b[i] & 0xC0 != 0x80 { k += 1 }
    return k
  }

  /// Where `p` is on the current line. Outside ASCII the columns are counted from the last
  /// position asked for on the line (positions come left to right), so a long line with many
  /// values is counted once, not once per value.
  private mutating func position(_ p: Int) -> Position {
    let column: Int
    if ascii {
      column = p - lineStart
    } else {
      if countedLine != line || p < countedByte {
        countedLine = line
        countedByte = lineStart
        countedColumn = 0
      }
      countedColumn += count(countedByte, p)
      countedByte = p
      column = countedColumn
    }
    return Position(line: line, column: column, index: lineCharacters + column)
  }

  private mutating func append(_ kind: YAMLEvent.Kind, _ at: Position) {
    events.append(Event(kind: kind, line: at.line, column: at.column, index: at.index))
  }

  private mutating func scalar(_ at: Position, _ start: Int, _ end: Int, _ style: Event.Style) {
    events.append(
      Event(kind: .scalar, line: at.line, column: at.column, index: at.index, start: start, end: end, style: style))
  }

  private func skipSpaces(_ from: Int) -> Int {
    var i = from
    while i < lineEnd && b[i] == Self.space { i += 1 }
    return i
  }

  private func isBlankOrEnd(_ i: Int) -> Bool { i >= lineEnd || b[i] == Self.space }

  private mutating func scanLine() throws(GiveUp) {
    let p = skipSpaces(lineStart)
    if p == lineEnd || b[p] == Self.hash { return }
    let c = p - lineStart
    if c == 0, p + 2 < lineEnd,
      (b[p] == Self.dash && b[p + 1] == Self.dash && b[p + 2] == Self.dash)
        || (b[p] == UInt8(ascii: ".") && b[p + 1] == UInt8(ascii: ".") && b[p + 2] == UInt8(ascii: "."))
    {
      try documentMarker(p)
      return
    }
    let at = position(p)
    let isEntry = b[p] == Self.dash && isBlankOrEnd(p + 1)
    try place(isEntry ? .sequence : .mapping, column: c, at: at)
    if isEntry {
      try entry(p, column: c)
    } else {
      guard let colon = keyEnd(p) else { throw GiveUp() }
      try key(p, colon, at: at)
    }
  }

  /// `---` alone on its line (a comment may follow) between documents; anything else that
  /// starts a line with `---` or `...` is left to libyaml.
  private mutating func documentMarker(_ p: Int) throws(GiveUp) {
    guard b[p] == Self.dash, isBlankOrEnd(p + 3) else { throw GiveUp() }
    let rest = skipSpaces(p + 3)
    guard rest == lineEnd || (b[rest] == Self.hash && rest > p + 3) else { throw GiveUp() }
    let at = Position(line: line, column: 0, index: lineCharacters)
    if documents > 0 {
      guard documentHasContent else { throw GiveUp() }
      closeAll(at: at)
      append(.documentEnd, at)
    }
    append(.documentStart, at)
    documents += 1
    documentHasContent = false
  }

  /// Puts a key or an entry at column `c` into the structure: opens a collection, closes
  /// those it ends, or gives up when the indentation is not one this reader knows.
  private mutating func place(_ kind: Open, column c: Int, at: Position) throws(GiveUp) {
    if documents == 0 {
      append(.documentStart, at)
      documents = 1
    }
    let start: YAMLEvent.Kind = kind == .mapping ? .mappingStart : .sequenceStart
    guard let owner = stack.last else {
      guard c == 0, !documentHasContent else { throw GiveUp() }
      documentHasContent = true
      stack.append((kind, c))
      append(start, at)
      return
    }
    if let (empty, fromKey) = pending {
      pending = nil
      if c > owner.indent {
        stack.append((kind, c))
        append(start, at)
        return
      }
      if c == owner.indent, kind == .sequence, owner.kind == .mapping, fromKey {
        stack.append((.indentless, c))
        append(.sequenceStart, at)
        return
      }
      scalar(empty, 0, 0, .plain)
    }
    while let top = stack.last, top.indent > c || (top.indent == c && top.kind == .indentless && kind == .mapping) {
      stack.removeLast()
      append(top.kind == .mapping ? .mappingEnd : .sequenceEnd, at)
    }
    guard let top = stack.last, top.indent == c else { throw GiveUp() }
    switch (top.kind, kind) {
    case (.mapping, .mapping), (.sequence, .sequence), (.indentless, .sequence): return
    default: throw GiveUp()
    }
  }

  /// Gives the empty value still pending, and closes the collections indented more than
  /// `column` (all of them by default).
  private mutating func closeAll(at: Position, deeperThan column: Int = -1) {
    if let (empty, _) = pending {
      pending = nil
      scalar(empty, 0, 0, .plain)
    }
    while let top = stack.last, top.indent > column {
      stack.removeLast()
      append(top.kind == .mapping ? .mappingEnd : .sequenceEnd, at)
    }
  }

  /// Just after the one-byte indicator (`-` or `:`) at `p`: where libyaml puts an empty value.
  private mutating func after(_ p: Int) -> Position {
    var at = position(p)
    at.column += 1
    at.index += 1
    return at
  }

  /// A `-` at `p`, column `c`: an empty entry, a `- key: value` mapping, or a value.
  private mutating func entry(_ p: Int, column c: Int) throws(GiveUp) {
    let q = skipSpaces(p + 1)
    if q == lineEnd || b[q] == Self.hash {
      pending = (after(p), false)
      return
    }
    if b[q] == Self.dash && isBlankOrEnd(q + 1) { throw GiveUp() }
    if let colon = keyEnd(q) {
      let at = position(q)
      stack.append((.mapping, c + (q - p)))
      append(.mappingStart, at)
      try key(q, colon, at: at)
    } else {
      try value(q)
    }
  }

  /// True when a plain scalar may start at `i` (in block context, and conservatively).
  private func plainStarts(_ i: Int) -> Bool {
    switch b[i] {
    case UInt8(ascii: "-"): return !isBlankOrEnd(i + 1)
    case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
      UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), Self.space:
      return false
    default: return true
    }
  }

  /// The colon ending a plain key that starts at `p` (`key:` then a space or the line's end).
  private func keyEnd(_ p: Int) -> Int? {
    guard plainStarts(p) else { return nil }
    var i = p
    while i < lineEnd {
      let ch = b[i]
      if ch == Self.colon && isBlankOrEnd(i + 1) {
        // libyaml allows a simple key of 1,024 characters at most; a space before the colon
        // is left to it too.
        return i - p <= 1000 && b[i - 1] != Self.space ? i : nil
      }
      if ch == Self.space && i + 1 < lineEnd && b[i + 1] == Self.hash { return nil }
      i += 1
    }
    return nil
  }

  private mutating func key(_ p: Int, _ colon: Int, at: Position) throws(GiveUp) {
    scalar(at, p, colon, .plain)
    let r = skipSpaces(colon + 1)
    if r == lineEnd || b[r] == Self.hash {
      pending = (after(colon), true)
      return
    }
    try value(r)
  }

  /// A value that starts at `r` and ends its line.
  private mutating func value(_ r: Int) throws(GiveUp) {
    let at = position(r)
    switch b[r] {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      let close = try quoted(r)
      try trailer(close + 1)
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      try flow(r, at: at)
    default:
      guard plainStarts(r) else { throw GiveUp() }
      var i = r
      var end = lineEnd
      while i < lineEnd {
        let ch = b[i]
        if ch == Self.colon && isBlankOrEnd(i + 1) { throw GiveUp() }
        if ch == Self.space && i + 1 < lineEnd && b[i + 1] == Self.hash {
          end = i
          break
        }
        i += 1
      }
      while end > r && b[end - 1] == Self.space { end -= 1 }
      scalar(at, r, end, .plain)
    }
  }

  /// A quoted scalar on one line starting at `r`; its closing quote's offset.
  private mutating func quoted(_ r: Int) throws(GiveUp) -> Int {
    let quote = b[r]
    var i = r + 1
    var style: Event.Style = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
    while true {
      guard i < lineEnd else { throw GiveUp() }
      let ch = b[i]
      if quote == UInt8(ascii: "\"") {
        if ch == UInt8(ascii: "\\") { throw GiveUp() }
        if ch == quote { break }
      } else if ch == quote {
        if i + 1 < lineEnd && b[i + 1] == quote {
          style = .singleQuotedWithQuotes
          i += 2
          continue
        }
        break
      }
      i += 1
    }
    // Positions are worked out before the append: in a debug build, a temporary copy of
    // `self` made for an argument lives through the call and would make the append copy
    // the whole array.
    let at = position(r)
    scalar(at, r + 1, i, style)
    return i
  }

  /// After a value: spaces, then the line's end or a comment.
  private func trailer(_ i: Int) throws(GiveUp) {
    let j = skipSpaces(i)
    guard j == lineEnd || (b[j] == Self.hash && j > i) else { throw GiveUp() }
  }

  /// `[a, "b", 'c']` or `{key: value, other: 'text'}` on one line, not nested.
  private mutating func flow(_ r: Int, at: Position) throws(GiveUp) {
    let mapping = b[r] == UInt8(ascii: "{")
    let close = mapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
    append(mapping ? .mappingStart : .sequenceStart, at)
    var i = skipSpaces(r + 1)
    guard i < lineEnd else { throw GiveUp() }
    if b[i] != close {
      while true {
        if mapping {
          i = try flowScalar(i, key: true)
          // The key's colon, then at least one space.
          guard i + 1 < lineEnd, b[i] == Self.colon, b[i + 1] == Self.space else { throw GiveUp() }
          i = skipSpaces(i + 1)
        }
        // Two statements: `skipSpaces(try flowScalar(...))` would hold a copy of `self`
        // through the mutating call, and every append would copy the array.
        i = try flowScalar(i, key: false)
        i = skipSpaces(i)
        guard i < lineEnd else { throw GiveUp() }
        if b[i] == close { break }
        guard b[i] == UInt8(ascii: ",") else { throw GiveUp() }
        i = skipSpaces(i + 1)
        guard i < lineEnd, b[i] != close else { throw GiveUp() }
      }
    }
    let end = position(i)
    append(mapping ? .mappingEnd : .sequenceEnd, end)
    try trailer(i + 1)
  }

  /// A scalar inside a flow collection starting at `i`: quoted, or plain up to `,`, the
  /// closing bracket or (for a key) `: `; the offset after it (after the closing quote, or
  /// at the first character that ended it).
  private mutating func flowScalar(_ start: Int, key: Bool) throws(GiveUp) -> Int {
    guard start < lineEnd else { throw GiveUp() }
    if b[start] == UInt8(ascii: "\"") || b[start] == UInt8(ascii: "'") {
      // A quoted key is left to libyaml.
      guard !key else { throw GiveUp() }
      return try quoted(start) + 1
    }
    // A plain scalar starting with "-" only as a negative number.
    guard plainStarts(start),
      b[start] != Self.dash || (start + 1 < lineEnd && b[start + 1] >= 0x30 && b[start + 1] <= 0x39)
    else { throw GiveUp() }
    var i = start
    scan: while i < lineEnd {
      switch b[i] {
      case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break scan
      case Self.colon:
        // libyaml drops a simple key longer than 1,024 characters, and then fails.
        guard key, i + 1 < lineEnd, b[i + 1] == Self.space, i - start <= 1000 else { throw GiveUp() }
        break scan
      case Self.hash, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "?"): throw GiveUp()
      default: i += 1
      }
    }
    var end = i
    while end > start && b[end - 1] == Self.space { end -= 1 }
    let at = position(start)
    scalar(at, start, end, .plain)
    return i
  }
}
