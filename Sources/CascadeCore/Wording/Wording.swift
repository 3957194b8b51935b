/// Heuristic reading of key-result titles written in English, Chinese or a mix of both.
///
/// Everything here works on the title's Unicode scalars in a single left-to-right pass
/// (no regular expressions, no Foundation, no allocation but the returned text), so a title
/// costs a fraction of a microsecond. Words are looked up in tables built once (see `WordTable`).
///
/// ## What counts as a quantity (``quantity(in:)``)
/// A quantity is something a reviewer can compare with reality on the last day of the quarter:
/// - numbers in ASCII or full-width digits, with decimals, thousands separators (`1,200`,
///   `1 200` with a plain, no-break or thin space), signs, currency (`$ € £ ¥ ￥ ₹ ₩`, `元`),
///   suffixes (`k`, `M`, `bn`, `万`, `亿`, `千`, `百`), multipliers (`3x`, `3×`, `x3`, `3 times`),
///   percentages (`%`, `％`, `percent`, `per cent`, `pct`, `pp`, `百分之二十`, `百分点`,
///   `三成` = 30 %), ranges (`30 to 50`, `30→50`, `30 -> 50`, `30%提升到50%`: the text covers
///   the range and the value is its end, the target);
/// - spelled-out English numbers (`zero` … `ninety-nine`, `a hundred`, `two thousand`,
///   `a dozen`) and multiplier words (`double`, `triple`, `quadruple`, `halve`, `half`, `twice`,
///   `tenfold`, `double-digit`): the latter have no value;
/// - Chinese numerals (`五十`, `两百次`, `1.2万`, `三千五`, `零事故`) when the run has at least
///   two numeral characters, or one numeral followed by a measure word (`3家`, `两个`), or a
///   rank (`第一名`, `行业第一`, `前三`, `第3名`), or a lone magnitude after `破`/`过` (`破亿`).
///   A lone `一` followed by a classifier (`一个平台`, `一次`) is treated like the English
///   article "a", not as a quantity; it still counts with a time span, `倍`, `成` or `百分点`
///   (`一周`, `一倍`). Common words containing
///   numerals (`统一`, `进一步`, `十分`, `万一`, `四处`, `零售`, `第一时间` …) are excluded.
/// - Every one or none, leading a title that states no number and says something checkable
///   about them: `Every service has an on-call runbook`, `All databases are backed up daily`,
///   `确保所有门店接入新收银系统`, `每个团队都有值班手册` (100%), `No customer data leaves the EU`
///   (0). Not a period (`every month`, `每个月`) and not a comparison (`All teams are happier`).
///
/// ## What does not count
/// - Dates and calendar labels: `Q3`, `H1`, `FY26`, `in 2027`, `2027年`, `3月`, `12月31日`,
///   `一季度`, `第二季度`, `by March 31`, `31 March`, `2026-06-30`, `6/30`, `1st half`.
///   A bare four-digit year 1900–2100 is a year unless the next English word is a plural noun
///   (`2000 customers`), a threshold word precedes it (`at least 2000`), or it follows Chinese
///   text without `年` (`用户数达到2000`).
/// - Deadlines: `within 3 months`, `in 2 weeks`, `3个月内`, `两年内`. Shorter spans (hours,
///   minutes, days) stay quantities because they are usually service levels (`24小时内响应`).
/// - Codes and product names: a number glued to letters (`P1`, `H1`, `L3`, `4G`, `B2B`,
///   `GPT-4`, `v2.0`, `9am`) unless the letters are a unit (`10k`, `5M`, `3x`, `2h`, `10GB`,
///   `1st`); a number after a version label or product word (`Windows 11`, `iPhone 15`,
///   `version 2`, `phase 3`, `SOC 2`, `ISO 27001`); `24/7`.
/// - `one` in `one of`, `no one`, `any one`, `the one`, `one-stop`, `one day`…: "one of our
///   top partners" names membership, not a count. `someone`/`everyone` never match (word
///   boundaries). `zero` in `zero trust`, `zero-based`, `zero-day` is a name.
/// - Vague amounts: `hundreds of`, `dozens`, `几十`, `数百`, `上千`, `一些`, `more`.
/// - Labels and events: `二期` (phase two), `等保三级`, `十四五`, `双11`, `618大促`, `7×24`,
///   clock times (`10:00`), `1对1`. `no P1 bugs` is not read as zero (only `zero` is).
///
/// ## Activities (``isActivity(_:)``)
/// English: after an optional leading time phrase (`In Q1,`, `Each month`, `By June`) and
/// adverbs (`Successfully`), the title starts with a task verb or its nominalisation
/// (launch, hold, run, implement, migrate, hire, ship, write, …; `Migration of`, `Rollout of`),
/// or ends with a task participle (`New portal launched`, `3 workshops held`). `Hire`/`recruit`
/// count as activities (headcount is an input). A verb used as a metric noun (`Test coverage`,
/// `Build time`, `Release frequency`, `Open rate`) is not an activity.
/// Chinese: the first verb in the title decides (`开展`, `举办`, `组织`, `完成`, `进行`, `拜访`,
/// `培训` … are tasks; `新增`, `达到`, `降低`, `提升`, `签约`, `实现` … are results), so a time
/// prefix such as `每月`/`Q1` needs no special handling. `完成` with a result object
/// (`完成销售额500万`) is a result; a verb used as a noun (`开发团队`, `培训满意度`) is skipped;
/// `通过…` marks means, so `通过开展培训提升满意度` is a result.
///
/// ## Comparatives (``isComparative(_:)``)
/// True when the leading verb is an improvement/comparative verb (improve, increase, grow, boost,
/// reduce, optimise, 提升, 优化, 降低 …) or, absent a leading task verb, the title contains such a
/// verb or a comparative (`better`, `more`, `faster`, `更`, `进一步`). Independent of quantities:
/// callers combine it with ``quantity(in:)``.
public enum Wording {
  /// A quantity or threshold stated in a title.
  public struct Quantity: Equatable, Sendable {
    /// The matched text as written (trimmed, at most 40 scalars), e.g. `50%`, `两百次`, `$1.2M`.
    public var text: String
    /// The numeric value when derivable (`500万` → 5,000,000, `三成` → 30); nil for words like
    /// `doubles` or `half`. For a range it is the end of the range.
    public var value: Double?
    /// True for percentages and percentage points (`%`, `percent`, `pp`, `百分之`, `成`, `百分点`).
    public var isPercent: Bool
    /// The value the range starts from (`30` of `from 30 to 50`), for a range.
    public var from: Double?
    /// The multiple of the baseline the title sets as the target: 2 for `double`, `翻一番`,
    /// `增加一倍`, 3 for `3x`, 0.5 for `halve`, `减半`, `降低一半` (``target(in:)`` only).
    public var factor: Double?

