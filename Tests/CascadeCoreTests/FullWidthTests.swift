import CascadeCore
import CascadeTestSupport
import Foundation
import Testing

/// Issue 9, part 5: a character a Chinese keyboard types in full-width mode, where YAML or a
/// number field needs its ASCII counterpart, gives one diagnostic that names it, its line and
/// column and what to type instead, and no cascade after it.
@Suite struct FullWidthTests {
  static let head = "unit: acme\nname: 星辰科技\nlevel: company\ncycle: 2027-Q1\n"
  static let objective = "objectives:\n  - id: grow\n    title: 销售额提升\n    key_results:\n"
  static func kr(_ lines: String) -> String {
    Self.head + Self.objective + "      - id: revenue\n        title: 季度销售额提升到 40 万元\n        unit: 万元\n" + lines
  }

  /// The one diagnostic of `yaml`, checked for rule, position and both languages.
  func only(
    _ yaml: String, rule: String, at position: (Int32, Int32), en: [String], zh: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    // An objective without key results is a finding of its own, not a follow-on error.
    let diagnostics = try lint(yaml).diagnostics.filter { $0.rule != "objective-no-krs" }
    #expect(diagnostics.count == 1, "\(diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
    let d = try #require(diagnostics.first, sourceLocation: sourceLocation)
    #expect(d.rule == rule, sourceLocation: sourceLocation)
    #expect(
      d.location.line == position.0 && d.location.column == position.1, "\(d.location)", sourceLocation: sourceLocation)
    for s in en { #expect(d.message.en.contains(s), "\(d.message.en)", sourceLocation: sourceLocation) }
    for s in zh { #expect(d.message.zh.contains(s), "\(d.message.zh)", sourceLocation: sourceLocation) }
  }

  @Test func fullWidthColonAfterAKey() throws {
    try only(
      Self.head.replacingOccurrences(of: "level: company", with: "level: company\nowner：马丽"), rule: "yaml-syntax",
      at: (4, 6),
      en: ["full-width colon '：' (U+FF1A) at line 4, column 6", "ASCII colon followed by a space"],
      zh: ["第 4 行第 6 列是全角冒号「：」", "半角冒号加空格"])
  }

  @Test func fullWidthColonAfterANumberField() throws {
    try only(
      Self.kr("        target：40\n        baseline: 10\n"), rule: "yaml-syntax", at: (12, 15),
      en: ["full-width colon '：' (U+FF1A) at line 12, column 15", "as in 'target: 40'"],
      zh: ["第 12 行第 15 列是全角冒号「：」", "例如「target: 40」"])
  }

  @Test func fullWidthColonInAListItem() throws {
    try only(
      Self.head + "objectives:\n  - id：grow\n    title: 销售额提升\n", rule: "yaml-syntax", at: (6, 7),
      en: ["full-width colon '：' (U+FF1A) at line 6, column 7", "as in 'id: grow'"],
      zh: ["第 6 行第 7 列是全角冒号「：」", "例如「id: grow」"])
  }

  @Test func theFileIsReadAsMeantSoOtherFilesDoNotCascade() throws {
    let plan = try TemporaryPlan([
      "company.yaml": Self.head.replacingOccurrences(of: "cycle", with: "owner：马丽\ncycle")
        + Self.objective
        + "      - id: revenue\n        title: 季度销售额从 10 万元提升到 40 万元\n        baseline: 10\n        target: 40\n        unit: 万元\n",
      "sales.yaml": "unit: sales\nname: 销售部\nlevel: department\nparent: acme\ncycle: 2027-Q1\n",
    ])
    let rules = try plan.lint().diagnostics.map(\.rule)
    // The unit is read: the department's parent exists (nothing below supports the objective, though).
    #expect(rules.filter { $0 == "yaml-syntax" }.count == 1)
    #expect(!rules.contains("unit-parent-missing"), "\(rules)")
    #expect(rules.count == 2, "\(rules)")
  }

  @Test func fullWidthPercentInANumber() throws {
    try only(
      Self.kr("        target: 40％\n        baseline: 10\n"), rule: "schema", at: (12, 19),
      en: [
        "'target' must be a number, found '40％'", "full-width percent sign '％' (U+FF05) at line 12, column 19",
        "write 40 and put % in 'unit'",
      ],
      zh: ["target 应为数字", "第 12 行第 19 列是全角百分号「％」", "请只写数字 40，把 % 写在 unit 中"])
  }

  @Test func fullWidthCommaInANumber() throws {
    try only(
      Self.kr("        target: 1，000\n        baseline: 10\n"), rule: "schema", at: (12, 18),
      en: ["full-width comma '，' (U+FF0C) at line 12, column 18", "write 1000"],
      zh: ["第 12 行第 18 列是全角逗号「，」", "写成 1000"])
  }

  @Test func fullWidthCommaInAFlowMapping() throws {
    try only(
      Self.head.replacingOccurrences(of: "cycle: 2027-Q1", with: "cycle: {start: 2027-01-01，end: 2027-03-31}"),
      rule: "yaml-syntax", at: (4, 26),
      en: ["full-width comma '，' (U+FF0C) at line 4, column 26", "', '"], zh: ["第 4 行第 26 列是全角逗号「，」", "「, 」"])
  }

  @Test func fullWidthCommaBetweenReferences() throws {
    let yaml =
      Self.head + Self.objective
      + "      - id: a\n        title: 收入从 10 万元到 40 万元\n        baseline: 10\n        target: 40\n        unit: 万元\n"
      + "      - id: b\n        title: 利润从 1 万元到 4 万元\n        baseline: 1\n        target: 4\n        unit: 万元\n"
      + "---\nunit: sales\nname: 销售部\nlevel: department\nparent: acme\ncycle: 2027-Q1\nobjectives:\n"
      + "  - id: win\n    title: 赢得客户\n    aligns_to: acme/grow\n    key_results:\n"
      + "      - id: c\n        title: 新客户从 10 家到 50 家\n        baseline: 10\n        target: 50\n        unit: 家\n"
      + "        contributes_to: [acme/grow/a，acme/grow/b]\n"
    try only(
      yaml, rule: "schema", at: (35, 37),
      en: ["full-width comma '，' (U+FF0C) at line 35, column 37", "[a/b, c/d]"], zh: ["第 35 行第 37 列是全角逗号「，」"])
  }

  @Test func fullWidthMinusInANumber() throws {
    try only(
      Self.kr("        target: 40\n        baseline: －10\n"), rule: "schema", at: (13, 19),
      en: ["full-width minus '－' (U+FF0D) at line 13, column 19", "write -10"], zh: ["全角减号「－」", "写成 -10"])
  }

  @Test func fullWidthMinusAsAListDash() throws {
    try only(
      Self.head + "objectives:\n  － id: grow\n    title: 销售额提升\n",
      rule: "yaml-syntax", at: (6, 3), en: ["full-width hyphen '－' (U+FF0D) at line 6, column 3"],
      zh: ["第 6 行第 3 列是全角减号「－」"])
  }

  @Test func fullWidthDigits() throws {
    try only(
      Self.kr("        target: １２０\n        baseline: 10\n"), rule: "schema", at: (12, 17),
      en: ["full-width digit '１' (U+FF11) at line 12, column 17", "write 120"], zh: ["全角数字「１」", "写成 120"])
  }

  @Test func ideographicSpaceAfterAColon() throws {
    try only(
      Self.head.replacingOccurrences(of: "name: ", with: "name:\u{3000}"), rule: "yaml-syntax", at: (2, 6),
      en: ["ideographic space (U+3000) at line 2, column 6"], zh: ["第 2 行第 6 列是全角空格（U+3000）"])
  }

  @Test func ideographicSpaceAsIndentation() throws {
    let yaml = Self.head + "objectives:\n  - id: grow\n\u{3000}\u{3000}title: 销售额提升\n"
    try only(
      yaml, rule: "yaml-syntax", at: (7, 1), en: ["ideographic space (U+3000) at line 7, column 1"],
      zh: ["第 7 行第 1 列是全角空格"])
  }

  @Test func ideographicSpaceInANumber() throws {
    try only(
      Self.kr("        target: 40\u{3000}\n        baseline: 10\n"), rule: "schema", at: (12, 19),
      en: ["ideographic space (U+3000) at line 12, column 19", "write 40"], zh: ["全角空格（U+3000）"])
  }

  /// In titles, names and other free text full-width characters are ordinary text.
  @Test func fullWidthTextInFreeTextIsFine() throws {
    let yaml =
      "unit: acme\nname: 星辰科技：总部\u{3000}北京\nlevel: company\nowner: 马丽，王芳\ncycle: 2027-Q1\n" + Self.objective
      + "      - id: revenue\n        title: 销售额：从 10 万元提升到 40 万元，增长 300％\n        baseline: 10\n        target: 40\n        unit: 万元\n"
    let result = try lint(yaml)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
  }

  /// Notepad saves UTF-8 with a byte-order mark: the repair must still land on the character.
  @Test(arguments: [
    "unit: acme\nname: 星辰\nlevel: company\nowner：马丽\ncycle: 2027-Q1\nobjectives: []\n",
    "unit: acme\nname: 星辰\nlevel: company\ncycle: {start: 2027-01-01，end: 2027-03-31}\nobjectives: []\n",
    "id：x\n",
  ])
  func aByteOrderMarkDoesNotMoveTheRepair(_ yaml: String) throws {
    let plain = try lint(yaml).diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.rule) \($0.message.en)"
    }
    let withMark = try lint(bytes: [0xEF, 0xBB, 0xBF] + Array(yaml.utf8)).diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.rule) \($0.message.en)"
    }
    #expect(withMark == plain)
    #expect(plain.contains { $0.contains("yaml-syntax") && $0.contains("full-width") }, "\(plain)")
  }

  /// The fix a message suggests is cut like any echo of input.
  @Test func theSuggestedNumberIsBounded() throws {
    let yaml = Self.kr("        baseline: 10\n        target: １" + String(repeating: "_", count: 50_000) + "\n")
    let d = try #require(try lint(yaml).first("schema"))
    #expect(d.message.en.utf8.count < 400, "\(d.message.en.utf8.count) bytes")
    #expect(d.message.zh.utf8.count < 400, "\(d.message.zh.utf8.count) bytes")
  }
}
