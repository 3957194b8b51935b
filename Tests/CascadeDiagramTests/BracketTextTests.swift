import CascadeCore
import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

/// Issue 8: a text run that is exactly `]` or `]]` (a title `]`, a wrapped line or a unit
/// ending in ` ]`) made Graphviz 2.42 reject the whole HTML-like label, so the boxes showed only
/// internal ids. Every text must still appear literally and the DOT must parse without warnings.
@Suite struct BracketTextTests {
  static let plan = """
    unit: acme
    name: "]"
    level: company
    owner: "]]"
    cycle: 2027-Q1
    objectives:
      - id: brackets
        title: "]"
        key_results:
          - {id: one, title: "]]", baseline: 1, target: 2, unit: " ]"}
          - {id: two, title: "Grow the thing to 5 ]", baseline: 1, target: 5, unit: "]]"}
          - {id: three, title: "Ship ]]> by 5 March, a CDATA end ]]>", baseline: 1, target: 5, unit: "]]>"}
      - id: wrapped
        title: "A title long enough that it wraps before the last ]"
        key_results:
          - {id: k, title: "Raise the count from 1 to 5 as measured ]", baseline: 1, target: 5, unit: "x ]"}
    """

  /// Key result titles without a number are flagged vague with a leading `? `.
  static let texts = ["]", "? ]]", "Grow the thing to 5 ]", "? Ship ]]> by 5 March, a CDATA end ]]>"]

  @Test func bracketsShowLiterallyAndTheDOTParses() throws {
    let result = lint(yaml: Self.plan)
    let k = result.keyResult("acme/brackets/one")
    let progress = DiagramProgress(keyResults: [k: .init(progress: 0.5, status: .onTrack, current: 1.5)])
    for options in [DiagramOptions(wrapWidth: 200), DiagramOptions(wrapWidth: 12), DiagramOptions()] {
      let dot = try CascadeDiagram.dot(for: result, progress: progress, options: options)
      try expectDotAccepts(dot)
      let svg = try renderSVG(dot)
      // Boxes that Graphviz rejected show their internal id instead: none may.
      #expect(!svg.normalizedTexts.contains("acme/brackets"), "\(svg.texts)")
      #expect(!svg.normalizedTexts.contains("acme/wrapped"), "\(svg.texts)")
      let all = svg.texts.map(normalizeSpace).joined(separator: "\n")
      #expect(all.contains("]]>"))
      if options.wrapWidth == 200 {
        for text in Self.texts { #expect(svg.normalizedTexts.contains(text), "missing \(text): \(svg.texts)") }
        #expect(svg.normalizedTexts.contains("A title long enough that it wraps before the last ]"))
      } else {
        #expect(svg.normalizedTexts.contains("]"), "\(svg.texts)")
      }
    }
  }

  @Test func unitsEndingInABracketShowInTheMeasureLine() throws {
    let result = lint(yaml: Self.plan)
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(wrapWidth: 200))
    try expectDotAccepts(dot)
    let all = try renderSVG(dot).texts.map(normalizeSpace).joined(separator: "\n")
    #expect(all.contains("1 → 2 ]"), "\(all)")
    #expect(all.contains("1 → 5 ]]"), "\(all)")
    #expect(all.contains("1 → 5 x ]"), "\(all)")
  }
}
