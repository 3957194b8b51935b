import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One event from libyaml, with its position, as the decoder needs it.
struct YAMLEvent {
  enum Kind {
    case streamStart, streamEnd, documentStart, documentEnd
    case mappingStart, mappingEnd, sequenceStart, sequenceEnd
    case scalar, alias
  }

  var kind: Kind
  var mark: Mark
  /// The scalar's text (empty for other events).
  var value: String
  /// True for a plain (unquoted) scalar: only those can be numbers, booleans or null.
  var plain: Bool
  /// The scalar's length in bytes (`value` may be dropped when too long).
  var length: Int
  /// The node's tag as libyaml resolved it (`tag:yaml.org,2002:str` for `!!str`), if any.
  var tag: String? = nil
  /// libyaml's character index of the event's start in the text being read.
  var index: Int = 0

  var isNull: Bool {
    kind == .scalar && plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
  }

  var isCollectionStart: Bool { kind == .mappingStart || kind == .sequenceStart }
}

struct YAMLError: Error {
  var message: Message
  var mark: Mark
  /// The full-width character that caused the error, and how to repair it.
  var repair: FullWidthRepair? = nil
}

/// A pull parser over libyaml's event API. It owns a copy of the input, so the caller's
/// buffer need not outlive it. Not thread-safe; one per file.
///
/// Positions are reported as an editor shows them: lines end at "\n" only, and columns
/// count Unicode scalars from the line's start. libyaml (YAML 1.1) also ends lines at U+2028,
/// U+2029, U+0085 and a lone "\r", and counts a leading byte-order mark as a column; for
/// files holding any of these, positions come from a ``LineTable`` instead of libyaml's line
/// and column. (libyaml 0.2.5's `mark.index` counts characters, not bytes.)
final class YAMLReader {
  /// Prepares a parser; 1 on success (yaml_parser_initialize). Replaceable for tests.
  typealias Initializer = (UnsafeMutablePointer<yaml_parser_t>) -> Int32

  /// Heap-allocated: libyaml keeps pointers into the parser struct, so its address must not
  /// move (a stored property of a class has no such promise).
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let initialized: Bool
  private let input: UnsafeMutableBufferPointer<UInt8>
  private let inputCount: Int
  private var ended = false
  /// Line starts, built up front when libyaml's positions differ from an editor's, else on
  /// the first error.
  private var table: LineTable?
  private let useTable: Bool
  /// Scalars longer than this are reported and replaced by an empty string.
  static let maxScalarBytes = 64 * 1024

  /// Characters inserted by a ``FullWidthRepair``: marks after `column` on `line` of the text
  /// being read are `delta` columns right of where the user wrote them.
  struct Shift {
    var line: Int
    var column: Int
    var delta: Int
  }

  /// The shifts of the text being read (in its own coordinates), for positions as the user
  /// wrote them.
  let shifts: [Shift]

  /// The events of a file the block scanner read (then libyaml is never started), and the
  /// next one to give.
  private let scanned: [BlockScanner.Event]
  /// True when the block scanner read the file (libyaml was not started).
  let readByBlockScanner: Bool
  private var nextScanned = 0

  /// `blockScanner: false` makes libyaml read every file (for tests that compare the two).
  init(
    bytes: UnsafeRawBufferPointer, shifts: [Shift] = [], blockScanner: Bool = true,
    initialize: Initializer = { yaml_parser_initialize($0) }
  ) {
    self.shifts = shifts
    // A leading UTF-8 byte-order mark is dropped: with the encoding fixed to UTF-8 libyaml
    // reads it as content, and editors do not show it.
    var source = UnsafeRawBufferPointer(rebasing: bytes[...])
    if source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF {
      source = UnsafeRawBufferPointer(rebasing: source[3...])
    }
    input = .allocate(capacity: max(source.count, 1))
    if let base = source.baseAddress, source.count > 0 {
      input.baseAddress?.initialize(from: base.assumingMemoryBound(to: UInt8.self), count: source.count)
    }
    inputCount = source.count
    parser = .allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    let view = UnsafeBufferPointer(start: input.baseAddress, count: inputCount)
    if blockScanner, let events = BlockScanner.scan(view) {
      // The scanner accepts no character that makes libyaml's positions differ from an editor's.
      scanned = events
      readByBlockScanner = true
      initialized = false
      useTable = false
      return
    }
    scanned = []
    readByBlockScanner = false
    initialized = initialize(parser) == 1
    if initialized {
      yaml_parser_set_input_string(parser, input.baseAddress, source.count)
      yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }
    useTable = LineTable.isNeeded(for: view)
    if useTable { table = LineTable(view) }
  }

