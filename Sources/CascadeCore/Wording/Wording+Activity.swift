extension Wording {
  /// Judges the verb a title is built on: a task (activity), a result, or a comparative.
  struct Phrasing {
    let s: Text
    let low: LowerBytes
    let n: Int
    let words: WordTable

    init(_ s: Text, _ low: LowerBytes) {
      self.s = s
      self.low = low
      self.n = s.count
      self.words = Words.table
    }

    enum Lead {
      case activity, result, comparative, none
    }

    /// A lower-case ASCII word of the title (32 bytes, so that 24 of them fit the temporary
    /// stack buffer). Its ``info`` is looked up on first use (see ``Tokens``).
    struct Token {
      var info: WordInfo
      var start32: Int32
      var end32: Int32
      var sep32: UInt32
      var isLookedUp: Bool

      var start: Int { Int(start32) }
      var end: Int { Int(end32) }
      /// The punctuation right after the token (`,` `:` `-` …), nil for a plain space.
      var sep: Unicode.Scalar? { sep32 == 0 ? nil : Unicode.Scalar(sep32) }

      @inline(__always)
      func isIn(_ lists: WordFlags) -> Bool { !info.flags.isDisjoint(with: lists) }
    }

    /// The English tokens of a title. Reading a token looks its word up in the word table the
    /// first time, so rules that decide early never pay for the words they do not read.
    struct Tokens {
      let buffer: UnsafeMutablePointer<Token>
      let count: Int
      let low: LowerBytes
      let words: WordTable

      var isEmpty: Bool { count == 0 }

      @inline(__always)
      subscript(k: Int) -> Token {
        precondition(k >= 0 && k < count)
        if buffer[k].isLookedUp { return buffer[k] }
        buffer[k].info = words.info(WordKey(low, buffer[k].start, buffer[k].end))
        buffer[k].isLookedUp = true
        return buffer[k]
      }

      /// The punctuation after token `k` (no lookup).
      @inline(__always)
      func sep(_ k: Int) -> Unicode.Scalar? { buffer[k].sep }

      /// The scalar range of token `k` (no lookup).
      @inline(__always)
      func range(_ k: Int) -> (start: Int, end: Int) { (buffer[k].start, buffer[k].end) }
    }

    /// At most this many English tokens are read.
    static let maxTokens = 24

    var isActivity: Bool {
      withTokens { toks in
        if !toks.isEmpty {
          let (k, lead) = leadInfo(toks)
          switch lead {
          case .activity: return true
          case .result, .comparative: return false
          case .none:
            if hasTaskParticiple(toks, from: max(k, 1)) { return true }
          }
        }
        return chineseProfile().firstIsActivity
      }
    }

    var isComparative: Bool {
      withTokens { toks in
        if !toks.isEmpty {
          let (k, lead) = leadInfo(toks)
          switch lead {
          case .activity: return false
          case .comparative: return true
          case .result, .none:
            for m in min(k, toks.count)..<toks.count where toks[m].isIn(.matchesComparativeWords) {
              return true
            }
          }
        }
        let c = chineseProfile()
        return !c.firstIsActivity && c.hasComparative
      }
    }

    // MARK: - English

    /// Calls `body` with the title's English tokens, kept in a temporary buffer.
    @inline(__always)
    func withTokens<R>(_ body: (Tokens) -> R) -> R {
      withTemporaryBytes(MemoryLayout<Token>.stride * Self.maxTokens) { raw in
        let buf = raw.bindMemory(to: Token.self, capacity: Self.maxTokens)
        let count = englishTokens(into: buf)
        return body(Tokens(buffer: buf, count: count, low: low, words: words))
      }
    }

    /// ASCII tokens up to the first Han character (at most 24); returns how many.
    func englishTokens(into toks: UnsafeMutablePointer<Token>) -> Int {
      var count = 0
      var i = 0
      while i < n, count < Self.maxTokens {
        let c = s[i]
        if Scalars.isHan(c) { break }
        if Scalars.isAlnum(c) {
          // Scanned on the lower-case bytes: ASCII letters are a–z there, anything else non-ASCII.
          var j = Scalars.runEnd(low, from: i, digits: true).end
          while j < n, low[j] == 0x27, j + 1 < n, low[j + 1] &- 0x61 < 26 {  // let's
            j = Scalars.runEnd(low, from: j + 1, digits: true).end
          }
          var sep: Unicode.Scalar?
          var k = j
          while k < n, Scalars.isSpace(s[k]) { k += 1 }
          if k < n {
            switch s[k] {
            case ",", ";", ":", "–", "—", "，", "：", "；", "、":
              sep = s[k]
            case "-":
              sep = k == j ? "-" : "–"
            default:
              break
            }
          }
          (toks + count).initialize(
            to: Token(
              info: WordInfo(), start32: Int32(i), end32: Int32(j), sep32: sep?.value ?? 0, isLookedUp: false))
          count += 1
          i = j
        } else {
          i += 1
        }
      }
      return count
    }

    /// `q1`, `h2`, `fy26`, `cy2026`, `2026` (token `k` in lower case).
    func isCalendarCode(_ toks: Tokens, _ k: Int) -> Bool {
      let (a, b) = toks.range(k)
      guard b > a else { return false }
      let f = Scalars.lower(s[a])
      if Scalars.isASCIIDigit(f) { return allDigits(a, b) }
      if f == "q" || f == "h", b - a == 2, Scalars.isASCIIDigit(s[a + 1]) { return true }
      if b - a >= 2, f == "f" || f == "c", Scalars.lower(s[a + 1]) == "y" { return allDigits(a + 2, b) }
      return false
    }

    private func allDigits(_ a: Int, _ b: Int) -> Bool {
      var k = a
      while k < b {
        if !Scalars.isASCIIDigit(s[k]) { return false }
        k += 1
      }
      return true
    }

    /// The verb position after a leading time phrase or adverbial clause, and its kind.
    func leadInfo(_ toks: Tokens) -> (index: Int, lead: Lead) {
      let first = toks[0]
      let opensPhrase =
        first.isIn(.timeLead) || first.isIn(.months) || first.isIn(.clauseLead) || isCalendarCode(toks, 0)
      var k = 0
      if opensPhrase {
        while k < toks.count, toks.sep(k) != "-",
          toks[k].isIn(.timeWords) || toks[k].isIn(.months) || isCalendarCode(toks, k)
        {
          k += 1
        }
      }
      k = skipAdverbs(toks, from: k)
      var result = (index: k, lead: lead(toks, at: k))
      guard opensPhrase else { return result }
      // "By hosting webinars, grow leads": the clause before the comma is the means.
      let meansGerund =
        first.isIn(.clauseLead) && k < toks.count
        && Scalars.hasSuffix(s, toks.range(k).start, toks.range(k).end, "ing")
      if result.lead == .none || meansGerund {
        for m in 0..<min(toks.count, 10) {
          guard let sep = toks.sep(m), sep != "-" else { continue }
          let k2 = skipAdverbs(toks, from: m + 1)
          let l2 = lead(toks, at: k2)
          if l2 != .none || meansGerund { result = (k2, l2) }
          break
        }
      }
      return result
    }

    func skipAdverbs(_ toks: Tokens, from start: Int) -> Int {
      var k = start
      var skipped = 0
      while k < toks.count - 1, skipped < 3 {
        let w = toks[k]
        if w.isIn(.fillers)
          || (w.end - w.start > 4 && Scalars.hasSuffix(s, w.start, w.end, "ly") && !w.isIn(.lyWords))
        {
          k += 1
          skipped += 1
        } else {
          break
        }
      }
      return k
    }

    func lead(_ toks: Tokens, at k: Int) -> Lead {
      guard k < toks.count else { return .none }
      let t = toks[k]
      let hasNext = k + 1 < toks.count
      if hasNext, t.sep == nil || t.sep == "-", t.info.phraseCount > 0 {
        // The phrasal verbs opened by the word's forms (`setting up` → `set up`), in order.
        let start = Int(t.info.phraseStart)
        let next = toks.range(k + 1)
        let second = WordKey(low, next.start, next.end)
        for p in start..<start + Int(t.info.phraseCount) where words.phrases[p].second == second {
          return words.phrases[p].lead
        }
      }
      if t.sep == "-" { return .none }  // a compound such as "post-launch"
      // "Planned downtime", "Automated tests": a participle opening a title is an adjective.
      if k == 0, Scalars.hasSuffix(s, t.start, t.end, "ed") || t.isIn(.irregular),
        !t.isIn(.activityVerbs)
      {
        return .none
      }
      if t.isIn(.matchesActivityVerbs) || t.isIn(.taskNouns) {
        if hasNext, toks[k + 1].isIn(.metricNouns) { return .none }
        return .activity
      }
      if t.isIn(.matchesComparativeVerbs) { return .comparative }
      if t.isIn(.matchesResultVerbs) { return .result }
      return .none
    }

    /// `New portal launched`, `3 workshops held by June`.
    func hasTaskParticiple(_ toks: Tokens, from k: Int) -> Bool {
      var m = k
      while m < toks.count {
        if toks[m].isIn(.taskParticiples) {
          // `X is implemented`, `docs are published.`: a state that can be checked, not work.
          guard m + 1 < toks.count else { return false }
          let next = toks.range(m + 1)
          if WordKey(low, next.start, next.end) == Words.on, m + 2 < toks.count,
            WordKey(low, toks.range(m + 2).start, toks.range(m + 2).end) == Words.time
          {
            m += 1
            continue
          }
          if toks[m + 1].isIn(.participleFollowers) || toks[m + 1].isIn(.months)
            || isCalendarCode(toks, m + 1)
          {
            return true
          }
        }
        m += 1
      }
      return false
    }

    /// The word and plausible base forms: `launching` → `launch`, `shipped` → `ship`.
    /// Used when the word table is built: every inflection that reaches a listed verb is listed.
    static func forms(_ w: String) -> [String] {
      var out = [w]
      if let irr = Vocabulary.irregular[w] { out.append(irr) }
      let count = w.count
      func addStem(_ stem: Substring) {
        out.append(String(stem))
        let u = Array(stem.unicodeScalars)
        if u.count >= 3, u[u.count - 1] == u[u.count - 2] { out.append(String(stem.dropLast())) }
      }
      if w.hasSuffix("ing"), count > 5 {
        let stem = w.dropLast(3)
        addStem(stem)
        out.append(stem + "e")
      } else if w.hasSuffix("ied"), count > 4 {
        out.append(w.dropLast(3) + "y")
      } else if w.hasSuffix("ed"), count > 4 {
        addStem(w.dropLast(2))
        out.append(String(w.dropLast(1)))
      } else if w.hasSuffix("ies"), count > 4 {
        out.append(w.dropLast(3) + "y")
      } else if w.hasSuffix("es"), count > 3 {
        out.append(String(w.dropLast(2)))
        out.append(String(w.dropLast(1)))
      } else if w.hasSuffix("s"), !w.hasSuffix("ss"), count > 3 {
        out.append(String(w.dropLast(1)))
      }
      return out
    }

    // MARK: - Chinese

    struct ChineseProfile {
      var firstIsActivity = false
      var hasComparative = false
    }

    /// The first verb decides activity versus result; comparatives anywhere are noted.
    func chineseProfile() -> ChineseProfile {
      var profile = ChineseProfile()
      var i = 0
      var meansMode = false
      var activityInMeans = false
      var first: Lead?
      var lastResult: Int?
      // Fetched once (each static access costs a call).
      let means = Vocabulary.means
      let activities = Vocabulary.chineseActivities
      let results = Vocabulary.chineseResults
      let comparatives = Vocabulary.chineseComparatives
      let verbStarts = Vocabulary.verbStarts
      while i < n {
        // Only the lists with a word starting with this scalar can match here.
        guard Scalars.isHan(s[i]), let lists = verbStarts.value(s[i]) else {
          i += 1
          continue
        }
        let mm = lists & 1 != 0 ? means.match(s, at: i) : 0
        if mm > 0 {
          meansMode = true
          i += mm
          continue
        }
        let la = lists & 2 != 0 ? activities.match(s, at: i) : 0
        let lr = lists & 4 != 0 ? results.match(s, at: i) : 0
        let lc = lists & 8 != 0 ? comparatives.match(s, at: i) : 0
        let best = max(la, lr, lc)
        guard best > 0 else {
          i += 1
          continue
        }
        let e = i + best
        // A task verb used as a modifier (开发团队效率提升, 培训满意度达到90%,
        // 回访客户满意度从82分提升到90分) when a result verb follows; any verb before 率 (增长率).
        var asNoun: Bool
        if la == best {
          asNoun = isRate(from: e)
          if !asNoun {
            if lastResult == nil { lastResult = lastResultVerb() }
            let r = lastResult ?? -1
            asNoun = r >= e && (Vocabulary.nounFollowers.match(s, at: e) > 0 || isModifierSpan(from: e, to: r))
          }
        } else {
          asNoun = Vocabulary.rateFollowers.match(s, at: e) > 0
        }
        if asNoun {
          i = e
          continue
        }
        var kind: Lead
        if la == best {
          kind = .activity
          if s[i] == "完", hasResultObject(from: e) { kind = .result }
        } else if lc == best {
          kind = .comparative
        } else {
          kind = .result
        }
        if kind == .comparative { profile.hasComparative = true }
        if first == nil {
          if kind == .activity && meansMode {
            activityInMeans = true
          } else {
            first = kind
          }
        }
        if first == .activity { break }
        if first != nil, profile.hasComparative { break }
        i = e
      }
      profile.firstIsActivity = first == .activity || (first == nil && activityInMeans)
      return profile
    }

    /// True when the words between a task verb and a later result verb read as one noun phrase,
    /// so the task verb only modifies it: no separator or purpose word (`，` `以` `来` `并`), and no
    /// count of its own except the start of a range (`回访客户满意度从82分提升到90分`); a `的`
    /// before any count marks a modifier outright (`回访发现的问题100%…闭环`).
    func isModifierSpan(from start: Int, to end: Int) -> Bool {
      var k = start
      while k < end {
        let c = s[k]
        switch c {
        case "，", ",", "；", ";", "、", "以", "来", "并", "和": return false
        case "的": return true
        default: break
        }
        if Scalars.isDigit(c) || Lexicon.isChineseNumeral(c) {
          guard k > 0, s[k - 1] == "从" || s[k - 1] == "由" else { return false }
          while k < end, Scalars.isDigit(s[k]) || Lexicon.isChineseNumeral(s[k]) || s[k] == "." { k += 1 }
          continue
        }
        k += 1
      }
      return true
    }

    /// True when `率` closes a short noun at `start` (`交付准时率`, `培训完成率`).
    func isRate(from start: Int) -> Bool {
      var k = start
      while k < n, k < start + 3, Scalars.isHan(s[k]) {
        if s[k] == "率" { return true }
        k += 1
      }
      return false
    }

    /// Index of the last result or comparative verb, -1 if none.
    func lastResultVerb() -> Int {
      var k = n - 1
      let results = Vocabulary.chineseResults
      let comparatives = Vocabulary.chineseComparatives
      let verbStarts = Vocabulary.verbStarts
      while k >= 0 {
        if Scalars.isHan(s[k]), let lists = verbStarts.value(s[k]), lists & 12 != 0,
          results.match(s, at: k) > 0 || comparatives.match(s, at: k) > 0
        {
          return k
        }
        k -= 1
      }
      return -1
    }

    /// `完成销售额500万`: completing a sales figure is a result, not a task.
    func hasResultObject(from e: Int) -> Bool {
      var k = e
      while k < n, k < e + 10 {
        switch s[k] {
        case "，", "。", ",", ";", "；", "、", "并", "和": return false
        default: break
        }
        if Vocabulary.resultObjects.match(s, at: k) > 0 { return true }
        if Scalars.isLetter(s[k]) {
          var j = k
          while j < n, Scalars.isLetter(s[j]) { j += 1 }
          if Words.resultAcronyms.contains(WordKey(low, k, j)) { return true }
          k = j
          continue
        }
        k += 1
      }
      return false
    }
  }
}
