public struct KRActivityRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-activity", category: .measurability, severity: .info,
    summary:
      "A key result names work to do with nothing to check but that it was done, rather than a result to reach (English and Chinese); a counted result of work (Run 3 AMAs) is not flagged.",
    triggering: [
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Launch the new portal, kind: milestone}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 开展销售培训, kind: milestone}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 開展銷售培訓, kind: milestone}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      // Counted results of work a team chooses to measure can be checked: not flagged.
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 每周写2篇行业文章, baseline: 0, target: 2, unit: 篇}")),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Run 3 AMAs, baseline: 0, target: 3, unit: AMAs}")),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Reduce churn to 3%, baseline: 5, target: 3, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      let facts = index.titleFacts[site.ordinal]
      // Work with a count (`Run 3 AMAs`) can be checked; only work with nothing to count is flagged.
      guard facts.isActivity, facts.quantity == nil else { return }
      findings.report(
        Self.description, Self.workToDo(kr.title), at: u.location(kr.titleMark), subject: site.subject(index))
    }
  }

  // MARK: - Messages

  /// Chinese task verbs a message can name: the first of them in a Chinese title (the words
  /// that make a title an activity, but for single characters such as 做).
  static let taskWordsZh = Wording.Zh.WordFinder(Wording.Vocabulary.chineseActivityWords.filter { $0.count > 1 })

  /// In Chinese, a Chinese title also gets the reason: its verb names the work, not a result.
  static func workToDo(_ title: String) -> Message {
    var why = ""
    if Wording.Zh.isChinese(title) {
      why =
        taskWordsZh.first(in: title).map { "「\($0)」只说明要做什么，" }
        ?? "「开展」「进行」「完成」这类动作词只说明要做什么，"
    }
    return Message(
      en: "\(quoted(title)) describes work to do; a key result should name the result that work brings about",
      zh: "\(quotedZh(title))写的是要做的工作，不是要达成的结果：\(why)关键结果应写明这些工作带来的结果")
  }
}