  deinit {
    if initialized { yaml_parser_delete(parser) }
    parser.deinitialize(count: 1)
    parser.deallocate()
    input.deallocate()
  }

  private var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: input.baseAddress, count: inputCount) }

  private func lineTable() -> LineTable {
    if let table { return table }
    let built = LineTable(bytes)
    table = built
    return built
  }

  /// The editor position of a libyaml mark.
  private func position(_ mark: yaml_mark_t) -> Mark {
    if useTable, let table { return original(table.mark(characterIndex: Int(mark.index))) }
    return original(Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
  }

  /// A position in the text being read as it is in the file the user wrote.
  func original(_ mark: Mark) -> Mark {
    guard !shifts.isEmpty else { return mark }
    var column = Int(mark.column)
    let line = Int(mark.line)
    for s in shifts.filter({ $0.line == line }).sorted(by: { $0.column > $1.column }) where column > s.column {
      column = max(s.column, column - s.delta)
    }
    return Mark(line: line, column: column)
  }

  /// How to repair the full-width character `c` at character `index` of the text being read;
  /// for a run of ideographic spaces that indents a line, the width that lets the file parse.
  func repair(_ c: FullWidthCharacter, atCharacter index: Int) -> FullWidthRepair? {
    let table = lineTable()
    guard let byte = table.byteOffset(characterIndex: index, in: bytes),
      FullWidthCharacter.at(byte, in: bytes) == c
    else { return nil }
    let options = FullWidthCulprit.replacements(for: c, at: byte, in: bytes)
    let mark = table.mark(characterIndex: index)
    var chosen = options[0]
    for option in options {
      var copy = Array(bytes[0..<byte])
      copy += option.bytes
      copy += bytes[(byte + option.length)...]
      if LineBreakCharacter.parsesPast(Int.max, copy) {
        chosen = option
        break
      }
    }
    let example = c == .colon ? FullWidthRepair.colonExample(at: byte, in: bytes) : nil
    return FullWidthRepair(
      character: c, byte: byte, length: chosen.length, replacement: chosen.bytes, line: Int(mark.line),
      column: Int(mark.column), original: original(mark), example: example)
  }

  func next() throws(YAMLError) -> YAMLEvent {
    if ended { return YAMLEvent(kind: .streamEnd, mark: .start, value: "", plain: false, length: 0) }
    if readByBlockScanner { return nextFromScanner() }
    guard initialized else {
      ended = true
      throw YAMLError(message: YAMLSyntaxRule.parserCouldNotStart, mark: .start)
    }
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) == 1 else {
      ended = true
      throw error()
    }
    defer { yaml_event_delete(&event) }
    let mark = position(event.start_mark)
    let index = Int(event.start_mark.index)
    func bare(_ kind: YAMLEvent.Kind, tag: UnsafeMutablePointer<yaml_char_t>? = nil) -> YAMLEvent {
      YAMLEvent(kind: kind, mark: mark, value: "", plain: false, length: 0, tag: Self.tag(tag), index: index)
    }
    switch event.type {
    case YAML_STREAM_START_EVENT: return bare(.streamStart)
    case YAML_STREAM_END_EVENT:
      ended = true
      return bare(.streamEnd)
    case YAML_DOCUMENT_START_EVENT: return bare(.documentStart)
    case YAML_DOCUMENT_END_EVENT: return bare(.documentEnd)
    case YAML_MAPPING_START_EVENT: return bare(.mappingStart, tag: event.data.mapping_start.tag)
    case YAML_MAPPING_END_EVENT: return bare(.mappingEnd)
    case YAML_SEQUENCE_START_EVENT: return bare(.sequenceStart, tag: event.data.sequence_start.tag)
    case YAML_SEQUENCE_END_EVENT: return bare(.sequenceEnd)
    case YAML_ALIAS_EVENT: return bare(.alias)
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let length = Int(scalar.length)
      var text = ""
      if length > 0, length <= YAMLReader.maxScalarBytes, let value = scalar.value {
        text = String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self)
      }
      return YAMLEvent(
        kind: .scalar, mark: mark, value: text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
        length: length, tag: Self.tag(scalar.tag), index: index)
    default:
      return bare(.streamEnd)
    }
  }

  private func nextFromScanner() -> YAMLEvent {
    guard nextScanned < scanned.count else {
      ended = true
      return YAMLEvent(kind: .streamEnd, mark: .start, value: "", plain: false, length: 0)
    }
    let e = scanned[nextScanned]
    nextScanned += 1
    if e.kind == .streamEnd { ended = true }
    let mark = original(Mark(line: e.line + 1, column: e.column + 1))
    guard e.kind == .scalar else {
      return YAMLEvent(kind: e.kind, mark: mark, value: "", plain: false, length: 0, index: e.index)
    }
    let text = UnsafeBufferPointer(rebasing: bytes[e.start..<e.end])
    var value: String
    var length = text.count
    if e.style == .singleQuotedWithQuotes {
      // '' stands for one quote.
      var unquoted: [UInt8] = []
      unquoted.reserveCapacity(text.count)
      var i = 0
      while i < text.count {
        unquoted.append(text[i])
        i += text[i] == UInt8(ascii: "'") && i + 1 < text.count && text[i + 1] == UInt8(ascii: "'") ? 2 : 1
      }
      length = unquoted.count
      value = length <= YAMLReader.maxScalarBytes ? String(decoding: unquoted, as: UTF8.self) : ""
    } else {
      value = length <= YAMLReader.maxScalarBytes ? String(decoding: text, as: UTF8.self) : ""
    }
    return YAMLEvent(kind: .scalar, mark: mark, value: value, plain: e.style == .plain, length: length, index: e.index)
  }

  /// Builds a bounded message from libyaml's static problem strings, with a hint for the
  /// mistakes people make most (tabs, binary data, a line separator where libyaml sees a
  /// line break, a full-width character where YAML needs an ASCII one).
  private func error() -> YAMLError {
    let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown error"
    let table = lineTable()
    if parser.pointee.error == YAML_READER_ERROR {
      // Reader errors carry a byte offset, not a line.
      let mark = original(table.mark(byteOffset: Int(parser.pointee.problem_offset), in: bytes))
      let value = parser.pointee.problem_value
      let message: Message
      if value >= 0 && problem.contains("octet") {
        message = YAMLSyntaxRule.notUTF8(problem)
      } else if value == 0 {
        message = YAMLSyntaxRule.nulByte
      } else {
        message = YAMLSyntaxRule.readerProblem(problem, character: Self.hex(UInt32(bitPattern: value)))
      }
      return YAMLError(message: message, mark: mark)
    }
    let index = Int(parser.pointee.problem_mark.index)
    let mark = original(table.mark(characterIndex: index))
    let context = parser.pointee.context.map { String(cString: $0) }
    if let culprit = LineBreakCharacter.culprit(before: index, in: bytes, table: table) {
      return YAMLError(message: culprit.message, mark: original(culprit.mark))
    }
    if var repair = FullWidthCulprit.find(before: index, in: bytes, table: table) {
      repair.original = original(repair.original)
      return YAMLError(
        message: YAMLSyntaxRule.fullWidth(repair.character, at: repair.original, example: repair.example),
        mark: repair.original, repair: repair)
    }
    var tab = false
    if let byte = table.byteOffset(characterIndex: index, in: bytes), byte < inputCount, input[byte] == 0x09 {
      tab = true
    }
    return YAMLError(message: YAMLSyntaxRule.libyaml(problem: problem, context: context, tab: tab), mark: mark)
  }

  /// A tag as text, cut to a bounded length (tags come from the input).
  private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    let length = strnlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), 1024)
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  static func hex(_ value: UInt32) -> String {
    let s = String(value, radix: 16, uppercase: true)
    return s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
  }
}

