import CascadeCore
import CascadeReport
import CascadeServe
import CascadeTestSupport
import Testing

/// The search box's index: what it finds, in which order, and that a hostile query or plan
/// text stays bounded.
@Suite struct SearchIndexTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    owner: Wang Jianguo
    cycle: 2027-Q1
    objectives:
      - id: sales
        title: Sales beat the plan
        key_results:
          - {id: revenue, title: Quarterly revenue from 46 to 56 M, baseline: 46, target: 56, unit: M}
          - {id: customers, title: 每月新增５０个客户, baseline: 30, target: 50}
    ---
    unit: sales
    name: Sales
    level: department
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win the north
        aligns_to: acme/sales
        key_results:
          - {id: deals, title: "Close 40 deals\\nin the north", baseline: 0, target: 40}
    """

  static func index() throws -> SearchIndex {
    let result = try lint(plan)
    return SearchIndex(result, Presentation(language: .en))
  }

  @Test func anExactNameComesFirstThenNamesThatStartWithItThenTheRest() throws {
    let hits = try Self.index().search("sales").hits
    #expect(hits.map(\.label).prefix(3) == ["Sales", "Sales beat the plan", "Win the north"], "\(hits.map(\.label))")
    #expect(hits.first?.kind == .unit)
    #expect(hits.first?.hint == "department")
  }

  @Test func everyWordMustMatchSomewhereInTheEntry() throws {
    let index = try Self.index()
    #expect(index.search("north deals").hits.map(\.ref) == ["sales/win/deals"])
    #expect(index.search("north revenue").hits.isEmpty)
    // An owner finds their unit; a reference finds its key result.
    #expect(index.search("jianguo").hits.first?.unit == "acme")
    #expect(index.search("acme/sales/revenue").hits.first?.ref == "acme/sales/revenue")
  }

  @Test func widthAndCaseDoNotMatter() throws {
    let index = try Self.index()
    // Full-width digits in the plan, ASCII in the query; and the other way round.
    #expect(index.search("50个客户").hits.count == 1)
    #expect(index.search("ＳＡＬＥＳ").hits.first?.label == "Sales")
    // A line break in a title is a space.
    #expect(index.search("deals in").hits.count == 1)
  }

  @Test func hostileQueriesStayBounded() throws {
    let index = try Self.index()
    #expect(index.search("").hits.isEmpty)
    #expect(index.search("   \n\t ").hits.isEmpty)
    #expect(index.search("\u{0}").hits.isEmpty)
    // A query cut inside a character does not keep half of it.
    let long = String(repeating: "客", count: SearchIndex.maxQuery)
    #expect(index.search(long).hits.isEmpty)
    #expect(index.search(String(repeating: "a ", count: 10_000)).hits.count <= SearchIndex.maxHits)
  }

  @Test func manyMatchesAreCutAndSaySo() throws {
    var yaml = "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives:\n"
    for i in 0..<30 {
      yaml += "  - id: o\(i)\n    title: Grow thing \(i)\n    key_results:\n"
      yaml += "      - {id: k, title: Grow count \(i) from 1 to 2, baseline: 1, target: 2}\n"
    }
    let index = SearchIndex(try lint(yaml), Presentation(language: .en))
    let (hits, more) = index.search("grow")
    #expect(hits.count == SearchIndex.maxHits)
    #expect(more)
    // Objectives before key results at the same rank, each in plan order.
    #expect(hits.first?.ref == "acme/o0")
  }
}
