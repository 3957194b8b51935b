import CascadeCore
import CascadeReport
import CascadeTestSupport
import Foundation
import Testing

/// `explain` on an `aggregate: sum` key result shows the honest sum's arithmetic, term by term.
@Suite struct SumExplanationTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: deals, title: Deals from 40 to 60, baseline: 40, target: 60, unit: deals, aggregate: sum}
    ---
    unit: east
    name: East
    level: team
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        aligns_to: acme/grow
        key_results:
          - {id: k, title: Deals from 25 to 32, baseline: 25, target: 32, unit: deals, contributes_to: acme/grow/deals}
          - {id: j, title: Deals from 5 to 9, baseline: 5, target: 9, unit: deals, contributes_to: acme/grow/deals}
    """

  static func explain(_ language: Language) throws -> String {
    let plan = try TemporaryPlan([
      "plan.yaml": plan, "checkins.csv": "date,key_result,value,confidence,note,author\n2027-02-01,east/win/k,29,,,\n",
    ])
    let result = try plan.lint()
    let subject = try #require(Explanation.subject("acme/grow/deals", in: result.index))
    return Explanation.text(
      subject, result, asOf: try #require(Day(iso: "2027-02-15")), Presentation(language: language))
  }

  @Test func theArithmeticIsShownTermByTerm() throws {
    let out = try Self.explain(.en)
    #expect(
      out.contains("current = its baseline 40 + each contributing key result's change from its own baseline:\n"),
      "\(out)")
    #expect(out.contains("east/win/k: 29 (check-in 2027-02-01) − baseline 25 = +4\n"), "\(out)")
    #expect(out.contains("east/win/j: no check-in: +0\n"), "\(out)")
    #expect(out.contains("    = 44\n"), "\(out)")
  }

  @Test func andInChinese() throws {
    let out = try Self.explain(.zh)
    #expect(out.contains("当前值 = 自身基线 40 + 各支撑关键结果相对其基线的变化："), "\(out)")
    #expect(out.contains("east/win/k：29（2027-02-01 的进展更新）− 基线 25 = +4"), "\(out)")
    #expect(out.contains("east/win/j：尚无进展更新：+0"), "\(out)")
  }

  @Test func theGapIsReported() throws {
    let result = try TemporaryPlan(["plan.yaml": Self.plan]).lint()
    let gap = try #require(result.first("sum-gap"))
    #expect(
      gap.message.en.contains(
        "commit to 51 deals (its baseline 40 plus their planned changes) against its target of 60 deals: 9 deals"),
      "\(gap.message.en)")
    #expect(gap.message.zh.contains("承诺合计 51「deals」（基线 40 加上各自计划的变化），距目标值 60「deals」还差 9「deals」"), "\(gap.message.zh)")
    #expect(gap.severity == .warning && gap.subject == "acme/grow/deals")
  }
}
