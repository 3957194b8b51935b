extension Wording {
  /// Word lists shared by the scanners.
  enum Lexicon {
    // MARK: English numbers

    static let units: [String: Double] = [
      "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
      "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
      "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
      "nineteen": 19,
    ]
    static let tens: [String: Double] = [
      "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
      "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
      "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ]
    /// Words that make a spelled number a multiplier with no value.
    static let multiplierWords: Set<String> = [
      "double", "doubles", "doubled", "doubling", "triple", "triples", "tripled", "tripling",
      "quadruple", "quadruples", "quadrupled", "quadrupling", "halve", "halves", "halved",
      "halving", "twice", "thrice",
    ]
    /// `double` followed by these is an idiom, not a multiplier.
    static let doubleBlock: Set<String> = [
      "down", "check", "checks", "checked", "checking", "click", "clicks", "booking", "booked",
      "entry", "standard", "standards", "edged",
    ]
    static let halfBlockPrev: Set<String> = [
      "first", "second", "1st", "2nd", "this", "next", "last", "latter", "former", "back",
      "front", "other", "h1", "h2",
    ]
    static let halfBlockNext: Set<String> = [
      "year", "yearly", "years", "day", "days", "time", "hour", "hourly", "marathon", "hearted",
      "baked",
    ]
    static let oneBlockPrev: Set<String> = [
      "no", "any", "every", "some", "the", "this", "that", "each", "which", "only", "at",
    ]
    static let oneBlockNext: Set<String> = [
      "of", "another", "day", "way", "team", "voice", "place", "stop", "click", "by", "on",
      "size", "thing", "point", "hand", "single", "unified", "platform", "view", "source",
    ]
    static let zeroBlockNext: Set<String> = [
      "trust", "based", "day", "days", "knowledge", "copy", "shot", "sum", "code", "touch",
    ]
    /// Hyphenated compounds of a number that are names, not counts (`two-factor`, `one-stop`).
    static let compoundBlock: Set<String> = [
      "factor", "way", "step", "tier", "layer", "pizza", "sided", "dimensional", "stop", "click",
      "off", "time", "on", "size", "pager", "liner", "shot", "sum", "trust", "based", "touch",
      "knowledge", "copy", "party", "of", "day", "code", "d", "fa", "phase", "stage",
    ]

    // MARK: English context words

    static let months: Set<String> = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec",
    ]
    /// Words before a number that make it a label or version (`Windows 11`, `phase 2`).
    static let versionLabels: Set<String> = [
      "version", "ver", "v", "release", "rel", "phase", "stage", "step", "sprint", "week", "wk",
      "day", "wave", "round", "tier", "level", "lvl", "gen", "generation", "chapter", "part",
      "grade", "windows", "win", "iphone", "ipad", "ios", "android", "macos", "ubuntu", "debian",
      "centos", "rhel", "fedora", "python", "java", "jdk", "node", "php", "perl", "ruby", "rails",
      "gpt", "pixel", "galaxy", "xbox", "playstation", "ps", "office", "microsoft", "dynamics",
      "series", "model", "type", "vue", "angular", "react", "swift", "kotlin", "scala", "dotnet",
      "net", "covid", "web", "http", "ipv", "usb", "iso", "soc", "pci", "section", "article",
      "room", "building", "floor", "route", "zone", "region", "cohort", "batch", "epic", "story",
      "ticket", "issue", "pr", "priority", "p", "severity", "sev", "tls", "ssl", "oauth",
      "wcag", "dss", "sla", "slo", "chrome", "firefox", "edge", "safari", "angularjs", "postgres",
      "postgresql", "mysql", "oracle", "sap", "s", "fy", "cy", "q", "h", "no", "rfc", "pep", "cve", "html", "css",
      "es", "ecmascript", "pr", "prs", "issues", "bug", "bugs", "commit",
      // Ranked lists named by their size: `30 Fortune 500 companies`.
      "fortune", "forbes", "russell", "ftse", "nikkei", "nasdaq",
    ]
    /// Words before a four-digit number that make it a year.
    static let yearContext: Set<String> = [
      "in", "by", "since", "before", "after", "until", "till", "through", "throughout", "during",
      "fy", "cy", "early", "late", "mid", "year", "ytd", "for", "from", "q1", "q2", "q3", "q4",
      "h1", "h2", "spring", "summer", "autumn", "fall", "winter", "the", "our", "jan", "feb",
    ]
    static let endOfWords: Set<String> = [
      "end", "start", "beginning", "middle", "rest", "close", "half", "quarter", "remainder",
    ]
    /// Words before a four-digit number that make it a count (`at least 2000`).
    static let countContext: Set<String> = [
      "least", "most", "over", "under", "above", "below", "than", "reach", "reaches", "hit",
      "exceed", "exceeding", "to", "top", "about", "around", "approximately", "nearly", "almost",
      "total", "of", "with", "beyond", "past", "max", "min", "maximum", "minimum",
    ]
    /// Ordinals followed by these are calendar references (`1st half`, `2nd quarter`).
    static let ordinalPeriods: Set<String> = [
      "half", "quarter", "week", "month", "year", "day", "sprint", "phase", "wave", "round",
      "stage", "time", "semester", "term", "iteration", "release", "version", "generation",
      "edition",
    ]
    /// Spans that make `within N …` a deadline.
    static let deadlineSpans: Set<String> = [
      "month", "months", "week", "weeks", "quarter", "quarters", "year", "years",
    ]
    static let deadlinePreps: Set<String> = ["within", "in", "over", "next", "after", "first"]

    // MARK: Chinese numerals

    /// All numerals are at or above U+3007 `〇`: anything below is rejected without the switch.
    @inline(__always)
    static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
      c.value < 0x3007 ? nil : chineseDigitValue(c)
    }

    static func chineseDigitValue(_ c: Unicode.Scalar) -> Int? {
      switch c {
      case "零", "〇": return 0
      case "一", "壹": return 1
      case "二", "两", "贰": return 2
      case "三", "叁": return 3
      case "四", "肆": return 4
      case "五", "伍": return 5
      case "六", "陆": return 6
      case "七", "柒": return 7
      case "八", "捌": return 8
      case "九", "玖": return 9
      default: return nil
      }
    }

    @inline(__always)
    static func chineseUnit(_ c: Unicode.Scalar) -> Double? {
      c.value < 0x3007 ? nil : chineseUnitValue(c)
    }

    static func chineseUnitValue(_ c: Unicode.Scalar) -> Double? {
      switch c {
      case "十", "拾": return 10
      case "百", "佰": return 100
      case "千", "仟": return 1000
      case "万", "萬": return 1e4
      case "亿", "億": return 1e8
      default: return nil
      }
    }

    @inline(__always)
    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
      chineseDigit(c) != nil || chineseUnit(c) != nil
    }

    /// Words containing numeral characters that are not quantities. A word only excludes a
    /// numeral run it covers completely, so `千万不` excludes the adverb but not `一千万`.
    static let numeralExclusions: [[Unicode.Scalar]] = [
      "一起", "一致", "统一", "一流", "进一步", "一体", "一线", "一些", "一定", "万一", "千万不",
      "千万别", "千万要", "十分", "三思", "一直", "一般", "唯一", "一切", "同一", "一下", "单一",
      "一贯", "一站式", "万无一失", "四处", "七嘴八舌", "九州", "一键", "一次性", "一对一", "一手",
      "一方面", "一旦", "一向", "一律", "一同", "一带一路", "一并", "一举", "一揽子", "一把手",
      "一系列", "一样", "一味", "一再", "一度", "一时", "之一", "不一", "逐一", "划一", "合一",
      "专一", "第一时间", "第一手", "第一线", "第一责任", "第三方", "一二线", "二三线", "三五成群",
      "一成不变", "十全十美", "五湖四海", "四面八方", "千方百计", "千家万户", "三心二意", "一心一意",
      "二次", "零售", "零件", "零部件", "零食", "零星", "零散", "零钱", "零碎", "零工", "零距离",
      "零基础", "零代码", "零信任", "零点", "双十一", "双十二", "五一假期", "五一期间", "十一假期",
      "十一期间", "十一黄金周", "一点点", "一点", "万事", "万物", "百货", "一窝蜂", "九成新",
      "一如既往", "一目了然", "一网通办", "一张图", "一盘棋", "一件事", "一次到位", "一步到位",
      "一条龙", "三生", "千篇一律", "一应俱全", "一刀切", "十几", "几十", "一二", "三两",
      "十四五", "十三五", "十五五", "五险一金", "三甲", "三级甲等", "等保三级", "等保二级",
    ].map { Array($0.unicodeScalars) }

    /// Where each scalar occurs in ``numeralExclusions``: `index` maps a scalar to
    /// `start << 16 | count` in `places`, each place being `word << 8 | offset`.
    static let exclusionPlaces: (index: ScalarTable, places: [UInt32]) = {
      var order: [Unicode.Scalar] = []
      var byScalar: [Unicode.Scalar: [UInt32]] = [:]
      for (w, word) in numeralExclusions.enumerated() {
        for (off, c) in word.enumerated() {
          if byScalar[c] == nil { order.append(c) }
          byScalar[c, default: []].append(UInt32(w) << 8 | UInt32(off))
        }
      }
      var pairs: [(key: Unicode.Scalar, value: UInt32)] = []
      var places: [UInt32] = []
      for c in order {
        let found = byScalar[c, default: []]
        pairs.append((c, UInt32(places.count) << 16 | UInt32(found.count)))
        places += found
      }
      return (ScalarTable(pairs), places)
    }()

    /// Measure words and units that make a numeral a count (`3家`, `两个`, `5个月`).
    static let measures = WordList([
      "个", "次", "件", "名", "位", "家", "倍", "天", "周", "月", "年", "元", "块", "项", "场", "篇",
      "款", "条", "单", "笔", "台", "套", "人", "户", "份", "点", "星", "分", "秒", "只", "张",
      "本", "部", "座", "所", "间", "栋", "辆", "架", "节", "课", "门", "轮", "批", "组", "队",
      "对", "双", "层", "页", "字", "首", "集", "届", "支", "枚", "颗", "粒", "吨", "斤", "克", "米",
      "亩", "股", "例", "起", "宗", "处", "类", "种", "样", "遍", "趟", "回", "番", "封", "票", "帖",
      "则", "角", "毛", "季", "道", "声", "日", "号", "圈", "码", "包", "箱", "瓶", "盒", "袋", "卷",
      "项次", "人次", "场次", "个月", "小时", "分钟", "星期", "公里", "公斤", "平方米", "平米",
      "美元", "欧元", "英镑", "港元", "港币", "日元", "人民币", "万元", "亿元", "千元", "百万",
      "工作日", "个工作日", "个季度", "季度", "个小时", "个点", "个人", "毫秒", "秒钟", "星级",
      "万人", "千人", "GB", "TB", "MB", "KB", "ms", "km", "kg",
    ])
    /// Time spans that make a following `内`/`之内` a deadline.
    static let deadlineMeasures = WordList([
      "个月", "月", "周", "星期", "年", "季度", "个季度",
    ])
    /// After a lone `一`, only these make it a quantity (spans, multiples, percentages).
    static let loneOneFollowers = WordList([
      "天", "日", "周", "星期", "个月", "年", "小时", "个小时", "分钟", "秒", "个季度", "工作日",
      "个工作日", "倍", "成", "番", "百分点", "个百分点",
    ])
    static let percentPoints = WordList(["个百分点", "百分点", "个点"])
    /// After `第N`, these make it a rank (`第一名`).
    static let rankFollowers = WordList(["名", "位", "梯队", "档", "阵营", "强"])
    /// Quantity words without a value.
    static let chineseMultiplierWords = [
      "一半", "减半", "翻倍", "翻番", "翻一番", "翻两番", "倍增", "翻了一番", "半数", "过半",
      "两位数", "双位数", "三位数", "个位数",
    ]
    static let chineseMultipliers = WordList(chineseMultiplierWords)
    /// The only scalars ``QuantityScanner/han(at:)`` does anything with: numerals (`百` among
    /// them) and the first scalar of a ``chineseMultipliers`` word.
    static let quantityHan: ScalarTable = {
      var firsts = Set(chineseMultiplierWords.compactMap { $0.unicodeScalars.first })
      for v in UInt32(0)...0xFFFF {
        if let c = Unicode.Scalar(v), isChineseNumeral(c) { firsts.insert(c) }
      }
      return ScalarTable(firsts.sorted().map { ($0, 1) })
    }()

    /// `成` followed by these is not "tenths" (`三成为` is rare, `完成`/`成为` are words).
    static func isChengBlock(_ c: Unicode.Scalar) -> Bool {
      switch c {
      case "为", "功", "本", "员", "立", "长", "果", "交", "就", "熟", "型", "效", "绩", "都", "群":
        return true
      default: return false
      }
    }
  }
}