/// Where lines start in a file, by character index (one per UTF-8 sequence, as libyaml's
/// `mark.index` counts) and by byte offset; lines end at "\n" only, as in an editor. Lookups
/// are binary searches, so positions in a large file cost O(log lines) each.
struct LineTable {
  private(set) var characterStarts: [Int] = [0]
  private(set) var byteStarts: [Int] = [0]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var characters = 0
    for i in 0..<bytes.count {
      let b = bytes[i]
      if b & 0xC0 != 0x80 { characters += 1 }
      if b == 0x0A {
        characterStarts.append(characters)
        byteStarts.append(i + 1)
      }
    }
  }

  /// True when libyaml's own line and column would differ from an editor's: the file holds
  /// U+0085 (C2 85), U+2028 or U+2029 (E2 80 A8/A9), or a "\r" not followed by "\n".
  static func isNeeded(for bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    var i = 0
    while i < n {
      switch bytes[i] {
      case 0xC2: if i + 1 < n && bytes[i + 1] == 0x85 { return true }
      case 0xE2: if i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) { return true }
      case 0x0D: if i + 1 == n || bytes[i + 1] != 0x0A { return true }
      default: break
      }
      i += 1
    }
    return false
  }

  /// The index of the last start that is <= value.
  private static func line(containing value: Int, _ starts: [Int]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= value { low = mid } else { high = mid - 1 }
    }
    return low
  }

  func mark(characterIndex index: Int) -> Mark {
    let k = Self.line(containing: index, characterStarts)
    return Mark(line: k + 1, column: max(index - characterStarts[k], 0) + 1)
  }

  func mark(byteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
    let end = min(max(offset, 0), bytes.count)
    let k = Self.line(containing: end, byteStarts)
    var column = 1
    var i = byteStarts[k]
    while i < end {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return Mark(line: k + 1, column: column)
  }

  /// The byte offset where the character at `index` starts; nil past the end.
  func byteOffset(characterIndex index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let k = Self.line(containing: index, characterStarts)
    var remaining = index - characterStarts[k]
    var i = byteStarts[k]
    while i < bytes.count {
      if bytes[i] & 0xC0 != 0x80 {
        if remaining == 0 { return i }
        remaining -= 1
      }
      i += 1
    }
    return nil
  }
}

