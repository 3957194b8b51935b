import Foundation

/// A parsed CSV file: the first record is the header, the rest are data records.
public struct CSVTable: Sendable, Equatable {
  public var header: [String]
  /// 1-based line of the header record (1 unless blank lines precede it).
  public var headerLine: Int
  public var records: [CSVRecord]

  public init(header: [String], headerLine: Int = 1, records: [CSVRecord]) {
    self.header = header
    self.headerLine = headerLine
    self.records = records
  }

  /// One error per record whose field count differs from the header's.
  /// The parser itself accepts ragged records; checking is the caller's job.
  public func fieldCountErrors() -> [CSVError] {
    records.compactMap { record in
      let count = record.fields.count
      guard count != header.count else { return nil }
      // Point at the first surplus field, or at the last field when some are missing.
      let index = count > header.count ? header.count : count - 1
      let column = record.fieldColumns.indices.contains(index) ? record.fieldColumns[index] : 1
      return CSVError(
        kind: .fieldCount,
        message: CheckInSyntaxRule.fieldCount(expected: header.count, found: count),
        line: record.line, column: column)
    }
  }
}

/// One CSV record (a row; it may span several lines when quoted fields contain newlines).
public struct CSVRecord: Sendable, Equatable {
  public var fields: [String]
  /// 1-based line where the record starts.
  public var line: Int
  /// 1-based column (in Unicode scalars) where each field starts, for diagnostics.
  /// For a quoted field this is the column of the opening quote.
  public var fieldColumns: [Int]

  public init(fields: [String], line: Int, fieldColumns: [Int]) {
    self.fields = fields
    self.line = line
    self.fieldColumns = fieldColumns
  }
}

/// A positioned CSV diagnostic. Messages never quote more than a few characters of input.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable, Equatable {
    /// A quoted field is still open at end of input (position = the opening quote).
    case unterminatedQuote
    /// A `"` inside a field that does not start with `"`.
    case quoteInUnquotedField
    /// Something other than `,` or a line break right after a closing quote.
    case characterAfterClosingQuote
    /// A byte sequence that is not valid UTF-8 (position = the first bad byte).
    case invalidUTF8
    /// A record with more fields than `maxFieldsPerRecord`.
    case tooManyFields
    /// Parsing stopped after `CSV.maxErrors` errors.
    case tooManyErrors
    /// Record field count differs from the header (reported by `CSVTable.fieldCountErrors()`).
    case fieldCount
    /// The header is missing or not the one expected (reported by the caller, e.g. `CheckInLog`).
    case header
  }

  public var kind: Kind
  public var message: Message
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in Unicode scalars (a leading BOM is not counted).
  public var column: Int

  public init(kind: Kind, message: Message, line: Int, column: Int) {
    self.kind = kind
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String { "line \(line), column \(column): \(message.en)" }
}

/// RFC 4180 CSV reading and writing (UTF-8).
///
/// Reading rules:
/// - Records end at LF, CRLF or a lone CR (outside quotes). Line breaks inside quoted
///   fields are kept verbatim and counted, so later line numbers stay right.
/// - A UTF-8 BOM at the very start is skipped. A missing final newline is fine.
/// - Completely empty lines (zero characters) are skipped anywhere in the file, not only
///   at the end: in a hand-edited file they are formatting, not one-empty-field records.
///   A line holding only spaces is a record. (`encodeRow([""])` writes `""` so a
///   one-column empty record still round-trips.)
/// - Fields are not trimmed.
/// - A record containing an error is left out of the table; parsing resumes at the next
///   line. `table` is nil when there is no header record (empty input) or the header
///   itself has an error. Any non-empty `errors` means the table is incomplete.
/// - Memory and time are linear in the input; error messages never echo input text.
public enum CSV {
  /// Parsing stops (with a final `.tooManyErrors` error) after this many errors.
  public static let maxErrors = 100

  public static func parse(_ bytes: [UInt8], maxFieldsPerRecord: Int = 10_000) -> (
    table: CSVTable?, errors: [CSVError]
  ) {
    bytes.withUnsafeBufferPointer { parse(buffer: $0, maxFieldsPerRecord: maxFieldsPerRecord) }
  }

