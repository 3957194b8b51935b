import CascadeCore
import Testing

@testable import CascadeDiagram

/// Issue 8 (defect 1): objective weights of 1e308 overflowed the unit box's weighted mean to NaN.
@Suite struct ExtremeWeightTests {
  @Test func unitScoreSurvivesHugeObjectiveWeights() throws {
    let result = lint(
      yaml: """
        unit: acme
        name: Acme
        level: company
        cycle: 2027-Q1
        objectives:
          - id: a
            title: Grow
            weight: 1e308
            key_results:
              - {id: k, title: Revenue from 0 to 10, baseline: 0, target: 10, unit: USD}
          - id: b
            title: Keep
            weight: 1e308
            key_results:
              - {id: k, title: Revenue from 0 to 10, baseline: 0, target: 10, unit: USD}
        """)
    let progress = DiagramProgress(objectives: [
      result.objective("acme/a"): .init(progress: 1, status: .done),
      result.objective("acme/b"): .init(progress: 0.5, status: .onTrack),
    ])
    let builder = try DiagramBuilder(result, progress: progress, options: DiagramOptions())
    #expect(builder.unitScore(0)?.progress == 0.75)
  }
}
