public struct SchemaRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "schema", category: .structure, severity: .error,
    summary: "A required field is missing, a value has the wrong type, or a value is not allowed.",
    triggering: [
      RuleExample("unit: acme\nname: Acme\ncycle: 2027-Q1\nobjectives: []\n", line: 1),
      RuleExample("unit: acme\nname: Acme\nlevel: firm\ncycle: 2027-Q1\nobjectives: []\n", line: 3),
      RuleExample("unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q5\nobjectives: []\n", line: 4),
      RuleExample(
        Examples.withTeam(kr: "      - id: c\n        title: 50 customers\n        target: \"50\"\n"), line: 27),
      RuleExample("unit: Acme Corp\nname: Acme\nlevel: company\ncycle: 2027\n", line: 1),
      RuleExample("unit: team\nname: T\nlevel: team\ncycle: 2027-Q1\nobjectives: []\n", line: 3),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])
  /// Reported while plans are read (`DocumentDecoder`, `UnitDecoding`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static func unknownLanguage(_ found: String) -> Message {
    Message(
      en: "'language' must be en or zh, found \(quoted(found, limit: 20))",
      zh: "language 只能是 en 或 zh，这里写的是\(quotedZh(found, limit: 20))")
  }

  /// " (did you mean 'x'?)", or nothing.
  static func didYouMean(_ word: String, in candidates: [String]) -> Message {
    guard let c = Suggestion.closest(to: word, in: candidates) else { return .empty }
    return Message(en: " (did you mean \(quoted(c))?)", zh: "（是否想写\(quotedZh(c))？）")
  }

  static func levelZh(_ level: Level) -> String {
    switch level {
    case .company: "公司"
    case .department: "部门"
    case .team: "团队"
    case .individual: "个人"
    }
  }

  // Fragments: what a value must be, or what was found.
  static let aMapping = Message(en: "a mapping", zh: "映射")
  static let aList = Message(en: "a list", zh: "列表")
  static let nothing = Message(en: "nothing", zh: "空值")
  static let aWholeNumber = Message(en: "a whole number", zh: "整数")
  static let aFiniteNumber = Message(en: "a finite number", zh: "有限的数字")
  static let trueOrFalse = Message(en: "true or false", zh: "true 或 false")
  static let emptyNull = Message(en: "empty (null)", zh: "空值（null）")
  static let aSingleValue = Message(en: "a single value", zh: "单个值")

  static func value(_ text: String, limit: Int = 30) -> Message {
    Message(en: quoted(text, limit: limit), zh: quotedZh(text, limit: limit))
  }

  static func tagMisfit(_ tag: String, mustBe what: Message, found: Message) -> Message {
    Message(
      en: "a value tagged \(tag) must be \(what.en), found \(found.en)",
      zh: "标签为 \(tag) 的值应为\(what.zh)，这里是\(found.zh)")
  }

  static func unknownTag(_ tag: String, coreTags: String) -> Message {
    Message(
      en: "unknown tag \(quoted(tag, limit: 30)): plans use only YAML's core tags (\(coreTags)); remove it",
      zh: "无法识别的标签\(quotedZh(tag, limit: 30))：计划只能使用 YAML 的核心标签（\(coreTags)），请删除它")
  }

  static let keysMustBePlain = Message(
    en: "keys must be plain text, not a list or mapping", zh: "字段名必须是普通文本，不能是列表或映射")

  static func mustBeText(_ field: String, not found: Message) -> Message {
    Message(en: "\(quoted(field)) must be text, not \(found.en)", zh: "\(field) 应为文本，不能是\(found.zh)")
  }

  static func mustBeNumber(_ field: String, not found: Message) -> Message {
    Message(en: "\(quoted(field)) must be a number, not \(found.en)", zh: "\(field) 应为数字，不能是\(found.zh)")
  }

  static func numberFound(_ field: String, _ text: String, hint: Message) -> Message {
    Message(
      en: "\(quoted(field)) must be a number, found \(quoted(text, limit: 30))",
      zh: "\(field) 应为数字，这里写的是\(quotedZh(text, limit: 30))") + hint
  }

  static func removeTag(_ tag: String) -> Message {
    Message(en: "; remove the \(tag) tag", zh: "，请删除 \(tag) 标签")
  }

  static let removeQuotes = Message(en: "; remove the quotes", zh: "，请去掉引号")
  static let percentInUnit = Message(
    en: "; write the number alone and put % in 'unit'", zh: "。请只写数字，把 % 写在 unit 中")

  /// A number typed with a full-width character (`40％`, `１２０`, `1，000`, `－5`).
  static func numberFullWidth(
    _ field: String, _ text: String, character: Character, at mark: Mark, fix: String
  ) -> Message {
    let (line, column) = (mark.line, mark.column)
    let code = "U+" + YAMLReader.hex(character.unicodeScalars.first?.value ?? 0)
    let (name, zhName): (String, String) =
      switch character {
      case "％": ("full-width percent sign '％'", "全角百分号「％」")
      case "，": ("full-width comma '，'", "全角逗号「，」")
      case "－": ("full-width minus '－'", "全角减号「－」")
      case "．": ("full-width full stop '．'", "全角句点「．」")
      case "＋": ("full-width plus '＋'", "全角加号「＋」")
      case "\u{3000}": ("ideographic space", "全角空格")
      default: ("full-width digit \(quoted(String(character)))", "全角数字\(quotedZh(String(character)))")
      }
    let percent = character == "％"
    // What to type, cut as user text is (a number may carry thousands of `_`).
    let fix = String(quoted(fix, limit: 30).dropFirst().dropLast())
    return Message(
      en: "\(quoted(field)) must be a number, found \(quoted(text, limit: 30)): \(name) (\(code)) at line \(line), "
        + "column \(column); write \(fix)" + (percent ? " and put % in 'unit'" : " in ASCII"),
      zh: "\(field) 应为数字，这里写的是\(quotedZh(text, limit: 30))：第 \(line) 行第 \(column) 列是\(zhName)（\(code)）。"
        + (percent ? "请只写数字 \(fix)，把 % 写在 unit 中" : "请用半角字符写成 \(fix)"))
  }

  static func dateFound(_ field: String, _ text: String) -> Message {
    Message(
      en: "\(quoted(field)) must be a date written YYYY-MM-DD, found \(quoted(text, limit: 30))",
      zh: "\(field) 应为「年-月-日」格式的日期（例如 2027-03-31），这里写的是\(quotedZh(text, limit: 30))")
  }

  static func choiceFound(_ field: String, names: [String], _ text: String) -> Message {
    Message(
      en: "\(quoted(field)) must be one of \(names.joined(separator: ", ")), found \(quoted(text, limit: 30))",
      zh: "\(field) 只能是 \(names.joined(separator: "、")) 之一，这里写的是\(quotedZh(text, limit: 30))")
      + didYouMean(text, in: names)
  }

  static func invalidID(_ field: String, _ text: String) -> Message {
    Message(
      en:
        "\(quoted(field)) \(quoted(text, limit: 40)) is not a valid id: use lowercase letters, digits, '-', '_' and '.'",
      zh: "\(field)\(quotedZh(text, limit: 40))不是有效的 id：只能使用小写字母、数字、「-」「_」和「.」")
  }

  static func notAReference(_ text: String) -> Message {
    Message(
      en: "\(quoted(text, limit: 40)) is not a reference: write unit/objective or unit/objective/key-result with "
        + "ids in lowercase letters, digits, '-', '_' and '.'",
      zh: "\(quotedZh(text, limit: 40))不是有效的引用：请写成「单元/目标」或「单元/目标/关键结果」，"
        + "各段只能使用小写字母、数字、「-」「_」和「.」")
  }

  /// References separated by a full-width comma (`[sales/grow，sales/keep]`).
  static func referencesFullWidthComma(_ text: String, at mark: Mark) -> Message {
    let (line, column) = (mark.line, mark.column)
    return Message(
      en: "full-width comma '，' (U+FF0C) at line \(line), column \(column) in \(quoted(text, limit: 40)): "
        + "separate references with an ASCII comma and a space, as in [a/b, c/d]",
      zh: "第 \(line) 行第 \(column) 列是全角逗号「，」（U+FF0C），位于\(quotedZh(text, limit: 40))中。"
        + "多个引用之间请用半角逗号加空格分隔，例如「[a/b, c/d]」")
  }

  static func mustBeList(_ field: String) -> Message {
    Message(en: "\(quoted(field)) must be a list", zh: "\(field) 应为列表")
  }

  static let weightPositive = Message(en: "'weight' must be greater than 0", zh: "weight 必须大于 0")

  /// What lacks a field: the document, a unit, an objective or a key result.
  static let thePlanDocument = Message(en: "the plan document", zh: "计划文档")
  static let anObjective = Message(en: "an objective", zh: "目标")
  static let aKeyResult = Message(en: "a key result", zh: "关键结果")

  static func unit(_ id: String) -> Message { Message(en: "unit \(quoted(id))", zh: "单元\(quotedZh(id))") }

  static func objective(_ id: String) -> Message {
    Message(en: "objective \(quoted(id))", zh: "目标\(quotedZh(id))")
  }

  static func keyResult(_ id: String) -> Message {
    Message(en: "key result \(quoted(id))", zh: "关键结果\(quotedZh(id))")
  }

  static func missing(_ field: String, in what: Message) -> Message {
    Message(
      en: "\(what.en) is missing required field \(quoted(field))",
      zh: "\(what.zh)缺少必填字段 \(field)")
  }

  static func needsParent(_ id: String, level: Level) -> Message {
    Message(
      en: "unit \(quoted(id)) is \(level.withArticle) and needs a 'parent' (only the company has none)",
      zh: "单元\(quotedZh(id))是\(levelZh(level))，需要填写 parent（只有公司没有上级）")
  }

  static let cycleRangeNeedsBoth = Message(
    en: "a cycle range needs both 'start' and 'end' dates", zh: "周期范围需要同时写明 start 和 end 日期")

  static func cycleEndsBeforeStart(end: Day, start: Day) -> Message {
    Message(
      en: "the cycle ends (\(end)) before it starts (\(start))",
      zh: "周期的结束日期 \(end) 早于开始日期 \(start)")
  }

  static let cycleEmpty = Message(en: "'cycle' is empty", zh: "cycle 为空，请填写周期，例如 2027-Q1")

  static func cycleFormat(_ text: String) -> Message {
    Message(
      en: "'cycle' must be a year (2027), half (2027-H1), quarter (2027-Q1), month (2027-01) or {start, end}; "
        + "found \(quoted(text, limit: 30))",
      zh: "cycle 应为年（2027）、半年（2027-H1）、季度（2027-Q1）、月（2027-01）或 {start, end}，"
        + "这里写的是\(quotedZh(text, limit: 30))")
  }

  static func eachMustBeMapping(_ what: Message) -> Message {
    Message(
      en: "each \(what.en) must be a mapping with 'id' and 'title'",
      zh: "每个\(what.zh)都应是包含 id 和 title 的映射")
  }

  static let objectiveNoun = Message(en: "objective", zh: "目标")
  static let keyResultNoun = Message(en: "key result", zh: "关键结果")

  static let rulesMustMap = Message(
    en: "'rules' must map rule ids to off, info, warning or error",
    zh: "rules 应把规则 id 对应到 off、info、warning 或 error")

  static func ruleSetting(_ text: String) -> Message {
    Message(
      en: "a rule's setting must be off, info, warning or error, found \(quoted(text, limit: 20))",
      zh: "规则的设置只能是 off、info、warning 或 error，这里写的是\(quotedZh(text, limit: 20))")
  }

  static let limitsMustBeMapping = Message(en: "'limits' must be a mapping", zh: "limits 应为映射")

  static func wholeNumberRange(_ field: String) -> Message {
    Message(
      en: "\(quoted(field)) must be a whole number from 1 to 1000000",
      zh: "\(field) 应为 1 到 1000000 之间的整数")
  }

  static let documentMustBeMapping = Message(
    en: "a plan document must be a mapping with unit, name, level, cycle and objectives",
    zh: "计划文档应是包含 unit、name、level、cycle 和 objectives 的映射")

  static let configurationMustBeMapping = Message(
    en: "cascade.yaml must be a mapping", zh: "cascade.yaml 应为映射")
}
