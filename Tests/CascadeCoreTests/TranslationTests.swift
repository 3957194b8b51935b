import CascadeCore
import CascadeTestSupport
import Testing

/// Every message a rule gives, in both languages: each triggering example (rule examples run as
/// tests) is linted, and every diagnostic it produces must read as Chinese in Chinese: at least
/// one Han character, and no English word left outside quotes, field names and values.
@Suite struct TranslationTests {
  static let ids = RuleRegistry.all.map { $0.description.id }

  @Test(arguments: ids)
  func everyMessageOfEveryTriggeringExampleIsChinese(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(id: id))
    for (n, example) in rule.description.triggering.enumerated() {
      let result = try TemporaryPlan(example.files).lint()
      for d in result.diagnostics {
        let problems = Self.problems(zh: d.message.zh, en: d.message.en)
        #expect(problems.isEmpty, "example \(n) of \(id), \(d.rule): \(problems) in \(d.message.zh)")
      }
    }
  }

  /// Words that stay as they are in Chinese text: what a user types in a plan (field names,
  /// values, file names) and the abbreviations Chinese OKR users write in Latin letters.
  static let literal: Set<String> = [
    // plan fields
    "unit", "name", "level", "cycle", "parent", "objectives", "key_results", "id", "title", "baseline", "target",
    "kind", "aligns_to", "contributes_to", "weight", "type", "rollup", "owner", "due", "aggregate", "rules",
    "limits", "stale_after_days", "language", "start", "end", "objectives_per_unit", "key_results_per_objective",
    "notes", "tags", "description",
    // values
    "company", "department", "team", "individual", "increase", "decrease", "stay_above", "stay_below",
    "milestone", "committed", "aspirational", "sum", "children", "both", "done", "not-done", "off", "info",
    "warning", "error", "true", "false", "null", "mean", "max", "min", "latest",
    // check-in columns
    "date", "ref", "key_result", "value", "confidence", "note", "author", "by",
    // tokens
    "OKR", "KR", "YAML", "CSV", "UTF", "JSON", "MiB", "KiB", "cascade", "yaml", "yml", "csv", "checkins",
    "BOM", "ASCII", "tab", "str", "int", "float", "bool", "map", "seq", "Tab", "NaN", "inf", "ISO",
  ]

  /// What keeps `zh` from being a Chinese message, or [] when nothing does.
  static func problems(zh: String, en: String) -> [String] {
    var problems: [String] = []
    let unquoted = stripQuoted(zh)
    if !unquoted.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
      problems.append("no Chinese")
    }
    for word in englishWords(unquoted) where !literal.contains(word) && !literal.contains(word.lowercased()) {
      problems.append("English word '\(word)'")
    }
    return problems
  }

  /// `text` without what is quoted (「…」, '…', ‘…’, `…`) or after a rule id in brackets.
  static func stripQuoted(_ text: String) -> String {
    var out = ""
    var closing: Character?
    for c in text {
      if let close = closing {
        if c == close { closing = nil }
        continue
      }
      switch c {
      case "「": closing = "」"
      case "'": closing = "'"
      case "‘": closing = "’"
      case "`": closing = "`"
      case "\"": closing = "\""
      default: out.append(c)
      }
    }
    return out
  }

  /// Runs of three or more ASCII letters (with `_` and `-` inside), the shape of English words;
  /// ids and references (with `/`, digits or `.`) are not words.
  static func englishWords(_ text: String) -> [String] {
    var words: [String] = []
    for token in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || "_-./:".contains($0))) }) {
      if token.contains("/") || token.contains(".") || token.contains(":") || token.contains(where: \.isNumber) {
        continue
      }
      let word = token.trimmingCharacters(in: "-_")
      if word.count >= 3 { words.append(word) }
    }
    return words
  }

  @Test func theCheckRecognisesEnglishLeftInChinese() {
    #expect(!Self.problems(zh: "key result 「c」 has no target", en: "").isEmpty)
    #expect(!Self.problems(zh: "关键结果「c」没有 target，请 add it", en: "").isEmpty)
    #expect(Self.problems(zh: "关键结果「c」没有目标值：请添加 target: 50", en: "").isEmpty)
    #expect(Self.problems(zh: "引用 'acme/grow' 无法解析（是否想写「grow」？）", en: "").isEmpty)
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = self
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
