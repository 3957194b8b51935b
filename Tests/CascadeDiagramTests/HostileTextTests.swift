import CascadeCore
import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

/// Plan text that looks like DOT, HTML or Graphviz escapes must show literally and never change
/// the graph; ids that are DOT keywords or numbers must work.
@Suite struct HostileTextTests {
  static let hostileTitles = [
    #"]; evil -> x [label=""#,
    #"Say "hello" and \"escaped\""#,
    #"Backslashes \N \G \L \E \T \H \n \l \r \\ end\"#,
    "<b>bold</b> & <i>not italic</i> &amp; &lt; <br/> <TABLE>",
    "<<TABLE BORDER=\"1\"><TR><TD>x</TD></TR></TABLE>>",
    "Line one\nLine two",
    "Tab\there",
    "Emoji 🚀 ✅ 👩‍💻 done",
    "中文标题：销售额增长20%",
    "It's 100% <right> & 'quoted'",
    "subgraph cluster_x { node [shape=box] }",
    "-> -- ; { } [ ] = ,",
  ]

  /// YAML double-quoted scalar.
  static func yaml(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  static var plan: String {
    let t = hostileTitles.map(yaml)
    return """
      unit: "2027"
      name: \(t[0])
      level: company
      owner: \(t[3])
      cycle: 2027-Q1
      objectives:
        - id: strict
          title: \(t[1])
          key_results:
            - id: graph
              title: \(t[2])
              baseline: 1
              target: 2
              unit: \(yaml("\"<&>\" \\N"))
        - id: node
          title: \(t[4])
          key_results:
            - id: edge
              title: \(t[5])
              baseline: 1
              target: 2
              unit: "%"
      ---
      unit: graph
      name: \(t[6])
      level: department
      parent: "2027"
      owner: \(t[7])
      cycle: 2027-Q1
      objectives:
        - id: digraph
          title: \(t[8])
          aligns_to: 2027/strict
          key_results:
            - id: subgraph
              title: \(t[9])
              baseline: 1
              target: 2
              contributes_to: 2027/strict/graph
      ---
      unit: node
      name: \(t[10])
      level: team
      parent: graph
      cycle: 2027-Q1
      objectives:
        - id: "2027"
          title: \(t[11])
          aligns_to: graph/digraph
          key_results:
            - id: node
              title: "100 <nodes> & \\"edges\\""
              kind: stay_above
              target: 100
              contributes_to: graph/digraph/subgraph
      ---
      unit: digraph
      name: digraph
      level: individual
      parent: node
      cycle: 2027-Q1
      objectives:
        - id: edge
          title: edge
          aligns_to: node/2027
          key_results:
            - id: strict
              title: strict 1 → 2
              baseline: 1
              target: 2
              contributes_to: 2027/nodes/edge
      """
  }

  static func result() -> LintResult { lint(yaml: plan) }

  @Test func thePlanLoadsAsWritten() {
    let result = Self.result()
    #expect(result.plan.units.map(\.id) == ["2027", "graph", "node", "digraph"])
    #expect(result.plan.units[0].objectives[0].title == Self.hostileTitles[1])
    #expect(result.plan.units[1].name == Self.hostileTitles[6])
  }

  @Test func graphvizParsesTheDOTWithoutAnyWarning() throws {
    let result = Self.result()
    try expectDotAccepts(CascadeDiagram.dot(for: result))
    try expectDotAccepts(CascadeDiagram.dot(for: result, options: DiagramOptions(wrapWidth: 8)))
    try expectDotAccepts(CascadeDiagram.dot(for: result, options: DiagramOptions(focus: "node/2027")))
    for page in try CascadeDiagram.split(result) { try expectDotAccepts(page.dot) }
  }

  @Test func everyHostileTextShowsLiterallyInTheSVG() throws {
    let result = Self.result()
    // Wide enough that only the line feed breaks a line.
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(wrapWidth: 200))
    let svg = try renderSVG(dot)
    let texts = svg.normalizedTexts
    // Titles and names are lines of their own; owners sit in a "level · id · owner" line.
    let all = svg.texts.map(normalizeSpace).joined(separator: "\n")
    for title in Self.hostileTitles {
      for line in title.split(separator: "\n") {
        let expected = normalizeSpace(String(line))
        #expect(all.contains(expected), "missing: \(expected)")
      }
    }
    #expect(texts.contains(normalizeSpace(Self.hostileTitles[1])))
    // A key result title without a number is flagged vague: "? Backslashes …".
    #expect(texts.contains("? " + normalizeSpace(Self.hostileTitles[2])))
    #expect(texts.contains("100 <nodes> & \"edges\""))
    #expect(texts.contains("1 → 2 \"<&>\" \\N"))
    #expect(texts.contains("individual · digraph"))
  }

  @Test func hostileTextAddsNoNodesOrEdges() throws {
    let result = Self.result()
    let svg = try renderSVG(CascadeDiagram.dot(for: result))
    #expect(svg.clusters == 4)
    // Objectives, one note for the unresolved 2027/nodes/edge, the legend.
    #expect(svg.nodes == result.plan.objectiveCount + 2)
    #expect(svg.edges == result.index.links.count)
    #expect(!svg.titles.contains { $0.contains("evil") || $0 == "x" })
    #expect(svg.titles.contains("2027/strict"))
    #expect(svg.titles.contains("digraph/edge"))
    #expect(svg.titles.contains("cluster_graph"))
    #expect(svg.normalizedTexts.contains("? 2027/nodes/edge"))
  }

  @Test func controlCharactersAndNULDoNotBreakTheSource() throws {
    // YAML escapes: \a bell, \0 NUL, \x7F DEL, \r\n, \f form feed.
    let result = lint(
      yaml: #"""
        unit: acme
        name: "A\0B\aC"
        level: company
        cycle: 2027-Q1
        objectives:
          - id: o
            title: "bell\a nul\0 del\x7F crlf\r\nend"
            key_results:
              - {id: k, title: "form\ffeed 5", baseline: 1, target: 5}
        """#)
    #expect(result.plan.units.first?.objectives.first?.title.contains("\u{0}") == true)
    let dot = try CascadeDiagram.dot(for: result)
    #expect(!dot.utf8.contains(0))
    try expectDotAccepts(dot)
    let texts = try renderSVG(dot).normalizedTexts
    #expect(texts.contains("bell nul del crlf"))
    #expect(texts.contains("end"))
    #expect(texts.contains("ABC"))
  }
}
