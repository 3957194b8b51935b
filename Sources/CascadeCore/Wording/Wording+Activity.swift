extension Wording {
  /// Judges the verb a title is built on: a task (activity), a result, or a comparative.
  struct Phrasing {
    let s: [Unicode.Scalar]
    let n: Int

    init(_ s: [Unicode.Scalar]) {
      self.s = s
      self.n = s.count
    }

    enum Lead {
      case activity, result, comparative, none
    }

    struct Token {
      var word: String
      /// The punctuation right after the token (`,` `:` `-` …), nil for a plain space.
      var sep: Unicode.Scalar?
    }

    var isActivity: Bool {
      let toks = englishTokens()
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

    var isComparative: Bool {
      let toks = englishTokens()
      if !toks.isEmpty {
        let (k, lead) = leadInfo(toks)
        switch lead {
        case .activity: return false
        case .comparative: return true
        case .result, .none:
          for t in toks[min(k, toks.count)...]
          where Self.matches(t.word, Vocabulary.comparativeWords) {
            return true
          }
        }
      }
      let c = chineseProfile()
      return !c.firstIsActivity && c.hasComparative
    }

    // MARK: - English

    /// ASCII tokens up to the first Han character (at most 24).
    func englishTokens() -> [Token] {
      var toks: [Token] = []
      var i = 0
      while i < n, toks.count < 24 {
        let c = s[i]
        if Scalars.isHan(c) { break }
        if Scalars.isAlnum(c) {
          var j = i
          var v = String.UnicodeScalarView()
          while j < n,
            Scalars.isAlnum(s[j]) || (s[j] == "'" && j + 1 < n && Scalars.isLetter(s[j + 1]))
          {
            v.append(Scalars.lower(s[j]))
            j += 1
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
          toks.append(Token(word: String(v), sep: sep))
          i = j
        } else {
          i += 1
        }
      }
      return toks
    }

    static func isCalendarCode(_ w: String) -> Bool {
      guard let f = w.unicodeScalars.first else { return false }
      if Scalars.isASCIIDigit(f) { return w.unicodeScalars.allSatisfy(Scalars.isASCIIDigit) }
      let rest = w.unicodeScalars.dropFirst()
      if f == "q" || f == "h", rest.count == 1, rest.allSatisfy(Scalars.isASCIIDigit) {
        return true
      }
      if w.hasPrefix("fy") || w.hasPrefix("cy") {
        return w.unicodeScalars.dropFirst(2).allSatisfy(Scalars.isASCIIDigit)
      }
      return false
    }

    /// The verb position after a leading time phrase or adverbial clause, and its kind.
    func leadInfo(_ toks: [Token]) -> (index: Int, lead: Lead) {
      let first = toks[0].word
      let opensPhrase =
        Vocabulary.timeLead.contains(first) || Lexicon.months.contains(first)
        || Self.isCalendarCode(first) || Vocabulary.clauseLead.contains(first)
      var k = 0
      if opensPhrase {
        while k < toks.count, toks[k].sep != "-",
          Vocabulary.timeWords.contains(toks[k].word) || Lexicon.months.contains(toks[k].word)
            || Self.isCalendarCode(toks[k].word)
        {
          k += 1
        }
      }
      k = skipAdverbs(toks, from: k)
      var result = (index: k, lead: lead(toks, at: k))
      guard opensPhrase else { return result }
      // "By hosting webinars, grow leads": the clause before the comma is the means.
      let meansGerund =
        Vocabulary.clauseLead.contains(first) && k < toks.count && toks[k].word.hasSuffix("ing")
      if result.lead == .none || meansGerund {
        for m in 0..<min(toks.count, 10) {
          guard let sep = toks[m].sep, sep != "-" else { continue }
          let k2 = skipAdverbs(toks, from: m + 1)
          let l2 = lead(toks, at: k2)
          if l2 != .none || meansGerund { result = (k2, l2) }
          break
        }
      }
      return result
    }

    func skipAdverbs(_ toks: [Token], from start: Int) -> Int {
      var k = start
      var skipped = 0
      while k < toks.count - 1, skipped < 3 {
        let w = toks[k].word
        if Vocabulary.fillers.contains(w)
          || (w.count > 4 && w.hasSuffix("ly") && !Vocabulary.lyWords.contains(w))
        {
          k += 1
          skipped += 1
        } else {
          break
        }
      }
      return k
    }

    func lead(_ toks: [Token], at k: Int) -> Lead {
      guard k < toks.count else { return .none }
      let t = toks[k]
      let next = k + 1 < toks.count ? toks[k + 1].word : nil
      if let next, t.sep == nil || t.sep == "-" {
        for f in Self.forms(t.word) {
          let phrase = f + " " + next
          if Vocabulary.phrasalActivities.contains(phrase) { return .activity }
          if Vocabulary.phrasalComparatives.contains(phrase) { return .comparative }
        }
      }
      if t.sep == "-" { return .none }  // a compound such as "post-launch"
      // "Planned downtime", "Automated tests": a participle opening a title is an adjective.
      if k == 0, t.word.hasSuffix("ed") || Vocabulary.irregular[t.word] != nil,
        !Vocabulary.activityVerbs.contains(t.word)
      {
        return .none
      }
      if Self.matches(t.word, Vocabulary.activityVerbs) || Vocabulary.taskNouns.contains(t.word) {
        if let next, Vocabulary.metricNouns.contains(next) { return .none }
        return .activity
      }
      if Self.matches(t.word, Vocabulary.comparativeVerbs) { return .comparative }
      if Self.matches(t.word, Vocabulary.resultVerbs) { return .result }
      return .none
    }

    /// `New portal launched`, `3 workshops held by June`.
    func hasTaskParticiple(_ toks: [Token], from k: Int) -> Bool {
      var m = k
      while m < toks.count {
        if Vocabulary.taskParticiples.contains(toks[m].word) {
          guard m + 1 < toks.count else { return true }
          let next = toks[m + 1].word
          if next == "on", m + 2 < toks.count, toks[m + 2].word == "time" {
            m += 1
            continue
          }
          if toks[m].sep != nil || Vocabulary.participleFollowers.contains(next)
            || Self.isCalendarCode(next) || Lexicon.months.contains(next)
          {
            return true
          }
        }
        m += 1
      }
      return false
    }

    /// The word and plausible base forms: `launching` → `launch`, `shipped` → `ship`.
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

    static func matches(_ w: String, _ set: Set<String>) -> Bool {
      if set.contains(w) { return true }
      for f in forms(w).dropFirst() where set.contains(f) { return true }
      return false
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
      while i < n {
        guard Scalars.isHan(s[i]) else {
          i += 1
          continue
        }
        let mm = Vocabulary.means.match(s, at: i)
        if mm > 0 {
          meansMode = true
          i += mm
          continue
        }
        let la = Vocabulary.chineseActivities.match(s, at: i)
        let lr = Vocabulary.chineseResults.match(s, at: i)
        let lc = Vocabulary.chineseComparatives.match(s, at: i)
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
      while k >= 0 {
        if Scalars.isHan(s[k]),
          Vocabulary.chineseResults.match(s, at: k) > 0
            || Vocabulary.chineseComparatives.match(s, at: k) > 0
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
          var v = String.UnicodeScalarView()
          while j < n, Scalars.isLetter(s[j]) {
            v.append(Scalars.lower(s[j]))
            j += 1
          }
          if ["kpi", "gmv", "arr", "mrr", "okr"].contains(String(v)) { return true }
          k = j
          continue
        }
        k += 1
      }
      return false
    }
  }
}
