extension Wording.QuantityScanner {
  // Names from the enclosing `Wording` namespace (extensions of nested types do not see them).
  typealias Lexicon = Wording.Lexicon
  typealias Scalars = Wording.Scalars
  typealias Quantity = Wording.Quantity

  /// A Chinese numeral run with its suffixes.
  struct ChineseNumber {
    var runEnd: Int
    var end: Int
    var value: Double?
    var isPercent = false
    var hasSuffix = false
    var isDeadline = false
    /// Where the suffix starts (after `多`/`余`/`来`).
    var suffixStart: Int
  }

  func han(at i: Int) -> Step {
    let c = s[i]
    if let p = percentPhrase(at: i) {
      var end = p.end
      var value = p.value
      if p.needsValue, let r = rangeEnd(from: end) {
        end = r.end
        value = r.value
      }
      return .found(Quantity(text: text(i, end), value: value, isPercent: true))
    }
    let m = Lexicon.chineseMultipliers.match(s, at: i)
    if m > 0 {
      return .found(Quantity(text: text(i, i + m), value: nil, isPercent: false))
    }
    guard Lexicon.isChineseNumeral(c) else { return .skip(i + 1) }
    return numeralRun(at: i)
  }

  /// `百分之百`, `百分百` (100 %) or `百分之` + a number (`百分之二十`, `百分之20`) at `i`.
  func percentPhrase(at i: Int) -> (end: Int, value: Double?, needsValue: Bool)? {
    guard i + 2 < n, s[i] == "百", s[i + 1] == "分" else { return nil }
    if s[i + 2] == "百" { return (i + 3, 100, false) }
    guard s[i + 2] == "之", i + 3 < n else { return nil }
    let k = i + 3
    if s[k] == "百", !(k + 1 < n && Lexicon.isChineseNumeral(s[k + 1])) {
      return (k + 1, 100, false)
    }
    if Scalars.isDigit(s[k]) {
      let raw = readNumber(at: k)
      return (raw.end, raw.value, true)
    }
    guard Lexicon.isChineseNumeral(s[k]) else { return nil }
    var b = k
    while b < n, Lexicon.isChineseNumeral(s[b]) { b += 1 }
    var value = chineseValue(k, b)
    var end = b
    if b + 1 < n, s[b] == "点", let frac = chineseFraction(at: b + 1) {
      value = value.map { $0 + frac.value }
      end = frac.end
    }
    return (end, value, true)
  }

  /// Digits after `点` in `三点五`.
  func chineseFraction(at k: Int) -> (value: Double, end: Int)? {
    var j = k
    var v = 0.0
    var scale = 0.1
    while j < n, let d = Lexicon.chineseDigit(s[j]) {
      v += Double(d) * scale
      scale /= 10
      j += 1
    }
    return j > k ? (v, j) : nil
  }

  /// True when a listed word covers the whole numeral run `a..<b`.
  func excluded(_ a: Int, _ b: Int) -> Bool {
    // Only the words that contain `s[a]`, at each offset where they do.
    guard let slot = Lexicon.exclusionPlaces.index.value(s[a]) else { return false }
    let places = Lexicon.exclusionPlaces.places
    let first = Int(slot >> 16)
    for place in places[first..<first + Int(slot & 0xFFFF)] {
      let w = Lexicon.numeralExclusions[Int(place >> 8)]
      let start = a - Int(place & 0xFF)
      if start >= 0, start + w.count <= n, start + w.count >= b {
        var k = 0
        while k < w.count, s[start + k] == w[k] { k += 1 }
        if k == w.count { return true }
      }
    }
    return false
  }

