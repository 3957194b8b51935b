import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeGenerate

/// The wording rules on the corpus of published key results (Tests/Corpus): the figures the
/// README reports may not slide back. `cascade-bench --corpus Tests/Corpus/key-results.tsv
/// --missed` prints them with the rows each one misses.
@Suite struct CorpusTests {
  static func corpus(_ file: String = "key-results.tsv") throws -> Corpus {
    try Corpus(tsv: String(contentsOfFile: repositoryRoot + "/Tests/Corpus/" + file, encoding: .utf8))
  }

  /// The held-out rows were collected and labelled blind after the wording was tuned on the
  /// main corpus, and favour titles with several numbers: they show how far the tuning carries.
  /// Floors at their figures.
  @Test(arguments: [("en", 0.80, 0.01, 0.85), ("zh", 0.80, 0.03, 0.88)])
  func theHeldOutFiguresHold(_ language: String, _ recall: Double, _ falsePositives: Double, _ targets: Double) throws {
    let corpus = try Self.corpus("held-out.tsv")
    #expect(corpus.rows.count >= 100)
    #expect(Set(corpus.rows.map(\.id)).count == corpus.rows.count, "ids are unique")
    let main = Set(try Self.corpus().rows.map(\.title))
    #expect(corpus.rows.allSatisfy { !main.contains($0.title) }, "no held-out row is in the main corpus")
    let f = corpus.figures(language)
    #expect(f.vagueRecall.value >= recall, "\(language) recall \(f.vagueRecall)")
    #expect(f.falsePositives.value <= falsePositives, "\(language) false positives \(f.falsePositives)")
    #expect(f.targetAccuracy.value >= targets, "\(language) targets \(f.targetAccuracy)")
  }

  @Test func everyRowHasASourceAndAKnownLabel() throws {
    let corpus = try Self.corpus()
    #expect(corpus.rows.count >= 950)
    #expect(Set(corpus.rows.map(\.id)).count == corpus.rows.count, "ids are unique")
    for row in corpus.rows {
      #expect(row.source.hasPrefix("https://") || row.source.hasPrefix("http://"), "\(row.id)")
      #expect(!row.title.isEmpty, "\(row.id)")
    }
    #expect(Set(corpus.rows.map(\.source)).count >= 100)
  }

  /// Floors at today's figures: vague recall, measurable flagged, kr-activity precision,
  /// target suggestions.
  @Test(arguments: [
    ("en", 0.99, 0.01, 0.80, 0.99), ("zh", 0.99, 0.02, 0.85, 0.97), ("zh-hans", 0.99, 0.03, 0.85, 0.96),
    ("zh-hant", 0.99, 0.01, 0.85, 0.97),
  ])
  func theFiguresHold(
    _ language: String, _ recall: Double, _ falsePositives: Double, _ activity: Double, _ targets: Double
  ) throws {
    let f = try Self.corpus().figures(language)
    #expect(f.vagueRecall.value >= recall, "\(language) recall \(f.vagueRecall)")
    #expect(f.falsePositives.value <= falsePositives, "\(language) false positives \(f.falsePositives)")
    #expect(f.activityPrecision.value >= activity, "\(language) kr-activity precision \(f.activityPrecision)")
    #expect(f.targetAccuracy.value >= targets, "\(language) targets \(f.targetAccuracy)")
  }

  /// A stated target is read as its number (of a range, its end), and a suggestion matches it
  /// up to a scale the title writes in words.
  @Test func targetsAreReadAsTheirNumbers() {
    #expect(Corpus.number(in: "1,200") == 1200)
    #expect(Corpus.number(in: "4.5/5") == 4.5)
    #expect(Corpus.number(in: "1-2 iterations") == 2)
    #expect(Corpus.number(in: "3~5 个") == 5)
    #expect(Corpus.number(in: "2到3名") == 3)
    #expect(Corpus.number(in: "兩個") == 2)
    #expect(Corpus.number(in: "三十") == 30)
    #expect(Corpus.number(in: "５０") == 50)
    #expect(Corpus.number(in: "$N") == nil)
    #expect(Corpus.same(1_000_000, 100) && Corpus.same(80, 8) && !Corpus.same(3, 4))
    #expect(Corpus.same(0.7500000000000001, 0.75))
  }

  @Test func aMalformedRowIsReportedByLine() {
    #expect(throws: CorpusError.self) { try Corpus(tsv: "header\nen-1\ten\ttitle\tmaybe\toutcome\t\thttps://x\n") }
  }
}
