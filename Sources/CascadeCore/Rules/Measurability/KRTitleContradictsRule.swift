/// A title and its numbers that say different things: "Reduce churn by 20%" whose baseline
/// and target go up, or "from 30 to 50" over a baseline of 20. Whoever reads the plan believes
/// the title; the score follows the numbers.
public struct KRTitleContradictsRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "kr-title-contradicts", category: .measurability, severity: .warning,
    summary:
      "A key result's title says reduce (or raise) while its baseline and target go the other way, or states a from–to that differs from them (English and Chinese).",
    triggering: [
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Reduce churn by 20%, baseline: 10, target: 12, unit: '%'}"),
        line: 25),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 客户流失率降低20%, baseline: 10, target: 12, unit: '%'}"), line: 25),
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Grow leads from 30 to 50, baseline: 20, target: 50, unit: leads}"),
        line: 25),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: 線索從 30 個提升到 50 個, baseline: 30, target: 60, unit: 個}"), line: 25),
    ],
    nonTriggering: [
      RuleExample(Examples.withTeam()),
      RuleExample(
        Examples.withTeam(kr: "      - {id: c, title: Reduce churn from 10% to 8%, baseline: 10, target: 8, unit: '%'}")
      ),
      // The title's money in millions, the numbers in millions too.
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Revenue from $4.6M to $5.6M, baseline: 4.6, target: 5.6, unit: M USD}")),
      // Reducing one thing to raise another says nothing about the direction.
      RuleExample(
        Examples.withTeam(
          kr: "      - {id: c, title: Increase retention by reducing churn, baseline: 80, target: 85, unit: '%'}")),
    ])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    index.forEachKeyResult { u, _, kr, site in
      guard let b = kr.baseline, let t = kr.target, b != t, kr.kind != .milestone, !kr.title.isEmpty else { return }
      // Worked out with the other wording facts, on every core (see TitleFacts).
      let facts = index.titleFacts[site.ordinal]
      if let said = facts.saysUp, said != (t > b) {
        findings.report(
          Self.description, Self.wayDiffers(kr.title, says: said, from: b, to: t), at: u.location(kr.titleMark),
          subject: site.subject(index))
        return
      }
      guard let range = facts.range, let from = range.from, let to = range.value else { return }
      guard !Self.same(from, b) || !Self.same(to, t) else { return }
      findings.report(
        Self.description, Self.numbersDiffer(kr.title, range.text, from: b, to: t), at: u.location(kr.titleMark),
        subject: site.subject(index))
    }
  }

  /// Whether the title says up (true) or down (false), when it says one and not both.
  /// One pass over the title's scalars (traditional characters read as simplified): ASCII
  /// words are looked up whole, Chinese words matched where they start.
  static func direction(of title: String) -> Bool? {
    Wording.withScalars(of: title) { s, low in
      var up = false
      var down = false
      var i = 0
      let n = s.count
      while i < n {
        let c = s[i]
        if c.isASCII, Wording.Scalars.isLetter(c) {
          var j = i
          while j < n, s[j].isASCII, Wording.Scalars.isLetter(s[j]) { j += 1 }
          // Words are short: the String stays inline, no allocation.
          if j - i <= 15, i == 0 || !Wording.Scalars.isLetter(s[i - 1]), j == n || !Wording.Scalars.isLetter(s[j]) {
            let word = String(decoding: UnsafeBufferPointer(start: low + i, count: j - i), as: UTF8.self)
            if upWords.contains(word) { up = true }
            if downWords.contains(word) { down = true }
          }
          i = j
          continue
        }
        if !c.isASCII {
          if !up, upScalarsZh.contains(where: { Self.starts($0, s, at: i) }) { up = true }
          if !down, downScalarsZh.contains(where: { Self.starts($0, s, at: i) }) { down = true }
        }
        i += 1
      }
      guard up != down else { return nil }
      return up
    }
  }

  static func starts(_ word: [Unicode.Scalar], _ s: Wording.Text, at i: Int) -> Bool {
    guard i + word.count <= s.count else { return false }
    for k in 0..<word.count where s[i + k] != word[k] { return false }
    return true
  }

  static let upWords: Set<String> = [
    "increase", "increases", "increased", "raise", "raises", "grow", "grows", "boost", "boosts", "double", "triple",
    "expand", "expands",
  ]
  static let downWords: Set<String> = [
    "reduce", "reduces", "reduced", "cut", "cuts", "lower", "lowers", "decrease", "decreases", "shrink", "halve",
    "shorten", "minimise", "minimize",
  ]
  static let upWordsZh = ["提升", "提高", "增加", "增长", "扩大", "翻倍", "翻一番", "上升"]
  static let downWordsZh = ["降低", "减少", "压缩", "下降", "缩短", "减半", "降至", "降到"]
  static let upScalarsZh = upWordsZh.map { Array($0.unicodeScalars) }
  static let downScalarsZh = downWordsZh.map { Array($0.unicodeScalars) }

  /// Equal, or equal in the title's own scale (`$4.6M` is 4.6 million, `50万` is 500,000).
  static func same(_ a: Double, _ b: Double) -> Bool {
    func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(abs(x), abs(y)) }
    if close(a, b) { return true }
    return [1e3, 1e4, 1e6, 1e8, 1e9].contains { close(a, b * $0) || close(a * $0, b) }
  }

  // MARK: - Messages

  static func wayDiffers(_ title: String, says up: Bool, from b: Double, to t: Double) -> Message {
    Message(
      en: "\(quoted(title)) says \(up ? "raise" : "reduce") but the numbers go from \(formatNumber(b)) "
        + "\(t > b ? "up" : "down") to \(formatNumber(t)); fix the title or the numbers",
      zh: "\(quotedZh(title))写的是\(up ? "提升" : "降低")，数值却从 \(formatNumber(b)) \(t > b ? "提升到" : "降低到") "
        + "\(formatNumber(t))：请修改标题或数值")
  }

  static func numbersDiffer(_ title: String, _ range: String, from b: Double, to t: Double) -> Message {
    Message(
      en: "\(quoted(title)) says \(quoted(range, limit: 40)) but baseline is \(formatNumber(b)) and target "
        + "\(formatNumber(t)); make them agree",
      zh: "\(quotedZh(title))写的是\(quotedZh(range, limit: 40))，但基线是 \(formatNumber(b))、目标值是 "
        + "\(formatNumber(t))：请让两者一致")
  }
}
