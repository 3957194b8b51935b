extension Wording {
  /// The target a title states, for `kr-no-target` to suggest. Of the quantities it writes, the
  /// best placed:
  /// - a target word before it (`to`, `reach`, `under`, `at least`, `达到`, `提升到`, `低于`,
  ///   `不少于`) or `以上`/`以内`/`+` after it counts most, then a share (`75% of …`,
  ///   `95% 的…`), and a range carries its own target (`from 30 to 50`);
  /// - a span that sets the period (`within 5 days`, `三個月…`) or a scope word before it
  ///   (`per`, `每`) counts against, and so does a number that only qualifies another: in
  ///   brackets (`(current is 125k)`, `（RTO < 5min）`), after `which`, `if`, `其中`, `当中`,
  ///   `较` in its clause, at the start of a `with …` clause, or before `of which`.
  ///
  /// Of equals, the one in the earliest clause wins (`提升至10万,MTTR≤5分钟`: the title leads
  /// with its main result); within one clause the last (`Produce 2 webinars with 500
  /// registrants`, `三個月運動 900 分鐘`: what comes first sets the scope).
  public static func target(in title: String) -> Quantity? {
    withScalars(of: title) { s, low in
      let scanner = QuantityScanner(s, low, original: title)
      let found = scanner.scan(limit: 16)
      guard found.count > 1 else { return found.first.map { Self.withFactor($0, s, low) } ?? scanner.universal() }
      let places = Clauses.places(of: found.map(\.start), in: s, low)
      var best: (score: Int, clause: Int, work: Bool, at: Int)?
      for (k, f) in found.enumerated() {
        let place = places[k]
        let next = k + 1 < found.count ? found[k + 1].start : s.count
        var score = 0
        if Self.announcesTarget(s, before: f.start) || Self.thresholdAfter(s, f.end) { score += 3 }
        if Self.isShare(s, low, f) { score += 2 }
        if f.quantity.from != nil { score += 3 }  // `from 30 to 50` carries its own target
        if Self.scopeBefore(s, f.start) || (k == 0 && Self.isTimeSpan(f.quantity.text)) { score -= 2 }
        if place.bracketed || Clauses.qualifies(s, low, from: place.clauseStart, to: f.start)
          || Clauses.ofWhich(s, low, after: f.end) || Clauses.isConditional(s, low, after: f.end, before: next)
          || Clauses.isAttributive(s, after: f.end) || Self.isQualifyingShare(s, f)
          || Clauses.isPerItem(s, low, after: f.end, before: next)
        {
          score -= 4
        }
        // A rank beside a count is what the counted things must reach (`50个关键词进入TOP10`);
        // a rate sets the pace of the work (`by posting 5 photos/week`).
        if Self.isRank(s, f.start) || (f.end < s.count && s[f.end] == "/") { score -= 2 }
        if let b = best {
          if score < b.score { continue }
          // Of equals in two clauses, the earlier, unless it names the work and the later its
          // result (`舉辦 5 次促銷,貢獻銷售目標的 30%`).
          if score == b.score, place.clause != b.clause {
            let laterIsResult = b.work && !Clauses.namesWork(s, low, from: place.clauseStart)
            if !laterIsResult { continue }
          }
        }
        best = (score, place.clause, Clauses.namesWork(s, low, from: place.clauseStart), k)
      }
      return best.map { Self.withFactor(found[$0.at], s, low) }
    }
  }

  /// The quantity with its ``Quantity/factor`` when it sets the target as a multiple of the
  /// baseline.
  static func withFactor(_ f: (quantity: Quantity, start: Int, end: Int), _ s: Text, _ low: LowerBytes) -> Quantity {
    var q = f.quantity
    q.factor = factor(s, low, f.start, f.end, value: q.value, isPercent: q.isPercent)
    return q
  }

  static let doubling: [(word: [Unicode.Scalar], factor: Double)] = [
    ("翻一番", 2), ("翻了一番", 2), ("翻两番", 4), ("翻倍", 2), ("翻番", 2), ("倍增", 2), ("减半", 0.5),
  ].map { (Array($0.0.unicodeScalars), $0.1) }
  static let growthVerbs: [[Unicode.Scalar]] = ["增加", "增长", "提升", "提高", "扩大", "上涨", "上升"].map {
    Array($0.unicodeScalars)
  }
  static let cutVerbs: [[Unicode.Scalar]] = ["减少", "降低", "缩短", "下降", "削减", "压缩", "缩减"].map {
    Array($0.unicodeScalars)
  }

  /// `double`, `twice`, `triple`, `halve`; `3x`, `×3`, `3 times`; `翻一番`, `减半`, `增加一倍`,
  /// `降低一半`. Nil for anything else, and for a percentage.
  static func factor(_ s: Text, _ low: LowerBytes, _ start: Int, _ end: Int, value: Double?, isPercent: Bool) -> Double?
  {
    guard !isPercent, start < end, end <= s.count else { return nil }
    func lowAt(_ k: Int) -> UInt8 { low[k] }
    func hasPrefix(_ p: String) -> Bool {
      let bytes = Array(p.utf8)
      return end - start >= bytes.count && (0..<bytes.count).allSatisfy { lowAt(start + $0) == bytes[$0] }
    }
    if hasPrefix("doubl") || hasPrefix("twice") { return 2 }
    if hasPrefix("tripl") || hasPrefix("thrice") { return 3 }
    if hasPrefix("quadrupl") { return 4 }
    if hasPrefix("halv") { return 0.5 }
    for d in doubling
    where end - start == d.word.count && (0..<d.word.count).allSatisfy({ s[start + $0] == d.word[$0] }) {
      return d.factor
    }
    let span = Array(s[start..<end])
    if span == Array("一倍".unicodeScalars), endsWithWord(s, before: start, growthVerbs) { return 2 }
    if span == Array("一半".unicodeScalars), endsWithWord(s, before: start, cutVerbs) { return 0.5 }
    // `3x`, `3×`, `x3`, `3 times`: a multiple of what it is now.
    guard let value, value.isFinite, value > 0 else { return nil }
    let last = s[end - 1]
    if last == "×" || ((last == "x" || last == "X") && end - start > 1 && Scalars.isASCIIDigit(s[end - 2])) {
      return value
    }
    if s[start] == "×"
      || ((s[start] == "x" || s[start] == "X") && end - start > 1 && Scalars.isASCIIDigit(s[start + 1]))
    {
      return value
    }
    if end - start > 5, Clauses.word(s, low, at: end - 5, "times") { return value }
    return nil
  }

  /// `75% of team members`, `95% 的搜索结果`: the share is the target; not `at 70% of quota`,
  /// `2 of which`.
  static func isShare(_ s: Text, _ low: LowerBytes, _ f: (quantity: Quantity, start: Int, end: Int)) -> Bool {
    if followedByOf(s, f.end) { return !isQualifyingShare(s, f) && !Clauses.ofWhich(s, low, after: f.end) }
    guard f.quantity.isPercent else { return false }
    var i = f.end
    while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
    return i < s.count && s[i] == "的"
  }

  /// `top 10`, `TOP3`, `前三`, `第一`.
  static func isRank(_ s: Text, _ start: Int) -> Bool {
    guard start < s.count else { return false }
    if s[start] == "前" || s[start] == "第" { return true }
    guard start + 3 <= s.count else { return false }
    let t = (0..<3).map { s[start + $0].properties.lowercaseMapping }
    return t == ["t", "o", "p"]
  }

  /// `at 70% of quota`: a share that sets a condition on another number.
  static func isQualifyingShare(_ s: Text, _ f: (quantity: Quantity, start: Int, end: Int)) -> Bool {
    followedByOf(s, f.end) && endsWithWord(s, before: f.start, [Array("at".unicodeScalars)])
  }

  /// Where each quantity of a title stands: in which clause, where that clause starts, and
  /// whether it is in brackets. Clauses end at `,` `;` `.` (not inside a number), `，` `；`
  /// `。` `、`, and before `and`, `or`, `或`, `以及`, `并且`, `同时`.
  enum Clauses {
    struct Place {
      var clause: Int
      var clauseStart: Int
      var bracketed: Bool
    }

    /// One pass over the title up to the last start; `starts` is in increasing order.
    static func places(of starts: [Int], in s: Text, _ low: LowerBytes) -> [Place] {
      var places: [Place] = []
      places.reserveCapacity(starts.count)
      var clause = 0
      var clauseStart = 0
      var depth = 0
      var i = 0
      for start in starts {
        while i < start, i < s.count {
          let c = s[i]
          switch c {
          case "(", "（", "[", "【", "“", "「", "『", "《": depth += 1
          case ")", "）", "]", "】", "”", "」", "』", "》": depth = max(0, depth - 1)
          default: break
          }
          if let next = boundary(s, low, at: i) {
            clause += 1
            clauseStart = next
          }
          i += 1
        }
        places.append(Place(clause: clause, clauseStart: min(clauseStart, start), bracketed: depth > 0))
      }
      return places
    }

    /// Where the next clause starts when a clause ends at `i`, else nil.
    static func boundary(_ s: Text, _ low: LowerBytes, at i: Int) -> Int? {
      let n = s.count
      switch s[i] {
      case "，", "；", "。", "、", ";", "﹔", "或": return i + 1
      case ",":
        let inNumber = i > 0 && i + 1 < n && Scalars.isASCIIDigit(s[i - 1]) && Scalars.isASCIIDigit(s[i + 1])
        return inNumber ? nil : i + 1
      case ".":
        let ends = i + 1 == n || Scalars.isSpace(s[i + 1])
        return ends && i > 0 && !Scalars.isASCIIDigit(s[i - 1]) ? i + 1 : nil
      case "以" where i + 1 < n && s[i + 1] == "及": return i
      case "并" where i + 1 < n && s[i + 1] == "且": return i
      case "同" where i + 1 < n && s[i + 1] == "时": return i
      default:
        return word(s, low, at: i, "and") || word(s, low, at: i, "or") ? i : nil
      }
    }

    /// Whether the English word `w` (lower case) starts at `i`, as a whole word.
    static func word(_ s: Text, _ low: LowerBytes, at i: Int, _ w: StaticString) -> Bool {
      let count = w.utf8CodeUnitCount
      guard i + count <= s.count, i == 0 || !Scalars.isLetter(s[i - 1]) else { return false }
      let bytes = w.utf8Start
      for k in 0..<count where low[i + k] != bytes[k] { return false }
      return i + count == s.count || !Scalars.isLetter(s[i + count])
    }

    static let qualifyingWords: [StaticString] = [
      "which", "whom", "whose", "where", "if", "unless", "including", "through", "via", "current", "currently",
    ]
    static let qualifyingHan: [[Unicode.Scalar]] = ["其中", "当中", "较", "如果", "包括", "相比", "当前", "目前"].map {
      Array($0.unicodeScalars)
    }

    /// A word in the clause before the number that makes it qualify another (`which`, `if`,
    /// `其中`, `较`), or a clause that starts with `with`.
    static func qualifies(_ s: Text, _ low: LowerBytes, from start: Int, to end: Int) -> Bool {
      var first = start
      while first < end, Scalars.isSpace(s[first]) { first += 1 }
      if word(s, low, at: first, "with") { return true }
      var i = first
      while i < end {
        let c = s[i]
        if c.isASCII {
          if Scalars.isLetter(c), i == 0 || !Scalars.isLetter(s[i - 1]) {
            for w in qualifyingWords where word(s, low, at: i, w) { return true }
            if word(s, low, at: i, "by"), isGerund(s, low, at: i + 2) { return true }  // `by posting`
          }
        } else {
          for w in qualifyingHan where i + w.count <= end && (0..<w.count).allSatisfy({ s[i + $0] == w[$0] }) {
            return true
          }
        }
        i += 1
      }
      return false
    }

    /// Whether the clause that starts at `start` names work (`舉辦 5 次促銷`).
    static func namesWork(_ s: Text, _ low: LowerBytes, from start: Int) -> Bool {
      var end = start
      while end < s.count, boundary(s, low, at: end) == nil || end == start { end += 1 }
      guard start < end else { return false }
      return Phrasing(Text(rebasing: s[start..<end]), low + start).isActivity
    }

    /// `if` or `unless` after the number, before the next one in its clause: `up to 5 if hiring targets are expanded`.
    static func isConditional(_ s: Text, _ low: LowerBytes, after end: Int, before limit: Int) -> Bool {
      var i = end
      while i < limit, boundary(s, low, at: i) == nil {
        if s[i].isASCII, word(s, low, at: i, "if") || word(s, low, at: i, "unless") { return true }
        if s[i] == "如", i + 1 < s.count, s[i + 1] == "果" { return true }
        i += 1
      }
      return false
    }

    /// `之` right after the number (or its `以上`/`以下`): it describes what another number
    /// counts (`節選 5 個可達 60% 以上之品種`).
    static func isAttributive(_ s: Text, after end: Int) -> Bool {
      var i = end
      while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
      if i + 1 < s.count, s[i] == "以", s[i + 1] == "上" || s[i + 1] == "下" { i += 2 }
      return i < s.count && s[i] == "之"
    }

    /// `each` after the number, before the next one in its clause: it sets what every one of the things counted must
    /// have (`Join 5 groups with at least 2500 members each`).
    static func isPerItem(_ s: Text, _ low: LowerBytes, after end: Int, before limit: Int) -> Bool {
      var i = end
      while i < limit, boundary(s, low, at: i) == nil {
        if s[i].isASCII, word(s, low, at: i, "each") || word(s, low, at: i, "apiece") { return true }
        i += 1
      }
      return false
    }

    /// An English word ending in `ing` after the spaces at `i` (`by posting`, not `by June`).
    static func isGerund(_ s: Text, _ low: LowerBytes, at start: Int) -> Bool {
      var i = start
      while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
      var j = i
      while j < s.count, s[j].isASCII, Scalars.isLetter(s[j]) { j += 1 }
      return j - i > 4 && low[j - 3] == UInt8(ascii: "i") && low[j - 2] == UInt8(ascii: "n")
        && low[j - 1] == UInt8(ascii: "g")
    }

    /// `2 of which`, `one of whom`.
    static func ofWhich(_ s: Text, _ low: LowerBytes, after end: Int) -> Bool {
      var i = end
      while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
      guard word(s, low, at: i, "of") else { return false }
      i += 2
      while i < s.count, Scalars.isSpace(s[i]) { i += 1 }
      return word(s, low, at: i, "which") || word(s, low, at: i, "whom")
    }
  }
}
