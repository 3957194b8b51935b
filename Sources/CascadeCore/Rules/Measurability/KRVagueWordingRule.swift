public struct KRVagueWordingRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-vague-wording", category: .measurability, severity: .warning,
    summary:
      "A key result's title states no quantity or threshold, so nobody can check it on the last day (English and Chinese).",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Improve team morale, baseline: 3, target: 4, unit: score}"),
        line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 加强品牌影响力, baseline: 3, target: 4, unit: 分}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Improve onboarding, kind: milestone}"), line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 优化入职流程, kind: milestone}"), line: 25),
      // Not an improvement word, just no number: the example uses the plan's Chinese unit.
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 客户满意度, baseline: 82, target: 90, unit: 分}"), line: 25),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 降低客户流失率, baseline: 5, target: 3, unit: '%'}"), line: 25),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 控制客诉数量, kind: stay_below, baseline: 20, target: 10, unit: 件}"),
        line: 25),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Keep uptime high, kind: stay_above, baseline: 99, target: 99.9}"),
        line: 25),
      // Only a one-character comparative (更), which is not named.
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 让客户更满意, baseline: 80, target: 90, unit: 分}"), line: 25),
      // No numbers at all.
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 提升客户体验}"), line: 25),
      // Every one, but nothing to check about them; every month is a rhythm, not a threshold.
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: All teams are happier, baseline: 3, target: 4, unit: score}"),
        line: 25),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 每个月都有进步, baseline: 3, target: 4, unit: 分}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 每月新增50个客户, baseline: 30, target: 50, unit: 个}")),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Raise conversion to 50%, baseline: 30, unit: '%'}")),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: Sign the Globex contract, kind: milestone}")),
      // Every one or none, with something to check: a threshold of 100% or 0.
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Every service has an on-call runbook, baseline: 40, target: 100, unit: '%'}")),
      RuleExample(Examples.withTeam(kr: "      - {id: c, title: 确保所有门店接入新收银系统, baseline: 30, target: 100, unit: '%'}")),
      RuleExample(
        Examples.withTeam(
          kr:
            "      - {id: c, title: No customer data leaves the EU, kind: stay_below, baseline: 0, target: 0, unit: transfers}"
        )),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard !kr.title.isEmpty else { return }
      let facts = index.titleFacts[site.ordinal]
      if kr.kind == .milestone {
        guard facts.isComparative, facts.quantity == nil else { return }
        findings.report(
          Self.description, Self.milestoneOnlyBetter(kr.title), at: u.location(kr.titleMark),
          subject: site.subject(index))
        return
      }
      guard facts.quantity == nil else { return }
      findings.report(Self.description, Self.noQuantity(kr), at: u.location(kr.titleMark), subject: site.subject(index))
    }
  }

  // MARK: - Messages

  /// Chinese improvement words a message can name: the first of them in a Chinese title (the
  /// words that make a title comparative, but for single characters such as 更).
  static let directionWordsZh = Wording.Zh.WordFinder(
    Wording.Vocabulary.chineseComparativeWords.filter { $0.count > 1 })

  static func milestoneOnlyBetter(_ title: String) -> Message {
    let word = Wording.Zh.isChinese(title) ? directionWordsZh.first(in: title) : nil
    let zh =
      word.map { "只说要变得更好：「\($0)」没有终点，无法判断何时算完成。" } ?? "只说要变得更好，无法判断何时算完成："
    return Message(
      en:
        "milestone \(quoted(title)) only says things get better, so 'done' is undefined: name the deliverable or a number",
      zh: "里程碑\(quotedZh(title))\(zh)请写明要交付的成果或一个数字")
  }

  /// The hint shows the key result's own numbers and unit when it has them; in Chinese, an
  /// improvement word in the title is named as the reason.
  static func noQuantity(_ kr: KeyResult) -> Message {
    var hint = Message(en: "say how much, by when", zh: "请写明做到多少、什么时候做到")
    if let b = kr.baseline, let t = kr.target {
      hint = Message(
        en:
          "say it in the title, e.g. 'from \(formatNumber(b)) to \(formatNumber(t))\(kr.unit.map { " \($0.prefix(20))" } ?? "")'",
        zh: "请在标题中写明数量，例如「\(exampleZh(from: b, to: t, unit: kr.unit, kind: kr.kind))」")
    }
    let title = quotedZh(kr.title)
    var zh = "\(title)没有写明数量或衡量标准："
    if Wording.isComparative(kr.title) {
      let word = Wording.Zh.isChinese(kr.title) ? directionWordsZh.first(in: kr.title) : nil
      zh =
        word.map { "\(title)没有写明数量或衡量标准：「\($0)」只说明了方向，说不清要做到什么程度。" }
        ?? "\(title)只说明了方向，没有写明数量或衡量标准："
    }
    return Message(en: "\(quoted(kr.title)) states no quantity or threshold: ", zh: zh) + hint
  }

  /// `从 82 分提升到 90 分`: a Chinese unit or `%` after both numbers, a unit in Latin
  /// letters as written after the target only (`从 3 提升到 4 score`); the verb follows the
  /// kind, or the direction of the numbers.
  static func exampleZh(from b: Double, to t: Double, unit: String?, kind: KeyResultKind?) -> String {
    let u = unit.map { visible($0.prefix(20)) } ?? ""
    let glued = u == "%" || u == "％"
    func amount(_ v: Double, unitAfter: Bool) -> String {
      let n = formatNumber(v)
      if u.isEmpty || !unitAfter { return n }
      return glued ? n + u : n + " " + u
    }
    let both = glued || Wording.Zh.isChinese(u)
    let from = amount(b, unitAfter: both)
    let to = amount(t, unitAfter: true)
    switch kind {
    case .stayAbove?: return spaced(["保持在", to, "以上"])
    case .stayBelow?: return spaced(["控制在", to, "以内"])
    default:
      if t == b { return spaced(["保持在", to]) }
      return spaced(["从", from, t > b ? "提升到" : "降低到", to])
    }
  }

  /// Joins with a space between Chinese and other text, none between two Chinese words.
  static func spaced(_ parts: [String]) -> String {
    var out = ""
    for p in parts where !p.isEmpty {
      if let last = out.unicodeScalars.last, let first = p.unicodeScalars.first,
        !(Wording.Zh.isChinese(String(last)) && Wording.Zh.isChinese(String(first)))
      {
        out += " "
      }
      out += p
    }
    return out
  }
}