  public static func parse(_ data: Data, maxFieldsPerRecord: Int = 10_000) -> (
    table: CSVTable?, errors: [CSVError]
  ) {
    data.withUnsafeBytes { raw in
      parse(buffer: raw.bindMemory(to: UInt8.self), maxFieldsPerRecord: maxFieldsPerRecord)
    }
  }

  public static func parse(_ string: String, maxFieldsPerRecord: Int = 10_000) -> (
    table: CSVTable?, errors: [CSVError]
  ) {
    var string = string
    return string.withUTF8 { parse(buffer: $0, maxFieldsPerRecord: maxFieldsPerRecord) }
  }

  /// Encodes one record, terminated by "\n".
  ///
  /// A field is quoted (inner quotes doubled) when it contains `,` `"` CR or LF, or
  /// starts or ends with a space or tab (so editors and trimming readers keep it intact).
  /// A record made of one empty field is written as `""` so it is not read back as a
  /// blank line.
  ///
  /// Spreadsheet formula injection: values starting with `=`, `+`, `-` or `@` are written
  /// unchanged, deliberately. checkins.csv is the plan's own source of truth, read by
  /// Cascade, diffed in git and edited by hand; prefixing such values (e.g. with `'`)
  /// would corrupt legitimate data such as `-5` or `+3` and break round-tripping, and
  /// the values come from the plan's own authors. Any export meant for untrusted
  /// spreadsheet use should neutralise formulas in that export, not here.
  public static func encodeRow(_ fields: [String]) -> String {
    if fields.count == 1 && fields[0].isEmpty { return "\"\"\n" }
    var out = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { out += "," }
      out += encodeField(field)
    }
    out += "\n"
    return out
  }

  static func encodeField(_ field: String) -> String {
    var needsQuotes = false
    for unit in field.utf8 where unit == comma || unit == quote || unit == cr || unit == lf {
      needsQuotes = true
      break
    }
    if !needsQuotes, let first = field.utf8.first, let last = field.utf8.last {
      needsQuotes = first == space || first == tab || last == space || last == tab
    }
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: - Parser

  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let cr = UInt8(ascii: "\r")
  static let lf = UInt8(ascii: "\n")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  static func parse(buffer: UnsafeBufferPointer<UInt8>, maxFieldsPerRecord: Int) -> (
    table: CSVTable?, errors: [CSVError]
  ) {
    var parser = Parser(bytes: buffer, maxFieldsPerRecord: max(1, maxFieldsPerRecord))
    parser.run()
    guard let first = parser.records.first, first.line == parser.firstRecordLine else {
      return (nil, parser.errors)
    }
    let table = CSVTable(
      header: first.fields, headerLine: first.line, records: Array(parser.records.dropFirst()))
    return (table, parser.errors)
  }

  private struct Parser {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let maxFields: Int
    var i = 0
    /// Current 1-based line and byte offset where it starts.
    var line = 1
    var lineStart = 0
    /// Incremental column cursor (offset, column) on the current line, so that column
    /// lookups cost O(distance moved) rather than O(line length).
    var cursorOffset = 0
    var cursorColumn = 1
    var cursorLine = 1
    var records: [CSVRecord] = []
    var errors: [CSVError] = []
    var firstRecordLine = 0
    var stopped = false

    init(bytes: UnsafeBufferPointer<UInt8>, maxFieldsPerRecord: Int) {
      b = bytes
      n = bytes.count
      maxFields = maxFieldsPerRecord
      if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
      lineStart = i
      cursorOffset = i
    }

    /// Column (in Unicode scalars) of byte `offset` on the current line.
    mutating func column(at offset: Int) -> Int {
      if cursorLine != line || cursorOffset > offset {
        cursorLine = line
        cursorOffset = lineStart
        cursorColumn = 1
      }
      var k = cursorOffset
      var col = cursorColumn
      while k < offset {
        if b[k] & 0xC0 != 0x80 { col += 1 }
        k += 1
      }
      cursorOffset = offset
      cursorColumn = col
      return col
    }

    /// Consumes a line break at `i` (LF, CRLF or CR) if there is one.
    mutating func consumeLineBreak() -> Bool {
      guard i < n else { return false }
      if b[i] == CSV.lf {
        i += 1
      } else if b[i] == CSV.cr {
        i += 1
        if i < n && b[i] == CSV.lf { i += 1 }
      } else {
        return false
      }
      line += 1
      lineStart = i
      return true
    }

    mutating func report(_ kind: CSVError.Kind, _ message: Message, line: Int, column: Int) {
      guard !stopped else { return }
      errors.append(CSVError(kind: kind, message: message, line: line, column: column))
      if errors.count >= CSV.maxErrors {
        errors.append(
          CSVError(
            kind: .tooManyErrors, message: CheckInSyntaxRule.tooManyErrors, line: line,
            column: column))
        stopped = true
      }
    }

    /// Skips to the end of the current line (not consuming the break).
    mutating func skipRestOfLine() {
      while i < n && b[i] != CSV.lf && b[i] != CSV.cr { i += 1 }
    }

    mutating func run() {
      while i < n && !stopped {
        if consumeLineBreak() { continue }  // blank line
        parseRecord()
      }
    }

    mutating func parseRecord() {
      let recordLine = line
      if firstRecordLine == 0 { firstRecordLine = recordLine }
      var fields: [String] = []
      var columns: [Int] = []
      var failed = false
      var utf8Reported = false

      while true {
        let fieldStart = i
        let fieldColumn = column(at: i)
        if fields.count >= maxFields {
          report(
            .tooManyFields, CheckInSyntaxRule.tooManyFields(maxFields), line: line,
            column: fieldColumn)
          failed = true
          skipRestOfLine()
          break
        }
        if i < n && b[i] == CSV.quote {
          // Quoted field.
          let openLine = line
          let openLineStart = lineStart
          i += 1
          let contentStart = i
          var hasDoubledQuote = false
          var closed = false
          while i < n {
            let c = b[i]
            if c == CSV.quote {
              if i + 1 < n && b[i + 1] == CSV.quote {
                hasDoubledQuote = true
                i += 2
                continue
              }
              closed = true
              break
            } else if c == CSV.lf || c == CSV.cr {
              _ = consumeLineBreak()
            } else {
              i += 1
            }
          }
          guard closed else {
            report(
              .unterminatedQuote,
              CheckInSyntaxRule.unterminatedQuote,
              line: openLine, column: fieldColumn)
            failed = true
            i = n
            break
          }
          let contentEnd = i
          i += 1  // closing quote
          let content = UnsafeBufferPointer(rebasing: b[contentStart..<contentEnd])
          if !utf8Reported, let bad = CSV.firstInvalidUTF8(content) {
            let (badLine, badColumn) = locate(
              contentStart + bad, from: contentStart - 1, line: openLine,
              lineStart: openLineStart)
            report(
              .invalidUTF8, CheckInSyntaxRule.invalidUTF8(b[contentStart + bad]),
              line: badLine, column: badColumn)
            utf8Reported = true
            failed = true
          }
          fields.append(CSV.field(content, doubledQuotes: hasDoubledQuote))
          columns.append(fieldColumn)
          if i < n && b[i] != CSV.comma && b[i] != CSV.lf && b[i] != CSV.cr {
            report(
              .characterAfterClosingQuote,
              CheckInSyntaxRule.characterAfterClosingQuote(CSV.describe(b, at: i)),
              line: line, column: column(at: i))
            failed = true
            skipRestOfLine()
          }
        } else {
          // Unquoted field.
          var fieldEnd = -1
          while i < n {
            let c = b[i]
            if c == CSV.comma || c == CSV.lf || c == CSV.cr { break }
            if c == CSV.quote {
              report(
                .quoteInUnquotedField,
                CheckInSyntaxRule.quoteInUnquotedField,
                line: line, column: column(at: i))
              failed = true
              fieldEnd = i
              skipRestOfLine()
              break
            }
            i += 1
          }
          if fieldEnd < 0 { fieldEnd = i }
          let content = UnsafeBufferPointer(rebasing: b[fieldStart..<fieldEnd])
          if !utf8Reported, let bad = CSV.firstInvalidUTF8(content) {
            report(
              .invalidUTF8, CheckInSyntaxRule.invalidUTF8(b[fieldStart + bad]), line: line,
              column: column(at: fieldStart + bad))
            utf8Reported = true
            failed = true
          }
          fields.append(String(decoding: content, as: UTF8.self))
          columns.append(fieldColumn)
        }
        if i < n && b[i] == CSV.comma {
          i += 1
          continue
        }
        _ = consumeLineBreak()
        break
      }
      if !failed {
        records.append(CSVRecord(fields: fields, line: recordLine, fieldColumns: columns))
      }
    }

    /// Line and column of byte `target`, scanning forward from `start` (which lies on
    /// `line`, a line beginning at `lineStart`). Used only on error paths.
    func locate(_ target: Int, from start: Int, line: Int, lineStart: Int) -> (Int, Int) {
      var ln = line
      var ls = lineStart
      var k = start
      while k < target {
        if b[k] == CSV.lf {
          ln += 1
          ls = k + 1
        } else if b[k] == CSV.cr {
          if k + 1 < n && b[k + 1] == CSV.lf { k += 1 }
          ln += 1
          ls = k + 1
        }
        k += 1
      }
      var col = 1
      for j in ls..<target where b[j] & 0xC0 != 0x80 { col += 1 }
      return (ln, col)
    }
  }

  /// A quoted field's content as text, each doubled quote read as one.
  static func field(_ content: UnsafeBufferPointer<UInt8>, doubledQuotes: Bool) -> String {
    guard doubledQuotes else { return String(decoding: content, as: UTF8.self) }
    var unescaped: [UInt8] = []
    unescaped.reserveCapacity(content.count)
    var k = 0
    while k < content.count {
      unescaped.append(content[k])
      k += content[k] == CSV.quote ? 2 : 1
    }
    return String(decoding: unescaped, as: UTF8.self)
  }

  /// Offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
  static func firstInvalidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
    if (try? UTF8Span(validating: s.span)) != nil { return nil }  // fast path, copying nothing
    let n = s.count
    var k = 0
    func isCont(_ j: Int) -> Bool { j < n && s[j] & 0xC0 == 0x80 }
    while k < n {
      let c = s[k]
      var length = 0
      switch c {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = isCont(k + 1) ? 2 : 0
      case 0xE0: length = k + 1 < n && (0xA0...0xBF).contains(s[k + 1]) && isCont(k + 2) ? 3 : 0
      case 0xED: length = k + 1 < n && (0x80...0x9F).contains(s[k + 1]) && isCont(k + 2) ? 3 : 0
      case 0xE1...0xEC, 0xEE...0xEF: length = isCont(k + 1) && isCont(k + 2) ? 3 : 0
      case 0xF0:
        length =
          k + 1 < n && (0x90...0xBF).contains(s[k + 1]) && isCont(k + 2) && isCont(k + 3) ? 4 : 0
      case 0xF1...0xF3: length = isCont(k + 1) && isCont(k + 2) && isCont(k + 3) ? 4 : 0
      case 0xF4:
        length =
          k + 1 < n && (0x80...0x8F).contains(s[k + 1]) && isCont(k + 2) && isCont(k + 3) ? 4 : 0
      default: length = 0
      }
      if length == 0 { return k }
      k += length
    }
    return nil  // unreachable when validation failed, kept for safety
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
  }

  /// A short, safe description of the character at `offset` (never more than ~12 chars).
  static func describe(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> Message {
    let c = b[offset]
    let printable = c >= 0x21 && c <= 0x7E ? Character(Unicode.Scalar(c)) : nil
    return CheckInSyntaxRule.character(printable: printable, byte: c)
  }
}
