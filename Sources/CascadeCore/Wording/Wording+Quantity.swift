extension Wording {
  /// Finds the first quantity in a title, scanning its scalars left to right once.
  struct QuantityScanner {
    let s: Text
    let low: LowerBytes
    let n: Int
    let words: WordTable
    let quantityHan: ScalarTable

    /// The title as written, for quoting: the scalars read are folded (traditional characters
    /// as simplified ones), one for one.
    var original: String?

    init(_ s: Text, _ low: LowerBytes, original: String? = nil) {
      self.original = original
      self.s = s
      self.low = low
      self.n = s.count
      self.words = Words.table
      self.quantityHan = Lexicon.quantityHan
    }

    /// A lower-case ASCII word of the title with what the word table knows about it.
    struct Word {
      var key: WordKey
      var info: WordInfo
      var start: Int
      var end: Int
      /// `iPhone`: a lower-case letter followed by an upper-case one (``previousToken(before:)``).
      var isCamel = false

      init(_ low: LowerBytes, _ start: Int, _ end: Int, _ words: WordTable) {
        self.key = WordKey(low, start, end)
        self.info = words.info(key)
        self.start = start
        self.end = end
      }

      @inline(__always)
      func isIn(_ lists: WordFlags) -> Bool { !info.flags.isDisjoint(with: lists) }
    }

    enum Step {
      case found(Quantity)
      case skip(Int)
    }

    /// Digits as read, before units.
    struct RawNumber {
      var value: Double
      var end: Int
      var intDigits: Int
      var grouped: Bool
      var hasDecimal: Bool
      var extraDot: Bool
    }

    /// A number with its suffixes, before looking at the words around it.
    struct Parsed {
      var end: Int
      var value: Double?
      var raw: RawNumber
      var isPercent = false
      /// Any unit, magnitude, measure word, multiplier, percent or currency.
      var hasUnit = false
      var isCode = false
      var isDate = false
      var isDeadline = false
      var isOrdinal = false
    }

    /// Every quantity the title states, in order, at most `limit`, each with the scalar range
    /// the scan read (its start, and the end the next scan starts from).
    func scan(limit: Int) -> [(quantity: Quantity, start: Int, end: Int)] {
      var found: [(quantity: Quantity, start: Int, end: Int)] = []
      var i = 0
      while i < n, found.count < limit {
        let c = s[i]
        if c == " " {
          i += 1
          continue
        }
        switch step(at: i) {
        case .found(let q):
          // The quantity's text is the title's scalars from about `i` on (spaces trimmed).
          let end = min(n, i + max(1, q.text.unicodeScalars.count))
          found.append((q, i, end))
          i = end
        case .skip(let j): i = max(j, i + 1)
        }
      }
      return found
    }

    func first() -> Quantity? {
      var i = 0
      while i < n {
        if s[i] == " " {  // what `symbol(at:)` would do with a space
          i += 1
          continue
        }
        switch step(at: i) {
        case .found(let q): return q
        case .skip(let j): i = max(j, i + 1)
        }
      }
      return nil
    }

    /// What the scalar at `i` starts: a quantity, or how far to skip.
    @inline(__always)
    func step(at i: Int) -> Step {
      let c = s[i]
      if Scalars.isDigit(c) { return digits(at: i, prefixStart: i) }
      if Scalars.isLetter(c) { return word(at: i) }
      // Most Han scalars are neither numerals nor the start of a multiplier word.
      if Scalars.isHan(c) { return quantityHan.value(c) == nil ? .skip(i + 1) : han(at: i) }
      return symbol(at: i)
    }

    // MARK: - Small helpers

    func text(_ a: Int, _ b: Int) -> String {
      var a = a
      var b = min(b, n)
      while a < b, Scalars.isSpace(s[a]) { a += 1 }
      while b > a, Scalars.isSpace(s[b - 1]) { b -= 1 }
      if b - a > 40 { b = a + 40 }
      if let original {
        // Cut from the title as written (the i-th scalar read is its i-th scalar).
        var out = String.UnicodeScalarView()
        for (k, u) in original.unicodeScalars.enumerated() {
          if k >= b { break }
          if k >= a { out.append(u) }
        }
        return String(out)
      }
      var bytes = 0
      for k in a..<b { bytes += UTF8.width(s[k]) }
      // Encoded straight into the string's storage (inline for up to 15 bytes).
      return String(unsafeUninitializedCapacity: bytes) { out in
        var m = 0
        for k in a..<b {
          UTF8.encode(s[k]) { byte in
            out[m] = byte
            m += 1
          }
        }
        return m
      }
    }

    func letterEnd(from i: Int) -> Int {
      i < n ? Scalars.runEnd(low, from: i, digits: false).end : i
    }

    /// End of a code such as `GPT-4o`, `v2.0.1`, `2026-06-30`, `P1`.
    func codeEnd(from i: Int) -> Int {
      var k = i
      while k < n {
        if Scalars.isAlnum(s[k]) || Scalars.isDigit(s[k]) {
          k += 1
        } else if k + 1 < n, s[k] == "." || s[k] == "-" || s[k] == "_" || s[k] == "/",
          Scalars.isAlnum(s[k + 1])
        {
          k += 2
        } else {
          break
        }
      }
      return k
    }

    /// The ASCII token (letters/digits) before `i`, across at most two spaces.
    func previousToken(before i: Int) -> Word? {
      var k = i - 1
      var spaces = 0
      while k >= 0, s[k] == " " || s[k] == "\u{00A0}" {
        k -= 1
        spaces += 1
        if spaces > 2 { return nil }
      }
      guard k >= 0, Scalars.isAlnum(s[k]) else { return nil }
      let end = k + 1
      while k >= 0, Scalars.isAlnum(s[k]) { k -= 1 }
      let start = k + 1
      var camel = false
      if Scalars.isLower(s[start]) {
        var m = start + 1
        while m < end {
          if Scalars.isUpper(s[m]) {
            camel = true
            break
          }
          m += 1
        }
      }
      var w = Word(low, start, end, words)
      w.isCamel = camel
      return w
    }

    /// The next letters-only word after spaces (at most two) starting at `i`.
    func nextWord(from i: Int, allowGlued: Bool = false) -> Word? {
      var k = i
      var spaces = 0
      while k < n, s[k] == " " || s[k] == "\u{00A0}" {
        k += 1
        spaces += 1
      }
      guard spaces <= 2, spaces > 0 || allowGlued, k < n, Scalars.isLetter(s[k]) else {
        return nil
      }
      let e = letterEnd(from: k)
      if e < n, Scalars.isASCIIDigit(s[e]) { return nil }
      return Word(low, k, e, words)
    }

    /// The word joined by a hyphen right at `i` (`-factor`), if any.
    func hyphenWord(at i: Int) -> Word? {
      guard i + 1 < n, s[i] == "-", Scalars.isLetter(s[i + 1]) else { return nil }
      return Word(low, i + 1, letterEnd(from: i + 1), words)
    }

    // MARK: - Digits

    func readNumber(at i: Int) -> RawNumber {
      var j = i
      var v = 0.0
      var digits = 0
      var grouped = false
      var groupLen = 0
      var firstGroup = true
      while j < n {
        if let d = Scalars.digit(s[j]) {
          v = v * 10 + Double(d)
          digits += 1
          groupLen += 1
          j += 1
          continue
        }
        let c = s[j]
        let isSep = c == "," || c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}"
        if isSep, firstGroup ? (1...3).contains(groupLen) : groupLen == 3,
          threeDigitGroup(at: j + 1, spaceSeparated: c != ",")
        {
          grouped = true
          firstGroup = false
          groupLen = 0
          j += 1
          continue
        }
        break
      }
      var hasDecimal = false
      var extraDot = false
      if j + 1 < n, s[j] == "." || s[j] == "．", let d0 = Scalars.digit(s[j + 1]) {
        hasDecimal = true
        // The decimals as one integer over a power of ten, so `0.75` reads as 0.75 and not
        // 0.7500000000000001 (adding 0.7 and 0.05 rounds twice); past 17 digits, no double
        // can tell them apart.
        var fraction = Double(d0)
        var places = 1
        j += 2
        while j < n, let d = Scalars.digit(s[j]) {
          if places < 17 {
            fraction = fraction * 10 + Double(d)
            places += 1
          }
          j += 1
        }
        var power = 1.0
        for _ in 0..<places { power *= 10 }
        v += fraction / power
        if j + 1 < n, s[j] == ".", Scalars.isDigit(s[j + 1]) { extraDot = true }
      }
      return RawNumber(
        value: v, end: j, intDigits: digits, grouped: grouped, hasDecimal: hasDecimal,
        extraDot: extraDot)
    }

    func threeDigitGroup(at k: Int, spaceSeparated: Bool) -> Bool {
      guard k + 2 < n, Scalars.isDigit(s[k]), Scalars.isDigit(s[k + 1]), Scalars.isDigit(s[k + 2])
      else { return false }
      if k + 3 < n {
        let c = s[k + 3]
        if Scalars.isDigit(c) { return false }
        if spaceSeparated, Scalars.isLetter(c) || c == "." || c == "," || c == "-" || c == "/" {
          return false
        }
      }
      return true
    }

    /// Reads a number and its suffixes (`k`, `%`, `万`, `个百分点`, `million`, …).
    func parseNumeric(at i: Int) -> Parsed {
      let raw = readNumber(at: i)
      var p = Parsed(end: raw.end, value: raw.value, raw: raw)
      if raw.extraDot {
        p.isCode = true
        p.end = codeEnd(from: i)
        return p
      }
      var j = raw.end
      let plainInt = !raw.hasDecimal && !raw.grouped
      let yearish = plainInt && raw.intDigits == 4 && (1900...2100).contains(raw.value)
      // Slashes: dates (6/30), 24/7, otherwise a ratio (4.5/5).
      if j + 1 < n, s[j] == "/", Scalars.isASCIIDigit(s[j + 1]) {
        let r2 = readNumber(at: j + 1)
        let bothPlain = plainInt && !r2.hasDecimal && !r2.grouped
        if bothPlain,
          (raw.value == 24 && r2.value == 7)
            || ((1...12).contains(raw.value) && (1...31).contains(r2.value)) || yearish
        {
          p.isDate = true
          p.end = codeEnd(from: i)
          return p
        }
        j = r2.end
        p.hasUnit = true
      }
      // Clock times (10:30) and 7×24 service hours are not quantities.
      if plainInt, j + 1 < n, s[j] == ":" || s[j] == "：", Scalars.isDigit(s[j + 1]) {
        p.isDate = true
        p.end = codeEnd(from: j + 1)
        return p
      }
      if plainInt, j + 1 < n, s[j] == "×" || s[j] == "*" || s[j] == "x",
        Scalars.isDigit(s[j + 1])
      {
        let r2 = readNumber(at: j + 1)
        if (raw.value == 7 && r2.value == 24) || (raw.value == 24 && r2.value == 7) {
          p.isDate = true
          p.end = r2.end
          return p
        }
      }
      // ISO-like dates: 2026-06-30, 2026.06.
      if yearish, j + 1 < n, s[j] == "-" || s[j] == "." || s[j] == "/",
        Scalars.isASCIIDigit(s[j + 1])
      {
        p.isDate = true
        p.end = codeEnd(from: i)
        return p
      }
      // Glued letters: a unit (10k, 3x, 2h, 1st) or a code (4G, 9am, 3D).
      var gluedLetters = false
      if j < n, Scalars.isLetter(s[j]) {
        let k = letterEnd(from: j)
        if k < n, Scalars.isDigit(s[k]) {
          p.isCode = true
          p.end = codeEnd(from: i)
          return p
        }
        // 3D and 2FA are names; lower-case 3d would be three days.
        let isName = k - j == 1 && (s[j] == "D" || s[j] == "S" || s[j] == "W")
        // k, m, bn, x, st, pp, and units: h, ms, gb, usd, kwh, … (see `WordTable`).
        switch isName ? 0 : words.info(WordKey(low, j, k)).numberSuffix {
        case NumberSuffix.thousand: p.value = raw.value * 1e3
        case NumberSuffix.million: p.value = raw.value * 1e6
        case NumberSuffix.billion: p.value = raw.value * 1e9
        case NumberSuffix.times: break
        case NumberSuffix.ordinal: p.isOrdinal = true
        case NumberSuffix.percent: p.isPercent = true
        case NumberSuffix.unit: break
        default:
          p.isCode = true
          p.end = codeEnd(from: i)
          return p
        }
        if !p.isOrdinal { p.hasUnit = true }
        gluedLetters = true
        j = k
      }
      if j < n {
        if s[j] == "%" || s[j] == "％" {
          p.isPercent = true
          p.hasUnit = true
          j += 1
        } else if s[j] == " ", j + 1 < n, s[j + 1] == "%" {
          p.isPercent = true
          p.hasUnit = true
          j += 2
        } else if s[j] == "×" {
          p.hasUnit = true
          j += 1
        }
      }
      // One space before a Chinese magnitude, measure word or date word belongs to the number,
      // as Taiwanese and Hong Kong texts write them: `100 萬`, `5 次`, `900 分鐘`, `2023 年`.
      if !gluedLetters, !p.isPercent, j + 1 < n, s[j] == " ", Scalars.isHan(s[j + 1]) {
        let c = s[j + 1]
        if (Lexicon.chineseUnit(c) ?? 0) >= 100 || Lexicon.measures.match(s, at: j + 1) > 0 || c == "年" || c == "月"
          || c == "日" || c == "季"
        {
          j += 1
        }
      }
      // Chinese magnitudes: 500万, 1.2亿, 3千, 1.2万亿.
      if !gluedLetters && !p.isPercent {
        while j < n, let m = Lexicon.chineseUnit(s[j]), m >= 100 {
          if s[j] == "百" || s[j] == "佰", j + 1 < n, s[j + 1] == "分" { break }
          p.value = (p.value ?? 0) * m
          p.hasUnit = true
          j += 1
        }
      }
      if j < n, s[j] == "+", !(j + 1 < n && Scalars.isDigit(s[j + 1])) {
        j += 1
      } else if j < n, s[j] == "多" || s[j] == "余" {
        j += 1
      }
      if !p.hasUnit && !gluedLetters && plainInt && j < n {
        let c = s[j]
        if c == "月", (1...12).contains(raw.value), !(j + 1 < n && s[j + 1] == "内") {
          p.isDate = true
        } else if c == "日" || c == "号", (1...31).contains(raw.value) {
          p.isDate = true
        } else if c == "季" {
          p.isDate = true
        } else if (c == "年" || c == "财") && yearish {
          p.isDate = true
        }
        if p.isDate {
          p.end = j + 1
          return p
        }
      }
      let afterChinese = chineseSuffix(at: j, into: &p)
      if afterChinese == j, !gluedLetters, !p.isPercent {
        j = englishSuffix(at: j, into: &p)
      } else {
        j = afterChinese
      }
      p.end = j
      return p
    }

    /// `个百分点`, `成` (tenths), or a measure word after a number; returns the new end.
    func chineseSuffix(at j: Int, into p: inout Parsed) -> Int {
      guard j < n, Scalars.isHan(s[j]) || Scalars.isLetter(s[j]) else { return j }
      let pp = Lexicon.percentPoints.match(s, at: j)
      if pp > 0 {
        p.isPercent = true
        p.hasUnit = true
        return j + pp
      }
      if s[j] == "成", !p.isPercent, let v = p.value, v > 0, v <= 10,
        !(j + 1 < n && Lexicon.isChengBlock(s[j + 1]))
      {
        p.value = v * 10
        p.isPercent = true
        p.hasUnit = true
        return j + 1
      }
      // A percentage counts nothing: `50%支持率` is 50%, not 50% of something called 支.
      guard Scalars.isHan(s[j]), !p.isPercent else { return j }
      let len = Lexicon.measures.match(s, at: j)
      guard len > 0 else { return j }
      let k = j + len
      if Lexicon.deadlineMeasures.contains(s, from: j, to: k), k < n,
        s[k] == "内" || (s[k] == "之" && k + 1 < n && s[k + 1] == "内")
      {
        p.isDeadline = true
      }
      p.hasUnit = true
      return k
    }

    /// ` percent`, ` per cent`, ` pp`, ` million`, ` times` after a number; returns the new end.
    func englishSuffix(at j: Int, into p: inout Parsed) -> Int {
      guard let w = nextWord(from: j) else { return j }
      let kind = w.info.englishSuffix
      switch kind {
      case EnglishSuffix.percent:  // percent, pct, pc, pp, ppt, ppts
        p.isPercent = true
        p.hasUnit = true
        return w.end
      case EnglishSuffix.per:
        if let c = nextWord(from: w.end), c.key == Words.cent {
          p.isPercent = true
          p.hasUnit = true
          return c.end
        }
      case EnglishSuffix.percentage:
        p.isPercent = true
        p.hasUnit = true
        if let c = nextWord(from: w.end), c.key == Words.points || c.key == Words.point { return c.end }
        return w.end
      case EnglishSuffix.hundred...EnglishSuffix.trillion:  // also mn, mio, bn
        let m: Double =
          switch kind {
          case EnglishSuffix.hundred: 100
          case EnglishSuffix.thousand: 1e3
          case EnglishSuffix.billion: 1e9
          case EnglishSuffix.trillion: 1e12
          default: 1e6
          }
        p.value = p.value.map { $0 * m }
        p.hasUnit = true
        var end = w.end
        if let c = nextWord(from: end), c.key == Words.percent {
          p.isPercent = true
          end = c.end
        }
        return end
      case EnglishSuffix.times:  // times, x, fold
        p.hasUnit = true
        return w.end
      default:
        break
      }
      return j
    }

    /// A number starting at `i`; `p` is the index of a currency/sign/`×`/`#` prefix (or `i`).
    func digits(at i: Int, prefixStart p: Int) -> Step {
      let prefix: Unicode.Scalar? = p < i ? s[p] : nil
      // Glued to a preceding code: GPT-4, v.2, A-1.
      if prefix == nil, i >= 2, s[i - 1] == "-" || s[i - 1] == "_" || s[i - 1] == ".",
        Scalars.isAlnum(s[i - 2])
      {
        return .skip(codeEnd(from: i))
      }
      var q = parseNumeric(at: i)
      if q.isCode || q.isDate || q.isDeadline { return .skip(q.end) }
      // 618大促 is a shopping festival, 1对1 a format.
      let r = q.raw.end
      if r + 1 < n, (s[r] == "大" && s[r + 1] == "促") || (s[r] == "对" && Scalars.isDigit(s[r + 1])) {
        return .skip(s[r] == "对" ? readNumber(at: r + 1).end : r + 2)
      }
      if prefix == nil, i > 0 {
        let before = s[i - 1]
        if before == "双" { return .skip(q.end) }  // 双11
        // 第3名 is a rank, 第2阶段 a label.
        if before == "第" {
          if r == n || !Scalars.isHan(s[r]) {
            return .found(Quantity(text: text(i - 1, r), value: q.raw.value, isPercent: false))
          }
          let len = Lexicon.rankFollowers.match(s, at: r)
          if len > 0 {
            return .found(
              Quantity(text: text(i - 1, r + len), value: q.raw.value, isPercent: false))
          }
          return .skip(r)
        }
      }
      if let prefix {
        if prefix == "-" || prefix == "−" { q.value = q.value.map { -$0 } }
        if Scalars.isCurrency(prefix) || prefix == "×" { q.hasUnit = true }
      }
      var end = q.end
      // Hyphenated compounds: 2-factor, 15-Mar.
      if let h = hyphenWord(at: end) {
        if h.isIn(.compoundBlock) || h.isIn(.months) {
          return .skip(h.end)
        }
      }
      // Words after the number.
      if !q.hasUnit, let w = nextWord(from: end) {
        if w.isIn(.months) { return .skip(w.end) }
        if q.isOrdinal, w.isIn(.ordinalPeriods) { return .skip(w.end) }
        if q.isOrdinal, w.key == Words.of, let m = nextWord(from: w.end), m.isIn(.months) {
          return .skip(m.end)
        }
        if w.isIn(.deadlineSpans), let prev = previousToken(before: p), prev.isIn(.deadlinePreps) {
          return .skip(w.end)
        }
      }
      // `waypoints_total = 5`, `T=13`: a setting in code.
      if prefix == nil, !q.hasUnit, isAssignment(before: i) { return .skip(end) }
      // `导师制2.0`, `Srain 2.0`: a version after a name.
      if prefix == nil, !q.hasUnit, !q.isPercent, isVersionAfterName(i, q.raw.end) { return .skip(end) }
      // Words before the number.
      let prev = previousToken(before: p)
      if let prev, prefix == nil {
        if prev.isIn(.months) { return .skip(end) }
        if !q.hasUnit, !q.isPercent, prev.isIn(.versionLabels) || prev.isCamel {
          return .skip(end)
        }
      }
      // A bare year.
      let raw = q.raw
      if prefix == nil, !q.hasUnit, !q.isPercent, !q.isOrdinal, !raw.hasDecimal, !raw.grouped,
        raw.intDigits == 4, (1900...2100).contains(raw.value), isYear(at: p, end: end, prev: prev)
      {
        return .skip(end)
      }
      var value = q.value
      var percent = q.isPercent
      var from: Double?
      if let r = rangeEnd(from: end) {
        end = r.end
        from = value
        value = r.value
        percent = percent || r.isPercent
      }
      return .found(Quantity(text: text(p, end), value: value, isPercent: percent, from: from))
    }

    /// `=` before the number, after an identifier (`waypoints_total = 5`, `T=13`).
    func isAssignment(before i: Int) -> Bool {
      var k = i - 1
      while k >= 0, Scalars.isSpace(s[k]) { k -= 1 }
      guard k >= 1, s[k] == "=" else { return false }
      k -= 1
      while k >= 0, Scalars.isSpace(s[k]) { k -= 1 }
      return k >= 0 && (Scalars.isAlnum(s[k]) || s[k] == "_")
    }

    /// A number `N.0` (or `N.N.N`) right after a Chinese noun (`导师制2.0`) or after a
    /// capitalised name that does not start the title (`Srain 2.0`), with no unit after it.
    func isVersionAfterName(_ i: Int, _ end: Int) -> Bool {
      guard end - i >= 3, s[end - 2] == ".", s[end - 1] == "0" || (end < n && s[end] == ".") else { return false }
      if end < n, Scalars.isHan(s[end]) || s[end] == "%" || Scalars.isLetter(s[end]) { return false }
      guard i > 0 else { return false }
      let before = s[i - 1]
      if Scalars.isHan(before) {
        switch before {
        case "从", "到", "至", "达", "为", "是", "于", "在", "约", "近", "超", "过", "破", "由", "升", "降", "高", "低", "提", "增":
          return false
        default: return true
        }
      }
      if before == "“" || before == "「" || before == "\"" { return true }
      guard before == " ", let prev = previousToken(before: i), prev.start > 0,
        s[prev.start].isASCII, ("A"..."Z").contains(s[prev.start])
      else { return false }
      return true
    }

    func isYear(at i: Int, end: Int, prev: Word?) -> Bool {
      var k = i - 1
      while k >= 0, Scalars.isSpace(s[k]) { k -= 1 }
      if k >= 0, Scalars.isHan(s[k]) { return false }
      if let prev {
        let (a, b) = (prev.start, prev.end)
        if prev.isIn(.yearContext) || prev.isIn(.months) { return true }
        // fy26, q3, h1 (the token is letters and digits only).
        let fy = Scalars.hasPrefix(s, a, b, "fy")
        if fy || Scalars.hasPrefix(s, a, b, "q") || Scalars.hasPrefix(s, a, b, "h"), b - a <= 4,
          (a + 1..<b).allSatisfy({ Scalars.isASCIIDigit(s[$0]) }) || fy
        {
          return true
        }
        if prev.key == Words.of, let pp = previousToken(before: prev.start), pp.isIn(.endOfWords) {
          return true
        }
        if prev.isIn(.countContext) { return false }
      }
      if let next = nextWord(from: end), next.end - next.start >= 3,
        Scalars.hasSuffix(s, next.start, next.end, "s"), !Scalars.hasSuffix(s, next.start, next.end, "ss")
      {
        return false
      }
      return true
    }

    /// The end of a range continuing at `j` (`to 50`, `→50`, `-50%`, `提升到50%`).
    func rangeEnd(from j: Int) -> (end: Int, value: Double?, isPercent: Bool)? {
      var k = j
      while k < n, Scalars.isSpace(s[k]) { k += 1 }
      guard k < n else { return nil }
      let c = s[k]
      var after = -1
      switch c {
      case "→", "~", "～", "至", "到", "–", "—", "⟶", "➝", "➔", "⇒":
        after = k + 1
      case "-":
        after = k + 1 < n && s[k + 1] == ">" ? k + 2 : k + 1
      case "=":
        if k + 1 < n, s[k + 1] == ">" { after = k + 2 }
      default:
        if Scalars.isLetter(c) {
          let e = letterEnd(from: k)
          if e - k == 2, WordKey(low, k, e) == Words.to { after = e }
        } else if Scalars.isHan(c) {
          var m = k
          while m < n, m - k < 5, Scalars.isHan(s[m]), !Lexicon.isChineseNumeral(s[m]) {
            if s[m] == "到" || s[m] == "至" || s[m] == "为" {
              after = m + 1
              break
            }
            m += 1
          }
        }
      }
      guard after >= 0 else { return nil }
      var q = after
      while q < n, Scalars.isSpace(s[q]) { q += 1 }
      if q < n, Scalars.isCurrency(s[q]) {
        q += 1
        if q < n, s[q] == " " { q += 1 }
      }
      guard q < n else { return nil }
      if Scalars.isDigit(s[q]) {
        let p2 = parseNumeric(at: q)
        guard !p2.isCode, !p2.isDate, !p2.isDeadline else { return nil }
        if p2.raw.intDigits == 4, !p2.hasUnit, (1900...2100).contains(p2.raw.value) { return nil }
        return (p2.end, p2.value, p2.isPercent)
      }
      if let pct = percentPhrase(at: q) { return (pct.end, pct.value, true) }
      if Lexicon.isChineseNumeral(s[q]), let r = chineseNumber(at: q), r.value != nil {
        return (r.end, r.value, r.isPercent)
      }
      return nil
    }

    // MARK: - Symbols

    func symbol(at i: Int) -> Step {
      let c = s[i]
      if Scalars.isCurrency(c) {
        var j = i + 1
        if j < n, s[j] == " " { j += 1 }
        if j < n, Scalars.isDigit(s[j]) { return digits(at: j, prefixStart: i) }
        return .skip(i + 1)
      }
      // A code span (`T=13`, `v2.0`) is never a quantity.
      if c == "`" {
        var j = i + 1
        while j < n, s[j] != "`" { j += 1 }
        return .skip(j < n ? j + 1 : i + 1)
      }
      guard i + 1 < n, Scalars.isDigit(s[i + 1]) else { return .skip(i + 1) }
      switch c {
      case "+", "-", "−":
        if i == 0 || !(Scalars.isAlnum(s[i - 1]) || s[i - 1] == "-") {
          return digits(at: i + 1, prefixStart: i)
        }
      case "#":
        // `(#324)`, `repo/#12`, `#1024`: an issue or pull request; `#1 in the market` a rank.
        let number = readNumber(at: i + 1)
        let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
        if let before, before == "/" || before == "(" || before == "（" || Scalars.isAlnum(before) {
          return .skip(number.end)
        }
        if number.end - (i + 1) >= 3 { return .skip(number.end) }
        return digits(at: i + 1, prefixStart: i)
      case "×":
        return digits(at: i + 1, prefixStart: i)
      default:
        break
      }
      return .skip(i + 1)
    }

    // MARK: - English words

    func word(at i: Int) -> Step {
      let (j, hasDigit) = Scalars.runEnd(low, from: i, digits: true)
      if hasDigit {
        // x3 (multiplier) and Top3 (rank) are quantities; other letter-digit mixes are codes.
        let boundary = i == 0 || !Scalars.isAlnum(s[i - 1])
        let lettersEnd = letterEnd(from: i)
        let letters = WordKey(low, i, lettersEnd)
        if boundary, letters == Words.x || letters == Words.top {
          let raw = readNumber(at: lettersEnd)
          if raw.end == j, codeEnd(from: i) == j {
            return .found(Quantity(text: text(i, j), value: raw.value, isPercent: false))
          }
        }
        return .skip(codeEnd(from: i))
      }
      // Most words cannot start a number (checked on the first letter and the length).
      if !words.mayStartNumber(low[i], j - i), !(j - i > 4 && Scalars.hasSuffix(s, i, j, "fold")) {
        return .skip(j)
      }
      let w = Word(low, i, j, words)
      if w.key == Words.a || w.key == Words.an {
        if let next = nextWord(from: j),
          next.key == Words.hundred || next.key == Words.dozen || next.isIn(.scales)
        {
          return spelled(at: i)
        }
        return .skip(j)
      }
      if w.isIn(.units) || w.isIn(.tens) || w.key == Words.dozen {
        return spelled(at: i)
      }
      if w.isIn(.multiplierWords) {
        let after = nextWord(from: j) ?? hyphenWord(at: j)
        if Scalars.hasPrefix(s, i, j, "doubl"), let a = after, a.isIn(.doubleBlock) {
          return .skip(a.end)
        }
        if let a = after, a.key == Words.digit || a.key == Words.digits {
          return .found(Quantity(text: text(i, a.end), value: nil, isPercent: false))
        }
        return .found(Quantity(text: text(i, j), value: nil, isPercent: false))
      }
      if w.key == Words.single {
        let after = nextWord(from: j) ?? hyphenWord(at: j)
        if let a = after, a.key == Words.digit || a.key == Words.digits {
          return .found(Quantity(text: text(i, a.end), value: nil, isPercent: false))
        }
        return .skip(j)
      }
      if w.key == Words.half {
        if let prev = previousToken(before: i), prev.isIn(.halfBlockPrev) {
          return .skip(j)
        }
        let after = nextWord(from: j) ?? hyphenWord(at: j)
        if let a = after, a.isIn(.halfBlockNext) { return .skip(a.end) }
        return .found(Quantity(text: text(i, j), value: nil, isPercent: false))
      }
      if j - i > 4, Scalars.hasSuffix(s, i, j, "fold") {
        let stem = Word(low, i, j - 4, words)
        if let v = stem.info.unitValue ?? stem.info.tensValue ?? (stem.key == Words.hundred ? 100 : nil) {
          return .found(Quantity(text: text(i, j), value: v, isPercent: false))
        }
      }
      return .skip(j)
    }

    /// Spelled-out English numbers: `twenty-five`, `a hundred`, `two thousand and fifty`.
    func spelled(at i: Int) -> Step {
      var total = 0.0
      var current = 0.0
      var k = i
      var end = i
      var last = 0  // 0 none, 1 unit/teen, 2 tens, 3 hundred/dozen, 4 scale, 5 leading "a"
      var count = 0
      var firstWord = WordKey.long
      while k < n, Scalars.isLetter(s[k]) {
        let e = letterEnd(from: k)
        if e < n, Scalars.isASCIIDigit(s[e]) { break }
        let word = Word(low, k, e, words)
        let w = word.key
        var accepted = true
        if count == 0, w == Words.a || w == Words.an {
          current = 1
          last = 5
        } else if let u = word.info.unitValue {
          if last == 0 || last == 3 || last == 4 || (last == 2 && u >= 1 && u <= 9) {
            current += u
            last = 1
          } else {
            accepted = false
          }
        } else if let t = word.info.tensValue, last == 0 || last == 3 || last == 4 {
          current += t
          last = 2
        } else if w == Words.hundred, last == 1 || last == 5 {
          current = max(current, 1) * 100
          last = 3
        } else if w == Words.dozen, last == 0 || last == 1 || last == 5 {
          current = max(current, 1) * 12
          last = 3
        } else if let m = word.info.scaleValue, last != 0, last != 4 {
          total += max(current, 1) * m
          current = 0
          last = 4
        } else if w == Words.and, last == 3 || last == 4, let nw = nextWord(from: e),
          nw.isIn(.units) || nw.isIn(.tens)
        {
          k = nw.start
          continue
        } else {
          accepted = false
        }
        guard accepted else { break }
        if count == 0 { firstWord = w }
        count += 1
        end = e
        if e + 1 < n, s[e] == "-" || s[e] == " ", Scalars.isLetter(s[e + 1]) {
          k = e + 1
        } else {
          break
        }
      }
      if count == 0 || last == 5 { return .skip(letterEnd(from: i)) }
      // Names rather than counts.
      if let h = hyphenWord(at: end) {
        if h.key == Words.fold {
          return .found(Quantity(text: text(i, h.end), value: total + current, isPercent: false))
        }
        if h.isIn(.compoundBlock) { return .skip(h.end) }
      }
      let next = nextWord(from: end)
      if count == 1 {
        if firstWord == Words.one {
          if let prev = previousToken(before: i), prev.isIn(.oneBlockPrev) {
            return .skip(end)
          }
          if let next, next.isIn(.oneBlockNext) { return .skip(end) }
        }
        if firstWord == Words.zero, let z = next ?? hyphenWord(at: end), z.isIn(.zeroBlockNext) {
          return .skip(end)
        }
      }
      var p = Parsed(
        end: end, value: total + current,
        raw: RawNumber(
          value: total + current, end: end, intDigits: 0, grouped: false, hasDecimal: false,
          extraDot: false))
      let e = englishSuffix(at: end, into: &p)
      if next?.isIn(.months) == true, !p.hasUnit { return .skip(end) }
      return .found(Quantity(text: text(i, e), value: p.value, isPercent: p.isPercent))
    }
  }
}
