import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

@Suite struct CSVParserTests {
  @Test func simpleFile() {
    let (table, errors) = CSV.parse("date,key_result,value\n2025-01-01,kr1,3\n2025-01-08,kr1,5\n")
    #expect(errors.isEmpty)
    #expect(table?.header == ["date", "key_result", "value"])
    #expect(table?.headerLine == 1)
    #expect(
      table?.records.map(\.fields) == [["2025-01-01", "kr1", "3"], ["2025-01-08", "kr1", "5"]])
    #expect(table?.records.map(\.line) == [2, 3])
    #expect(table?.records.first?.fieldColumns == [1, 12, 16])
  }

  @Test func quotedFieldsAndLineNumbersAfterMultilineFields() throws {
    let text =
      "h1,h2\n"  // line 1
      + "\"a\nb\",c\n"  // lines 2-3
      + "d,\"e\r\nf\n\ng, \"\"q\"\"\"\n"  // lines 4-7
      + "\"x,y\",\"\"\n"  // line 8
      + "last,row"  // line 9, no final newline
    let (table, errors) = CSV.parse(text)
    #expect(errors.isEmpty)
    let records = try #require(table?.records)
    #expect(
      records.map(\.fields) == [
        ["a\nb", "c"], ["d", "e\r\nf\n\ng, \"q\""], ["x,y", ""], ["last", "row"],
      ])
    #expect(records.map(\.line) == [2, 4, 8, 9])
    #expect(records.map(\.fieldColumns) == [[1, 4], [1, 3], [1, 7], [1, 6]])
  }

  @Test func lineEndingsCRLFLoneCRAndMissingFinalNewline() {
    let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
    for text in ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4\r"] {
      let (table, errors) = CSV.parse(text)
      #expect(errors.isEmpty)
      #expect(allRows(text) == expected, "\(text.debugDescription)")
      #expect(table?.records.map(\.line) == [2, 3])
    }
  }

  @Test func blankLinesAreSkippedButWhitespaceLinesAreRecords() {
    let text = "\n\na,b\n\n1,2\r\n\r\n \n\n\n\r\n"
    let (table, errors) = CSV.parse(text)
    #expect(errors.isEmpty)
    #expect(table?.headerLine == 3)
    #expect(table?.records.map(\.fields) == [["1", "2"], [" "]])
    #expect(table?.records.map(\.line) == [5, 7])
  }

  @Test func byteOrderMarkIsSkipped() {
    let (table, errors) = CSV.parse(Data([0xEF, 0xBB, 0xBF] + Array("date,value\r\n1,2\r\n".utf8)))
    #expect(errors.isEmpty)
    #expect(table?.header == ["date", "value"])
    #expect(table?.header.first?.unicodeScalars.first == "d")
    // Columns on the first line do not count the BOM.
    let (_, quoteErrors) = CSV.parse("\u{FEFF}ab\"c,d\n")
    #expect(quoteErrors.map(\.column) == [3])
    // Only the very first BOM is special.
    #expect(allRows("a\n\u{FEFF}b\n") == [["a"], ["\u{FEFF}b"]])
  }

  @Test func emptyInputHasNoTable() {
    for text in ["", "\n\n", "\u{FEFF}", "\r\n"] {
      let (table, errors) = CSV.parse(text)
      #expect(table == nil)
      #expect(errors.isEmpty)
    }
  }

  @Test func overloadsAgree() {
    let text = "\u{FEFF}a,\"b\nc\"\n进度,🚀\n"
    let fromString = CSV.parse(text)
    let fromBytes = CSV.parse(Array(text.utf8))
    let fromData = CSV.parse(Data(text.utf8))
    #expect(fromString.table == fromBytes.table)
    #expect(fromString.table == fromData.table)
    #expect(fromString.table?.records.first?.fields == ["进度", "🚀"])
  }

  // MARK: - Errors

  @Test func unterminatedQuoteReportsTheOpeningQuote() {
    let (table, errors) = CSV.parse("a,b\n1,\"abc\ndef\n")
    #expect(errors.count == 1)
    #expect(errors.first?.kind == .unterminatedQuote)
    #expect(errors.first?.line == 2)
    #expect(errors.first?.column == 3)
    #expect(table?.header == ["a", "b"])
    #expect(table?.records.isEmpty == true)
  }

  @Test func quoteInsideUnquotedFieldSkipsTheRecordAndContinues() {
    let (table, errors) = CSV.parse("a,b\n1,ab\"c\n2,3\n")
    #expect(errors.map(\.kind) == [.quoteInUnquotedField])
    #expect(errors.first.map { [$0.line, $0.column] } == [2, 5])
    #expect(table?.records.map(\.fields) == [["2", "3"]])
    #expect(table?.records.map(\.line) == [3])
  }

  @Test func characterAfterClosingQuote() {
    let (table, errors) = CSV.parse("a,b\n\"x\"y,1\n\"multi\nline\" ,2\n3,4")
    #expect(errors.map(\.kind) == [.characterAfterClosingQuote, .characterAfterClosingQuote])
    #expect(errors.map { [$0.line, $0.column] } == [[2, 4], [4, 6]])
    #expect(errors.first?.message.en.contains("'y'") == true)
    #expect(errors.last?.message.en.contains("space") == true)
    #expect(table?.records.map(\.fields) == [["3", "4"]])
    #expect(table?.records.map(\.line) == [5])
  }

  @Test func columnsCountUnicodeScalarsNotBytes() {
    let (_, errors) = CSV.parse("h\n进度,\"x\"y\n")
    #expect(errors.map { [$0.line, $0.column] } == [[2, 7]])
  }

  @Test func invalidUTF8InUnquotedField() {
    let bytes = Array("a,b\n1,x".utf8) + [0xFF] + Array("z\n2,3\n".utf8)
    let (table, errors) = CSV.parse(bytes)
    #expect(errors.map(\.kind) == [.invalidUTF8])
    #expect(errors.map { [$0.line, $0.column] } == [[2, 4]])
    #expect(errors.first?.message.en == "invalid UTF-8 byte 0xFF")
    #expect(table?.records.map(\.fields) == [["2", "3"]])
  }

  @Test func invalidUTF8InsideMultilineQuotedField() {
    // Truncated 2-byte sequence (0xC3 then a quote) on the field's second line.
    let bytes = Array("a,b\n1,\"ok\n進x".utf8) + [0xC3] + Array("\"\n2,3\n".utf8)
    let (table, errors) = CSV.parse(bytes)
    #expect(errors.map(\.kind) == [.invalidUTF8])
    #expect(errors.map { [$0.line, $0.column] } == [[3, 3]])
    #expect(table?.records.map(\.line) == [4])
    // Overlong encodings and surrogates are rejected too, and never crash.
    for bad: [UInt8] in [
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF0],
    ] {
      let (_, errors) = CSV.parse(Array("h\nab".utf8) + bad)
      #expect(errors.map { [$0.line, $0.column] } == [[2, 3]], "\(bad)")
    }
  }

  @Test func headerWithErrorGivesNoTable() {
    let (table, errors) = CSV.parse("a,b\"c\n1,2\n")
    #expect(table == nil)
    #expect(errors.map(\.kind) == [.quoteInUnquotedField])
  }

  @Test func fieldCountIsCheckedByTheCaller() {
    let (table, errors) = CSV.parse("a,b,c\n1,2,3\n1,2\n1,2,3,4,5\n")
    #expect(errors.isEmpty)
    #expect(table?.records.map(\.fields.count) == [3, 2, 5])
    let countErrors = table?.fieldCountErrors() ?? []
    #expect(countErrors.map(\.kind) == [.fieldCount, .fieldCount])
    #expect(countErrors.map { [$0.line, $0.column] } == [[3, 3], [4, 7]])
    #expect(countErrors.first?.message.en == "expected 3 fields (as in the header), found 2")
  }

  @Test func errorDescriptionHasPosition() {
    let (_, errors) = CSV.parse("a\n\"b")
    #expect(errors.first?.description.hasPrefix("line 2, column 1: unterminated") == true)
  }

  // MARK: - Hostile input

  /// Peak resident memory in bytes (Linux reports ru_maxrss in KiB).
  func peakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
  }

  @Test func hugeSingleLineField() {
    let size = 50_000_000
    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
    let before = peakMemory()
    let (table, errors) = CSV.parse(bytes)
    #expect(errors.isEmpty)
    #expect(table?.header.count == 1)
    #expect(table?.header.first?.utf8.count == size)
    // Linear memory: input + one copy of the field, plus slack; far from quadratic.
    #expect(peakMemory() - before < 4 * size)

    // A stray quote at the very end of the huge line: short message, right column.
    bytes[size - 1] = UInt8(ascii: "\"")
    let (_, quoteErrors) = CSV.parse(bytes)
    #expect(quoteErrors.count == 1)
    #expect(quoteErrors.first?.column == size)
    #expect((quoteErrors.first?.message.en.count ?? .max) < 100)
    #expect((quoteErrors.first?.description.count ?? .max) < 130)
  }

  @Test func neverClosingQuote() {
    var bytes = Array("date,note\n2025-01-01,\"".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "y"), count: 50_000_000)
    bytes += Array("\nmore,\"\"lines\n".utf8)
    let (table, errors) = CSV.parse(bytes)
    #expect(errors.count == 1)
    #expect(errors.first?.kind == .unterminatedQuote)
    #expect(errors.first?.line == 2)
    #expect(errors.first?.column == 12)
    #expect((errors.first?.message.en.count ?? .max) < 100)
    #expect(errors.first?.message.en.contains("yyy") == false)
    #expect(table?.records.isEmpty == true)
  }

  @Test func hugeLineOfSeparatorsIsCapped() {
    let bytes = [UInt8](repeating: UInt8(ascii: ","), count: 20_000_000)
    let (table, errors) = CSV.parse(Array("h\n".utf8) + bytes + Array("\nok\n".utf8))
    #expect(errors.map(\.kind) == [.tooManyFields])
    #expect(errors.first?.line == 2)
    #expect(table?.records.map(\.fields) == [["ok"]])
  }

  @Test func manyErrorsAreCapped() {
    let text = "h\n" + String(repeating: "a\"b\n", count: 100_000)
    let (_, errors) = CSV.parse(text)
    #expect(errors.count == CSV.maxErrors + 1)
    #expect(errors.last?.kind == .tooManyErrors)
  }

  @Test func arbitraryBytesNeverCrash() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [
      0x22, 0x2C, 0x0A, 0x0D, 0x61, 0x20, 0xE8, 0xBF, 0x9B, 0xFF, 0xEF, 0xBB,
    ]
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<40, using: &generator)
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
      let (table, errors) = CSV.parse(bytes)
      for error in errors {
        #expect(error.line >= 1 && error.column >= 1)
      }
      for record in table?.records ?? [] {
        #expect(record.fields.count == record.fieldColumns.count)
      }
    }
  }
}