  /// Value of a Chinese numeral run: 五十 → 50, 两百 → 200, 三千五 → 3500, 二〇二六 → 2026,
  /// 一亿两千万 → 120,000,000. Two unit-less digits (`三五`, "three or five") have no value.
  func chineseValue(_ a: Int, _ b: Int) -> Double? {
    var hasUnit = false
    for k in a..<b where Lexicon.chineseUnit(s[k]) != nil {
      hasUnit = true
      break
    }
    if !hasUnit {
      if b - a == 2 { return nil }
      var v = 0.0
      for k in a..<b { v = v * 10 + Double(Lexicon.chineseDigit(s[k]) ?? 0) }
      return v
    }
    var result = 0.0  // completed 万/亿 parts
    var section = 0.0  // below 万
    var number = 0.0
    var pending = false
    var zeroSeen = false
    var lastUnit = 1.0
    for k in a..<b {
      let c = s[k]
      if let d = Lexicon.chineseDigit(c) {
        if d == 0 {
          zeroSeen = true
        } else {
          number = Double(d)
          pending = true
        }
        continue
      }
      guard let u = Lexicon.chineseUnit(c) else { continue }
      if u < 1e4 {
        section += (pending ? number : 1) * u
      } else if u == 1e4 {
        let part = section + (pending ? number : 0)
        result += (part == 0 ? 1 : part) * 1e4
        section = 0
      } else {
        let whole = result + section + (pending ? number : 0)
        result = (whole == 0 ? 1 : whole) * 1e8
        section = 0
      }
      number = 0
      pending = false
      zeroSeen = false
      lastUnit = u
    }
    if pending {
      // 三千五 = 3500, 两万五 = 25,000, but 一百零五 = 105 and 十五 = 15.
      if !zeroSeen, lastUnit >= 100 { number *= lastUnit / 10 }
      section += number
    }
    return result + section
  }

  /// A numeral run at `a` with its suffixes, without judging whether it is a quantity.
  func chineseNumber(at a: Int) -> ChineseNumber? {
    var b = a
    while b < n, Lexicon.isChineseNumeral(s[b]) { b += 1 }
    guard b > a else { return nil }
    var value = chineseValue(a, b)
    var k = b
    if k + 1 < n, s[k] == "点", let frac = chineseFraction(at: k + 1) {
      value = value.map { $0 + frac.value }
      k = frac.end
    }
    let runEnd = k
    if k < n, s[k] == "多" || s[k] == "余" || s[k] == "来" { k += 1 }
    var p = Parsed(
      end: k, value: value,
      raw: RawNumber(
        value: value ?? 0, end: k, intDigits: 0, grouped: false, hasDecimal: false,
        extraDot: false))
    let end = chineseSuffix(at: k, into: &p)
    var r = ChineseNumber(runEnd: runEnd, end: end, value: p.value, suffixStart: k)
    r.isPercent = p.isPercent
    r.hasSuffix = end > k
    r.isDeadline = p.isDeadline
    return r
  }

  /// A word just before `a` in the same clause that makes a lone `一` a count: `每` (per) up to
  /// ten scalars back, or a threshold word right before it.
  func counted(before a: Int) -> Bool {
    var k = a - 1
    var steps = 0
    while k >= 0, steps < 10 {
      let c = s[k]
      if c == "，" || c == "," || c == "。" || c == "；" || c == ";" || c == "、" { break }
      if c == "每" { return true }
      k -= 1
      steps += 1
    }
    var end = a
    while end > 0, Scalars.isSpace(s[end - 1]) { end -= 1 }
    for word in ["不超过", "超过", "至少", "最多", "不少于", "不多于", "仅", "只有", "只"] {
      let w = Array(word.unicodeScalars)
      guard w.count <= end else { continue }
      if (0..<w.count).allSatisfy({ s[end - w.count + $0] == w[$0] }) { return true }
    }
    return false
  }

