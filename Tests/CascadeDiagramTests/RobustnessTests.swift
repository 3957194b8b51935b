import CascadeCore
import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

/// Broken plans still draw, quickly.
@Suite struct RobustnessTests {
  static let brokenPlan = """
    unit: a
    name: Loop A
    level: department
    parent: b
    cycle: 2027-Q1
    objectives:
      - id: x
        title: Aligns to y
        aligns_to: b/y
        key_results:
          - {id: k, title: 10 things, baseline: 0, target: 10, contributes_to: b/y/k}
    ---
    unit: b
    name: Loop B
    level: department
    parent: a
    cycle: 2027-Q1
    objectives:
      - id: y
        title: Aligns back to x
        aligns_to: a/x
        key_results:
          - {id: k, title: 10 things, baseline: 0, target: 10, contributes_to: a/x/k}
    ---
    unit: c
    name: No level
    parent: a
    cycle: 2027-Q1
    objectives:
      - id: self
        title: Aligns to itself
        aligns_to: c/self
        key_results:
          - {id: k, title: 1 thing, baseline: 0, target: 1, contributes_to: c/self/k}
    ---
    unit: d
    name: Orphan
    level: team
    parent: nowhere
    cycle: 2027-Q1
    objectives: []
    ---
    unit: d
    name: Duplicate of d
    level: team
    parent: a
    cycle: 2027-Q1
    objectives:
      - id: z
        title: Dangling
        aligns_to: nowhere/none
        key_results:
          - {id: k, title: 5 things, baseline: 0, target: 5}
      - id: z
        title: Same id again
        key_results:
          - {id: k, title: 5 things, baseline: 0, target: 5}
    """

  @Test func parentLoopsAlignmentCyclesAndMissingLevelsStillRender() throws {
    let result = lint(yaml: Self.brokenPlan)
    #expect(result.hasErrors)
    #expect(result.index.inParentCycle.contains(true))
    for options in [
      DiagramOptions(), DiagramOptions(focus: "a"), DiagramOptions(focus: "a/x"), DiagramOptions(depth: 1),
      DiagramOptions(levels: [.department]), DiagramOptions(showKeyResults: false),
    ] {
      let dot = try CascadeDiagram.dot(for: result, options: options)
      try expectDotAccepts(dot)
      _ = try renderSVG(dot)
    }
    let graph = try CascadeDiagram.graph(for: result, progress: nil, options: DiagramOptions())
    // Top-down order: a (a loop member, so a top), its children c and the second d, then b (the
    // other loop member), then the first d (its parent is missing, so it is a top too). Both
    // units called d are drawn, with distinct ids.
    #expect(graph.clusters.map(\.id) == ["cluster_a", "cluster_c", "cluster_d", "cluster_b", "cluster_d#2"])
    #expect(graph.clusters[2].nodes.map(\.id) == ["d/z", "d/z#2"])
    #expect(graph.clusters[4].nodes.map(\.id) == ["d/"])  // the "no objectives" placeholder
    for page in try CascadeDiagram.split(result) { try expectDotAccepts(page.dot) }
  }

  @Test func invalidWrapWidthIsAnError() throws {
    let result = lint(yaml: Self.brokenPlan)
    #expect(
      throws: DiagramError.invalidOption(Message(en: "wrap width must be at least 1, not 0", zh: "换行宽度至少为 1，当前为 0"))
    ) {
      try CascadeDiagram.dot(for: result, options: DiagramOptions(wrapWidth: 0))
    }
  }

  @Test func emptyPlan() throws {
    let result = lint([])
    try expectDotAccepts(CascadeDiagram.dot(for: result))
    #expect(try CascadeDiagram.split(result).map(\.name) == ["index.svg"])
  }

  /// A cascade of about 1,000 objectives and 3,000 key results, every one linked upward.
  static func bigPlan() -> LintResult {
    var files: [(name: String, text: String)] = []
    func add(_ id: String, _ level: Level, parent: String?) {
      var yaml = "unit: \(id)\nname: Unit \(id)\nlevel: \(level.rawValue)\nowner: Owner of \(id)\ncycle: 2027-Q1\n"
      if let parent { yaml += "parent: \(parent)\n" }
      yaml += "objectives:\n"
      for o in 0..<4 {
        yaml += "  - id: o\(o)\n    title: Objective \(o) of \(id), with a longer title to wrap\n"
        if let parent { yaml += "    aligns_to: \(parent)/o\(o)\n" }
        yaml += "    key_results:\n"
        for k in 0..<3 {
          yaml += "      - {id: k\(k), title: 'Key result \(k): from 10 to 20 things per month', baseline: 10, "
          yaml += "target: 20, unit: things/month"
          if let parent { yaml += ", contributes_to: \(parent)/o\(o)/k\(k)" }
          yaml += "}\n"
        }
      }
      files.append(("\(id).yaml", yaml))
    }
    add("co", .company, parent: nil)
    for d in 0..<8 {
      add("d\(d)", .department, parent: "co")
      for t in 0..<5 {
        add("d\(d)t\(t)", .team, parent: "d\(d)")
        for p in 0..<5 { add("d\(d)t\(t)p\(p)", .individual, parent: "d\(d)t\(t)") }
      }
    }
    return lint(files)
  }

  /// A thousand objectives draw whole, focused and split (speed is cascade-bench's job: a
  /// timed test here failed under the thread sanitizer and would on any loaded CI machine).
  @Test func aThousandObjectivesDraw() throws {
    let result = Self.bigPlan()
    #expect(result.plan.objectiveCount >= 990)
    #expect(result.index.links.allSatisfy { $0.target != nil })
    let dot = try CascadeDiagram.dot(for: result)
    #expect(dot.count > 1000)
    let focused = try CascadeDiagram.dot(for: result, options: DiagramOptions(focus: "d3t2"))
    #expect(focused.contains("d3t2") && focused.count < dot.count)
    let pages = try CascadeDiagram.split(result)
    #expect(pages.count == result.plan.units.count + 1)
  }
}
