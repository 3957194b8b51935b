import CascadeCore
import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

/// The diagram of the English example plan, checked in the SVG Graphviz makes of it.
@Suite struct ExamplePlanTests {
  @Test func svgHasAClusterPerUnitANodePerObjectiveAndAnEdgePerLink() throws {
    let result = try examplePlan("sales-en")
    let plan = result.plan
    let dot = try CascadeDiagram.dot(for: result)
    let svg = try renderSVG(dot)
    #expect(svg.clusters == plan.units.count)
    // Objectives plus the legend; the example has no unresolved link.
    #expect(result.index.links.allSatisfy { $0.target != nil })
    #expect(svg.nodes == plan.objectiveCount + 1)
    // Every aligns_to and contributes_to is an edge; the invisible layering edges are not drawn.
    #expect(svg.edges == result.index.links.count)
    #expect(svg.titles.contains("cluster_acme"))
    #expect(svg.titles.contains("acme/grow-sales"))
  }

  @Test func everyTitleAppearsAsText() throws {
    let result = try examplePlan("sales-en")
    let options = DiagramOptions()
    let texts = try renderSVG(CascadeDiagram.dot(for: result, options: options)).normalizedTexts
    for unit in result.plan.units {
      #expect(texts.contains(unit.name), "unit name \(unit.name)")
      for objective in unit.objectives {
        for line in TextWrap.wrap(objective.title, width: options.wrapWidth) {
          #expect(texts.contains(line), "objective title line '\(line)'")
        }
        for kr in objective.keyResults {
          for line in TextWrap.wrap(kr.title, width: options.wrapWidth) {
            #expect(texts.contains(line), "key result title line '\(line)'")
          }
        }
      }
    }
    // What each kind of key result measures.
    #expect(texts.contains("30 → 50 customers/month"))
    #expect(texts.contains("≥ 90%"))
    #expect(texts.contains("≤ 4 hours"))
    #expect(texts.contains("milestone · due 2027-03-15"))
    #expect(texts.contains("Acme Corp · 2027-Q1"))
    #expect(texts.contains("Legend"))
  }

  @Test func companyIsAtTheTop() throws {
    let result = try examplePlan("sales-en")
    let dot = try CascadeDiagram.dot(for: result)
    let plain = String(decoding: try Graphviz.render(dot: dot, format: .plain), as: UTF8.self)
    // "node name x y ...": y grows upward in -Tplain.
    var y: [String: Double] = [:]
    for line in plain.split(separator: "\n") where line.hasPrefix("node ") {
      let fields = line.split(separator: " ")
      y[String(fields[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))] = Double(fields[3])
    }
    let company = try #require(y["acme/grow-sales"])
    for (id, value) in y where id.contains("/") && !id.hasPrefix("acme/") {
      #expect(value < company, "\(id) is not below the company")
    }
    #expect(try #require(y["sales/hit-revenue"]) > #require(y["sales-east/win-east"]))
    #expect(try #require(y["sales-east/win-east"]) > #require(y["zhang-wei/new-clients"]))
  }

  @Test(arguments: ["sales-en", "sales-zh", "mistakes"])
  func graphvizDotAcceptsTheDOTWithoutWarnings(plan: String) throws {
    let result = try examplePlan(plan)
    try expectDotAccepts(CascadeDiagram.dot(for: result))
    try expectDotAccepts(CascadeDiagram.dot(for: result, options: DiagramOptions(showKeyResults: false)))
  }

  @Test func mistakesShowTheirProblems() throws {
    let result = try examplePlan("mistakes")
    let dot = try CascadeDiagram.dot(for: result)
    let svg = try renderSVG(dot)
    let texts = svg.normalizedTexts
    #expect(texts.contains("⚠ not aligned"))
    #expect(texts.contains("? oops/grow-sale"))  // the note at the end of the dangling edge
    #expect(texts.contains("✗ no target"))
    #expect(texts.contains("? vague: no quantity in the title"))
    #expect(texts.contains("✗ alignment loop"))
    #expect(texts.contains { $0.hasPrefix("✗ ") && $0.contains("error") })  // counts in cluster labels
    // The unaligned objective has a red dashed border.
    #expect(dot.contains("COLOR=\"#c62828\" BGCOLOR=\"white\" STYLE=\"rounded,dashed\""))
    // Each unresolved reference is an edge to a note node.
    let unresolved = result.index.links.count { $0.target == nil }
    #expect(unresolved > 0)
    #expect(svg.nodes == result.plan.objectiveCount + unresolved + 1)
  }

  @Test func keyResultsCanBeLeftOut() throws {
    let result = try examplePlan("sales-en")
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(showKeyResults: false))
    #expect(!dot.contains("PORT="))
    #expect(!dot.contains("headport"))
    let texts = try renderSVG(dot).normalizedTexts
    #expect(!texts.contains("50 new customers per month"))
    #expect(texts.contains("Grow sales 20% next quarter"))
  }

  @Test func leftToRight() throws {
    let result = try examplePlan("sales-en")
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(direction: .leftToRight))
    #expect(dot.contains("\"rankdir\"=\"LR\""))
    try expectDotAccepts(dot)
  }

  @Test func titleHasNameCycleAndDate() throws {
    let result = try examplePlan("sales-zh")
    var options = DiagramOptions(date: Day(iso: "2027-02-15"))
    #expect(try CascadeDiagram.dot(for: result, options: options).contains("星辰科技 · 2027-Q1 · as of 2027-02-15"))
    options.title = "Quarterly review"
    #expect(try CascadeDiagram.dot(for: result, options: options).contains("<B>Quarterly review</B>"))
  }

  @Test func renderReturnsImageBytes() throws {
    let result = try examplePlan("sales-en")
    let png = try CascadeDiagram.render(result, format: .png)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func chinesePDFEmbedsACJKFont() throws {
    let result = try examplePlan("sales-zh")
    let pdf = try CascadeDiagram.render(result, format: .pdf)
    #expect(pdf.starts(with: Array("%PDF".utf8)))
    let file = temporaryFile("sales-zh.pdf")
    try Data(pdf).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let fonts = String(decoding: try run("pdffonts", [file], package: "poppler-utils").stdout, as: UTF8.self)
    let cjk = fonts.split(separator: "\n").filter { $0.contains("WenQuanYi") }
    #expect(!cjk.isEmpty, "WenQuanYi Micro Hei is not in the PDF:\n\(fonts)")
    // name type encoding emb sub uni: embedded ("yes" in the emb column).
    #expect(cjk.contains { $0.split(separator: " ").contains("yes") }, "not embedded:\n\(fonts)")
    let text = String(decoding: try run("pdftotext", [file, "-"], package: "poppler-utils").stdout, as: UTF8.self)
    #expect(text.contains("星辰科技"))
  }
}
