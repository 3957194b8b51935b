import CascadeCore
import Testing

@testable import CascadeDiagram

@Suite struct ProgressTests {
  static func progress(for result: LintResult) -> DiagramProgress {
    var p = DiagramProgress()
    p.keyResults[result.keyResult("acme/grow-sales/revenue")] = .init(progress: 1.0, status: .done, current: 6.1)
    p.keyResults[result.keyResult("acme/grow-sales/new-customers")] = .init(
      progress: 0.6, status: .onTrack, current: 42)
    p.keyResults[result.keyResult("acme/grow-sales/units-sold")] = .init(progress: 0.3, status: .atRisk)
    p.keyResults[result.keyResult("acme/satisfy-customers/csat")] = .init(progress: -0.2, status: .offTrack)
    p.keyResults[result.keyResult("acme/satisfy-customers/renewal")] = .init(progress: 0, status: .notStarted)
    p.objectives[result.objective("acme/grow-sales")] = .init(progress: 0.63, status: .onTrack)
    p.objectives[result.objective("acme/satisfy-customers")] = .init(progress: 0.1, status: .offTrack)
    return p
  }

  @Test func statusesShowInColourAndWords() throws {
    let result = try examplePlan("sales-en")
    let progress = Self.progress(for: result)
    let dot = try CascadeDiagram.dot(for: result, progress: progress)
    for status in Status.legendOrder {
      #expect(dot.contains(Style.color(status)), "colour of \(status)")
    }
    let texts = try renderSVG(dot).normalizedTexts
    #expect(texts.contains("100% · ✔ done · now 6.1 $M"))
    #expect(texts.contains("60% · on track · now 42 customers/month"))
    #expect(texts.contains("30% · at risk"))
    #expect(texts.contains("-20% · off track"))
    #expect(texts.contains("0% · not started"))
    #expect(texts.contains("63% · on track"))  // objective status
    // The legend explains every status.
    for status in Status.legendOrder { #expect(texts.contains(status.diagramLabel)) }
    try expectDotAccepts(dot)
  }

  @Test func barIsTenBlocksFilledInTheStatusColour() {
    let builder = try! DiagramBuilder(
      lint(yaml: "unit: a\nname: A\nlevel: company\ncycle: 2027\n"), progress: nil, options: DiagramOptions())
    let bar = builder.progressBar(.init(progress: 0.6, status: .atRisk), unit: nil)
    #expect(bar.contains("<FONT COLOR=\"\(Style.color(.atRisk))\">██████</FONT>"))
    #expect(bar.contains("<FONT COLOR=\"\(Style.barTrack)\">████</FONT>"))
    let over = builder.progressBar(.init(progress: 1.4, status: .done, current: 14), unit: "%")
    #expect(over.contains("██████████</FONT> <B>140% · ✔ done · now 14%</B>"))
    let nan = builder.progressBar(.init(progress: .nan, status: .notStarted), unit: nil)
    #expect(nan.contains("?% · not started"))
  }

  @Test func withoutProgressThereAreNoBars() throws {
    let result = try examplePlan("sales-en")
    let dot = try CascadeDiagram.dot(for: result)
    #expect(!dot.contains("█"))
    #expect(!dot.contains("on track"))
  }
}
