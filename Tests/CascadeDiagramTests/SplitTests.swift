import CascadeCore
import Graphviz
import Testing

@testable import CascadeDiagram

@Suite struct SplitTests {
  @Test func everyUnitGetsASmallPageAndTheOverviewLinksToThem() throws {
    let result = try examplePlan("sales-en")
    let pages = try CascadeDiagram.split(result)
    let names = pages.map(\.name)
    #expect(names.first == "index.svg")
    #expect(Set(names) == Set(["index.svg"] + result.plan.units.map { "\($0.id).svg" }))
    #expect(names.count == result.plan.units.count + 1)

    let overview = try renderSVG(pages[0].dot)
    #expect(overview.clusters == 0)
    #expect(overview.nodes == result.plan.units.count)  // units only: no objectives, no legend
    #expect(overview.edges == result.plan.units.count - 1)  // parent to child
    #expect(Set(overview.links) == Set(result.plan.units.map { "\($0.id).svg" }))

    for page in pages.dropFirst() {
      let svg = try renderSVG(page.dot)
      #expect(svg.nodes <= 30, "\(page.name) has \(svg.nodes) nodes")
      #expect(svg.clusters >= 1)
      try expectDotAccepts(page.dot)
    }
  }

  @Test func aUnitPageShowsTheUnitItsChainAndItsChildren() throws {
    let result = try examplePlan("sales-en")
    let page = try #require(try CascadeDiagram.split(result).first { $0.name == "sales.svg" })
    let svg = try renderSVG(page.dot)
    let clusters = Set(svg.titles.filter { $0.hasPrefix("cluster_") })
    #expect(clusters == ["cluster_acme", "cluster_sales", "cluster_sales-east", "cluster_sales-north"])
    // Other units' clusters link to their pages, the unit's own to the overview.
    #expect(svg.links.contains("sales-east.svg"))
    #expect(svg.links.contains("acme.svg"))
    #expect(svg.links.contains("index.svg"))
  }

  @Test func pageNamesAreSafe() {
    #expect(PageNames.sanitize("sales-east", fallback: "u") == "sales-east")
    #expect(PageNames.sanitize("../etc/passwd", fallback: "u") == "_._etc_passwd")
    #expect(PageNames.sanitize("", fallback: "u") == "u")
    #expect(PageNames.sanitize("Ünït A", fallback: "u") == "_n_t_a")
    let plan = Plan(units: [
      CascadeCore.Unit(id: "index", file: "a", level: .company, cycle: nil),
      CascadeCore.Unit(id: "x", file: "a", level: .team, cycle: nil),
      CascadeCore.Unit(id: "x", file: "b", level: .team, cycle: nil),
    ])
    let names = PageNames(PlanIndex(plan), fileExtension: "png")
    #expect(names.overview == "index.png")
    #expect(names.unit == ["unit-index.png", "x.png", "x-2.png"])
  }

  @Test func mistakesAndChinesePagesRender() throws {
    for plan in ["mistakes", "sales-zh"] {
      let result = try examplePlan(plan)
      for page in try CascadeDiagram.split(result, fileExtension: "png") {
        let output = try Graphviz.renderWithWarnings(dot: page.dot, format: .png)
        #expect(output.warnings.isEmpty, "\(plan) \(page.name): \(output.warnings)")
        #expect(output.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      }
    }
  }
}