/// U+2028, U+2029 and U+0085: line breaks to libyaml (YAML 1.1), ordinary characters to
/// editors and YAML 1.2. In a comment or an unquoted value libyaml's break ends the line
/// early and the file fails to parse; this finds the character to blame.
enum LineBreakCharacter {
  struct Culprit {
    var mark: Mark
    var message: Message
  }

  /// The (byte length, name, Chinese name, double-quoted escape) of the character starting at `i`.
  private static func character(
    at i: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> (Int, String, String, String)? {
    let n = bytes.count
    if bytes[i] == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 { return (2, "U+0085 (next line)", "下一行符（U+0085）", "\\N") }
    if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 {
      if bytes[i + 2] == 0xA8 { return (3, "U+2028 (line separator)", "行分隔符（U+2028）", "\\L") }
      if bytes[i + 2] == 0xA9 { return (3, "U+2029 (paragraph separator)", "段落分隔符（U+2029）", "\\P") }
    }
    return nil
  }

  /// The last such character before the error at character `errorIndex`, if replacing it by
  /// a space lets libyaml get further than the error: then it caused the error.
  static func culprit(before errorIndex: Int, in bytes: UnsafeBufferPointer<UInt8>, table: LineTable) -> Culprit? {
    let errorByte = table.byteOffset(characterIndex: errorIndex, in: bytes) ?? bytes.count
    var last: (byte: Int, length: Int, name: String, zhName: String, escape: String)?
    var i = 0
    while i < min(errorByte, bytes.count) {
      if let (length, name, zhName, escape) = character(at: i, in: bytes) {
        last = (i, length, name, zhName, escape)
        i += length
      } else {
        i += 1
      }
    }
    guard let last else { return nil }
    // The same number of characters with the culprit as a space, so indices stay comparable.
    var copy = Array(bytes[0..<last.byte])
    copy.append(0x20)
    copy += bytes[(last.byte + last.length)...]
    guard parsesPast(errorIndex, copy) else { return nil }
    let mark = table.mark(byteOffset: last.byte, in: bytes)
    return Culprit(
      mark: mark, message: YAMLSyntaxRule.lineBreakCharacter(name: last.name, zhName: last.zhName, escape: last.escape))
  }

  /// True when libyaml parses `bytes` without an error up to character `index` or beyond.
  static func parsesPast(_ index: Int, _ bytes: [UInt8]) -> Bool {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    defer {
      parser.deinitialize(count: 1)
      parser.deallocate()
    }
    guard yaml_parser_initialize(parser) == 1 else { return false }
    defer { yaml_parser_delete(parser) }
    return bytes.withUnsafeBufferPointer { buffer -> Bool in
      yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(parser, &event) == 1 else {
          return parser.pointee.error != YAML_READER_ERROR && Int(parser.pointee.problem_mark.index) > index
        }
        let done = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        if done { return true }
      }
    }
  }
}