  func numeralRun(at a: Int) -> Step {
    var b = a
    while b < n, Lexicon.isChineseNumeral(s[b]) { b += 1 }
    if excluded(a, b) { return .skip(b) }
    let prev: Unicode.Scalar? = a > 0 ? s[a - 1] : nil
    let startsWithUnit = Lexicon.chineseUnit(s[a]) != nil
    // 几十, 数百, 上千: vague amounts.
    if let prev, prev == "几" || ((prev == "数" || prev == "上" || prev == "好") && startsWithUnit) {
      return .skip(b)
    }
    // Weekdays: 星期三, 礼拜五, 周三 (but 每周三次 is three times a week).
    if b - a == 1, a >= 1, let d = Lexicon.chineseDigit(s[a]), d >= 1, d <= 7 {
      let p1 = s[a - 1]
      let p2: Unicode.Scalar? = a >= 2 ? s[a - 2] : nil
      if (p1 == "期" && p2 == "星") || (p1 == "拜" && p2 == "礼") { return .skip(b) }
      if p1 == "周", !(b < n && s[b] == "次") { return .skip(b) }
    }
    guard let num = chineseNumber(at: a) else { return .skip(b) }
    let j = num.runEnd
    let single = b - a == 1 && j == b
    // Calendar: 一季度, 十二月, 三十一日, 二〇二六年.
    if j < n {
      let c = s[j]
      if c == "季" { return .skip(j + 1) }
      if c == "月", let v = num.value, (1...12).contains(v), !(j + 1 < n && s[j + 1] == "内") {
        return .skip(j + 1)
      }
      if c == "日" || c == "号", let v = num.value, (1...31).contains(v) { return .skip(j + 1) }
      if c == "年", b - a == 4, Lexicon.chineseUnit(s[a]) == nil { return .skip(j + 1) }
    }
    if prev == "第" {
      // 第一名, 行业第一: a rank; 第二阶段, 第一批: a label.
      if j == n || !Scalars.isHan(s[j]) {
        return .found(Quantity(text: text(a - 1, j), value: num.value, isPercent: false))
      }
      let r = Lexicon.rankFollowers.match(s, at: j)
      if r > 0 {
        return .found(Quantity(text: text(a - 1, j + r), value: num.value, isPercent: false))
      }
      return .skip(j)
    }
    if prev == "前", num.hasSuffix, Lexicon.deadlineMeasures.contains(s, from: num.suffixStart, to: num.end) {
      return .skip(num.end)  // 前两周: "in the first two weeks"
    }
    if prev == "前", single || num.value != nil {
      // 前三, 前十名: a rank threshold.
      if j == n || !Scalars.isHan(s[j]) || s[j] == "的" {
        return .found(Quantity(text: text(a - 1, j), value: num.value, isPercent: false))
      }
      let r = Lexicon.rankFollowers.match(s, at: j)
      if r > 0 {
        return .found(Quantity(text: text(a - 1, j + r), value: num.value, isPercent: false))
      }
    }
    if num.isDeadline { return .skip(num.end) }
    if single {
      switch s[a] {
      case "零":
        break
      case "〇":
        return .skip(b)
      case "百", "千", "万", "亿", "佰", "仟", "萬", "億":
        // 破亿, 过万: "passes 100 million / ten thousand" is a threshold.
        guard prev == "破" || prev == "过" else { return .skip(b) }
      case "一", "壹":
        // `一个平台` reads as the article "a"; but `每周一次`, `不超过一次`, `至少一个` count.
        guard num.hasSuffix, Lexicon.loneOneFollowers.match(s, at: num.suffixStart) > 0 || counted(before: a) else {
          return .skip(b)
        }
      default:
        guard num.hasSuffix else { return .skip(b) }
      }
    }
    var end = num.end
    var value = num.value
    var percent = num.isPercent
    var from: Double?
    if let r = rangeEnd(from: end) {
      end = r.end
      from = value
      value = r.value
      percent = percent || r.isPercent
    }
    let start = single && (prev == "破" || prev == "过") && startsWithUnit ? a - 1 : a
    return .found(Quantity(text: text(start, end), value: value, isPercent: percent, from: from))
  }
}