    public init(text: String, value: Double?, isPercent: Bool, from: Double? = nil, factor: Double? = nil) {
      self.text = text
      self.value = value
      self.isPercent = isPercent
      self.from = from
      self.factor = factor
    }
  }

  /// The first quantity or threshold the title states, nil if none.
  public static func quantity(in title: String) -> Quantity? {
    withScalars(of: title) { s, low in
      let scanner = QuantityScanner(s, low, original: title)
      guard let first = scanner.first() else { return scanner.universal() }
      // A number that sets the scope or a parameter of the work (`Polish the top two
      // features`, `Offer a 30% discount … and track the results`) is not what is measured.
      guard Phrasing(s, low).isActivity else { return first }
      return scanner.scan(limit: 8).first { !Self.isParameter(s, before: $0.start) }?.quantity ?? scanner.universal()
    }
  }

  /// Words before a number that make it a setting of the work, in a title that names work.
  static let parameterWordsBefore: [[Unicode.Scalar]] = ["a", "an", "the", "top", "the top"].map {
    Array($0.unicodeScalars)
  }

  /// `a 30% discount`, `the top two`, but not `achieve a 15% response rate`.
  static func isParameter(_ s: Text, before start: Int) -> Bool {
    var end = start
    while end > 0, Scalars.isSpace(s[end - 1]) { end -= 1 }
    for word in parameterWordsBefore where endsWithWord(s, before: start, [word]) {
      return !announcesTarget(s, before: end - word.count)
    }
    return false
  }

  static let scopeWordsBefore: [[Unicode.Scalar]] = ["within", "per", "every", "each", "after", "for", "每", "前"].map {
    Array($0.unicodeScalars)
  }

  static func scopeBefore(_ s: Text, _ start: Int) -> Bool { endsWithWord(s, before: start, scopeWordsBefore) }

