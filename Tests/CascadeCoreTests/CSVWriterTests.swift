import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

@Suite struct CSVWriterTests {
  @Test func quotingRules() {
    #expect(CSV.encodeRow(["a", "b"]) == "a,b\n")
    #expect(CSV.encodeRow(["a,b"]) == "\"a,b\"\n")
    #expect(CSV.encodeRow(["say \"hi\""]) == "\"say \"\"hi\"\"\"\n")
    #expect(CSV.encodeRow(["a\nb", "c\r"]) == "\"a\nb\",\"c\r\"\n")
    #expect(
      CSV.encodeRow([" lead", "trail ", "\ttab", "in side"])
        == "\" lead\",\"trail \",\"\ttab\",in side\n")
    #expect(CSV.encodeRow(["", ""]) == ",\n")
    #expect(CSV.encodeRow([""]) == "\"\"\n")
    #expect(CSV.encodeRow([]) == "\n")
    #expect(CSV.encodeRow(["进度", "🚀"]) == "进度,🚀\n")
  }

  @Test func formulaLikeValuesAreNotAltered() {
    // Deliberate: see the comment on CSV.encodeRow.
    #expect(CSV.encodeRow(["-5", "+3", "=SUM(A1)", "@x"]) == "-5,+3,=SUM(A1),@x\n")
  }

  @Test func roundTrip() throws {
    let header = ["date", "key_result", "value", "confidence", "note", "author"]
    let rows: [[String]] = [
      ["2025-01-01", "kr-1", "3", "0.7", "plain", "ann"],
      ["2025-01-02", "kr,2", "-5", "", "has, commas", "bo \"the\" dev"],
      ["", "", "", "", "", ""],
      ["2025-01-03", "kr-3", "\"", "\"\"", "line1\nline2\n\nline4", "crlf\r\nx"],
      ["2025-01-04", "进度", "50%", "信心", "中文备注，含逗号, and \"引号\"", "李雷"],
      ["2025-01-05", "🚀", "👨‍👩‍👧‍👦", "🇨🇳", "emoji ✨ note\r\n🎉", "e\u{301}"],
      ["2025-01-06", " lead", "trail ", "lone\rcr", "=1+1", "\n"],
    ]
    let text = ([header] + rows).map(CSV.encodeRow).joined()
    let (table, errors) = CSV.parse(text)
    #expect(errors.isEmpty)
    #expect(table?.header == header)
    #expect(table?.records.map(\.fields) == rows)
    #expect(table?.fieldCountErrors().isEmpty == true)
    // Line numbers: each record starts after all line breaks of the previous ones.
    var expectedLine = 2
    var expectedLines: [Int] = []
    for row in rows {
      expectedLines.append(expectedLine)
      let encoded = CSV.encodeRow(row)
      expectedLine +=
        encoded.replacingOccurrences(of: "\r\n", with: "\n").filter { $0 == "\n" || $0 == "\r" }
        .count
    }
    #expect(table?.records.map(\.line) == expectedLines)
  }

  @Test func singleEmptyFieldRoundTrips() {
    let text = CSV.encodeRow(["h"]) + CSV.encodeRow([""]) + CSV.encodeRow(["x"])
    #expect(allRows(text) == [["h"], [""], ["x"]])
  }
}
