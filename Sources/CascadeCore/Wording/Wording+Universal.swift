extension Wording.QuantityScanner {
  /// A title that says every one or none, with something to check about them, states a
  /// threshold: `Every service has an on-call runbook` and `确保所有门店接入新收银系统` are met
  /// when 100% are, `No customer data leaves the EU` when none does.
  ///
  /// The quantifier must lead the title (after `ensure`, `make sure`, `确保`, `保证`, `让`), name
  /// things rather than a period (`every month`, `每个月` set the rhythm), and the title must not
  /// be a comparison (`All teams are happier`, `所有员工更加积极`: nothing to check). Only when
  /// the title states no number.
  func universal() -> Wording.Quantity? {
    var i = 0
    while i < n, Scalars.isSpace(s[i]) { i += 1 }
    i = afterLead(i)
    if let (end, none) = englishQuantifier(at: i) ?? chineseQuantifier(at: i),
      !Wording.Phrasing(s, low).isComparative, !comparesAfter(end)
    {
      return Wording.Quantity(text: text(i, end), value: none ? 0 : 100, isPercent: !none)
    }
    return nil
  }

  static let comparatives: Set<String> = [
    "more", "less", "fewer", "better", "worse", "greater", "higher", "lower", "faster", "slower", "bigger",
    "smaller", "stronger", "closer", "quicker", "cheaper", "safer", "clearer",
  ]

  /// A comparative after the quantifier (`are happier`, `feel better`): nothing to check.
  func comparesAfter(_ start: Int) -> Bool {
    var i = start
    while let w = nextWord(from: i), w.start >= i {
      let word = String(decoding: (w.start..<w.end).map { low[$0] }, as: UTF8.self)
      if Self.comparatives.contains(word) || (word.count > 4 && word.hasSuffix("ier")) { return true }
      i = w.end
    }
    return false
  }

  static let leads: [String] = ["ensure that", "ensure", "make sure that", "make sure", "guarantee that", "guarantee"]
  static let leadsHan: [[Unicode.Scalar]] = ["确保", "保证", "让", "使"].map { Array($0.unicodeScalars) }

  /// Past a leading `ensure (that)`, `确保`, and the spaces after it.
  func afterLead(_ start: Int) -> Int {
    var i = start
    for lead in Self.leads where matchesLower(lead, at: i) {
      i += lead.utf8.count
      break
    }
    for lead in Self.leadsHan where i + lead.count <= n && (0..<lead.count).allSatisfy({ s[i + $0] == lead[$0] }) {
      i += lead.count
      break
    }
    while i < n, Scalars.isSpace(s[i]) { i += 1 }
    return i
  }

  /// `text` (lower-case ASCII) at `i` as whole words.
  func matchesLower(_ text: String, at i: Int) -> Bool {
    let bytes = Array(text.utf8)
    guard i + bytes.count <= n, i == 0 || !Scalars.isLetter(s[i - 1]) else { return false }
    for (k, b) in bytes.enumerated() where low[i + k] != b { return false }
    return i + bytes.count == n || !Scalars.isLetter(s[i + bytes.count])
  }

  static let periodWords: Set<String> = [
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "time", "times",
    "morning", "evening", "night", "hour", "hours", "other",
  ]
  /// After `no`: not a thing that is absent (`no more than`, `no longer`, `no one`).
  static let notAfterNo: Set<String> = [
    "more", "less", "fewer", "longer", "later", "one", "need", "matter", "doubt", "further", "worse", "better",
  ]

  /// `all`, `every`, `each` or `no` and the word after it; nil unless a thing follows.
  func englishQuantifier(at i: Int) -> (end: Int, none: Bool)? {
    for (word, none) in [("all", false), ("every", false), ("each", false), ("no", true)]
    where matchesLower(word, at: i) {
      let end = i + word.utf8.count
      guard let next = nextWord(from: end), next.start > end else { return nil }
      let name = String(decoding: (next.start..<next.end).map { low[$0] }, as: UTF8.self)
      if Self.periodWords.contains(name) || (none && Self.notAfterNo.contains(name)) { return nil }
      return (end, none)
    }
    return nil
  }

  static let quantifiersHan: [[Unicode.Scalar]] = ["所有", "全部", "全体", "每一个", "每一位", "每个", "每位", "每名", "每家", "每项", "每条"]
    .map { Array($0.unicodeScalars) }
  /// After `每个`, a period: `每个月`, `每个季度`, `每个星期`.
  static let periodsHan: [[Unicode.Scalar]] = ["月", "季度", "星期", "周", "工作日", "小时", "年", "阶段", "迭代", "版本"]
    .map { Array($0.unicodeScalars) }

  func chineseQuantifier(at i: Int) -> (end: Int, none: Bool)? {
    for q in Self.quantifiersHan where i + q.count < n && (0..<q.count).allSatisfy({ s[i + $0] == q[$0] }) {
      let end = i + q.count
      for p in Self.periodsHan where end + p.count <= n && (0..<p.count).allSatisfy({ s[end + $0] == p[$0] }) {
        return nil
      }
      return Scalars.isHan(s[end]) || Scalars.isLetter(s[end]) ? (end, false) : nil
    }
    return nil
  }
}
