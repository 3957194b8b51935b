import CascadeCore
import Graphviz
import Testing

@testable import CascadeDiagram

/// Found by fuzzing: Graphviz rejects a whole HTML-like label whose `<B>`, `<I>` or `<FONT>`
/// holds no text, so a name, title or unit made only of control characters (which the escaper
/// removes) or of line breaks emptied the box down to its internal id.
@Suite struct EmptyTextTests {
  static let plan = """
    unit: acme
    name: "\\x01\\x02"
    level: company
    owner: "\\n"
    cycle: 2027-Q1
    objectives:
      - id: blank
        title: "\\x1b"
        key_results:
          - {id: one, title: "\\n\\n", baseline: 1, target: 2, unit: "\\x07"}
          - {id: two, title: "Reach 5 from 1", baseline: 1, target: 5, unit: "\\t"}
    """

  @Test func textThatEscapesToNothingStillDraws() throws {
    let result = lint(yaml: Self.plan)
    #expect(result.plan.units.count == 1)
    let k = result.keyResult("acme/blank/one")
    let progress = DiagramProgress(keyResults: [k: .init(progress: 0.5, status: .onTrack, current: 1.5)])
    for p in [nil, progress] {
      let dot = try CascadeDiagram.dot(for: result, progress: p)
      try expectDotAccepts(dot)
      let output = try Graphviz.renderWithWarnings(dot: dot, format: .svg)
      #expect(output.warnings.isEmpty, "\(output.warnings)")
      let svg = String(decoding: output.bytes, as: UTF8.self)
      #expect(svg.contains("Reach 5 from 1"))
    }
  }

  @Test(arguments: ["", "\n", "\n\n", "\u{1}", "\u{1B}\u{7F}\t"])
  func labelTextIsNeverEmpty(_ text: String) {
    #expect(CascadeDiagram.labelText(text) == " ")
  }
}
