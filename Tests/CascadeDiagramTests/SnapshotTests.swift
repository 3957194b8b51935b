import CascadeCore
import Testing

@testable import CascadeDiagram

/// The exact DOT for two small plans. Run `CASCADE_RECORD_SNAPSHOTS=1 swift test` after an
/// intended change and review the diff of Snapshots/.
@Suite struct SnapshotTests {
  /// Only the rules these snapshots are about, so that new rules do not change them.
  static let rules: Set<String> = [
    "unresolved-ref", "unaligned-objective", "kr-vague-wording", "kr-no-target", "objective-no-krs",
  ]

  static let english = """
    unit: acme
    name: Acme Corp
    level: company
    owner: Ann Lee
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow revenue 20% this quarter
        type: committed
        key_results:
          - id: revenue
            title: Revenue from $5M to $6M
            baseline: 5
            target: 6
            unit: $M
          - id: renewal
            title: Renewal rate stays above 90%
            kind: stay_above
            target: 90
            unit: "%"
    ---
    unit: sales
    name: Sales
    level: department
    parent: acme
    owner: Raj Patel
    cycle: 2027-Q1
    objectives:
      - id: deals
        title: Close more deals than ever before in a single quarter
        aligns_to: acme/grow
        key_results:
          - id: deals
            title: 40 deals closed per month
            baseline: 25
            target: 40
            unit: deals/month
            contributes_to: acme/grow/revenue
          - id: morale
            title: Improve team morale
            kind: stay_above
            target: 7
            unit: score
          - id: crm
            title: CRM live by 15 March
            kind: milestone
            due: 2027-03-15
      - id: party
        title: Throw the best party
        key_results:
          - id: guests
            title: 100 guests at the party
            baseline: 0
            target: 100
            contributes_to: acme/grwo/revenue
    """

  static let chinese = """
    unit: acme-cn
    name: 星辰科技
    level: company
    owner: 王建国
    cycle: 2027-Q1
    objectives:
      - id: grow-sales
        title: 下季度销售额增长20%
        type: committed
        key_results:
          - id: revenue
            title: 季度销售额从5000万元提升到6000万元
            baseline: 5000
            target: 6000
            unit: 万元
          - id: complaints
            title: 每季度减少客户投诉20%（从150次降到120次）
            baseline: 150
            target: 120
            unit: 次/季度
    ---
    unit: sales
    name: 销售部
    level: department
    parent: acme-cn
    owner: 刘强
    cycle: 2027-Q1
    objectives:
      - id: hit-revenue
        title: 完成季度销售额5600万元
        aligns_to: acme-cn/grow-sales
        key_results:
          - id: revenue
            title: 销售部季度销售额从4600万元提升到5600万元
            baseline: 4600
            target: 5600
            unit: 万元
            contributes_to: acme-cn/grow-sales/revenue
          - id: attrition
            title: 销售人员季度流失率低于5%
            kind: stay_below
            target: 5
            unit: "%"
    """

  @Test func englishWithProblems() throws {
    let result = lint(yaml: Self.english, rules: Self.rules)
    #expect(Set(result.diagnostics.map(\.rule)).isSuperset(of: ["unresolved-ref", "kr-vague-wording"]))
    let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(date: Day(iso: "2027-02-15")))
    try assertSnapshot(dot, named: "english-problems.dot")
    try expectDotAccepts(dot)
  }

  @Test func chineseWithProgress() throws {
    let result = lint(yaml: Self.chinese, rules: Self.rules)
    var progress = DiagramProgress()
    progress.keyResults[result.keyResult("acme-cn/grow-sales/revenue")] = .init(
      progress: 0.45, status: .atRisk, current: 5450)
    progress.keyResults[result.keyResult("acme-cn/grow-sales/complaints")] = .init(
      progress: 1, status: .done, current: 118)
    progress.keyResults[result.keyResult("sales/hit-revenue/revenue")] = .init(
      progress: 0.7, status: .onTrack, current: 5300)
    progress.keyResults[result.keyResult("sales/hit-revenue/attrition")] = .init(
      progress: 0, status: .offTrack, current: 7.5)
    progress.objectives[result.objective("acme-cn/grow-sales")] = .init(progress: 0.72, status: .onTrack)
    progress.objectives[result.objective("sales/hit-revenue")] = .init(progress: 0.35, status: .atRisk)
    let dot = try CascadeDiagram.dot(
      for: result, progress: progress, options: DiagramOptions(date: Day(iso: "2027-02-15"), wrapWidth: 20))
    try assertSnapshot(dot, named: "chinese-progress.dot")
    try expectDotAccepts(dot)
  }
}
