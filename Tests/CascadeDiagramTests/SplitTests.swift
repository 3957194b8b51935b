import CascadeCore
import CascadeGenerate
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

  @Test func aUnitPageShowsTheUnitItsChainAndItsChildrenAsBoxes() throws {
    let result = try examplePlan("sales-en")
    let page = try #require(try CascadeDiagram.split(result).first { $0.name == "sales.svg" })
    let svg = try renderSVG(page.dot)
    // The chain and the unit with their objectives; the children as one box each.
    let clusters = Set(svg.titles.filter { $0.hasPrefix("cluster_") })
    #expect(clusters == ["cluster_acme", "cluster_sales"])
    #expect(svg.titles.contains("sales-east") && svg.titles.contains("sales-north"))
    #expect(!svg.titles.contains { $0.hasPrefix("sales-east/") || $0.hasPrefix("sales-north/") })
    // One arrow from each box up to the unit (drawn unit -> box, dir=back).
    #expect(svg.titles.contains { $0.hasPrefix("sales/") && $0.hasSuffix("->sales-east") })
    #expect(svg.titles.contains { $0.hasPrefix("sales/") && $0.hasSuffix("->sales-north") })
    let texts = svg.normalizedTexts
    #expect(texts.contains("team · sales-east · Li Lei"), "\(texts.sorted())")
    #expect(texts.contains { $0.hasSuffix("objectives aligned") })
    // Boxes and other units' clusters link to their pages, the unit's own cluster to the overview.
    #expect(svg.links.contains("sales-east.svg"))
    #expect(svg.links.contains("sales-north.svg"))
    #expect(svg.links.contains("acme.svg"))
    #expect(svg.links.contains("index.svg"))
  }

  @Test func childBoxesShowScoreAndHowManyObjectivesLinkUp() throws {
    let result = lint([
      (
        "co.yaml",
        """
        unit: co
        name: Company
        level: company
        cycle: 2027-Q1
        objectives:
          - id: grow
            title: Grow
            key_results:
              - {id: k, title: Revenue from 5 to 6 $M, baseline: 5, target: 6}
        """
      ),
      (
        "half.yaml",
        """
        unit: half
        name: Half Aligned
        level: department
        parent: co
        owner: Dana
        cycle: 2027-Q1
        objectives:
          - id: a
            title: Aligned
            aligns_to: co/grow
            key_results:
              - {id: k, title: Deals from 10 to 20, baseline: 10, target: 20}
          - id: b
            title: Also linked, through a key result
            key_results:
              - {id: k, title: Leads from 10 to 20, baseline: 10, target: 20, contributes_to: co/grow/k}
          - id: c
            title: On its own
            key_results:
              - {id: k, title: Talks from 1 to 4, baseline: 1, target: 4}
        """
      ),
      ("empty.yaml", "unit: empty\nname: Empty\nlevel: department\nparent: co\ncycle: 2027-Q1\n"),
    ])
    var progress = DiagramProgress()
    progress.objectives[result.objective("half/a")] = .init(progress: 0.9, status: .onTrack)
    progress.objectives[result.objective("half/b")] = .init(progress: 0.3, status: .atRisk)
    let pages = try CascadeDiagram.split(result, progress: progress)
    let svg = try renderSVG(try #require(pages.first { $0.name == "co.svg" }).dot)
    let texts = svg.normalizedTexts
    #expect(texts.contains("⚠ 2 of 3 objectives aligned"), "\(texts.sorted())")
    #expect(texts.contains("60% · at risk"))  // the mean of the scored objectives, the worst status
    #expect(texts.contains("no objectives"))
    #expect(texts.contains("department · half · Dana"))
    #expect(svg.titles.filter { $0.hasPrefix("co/grow->") }.sorted() == ["co/grow->empty", "co/grow->half"])

    // Without progress, no score.
    let plain = try renderSVG(try #require(try CascadeDiagram.split(result).first { $0.name == "co.svg" }).dot)
    #expect(!plain.normalizedTexts.contains("60% · at risk"))
  }

  @Test func levelsLeaveOutChildrenOfOtherLevels() throws {
    let result = try examplePlan("sales-en")
    let options = DiagramOptions(levels: [.company, .department])
    let pages = try CascadeDiagram.split(result, options: options)
    let acme = try renderSVG(try #require(pages.first { $0.name == "acme.svg" }).dot)
    #expect(acme.titles.contains("sales") && acme.titles.contains("customer-success"))
    let sales = try renderSVG(try #require(pages.first { $0.name == "sales.svg" }).dot)
    #expect(!sales.titles.contains("sales-east") && !sales.titles.contains("sales-north"))
    #expect(!sales.links.contains("sales-east.svg"))
  }

  /// A generated organisation of about 2,000 people (13 departments of about 19 teams of 8,
  /// a few deliberate mistakes): every page small enough to read, and rendered without warnings.
  @Test func pagesOfAGeneratedOrganisationStaySmall() throws {
    let organisation = OrganisationGenerator.generate(GeneratorOptions(people: 2_000, seed: 7, defectRate: 0.02))
    let result = lint(organisation.files.map { ($0.path, $0.contents) })
    let company = try #require(result.plan.units.firstIndex { $0.level == .company })
    #expect(result.index.children[company].count > DiagramBuilder.childRow)  // the grid is used

    let pages = try CascadeDiagram.splitPages(result)
    #expect(pages.names.count == result.plan.units.count + 1)
    var largest = (nodes: 0, name: "")
    for i in pages.names.indices {
      let output = try Graphviz.renderWithWarnings(dot: pages.dot(i), format: .svg)
      #expect(output.warnings.isEmpty, "\(pages.names[i]): \(output.warnings)")
      let svg = scanSVG(output.bytes)
      #expect(svg.nodes <= 40, "\(pages.names[i]) has \(svg.nodes) nodes")
      if svg.nodes > largest.nodes { largest = (svg.nodes, pages.names[i]) }
      if i == 1 {
        // The company page: its departments in a grid, the page about as wide as tall.
        let (width, height) = svgSize(output.bytes)
        #expect(width <= 2 * height && height <= 2 * width, "company page is \(width) × \(height)")
        #expect(svg.clusters == 2)  // the company, the grid
      }
    }
    #expect(largest.nodes > 10, "largest page \(largest)")
  }

  @Test func gridShapeIsAboutSquareAndAtMostEightWide() {
    #expect(DiagramBuilder.gridShape(1) == 1)
    #expect(DiagramBuilder.gridShape(9) == 3)
    #expect(DiagramBuilder.gridShape(13) == 5)
    #expect(DiagramBuilder.gridShape(20) == 5)
    #expect(DiagramBuilder.gridShape(63) == 8)
    #expect(DiagramBuilder.gridShape(500) == 8)
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

  /// A box standing for a subtree counts the problems below it too: the overview of a plan with
  /// mistakes deep down does not look clean at the top.
  @Test func boxesRollProblemsUpFromBelow() throws {
    let result = try examplePlan("mistakes")
    let overview = try #require(try CascadeDiagram.split(result).first).dot
    #expect(overview.contains("with the units below: ✗ 7 errors · ⚠ 6 warnings"), "\(overview)")
    var options = DiagramOptions()
    options.language = .zh
    let zh = try #require(try CascadeDiagram.split(result, options: options).first).dot
    #expect(zh.contains("含下级单元：✗ 7 个错误 · ⚠ 6 个警告"))
    // A unit with nothing wrong below it says nothing more.
    let clean = try #require(try CascadeDiagram.split(try examplePlan("sales-en")).first).dot
    #expect(!clean.contains("with the units below"))
  }

  @Test func boxesRollScoresAndTroubleUpFromBelow() throws {
    let result = try examplePlan("sales-en")
    let day = try #require(Day(iso: "2027-02-28"))
    let progress = try #require(CascadeDiagram.progress(result, asOf: day))
    let pages = try CascadeDiagram.split(result, progress: progress)
    // The department's page: each team box says how the team and its people stand together.
    let sales = try #require(pages.first { $0.name == "sales.svg" }).dot
    #expect(sales.contains(/with the units below: \d+% · \d+ KRs? off track/), "\(sales)")
    var options = DiagramOptions()
    options.language = .zh
    let zh = try #require(
      try CascadeDiagram.split(result, progress: progress, options: options).first { $0.name == "sales.svg" }
    ).dot
    #expect(zh.contains(/含下级单元：\d+% · \d+ 个 KR 已落后/), "\(zh)")
    // A person's box has no one below it: nothing to add.
    let east = try #require(pages.first { $0.name == "sales-east.svg" }).dot
    #expect(!east.contains("with the units below"))
  }

  @Test func theMeetingPagesBoxesCarryIdsLinksAndFilterClasses() throws {
    let result = try examplePlan("sales-en")
    let day = try #require(Day(iso: "2027-02-28"))
    let progress = try #require(CascadeDiagram.progress(result, asOf: day))
    var options = DiagramOptions()
    options.interactive = true
    let sales = try #require(
      try CascadeDiagram.split(result, progress: progress, options: options).first { $0.name == "sales.svg" }
    ).dot
    #expect(sales.contains(#""id"="c:sales""#))
    #expect(sales.contains(#""class"="unit-cluster subject""#))
    #expect(sales.contains(##""URL"="#u/sales-east""##))
    #expect(sales.contains(##""URL"="#index""##), "the page's own unit leads up to the overview")
    #expect(sales.contains(/"id"="u:sales-east", "class"="unit( f-[a-z_]+)+"/), "\(sales)")
    #expect(sales.contains(/"class"="objective type-committed status-[a-z_]+[^"]*f-committed"/))
    #expect(!sales.contains(".svg\""), "no file names on the meeting page")
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

/// `width` and `height` of an SVG made by Graphviz, in points.
func svgSize(_ bytes: [UInt8]) -> (width: Double, height: Double) {
  let text = String(decoding: bytes.prefix(2_000), as: UTF8.self)
  func value(_ name: String) -> Double {
    guard let start = text.range(of: " \(name)=\"") else { return 0 }
    return Double(text[start.upperBound...].prefix { $0.isNumber || $0 == "." }) ?? 0
  }
  return (value("width"), value("height"))
}
