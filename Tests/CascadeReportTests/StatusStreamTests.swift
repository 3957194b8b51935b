import CascadeCore
import CascadeTestSupport
import Testing

@testable import CascadeReport

/// Every status format writes through a sink the same bytes as its text.
@Suite struct StatusStreamTests {
  @Test(arguments: StatusFormat.allCases)
  func writingThroughASinkGivesTheFormattedText(format: StatusFormat) throws {
    let result = try Linter.validateForScores(paths: [repositoryRoot + "/Plans/sales-zh"])
    let card = Scorer.score(result, asOf: Day(iso: "2027-02-28") ?? Day(ordinal: 0))
    for unit in [nil, 1] as [Int?] {
      var bytes: [UInt8] = []
      format.formatter.write(card, result, unit: unit, .plain) {
        bytes += $0
        return true
      }
      let text = format.formatter.format(card, result, unit: unit, .plain)
      #expect(bytes == Array(text.utf8))
      #expect(text.hasSuffix("\n"))
    }
  }
}