  /// `of` right after a quantity (`75% of team members`).
  static func followedByOf(_ s: Text, _ end: Int) -> Bool {
    var i = end
    while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
    guard i + 2 <= s.count, s[i] == "o", s[i + 1] == "f" else { return false }
    return i + 2 == s.count || !Scalars.isLetter(s[i + 2])
  }

  /// A quantity that is a span of time (`5 days`, `三個月`, `48 小时`).
  static func isTimeSpan(_ text: String) -> Bool {
    let lower = text.lowercased()
    for unit in ["天", "周", "月", "年", "小时", "分钟", "day", "days", "week", "weeks", "month", "months", "year", "years"]
    where lower.hasSuffix(unit) {
      return true
    }
    return false
  }

  /// The first range the title states (`from 30 to 50`, `从 30 个提升到 50 个`), with where it
  /// starts and ends.
  public static func range(in title: String) -> Quantity? {
    withScalars(of: title) { s, low in
      QuantityScanner(s, low, original: title).scan(limit: 16).first { $0.quantity.from != nil }?.quantity
    }
  }

  /// Words that announce a target, English in lower case, written just before a quantity.
  static let targetWordsBefore: [[Unicode.Scalar]] = [
    "to", "reach", "reaches", "reaching", "hit", "hits", "achieve", "achieves", "under", "below", "above", "over",
    "at least", "at most", "no more than", "no less than", "less than", "more than", "fewer than", "greater than",
    "down to", "up to", "by", "of at least", ">=", "<=", ">", "<", "≥", "≤", "达到", "达", "到", "至", "提升到", "提高到",
    "增加到", "增长到", "降到", "降低到", "降至", "减少到", "减至", "控制在", "保持在", "不少于", "至少", "不低于", "低于",
    "不超过", "不高于", "高于", "超过", "少于", "多于", "大于", "小于", "突破", "可达",
  ].map { Array($0.unicodeScalars) }

  /// Whether a target word ends just before `start` (spaces between allowed).
  static func announcesTarget(_ s: Text, before start: Int) -> Bool {
    endsWithWord(s, before: start, targetWordsBefore)
  }

  /// Whether one of `words` ends just before `start` (spaces between allowed); an English word
  /// must start a word (`into` is not `to`), and letters compare in lower case.
  static func endsWithWord(_ s: Text, before start: Int, _ words: [[Unicode.Scalar]]) -> Bool {
    var end = start
    while end > 0, Scalars.isSpace(s[end - 1]) { end -= 1 }
    for word in words where word.count <= end {
      var matches = true
      for (k, w) in word.enumerated() {
        let c = s[end - word.count + k]
        let lower = c.isASCII && Scalars.isLetter(c) ? Unicode.Scalar(UInt8(truncatingIfNeeded: c.value) | 0x20) : c
        if lower != w {
          matches = false
          break
        }
      }
      guard matches else { continue }
      let first = end - word.count
      if word[0].isASCII, Scalars.isLetter(word[0]), first > 0, Scalars.isLetter(s[first - 1]) { continue }
      return true
    }
    return false
  }

  /// `以上`, `以下`, `以内` (or `+`) right after a quantity: a threshold.
  static func thresholdAfter(_ s: Text, _ end: Int) -> Bool {
    var i = end
    while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
    guard i + 1 < s.count else { return false }
    return s[i] == "以" && (s[i + 1] == "上" || s[i + 1] == "下" || s[i + 1] == "内")
  }

  /// True when the title describes an activity/task/output rather than a result.
  public static func isActivity(_ title: String) -> Bool {
    withScalars(of: title) { Phrasing($0, $1).isActivity }
  }

  /// True when the title is an improvement/comparative wording ("improve", "increase", "grow",
  /// "boost", "enhance", "strengthen", "optimize", "better", "more", "提升", "提高", "加强",
  /// "改善", "优化", "增强", "增加", "扩大", "促进", "推进", …) — used for milestones.
  public static func isComparative(_ title: String) -> Bool {
    withScalars(of: title) { Phrasing($0, $1).isComparative }
  }

  /// Convenience used by kr-vague-wording for non-milestone KRs: `quantity(in:) == nil`.
  public static func isVague(_ title: String) -> Bool {
    quantity(in: title) == nil
  }
}
