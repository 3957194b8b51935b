import CascadeCore
import CascadeServe
import CascadeTestSupport
import Foundation
import Testing

/// The live path: a changed plan file or checkins.csv makes a new snapshot, tells every viewer,
/// and no page of the old version is served again.
@Suite struct LiveTests {
  static let company = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow revenue
        key_results:
          - {id: arr, title: ARR from 10 to 20 M, baseline: 10, target: 20, unit: M}
    """

  static func live(_ plan: TemporaryPlan) -> LivePlan {
    LivePlan(
      ServeOptions(paths: [plan.root], asOf: Day(iso: "2027-02-15"), language: { _ in .en }),
      today: { Day(ordinal: 0) })
  }

  @Test func aChangedFileMakesANewVersionAndTellsViewers() async throws {
    let plan = try TemporaryPlan(["company.yaml": Self.company])
    let live = Self.live(plan)
    #expect(live.snapshot.version == 1)
    #expect(!live.refreshIfChanged())
    var versions = live.versions().makeAsyncIterator()
    #expect(await versions.next() == 1)

    try plan.write(
      "company.yaml", Data(Self.company.replacingOccurrences(of: "Grow revenue", with: "Grow profit").utf8))
    #expect(live.refreshIfChanged())
    #expect(await versions.next() == 2)
    #expect(live.snapshot.search?.search("grow profit").hits.first?.ref == "acme/grow")

    try plan.write(
      "checkins.csv", Data("date,key_result,value,confidence,note,author\n2027-02-01,acme/grow/arr,14,,,\n".utf8))
    #expect(live.refreshIfChanged())
    #expect(await versions.next() == 3)
    #expect(live.snapshot.card?.keyResults.first?.current == 14)
    #expect(live.snapshot.unitJSON("acme")?.contains("\"score\":0.4") == true)

    try plan.write(
      "team.yaml", Data("unit: team\nname: Team\nlevel: team\nparent: acme\ncycle: 2027-Q1\nobjectives: []\n".utf8))
    #expect(live.refreshIfChanged())
    #expect(live.snapshot.unitJSON("team")?.contains("\"chain\":[{\"id\":\"acme\"") == true)
    #expect(live.snapshot.modelJSON.contains("\"units\":2"))
  }

  @Test func anInvalidPlanShowsItsDiagnosticsNotABlankPage() throws {
    let plan = try TemporaryPlan(["company.yaml": Self.company])
    let live = Self.live(plan)
    try plan.write("company.yaml", Data("unit: acme\nname: [unclosed\n".utf8))
    #expect(live.refreshIfChanged())
    let model = live.snapshot.modelJSON
    #expect(model.contains("\"rule\":\"yaml-syntax\""), "\(model.prefix(400))")
    #expect(!model.contains("\"errors\":0,"), "the summary counts the errors")
  }

  @Test func pagesOfAnOldVersionAreNotServed() throws {
    let plan = try TemporaryPlan(["company.yaml": Self.company])
    let live = Self.live(plan)
    let before = try #require(try live.svg("acme"))
    #expect(String(decoding: before, as: UTF8.self).contains("Grow revenue"))
    try plan.write(
      "company.yaml", Data(Self.company.replacingOccurrences(of: "Grow revenue", with: "Grow profit").utf8))
    #expect(live.refreshIfChanged())
    let after = try #require(try live.svg("acme"))
    #expect(String(decoding: after, as: UTF8.self).contains("Grow profit"))
  }
}
