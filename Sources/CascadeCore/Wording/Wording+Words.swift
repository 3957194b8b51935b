extension Wording {
  /// A lower-case ASCII word of 1–16 scalars packed into two integers, byte by byte (zero-padded).
  /// Longer words, and words with any other scalar, get ``long``, which equals no listed word.
  struct WordKey: Equatable, Sendable {
    var lo: UInt64
    var hi: UInt64

    static let long = WordKey(lo: .max, hi: .max)

    init(lo: UInt64, hi: UInt64) {
      self.lo = lo
      self.hi = hi
    }

    /// The key of a listed word (already lower case).
    init(_ word: String) {
      let bytes = Array(word.utf8)
      precondition(!bytes.isEmpty && bytes.count <= 16 && bytes.allSatisfy { $0 < 0x80 }, word)
      var lo: UInt64 = 0
      var hi: UInt64 = 0
      for (k, b) in bytes.enumerated() {
        if k < 8 { lo |= UInt64(b) << UInt64(8 * k) } else { hi |= UInt64(b) << UInt64(8 * (k - 8)) }
      }
      self.init(lo: lo, hi: hi)
    }

    /// The key of a lower-case ASCII literal (folds to a constant).
    @inline(__always)
    init(literal: StaticString) {
      let p = literal.utf8Start
      var lo: UInt64 = 0
      var hi: UInt64 = 0
      for k in 0..<literal.utf8CodeUnitCount {
        if k < 8 { lo |= UInt64(p[k]) << UInt64(8 * k) } else { hi |= UInt64(p[k]) << UInt64(8 * (k - 8)) }
      }
      self.init(lo: lo, hi: hi)
    }

    /// The key of the title's `a..<b` (its lower-case bytes): two loads, masked to the length.
    /// A word with a non-ASCII scalar keeps its `0xFF` bytes, so, like ``long``, it equals no
    /// listed word.
    @inline(__always)
    init(_ low: LowerBytes, _ a: Int, _ b: Int) {
      let len = b &- a
      guard len <= 16 else {
        self = .long
        return
      }
      let p = UnsafeRawPointer(low + a)
      var lo = p.loadUnaligned(as: UInt64.self)
      var hi = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      if len < 8 {
        lo &= (1 &<< UInt64(8 &* max(len, 0))) &- 1
        hi = 0
      } else if len < 16 {
        hi &= (1 &<< UInt64(8 &* (len &- 8))) &- 1
      }
      self.init(lo: lo, hi: hi)
    }
  }

  /// The word lists of ``Lexicon`` and ``Vocabulary`` a word belongs to.
  struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt64

    // Lexicon
    static let units = WordFlags(rawValue: 1 << 0)
    static let tens = WordFlags(rawValue: 1 << 1)
    static let scales = WordFlags(rawValue: 1 << 2)
    static let multiplierWords = WordFlags(rawValue: 1 << 3)
    static let doubleBlock = WordFlags(rawValue: 1 << 4)
    static let halfBlockPrev = WordFlags(rawValue: 1 << 5)
    static let halfBlockNext = WordFlags(rawValue: 1 << 6)
    static let oneBlockPrev = WordFlags(rawValue: 1 << 7)
    static let oneBlockNext = WordFlags(rawValue: 1 << 8)
    static let zeroBlockNext = WordFlags(rawValue: 1 << 9)
    static let compoundBlock = WordFlags(rawValue: 1 << 10)
    static let months = WordFlags(rawValue: 1 << 11)
    static let versionLabels = WordFlags(rawValue: 1 << 12)
    static let yearContext = WordFlags(rawValue: 1 << 13)
    static let endOfWords = WordFlags(rawValue: 1 << 14)
    static let countContext = WordFlags(rawValue: 1 << 15)
    static let ordinalPeriods = WordFlags(rawValue: 1 << 16)
    static let deadlineSpans = WordFlags(rawValue: 1 << 17)
    static let deadlinePreps = WordFlags(rawValue: 1 << 18)
    // Vocabulary
    static let activityVerbs = WordFlags(rawValue: 1 << 19)
    static let taskNouns = WordFlags(rawValue: 1 << 20)
    static let metricNouns = WordFlags(rawValue: 1 << 21)
    static let timeLead = WordFlags(rawValue: 1 << 22)
    static let clauseLead = WordFlags(rawValue: 1 << 23)
    static let timeWords = WordFlags(rawValue: 1 << 24)
    static let fillers = WordFlags(rawValue: 1 << 25)
    static let lyWords = WordFlags(rawValue: 1 << 26)
    static let taskParticiples = WordFlags(rawValue: 1 << 27)
    static let participleFollowers = WordFlags(rawValue: 1 << 28)
    static let irregular = WordFlags(rawValue: 1 << 29)
    // The word or one of its base forms (`launching` → `launch`) is listed.
    static let matchesActivityVerbs = WordFlags(rawValue: 1 << 30)
    static let matchesComparativeVerbs = WordFlags(rawValue: 1 << 31)
    static let matchesResultVerbs = WordFlags(rawValue: 1 << 32)
    static let matchesComparativeWords = WordFlags(rawValue: 1 << 33)
  }

  /// Everything the scanners need to know about one word, found with a single lookup.
  struct WordInfo: Sendable {
    var flags: WordFlags = []
    /// The value for ``WordFlags/units`` and ``WordFlags/tens``; the power of ten for
    /// ``WordFlags/scales``.
    var number: UInt8 = 0
    /// As a suffix glued to digits (`10k`, `3x`, `1st`): see ``NumberSuffix``.
    var numberSuffix: UInt8 = 0
    /// As a word after a number (`15 percent`): see ``EnglishSuffix``.
    var englishSuffix: UInt8 = 0
    /// Phrasal verbs this word (or a base form of it) opens: a range of ``Words/phrases``.
    var phraseCount: UInt8 = 0
    var phraseStart: UInt16 = 0

    /// The value of a spelled number word (units, tens or scales).
    var unitValue: Double? { flags.contains(.units) ? Double(number) : nil }
    var tensValue: Double? { flags.contains(.tens) ? Double(number) : nil }
    var scaleValue: Double? {
      guard flags.contains(.scales) else { return nil }
      switch number {
      case 3: return 1e3
      case 6: return 1e6
      case 9: return 1e9
      default: return 1e12
      }
    }
  }

  /// Suffixes glued to digits.
  enum NumberSuffix {
    static let thousand: UInt8 = 1  // k
    static let million: UInt8 = 2  // m, mm, mn
    static let billion: UInt8 = 3  // b, bn
    static let times: UInt8 = 4  // x
    static let ordinal: UInt8 = 5  // st, nd, rd, th
    static let percent: UInt8 = 6  // pp, ppt, ppts, pct
    static let unit: UInt8 = 7  // h, ms, gb, usd, …
  }

  /// Words after a number.
  enum EnglishSuffix {
    static let percent: UInt8 = 1  // percent, pct, pc, pp, ppt, ppts
    static let per: UInt8 = 2
    static let percentage: UInt8 = 3
    static let hundred: UInt8 = 4
    static let thousand: UInt8 = 5
    static let million: UInt8 = 6  // million, mn, mio
    static let billion: UInt8 = 7  // billion, bn
    static let trillion: UInt8 = 8
    static let times: UInt8 = 9  // times, x, fold
  }

  /// The word table and the words compared one by one.
  enum Words {
    /// Every listed word and every inflection that reduces to a listed verb.
    static let table = WordTable()

    @inline(__always) static var a: WordKey { WordKey(literal: "a") }
    @inline(__always) static var an: WordKey { WordKey(literal: "an") }
    @inline(__always) static var and: WordKey { WordKey(literal: "and") }
    @inline(__always) static var cent: WordKey { WordKey(literal: "cent") }
    @inline(__always) static var digit: WordKey { WordKey(literal: "digit") }
    @inline(__always) static var digits: WordKey { WordKey(literal: "digits") }
    @inline(__always) static var dozen: WordKey { WordKey(literal: "dozen") }
    @inline(__always) static var fold: WordKey { WordKey(literal: "fold") }
    @inline(__always) static var half: WordKey { WordKey(literal: "half") }
    @inline(__always) static var hundred: WordKey { WordKey(literal: "hundred") }
    @inline(__always) static var of: WordKey { WordKey(literal: "of") }
    @inline(__always) static var on: WordKey { WordKey(literal: "on") }
    @inline(__always) static var one: WordKey { WordKey(literal: "one") }
    @inline(__always) static var percent: WordKey { WordKey(literal: "percent") }
    @inline(__always) static var point: WordKey { WordKey(literal: "point") }
    @inline(__always) static var points: WordKey { WordKey(literal: "points") }
    @inline(__always) static var single: WordKey { WordKey(literal: "single") }
    @inline(__always) static var time: WordKey { WordKey(literal: "time") }
    @inline(__always) static var to: WordKey { WordKey(literal: "to") }
    @inline(__always) static var top: WordKey { WordKey(literal: "top") }
    @inline(__always) static var x: WordKey { WordKey(literal: "x") }
    @inline(__always) static var zero: WordKey { WordKey(literal: "zero") }
    /// Metric acronyms that make `完成` a result (`完成GMV目标`).
    static let resultAcronyms = ["kpi", "gmv", "arr", "mrr", "okr"].map(WordKey.init)
  }

  /// A phrasal verb's second word and the lead it gives (`set up` → activity).
  struct Phrase {
    var second: WordKey
    var lead: Phrasing.Lead
  }

  /// Open addressing from ``WordKey`` to ``WordInfo`` (linear probing, load ≤ 1/2).
  struct WordTable: @unchecked Sendable {
    /// A key and its info share a 32-byte slot (one cache line per hit).
    private struct Slot {
      var key: WordKey
      var info: WordInfo
    }

    /// One bit per hash value (32,768 bits, 4 KiB): most unlisted words stop here.
    private let filter: UnsafePointer<UInt64>
    private let slots: UnsafePointer<Slot>
    private let mask: Int
    private let shift: UInt64
    /// The phrasal verbs of ``WordInfo/phraseStart``.
    let phrases: UnsafePointer<Phrase>
    /// By first letter (`byte & 31`), the lengths (bits) of words `QuantityScanner.word(at:)`
    /// reads as numbers: `a`, `an`, units, tens, `dozen`, multipliers, `single`, `half`.
    private let numberWordLengths: UnsafePointer<UInt32>

    /// False when no number word starts with the lower-case `first` letter and has `length`.
    @inline(__always)
    func mayStartNumber(_ first: UInt8, _ length: Int) -> Bool {
      (numberWordLengths[Int(first & 31)] >> UInt32(min(length, 31))) & 1 != 0
    }

    @inline(__always)
    private static func hash(_ k: WordKey) -> UInt64 {
      let h = (k.lo &* 0x9E37_79B9_7F4A_7C15) ^ (k.hi &* 0xC2B2_AE3D_27D4_EB4F)
      return h ^ (h >> 31)
    }

    @inline(__always)
    func info(_ key: WordKey) -> WordInfo {
      let h = Self.hash(key)
      let bit = Int(truncatingIfNeeded: h & 0x7FFF)
      guard filter[bit >> 6] & (1 &<< UInt64(bit & 63)) != 0, key.lo != 0 else { return WordInfo() }
      var slot = Int(truncatingIfNeeded: h >> shift) & mask
      while true {
        let k = slots[slot].key
        if k == key { return slots[slot].info }
        if k.lo == 0 { return WordInfo() }
        slot = (slot &+ 1) & mask
      }
    }

    init() {
      typealias L = Lexicon
      typealias V = Vocabulary
      var words: [String: WordInfo] = [:]
      func add(_ set: some Sequence<String>, _ flag: WordFlags) {
        for w in set {
          precondition(w.utf8.count <= 16, w)
          words[w, default: WordInfo()].flags.insert(flag)
        }
      }
      let sets: [(Set<String>, WordFlags)] = [
        (L.multiplierWords, .multiplierWords), (L.doubleBlock, .doubleBlock),
        (L.halfBlockPrev, .halfBlockPrev), (L.halfBlockNext, .halfBlockNext),
        (L.oneBlockPrev, .oneBlockPrev), (L.oneBlockNext, .oneBlockNext),
        (L.zeroBlockNext, .zeroBlockNext), (L.compoundBlock, .compoundBlock), (L.months, .months),
        (L.versionLabels, .versionLabels), (L.yearContext, .yearContext),
        (L.endOfWords, .endOfWords), (L.countContext, .countContext),
        (L.ordinalPeriods, .ordinalPeriods), (L.deadlineSpans, .deadlineSpans),
        (L.deadlinePreps, .deadlinePreps), (V.activityVerbs, .activityVerbs),
        (V.taskNouns, .taskNouns), (V.metricNouns, .metricNouns), (V.timeLead, .timeLead),
        (V.clauseLead, .clauseLead), (V.timeWords, .timeWords), (V.fillers, .fillers),
        (V.lyWords, .lyWords), (V.taskParticiples, .taskParticiples),
        (V.participleFollowers, .participleFollowers),
      ]
      for (set, flag) in sets { add(set, flag) }
      add(V.irregular.keys, .irregular)
      for (w, v) in L.units {
        words[w, default: WordInfo()].flags.insert(.units)
        words[w, default: WordInfo()].number = UInt8(v)
      }
      for (w, v) in L.tens {
        words[w, default: WordInfo()].flags.insert(.tens)
        words[w, default: WordInfo()].number = UInt8(v)
      }
      for (w, v) in L.scales {
        words[w, default: WordInfo()].flags.insert(.scales)
        words[w, default: WordInfo()].number = v == 1e3 ? 3 : v == 1e6 ? 6 : v == 1e9 ? 9 : 12
      }
      // Inflections: every word whose base forms (`Phrasing.forms`) reach a listed verb.
      let matchSets: [(Set<String>, WordFlags)] = [
        (V.activityVerbs, .matchesActivityVerbs), (V.comparativeVerbs, .matchesComparativeVerbs),
        (V.resultVerbs, .matchesResultVerbs), (V.comparativeWords, .matchesComparativeWords),
      ]
      var formsOf: [String: [String]] = [:]
      func forms(_ w: String) -> [String] {
        if let f = formsOf[w] { return f }
        let f = Phrasing.forms(w)
        formsOf[w] = f
        return f
      }
      var irregularOf: [String: [String]] = [:]
      for (w, base) in V.irregular { irregularOf[base, default: []].append(w) }
      for (set, flag) in matchSets {
        add(set, flag)
        for base in set {
          for w in Self.inflections(of: base, irregularOf[base] ?? []) where forms(w).dropFirst().contains(base) {
            words[w, default: WordInfo()].flags.insert(flag)
          }
        }
      }
      // Phrasal verbs, in the order `Phrasing.lead` tries them: each form, activities first.
      func split(_ p: String) -> (String, String) {
        let parts = p.split(separator: " ")
        precondition(parts.count == 2, p)
        return (String(parts[0]), String(parts[1]))
      }
      let phrasal =
        V.phrasalActivities.sorted().map { (split($0), Phrasing.Lead.activity) }
        + V.phrasalComparatives.sorted().map { (split($0), Phrasing.Lead.comparative) }
      var openers = Set(phrasal.map { $0.0.0 })
      for first in openers { openers.formUnion(Self.inflections(of: first, irregularOf[first] ?? [])) }
      var phrases: [Phrase] = []
      for w in openers.sorted() {
        var list: [Phrase] = []
        for f in forms(w) {
          for ((first, second), lead) in phrasal where first == f {
            list.append(Phrase(second: WordKey(second), lead: lead))
          }
        }
        guard !list.isEmpty else { continue }
        precondition(list.count < 256 && phrases.count + list.count < 65_536)
        words[w, default: WordInfo()].phraseStart = UInt16(phrases.count)
        words[w, default: WordInfo()].phraseCount = UInt8(list.count)
        phrases += list
      }
      // Suffixes after digits (`10k`, `1st`, `2pp`, `200ms`) and words after numbers.
      let numberSuffixes: [([String], UInt8)] = [
        (["k"], NumberSuffix.thousand), (["m", "mm", "mn"], NumberSuffix.million),
        (["b", "bn"], NumberSuffix.billion), (["x"], NumberSuffix.times),
        (["st", "nd", "rd", "th"], NumberSuffix.ordinal),
        (["pp", "ppt", "ppts", "pct"], NumberSuffix.percent),
        (
          [
            "h", "hr", "hrs", "min", "mins", "ms", "s", "sec", "secs", "d", "w", "wk", "wks", "gb",
            "mb", "kb", "tb", "kg", "km", "ppm", "fps", "qps", "rps", "tps", "usd", "eur", "gbp",
            "cny", "rmb", "bps", "pts", "pt", "hours", "days", "weeks", "yrs", "y", "kw", "mw",
            "gw", "kwh", "mwh", "t", "l", "ml", "cm", "mo", "mos", "gib", "mib", "kib", "tib", "gbps", "mbps",
            "ns",
          ], NumberSuffix.unit
        ),
      ]
      for (list, kind) in numberSuffixes {
        for w in list where words[w]?.numberSuffix ?? 0 == 0 {
          words[w, default: WordInfo()].numberSuffix = kind
        }
      }
      let englishSuffixes: [([String], UInt8)] = [
        (["percent", "pct", "pc", "pp", "ppt", "ppts"], EnglishSuffix.percent),
        (["per"], EnglishSuffix.per), (["percentage"], EnglishSuffix.percentage),
        (["hundred"], EnglishSuffix.hundred), (["thousand"], EnglishSuffix.thousand),
        (["million", "mn", "mio"], EnglishSuffix.million), (["billion", "bn"], EnglishSuffix.billion),
        (["trillion"], EnglishSuffix.trillion), (["times", "x", "fold"], EnglishSuffix.times),
      ]
      for (list, kind) in englishSuffixes {
        for w in list where words[w]?.englishSuffix ?? 0 == 0 {
          words[w, default: WordInfo()].englishSuffix = kind
        }
      }
      // Every word whose forms reach a listed one fits in a key (longer words get `WordKey.long`).
      for w in words.keys { precondition(w.utf8.count <= 16, w) }

      var bits: UInt64 = 4
      while (1 << bits) < words.count * 2 { bits += 1 }
      let size = 1 << Int(bits)
      var slots = [Slot](repeating: Slot(key: WordKey(lo: 0, hi: 0), info: WordInfo()), count: size)
      var filter = [UInt64](repeating: 0, count: 512)
      let shift = 64 - bits
      for (w, info) in words {
        let key = WordKey(w)
        let h = Self.hash(key)
        filter[Int(h & 0x7FFF) >> 6] |= 1 << (h & 63)
        var slot = Int(h >> shift) & (size - 1)
        while slots[slot].key.lo != 0 { slot = (slot + 1) & (size - 1) }
        slots[slot] = Slot(key: key, info: info)
      }
      var lengths = [UInt32](repeating: 0, count: 32)
      let numberWords = words.filter {
        !$0.value.flags.isDisjoint(with: [.units, .tens, .multiplierWords])
      }.map(\.key)
      for w in numberWords + ["a", "an", "dozen", "single", "half"] {
        let bytes = Array(w.utf8)
        precondition(bytes.count < 31 && bytes[0] >= 0x61 && bytes[0] <= 0x7A, w)
        lengths[Int(bytes[0] & 31)] |= 1 << UInt32(bytes.count)
      }
      self.numberWordLengths = Wording.immortal(lengths)
      self.filter = Wording.immortal(filter)
      self.slots = Wording.immortal(slots)
      self.mask = size - 1
      self.shift = shift
      self.phrases = Wording.immortal(phrases)
    }

    /// Every word that `Phrasing.forms` could reduce to `base` (a superset: callers check), given
    /// the irregular forms of `base`.
    static func inflections(of base: String, _ irregular: [String]) -> [String] {
      guard let last = base.last else { return [] }
      let cut = String(base.dropLast())
      return [
        base + "ing", base + String(last) + "ing", cut + "ing", cut + "ied", base + "ed",
        base + String(last) + "ed", base + "d", cut + "ies", base + "es", base + "s",
      ] + irregular
    }
  }
}
