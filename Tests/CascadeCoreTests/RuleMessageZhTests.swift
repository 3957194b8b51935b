import Testing

@testable import CascadeCore

/// What the alignment, structure and measurability rules say in Chinese: examples in the
/// plan's own units, level words in place of "unit", the word a title is built on named.
@Suite struct RuleMessageZhTests {
  /// The messages of `rule` on the department's key result `kr` (a flow-style list item).
  static func messages(_ rule: String, kr: String) -> [Message] {
    messages(rule, plan: Examples.withTeam(kr: "      - " + kr))
  }

  static func messages(_ rule: String, plan: String) -> [Message] {
    Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", plan)])).diagnostics.filter { $0.rule == rule }.map(\.message)
  }

  @Test func vagueWordingShowsTheExampleInTheKeyResultsChineseUnit() throws {
    let m = try #require(
      Self.messages("kr-vague-wording", kr: "{id: c, title: 客户满意度, baseline: 82, target: 90, unit: 分}").first)
    #expect(m.en == "'客户满意度' states no quantity or threshold: say it in the title, e.g. 'from 82 to 90 分'")
    #expect(m.zh == "「客户满意度」没有写明数量或衡量标准：请在标题中写明数量，例如「从 82 分提升到 90 分」")
  }

  @Test func vagueWordingNamesTheChineseImprovementWord() throws {
    let m = try #require(
      Self.messages("kr-vague-wording", kr: "{id: c, title: 加强品牌影响力, baseline: 20, target: 30, unit: '%'}").first)
    #expect(m.zh == "「加强品牌影响力」没有写明数量或衡量标准：「加强」只说明了方向，说不清要做到什么程度。请在标题中写明数量，例如「从 20% 提升到 30%」")
  }

  @Test func vagueWordingKeepsAnEnglishUnitAsWritten() throws {
    let m = try #require(
      Self.messages("kr-vague-wording", kr: "{id: c, title: Improve team morale, baseline: 3, target: 4, unit: score}")
        .first)
    #expect(m.zh.hasSuffix("例如「从 3 提升到 4 score」"))
    #expect(m.zh.hasPrefix("「Improve team morale」只说明了方向，"))
  }

  @Test(arguments: [
    ("{id: c, title: 降低客户流失率, baseline: 5, target: 3, unit: '%'}", "「从 5% 降低到 3%」"),
    ("{id: c, title: 控制客诉数量, kind: stay_below, baseline: 20, target: 10, unit: 件}", "「控制在 10 件以内」"),
    ("{id: c, title: 在线时长, kind: stay_above, baseline: 99, target: 99.9, unit: '%'}", "「保持在 99.9% 以上」"),
    ("{id: c, title: 新增客户, baseline: 30, target: 50, unit: 个/月}", "「从 30 个/月提升到 50 个/月」"),
    ("{id: c, title: Pipeline, baseline: 5, target: 6}", "「从 5 提升到 6」"),
  ])
  func vagueWordingExampleFollowsKindAndDirection(_ kr: String, _ example: String) throws {
    let m = try #require(Self.messages("kr-vague-wording", kr: kr).first)
    #expect(m.zh.hasSuffix("例如" + example), "\(m.zh)")
  }

  @Test func spacedPutsASpaceOnlyBetweenChineseAndOtherText() {
    #expect(KRVagueWordingRule.spaced(["从", "82 分", "提升到", "90 分"]) == "从 82 分提升到 90 分")
    #expect(KRVagueWordingRule.spaced(["从", "3", "提升到", "4 score"]) == "从 3 提升到 4 score")
    #expect(KRVagueWordingRule.spaced(["控制在", "10 件", "以内"]) == "控制在 10 件以内")
  }

  @Test func activityNamesTheChineseTaskVerb() throws {
    let m = try #require(
      Self.messages("kr-activity", kr: "{id: c, title: 完成全员销售培训, kind: milestone}").first)
    #expect(m.zh == "「完成全员销售培训」写的是要做的工作，不是要达成的结果：「完成」只说明要做什么，关键结果应写明这些工作带来的结果")
    // A counted result of work can be checked: no note.
    #expect(Self.messages("kr-activity", kr: "{id: c, title: 每月完成10次销售培训, baseline: 4, target: 10, unit: 次}").isEmpty)
    let en = try #require(
      Self.messages("kr-activity", kr: "{id: c, title: Launch the new portal, kind: milestone}").first)
    #expect(!en.zh.contains("只说明要做什么"))
  }

  /// The review's wording: the glossary's verbs, 「」 around what the user typed, "id" for id.
  @Test func reviewedWordingUsesTheGlossaryAndCornerQuotes() {
    #expect(
      KRDirectionMismatchRule.wrongWay("mqls", .increase, from: 400, to: 300).zh
        == "关键结果「mqls」是提升型（increase），数值却从 400 降低到 300：请修改数值或 kind")
    #expect(KRDirectionMismatchRule.wrongWay("t", .decrease, from: 3, to: 5).zh.contains("从 3 提升到 5"))
    #expect(SchemaRule.invalidID("id", "Foo").zh.hasPrefix("id「Foo」不是有效的 id："))
    #expect(
      UnresolvedRefRule.noKeyResult("revenu", in: "acme/grow", suggestion: "revenue").zh
        == "目标「acme/grow」没有关键结果「revenu」（是否想写「revenue」？）")
    let after = CheckInSyntaxRule.characterAfterClosingQuote(CheckInSyntaxRule.character(printable: "x", byte: 0x78))
    #expect(after.zh == "结束引号后出现了「x」：这里只能是逗号「,」或换行")
    #expect(after.en == "unexpected 'x' after closing quote; expected ',' or end of line")
    #expect(CheckInSyntaxRule.quoteInUnquotedField.zh.hasPrefix("未加引号的字段中出现了双引号「\"」："))
    #expect(CheckInSyntaxRule.fieldCount(expected: 6, found: 3).zh == "这一行有 3 个字段，表头有 6 个：两者应一致")
  }

  /// libyaml's context and problem read as one sentence; a tab says what to do instead.
  @Test func yamlSyntaxJoinsContextAndProblem() {
    let m = YAMLSyntaxRule.libyaml(
      problem: "found character that cannot start any token", context: "while scanning for the next token", tab: true)
    #expect(m.zh == "YAML 语法错误：读取下一项内容时，这里的字符不能作为值的开头（以 @ 或 ` 开头的值请加引号）。YAML 只能用空格缩进，请把制表符（Tab）换成空格")
  }

  @Test func noUnitSuggestsAUnitInTheTitlesLanguage() throws {
    let zh = try #require(Self.messages("kr-no-unit", kr: "{id: c, title: 每月新增50个客户, baseline: 30, target: 50}").first)
    #expect(zh.zh.hasSuffix("例如「unit: 个」"))
    let en = try #require(
      Self.messages("kr-no-unit", kr: "{id: c, title: 50 customers, baseline: 30, target: 50}").first)
    #expect(en.zh.hasSuffix("例如「unit: customers」"))
    #expect(en.en == "key result 'c' has no unit: say what the numbers count (unit: customers)")
  }

  @Test func unitsAreNamedByTheirLevel() throws {
    let cycle = try #require(
      Self.messages(
        "cycle-mismatch",
        plan: Examples.withTeam().replacingFirst("parent: acme\ncycle: 2027-Q1", with: "parent: acme\ncycle: 2027-Q2")
      ).first)
    #expect(cycle.zh == "部门「sales」的周期是 2027-Q2，但「acme/grow」属于公司「acme」的周期 2027-Q1，并不包含 2027-Q2")
    let order = try #require(
      Self.messages(
        "level-order", plan: Examples.withTeam().replacingFirst("level: department", with: "level: company")
      )
      .first)
    #expect(order.zh == "「sales」的层级是公司，但它的上级「acme」也是公司：下级单元的层级必须低于上级")
  }

  @Test func chainsQuoteEveryIDWithoutSpacesAroundTheQuotes() {
    #expect(Wording.Zh.chain(["a", "b", "a"]) == "「a」→「b」→「a」")
    #expect(UnitParentCycleRule.loop(["a", "b", "a"], cut: false).zh == "上级关系形成了循环：「a」→「b」→「a」，找不到最顶层的单元")
    #expect(UnitParentCycleRule.loop(["a", "b", "a"], cut: false).en == "parents form a loop: a → b → a")
  }

  @Test func wordFinderReturnsTheLeftmostLongestWord() {
    let f = Wording.Zh.WordFinder(["培训", "完成", "研讨", "研讨会"])
    #expect(f.first(in: "每月完成10次销售培训") == "完成")
    #expect(f.first(in: "举办研讨会") == "研讨会")
    #expect(f.first(in: "客户满意度") == nil)
  }
}
