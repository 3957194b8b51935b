import Foundation
import Testing

/// The language of what Cascade writes for people: `--lang`, else `language:` in cascade.yaml,
/// else LC_ALL, LC_MESSAGES, LANG (any zh* is Chinese), else English. What programs read
/// (rule ids, JSON keys, status values) is the same in both.
@Suite struct LanguageTests {
  static let zhLocale = ["LANG": "zh_CN.UTF-8"]

  static func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// The summary line: the last line of `validate`'s text output.
  static func summary(_ run: CLIRun) -> String {
    run.stdout.split(separator: "\n").last.map(String.init) ?? ""
  }

  @Test func aChineseLocaleGivesChineseValidateOutput() throws {
    let run = try CLI.run(["validate", "Plans/sales-zh"], environment: Self.zhLocale)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.summary(run).hasPrefix("0 个错误，"), "\(run.stdout)")
    #expect(Self.summary(run).contains("个关键结果"))
  }

  @Test func withoutALocaleItIsEnglish() throws {
    let run = try CLI.run(["validate", "Plans/sales-en"])
    #expect(Self.summary(run).hasPrefix("0 errors, "), "\(run.stdout)")
  }

  /// The Chinese example says `language: zh` in its cascade.yaml: Chinese whatever the locale.
  @Test func theChineseExampleIsChineseEverywhere() throws {
    let run = try CLI.run(["validate", "Plans/sales-zh"], environment: ["LANG": "en_US.UTF-8"])
    #expect(Self.summary(run).hasPrefix("0 个错误，"), "\(run.stdout)")
  }

  @Test(arguments: [
    (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], false),
    (["LC_ALL": "", "LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], true),
    (["LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"], false),
    (["LANG": "zh"], true),
    (["LANG": "de_DE.UTF-8"], false),
  ])
  func theFirstLocaleVariableSetDecides(_ environment: [String: String], _ chinese: Bool) throws {
    let run = try CLI.run(["validate", "Plans/sales-en"], environment: environment)
    #expect(Self.hasHan(Self.summary(run)) == chinese, "\(environment): \(Self.summary(run))")
  }

  @Test func langOverridesTheLocaleAndThePlan() throws {
    let zh = try CLI.run(["validate", "--lang", "zh", "Plans/sales-en"])
    #expect(Self.summary(zh).hasPrefix("0 个错误"), "\(zh.stdout)")
    let en = try CLI.run(["validate", "--lang", "en", "Plans/sales-zh"], environment: Self.zhLocale)
    #expect(Self.summary(en).hasPrefix("0 errors"), "\(en.stdout)")
    let bad = try CLI.run(["validate", "--lang", "fr", "Plans/sales-en"])
    #expect(bad.status == 2)
  }

  @Test func thePlansLanguageSettingComesBeforeTheLocale() throws {
    let root = NSTemporaryDirectory() + "cascade-lang-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let plan = try String(contentsOfFile: CLI.repositoryRoot + "/Plans/sales-en/company.yaml", encoding: .utf8)
    try plan.write(toFile: root + "/company.yaml", atomically: true, encoding: .utf8)
    try "language: zh\n".write(toFile: root + "/cascade.yaml", atomically: true, encoding: .utf8)
    let run = try CLI.run(["validate", root], environment: ["LANG": "en_US.UTF-8"])
    #expect(Self.hasHan(Self.summary(run)), "\(run.stdout)")
    #expect(try Self.summary(CLI.run(["validate", "--lang", "en", root])).hasPrefix("0 errors"))

    try "language: klingon\n".write(toFile: root + "/cascade.yaml", atomically: true, encoding: .utf8)
    let wrong = try CLI.run(["validate", root])
    #expect(wrong.status == 1)
    #expect(wrong.stdout.contains("cascade.yaml:1:11: error: 'language' must be en or zh, found 'klingon' [schema]"))
  }

  @Test func statusReviewAndExplainSpeakChinese() throws {
    let day = ["--as-of", "2027-02-15"]
    let status = try CLI.run(["status", "Plans/sales-zh"] + day, environment: Self.zhLocale)
    #expect(status.stdout.contains("截至 2027-02-15"), "\(status.stdout.prefix(300))")
    #expect(status.stdout.contains("得分") && status.stdout.contains("有风险"))
    for english in ["  score ", "as of", "(stale)", ", forecast", "(committed)", "  now ", "at risk", "on track"] {
      #expect(!status.stdout.contains(english), "status still says '\(english)'")
    }
    let markdown = try CLI.run(["status", "--format", "markdown", "Plans/sales-zh"] + day, environment: Self.zhLocale)
    #expect(markdown.stdout.contains("| 目标 / 关键结果 | 进度 | 状态 |"), "\(markdown.stdout.prefix(300))")

    let review = try CLI.run(
      ["review", "Plans/sales-zh", "--since", "2027-01-15"] + day, environment: Self.zhLocale)
    #expect(review.stdout.hasPrefix("# 月度回顾议程："), "\(review.stdout.prefix(200))")
    for heading in ["## 有风险或已落后", "## 长期未更新", "## 信心指数下降", "## 无人支撑的目标", "## 各单元得分"] {
      #expect(review.stdout.contains(heading), "review lacks \(heading)")
    }
    #expect(!review.stdout.contains("## What moved") && !review.stdout.contains("Monthly review"))

    let explain = try CLI.run(
      ["explain", "Plans/sales-zh", "acme-cn/grow-sales/revenue"] + day, environment: Self.zhLocale)
    #expect(explain.status == 0, "\(explain.stderr)")
    #expect(explain.stdout.contains("进度 = (当前值 − 基线) / (目标值 − 基线)"), "\(explain.stdout)")
    #expect(explain.stdout.contains("预期进度 = 2027-Q1 共 90 天"), "\(explain.stdout)")
    for english in ["progress", "baseline", "current", "status:", "expected", "check-in", "forecast"] {
      #expect(!explain.stdout.contains(english), "explain still says '\(english)'")
    }
  }

  @Test func theDiagramSpeaksChinese() throws {
    let run = try CLI.run(
      ["render", "Plans/sales-zh", "-o", "-", "--format", "dot", "--as-of", "2027-02-28"], environment: Self.zhLocale)
    #expect(run.status == 0, "\(run.stderr)")
    for word in ["图例", "截至 2027-02-28", "承诺型", "有风险"] { #expect(run.stdout.contains(word), "no \(word)") }
    for english in ["Legend", "as of", "committed", "at risk"] { #expect(!run.stdout.contains(english), "\(english)") }
    let mistakes = try CLI.run(["render", "--lang", "zh", "Plans/mistakes", "-o", "-", "--format", "dot"])
    #expect(mistakes.status == 1)
    #expect(mistakes.stderr.contains("计划中有 9 个错误，已在图中标出"), "\(mistakes.stderr)")
  }

  /// Chinese reports write as Chinese text does: full-width brackets and colons, 「」 around a
  /// note, a percent sign close up, the glossary's 当前值.
  @Test func chineseReportsUseChinesePunctuation() throws {
    let day = ["--as-of", "2027-02-28"]
    let status = try CLI.run(["status", "Plans/sales-zh"] + day, environment: Self.zhLocale)
    #expect(status.stdout.contains("renewal：客户续约率保持在90%以上  当前值 90.6%，预测 "), "\(status.stdout.prefix(900))")
    let markdown = try CLI.run(["status", "--format", "markdown", "Plans/sales-zh"] + day, environment: Self.zhLocale)
    #expect(markdown.stdout.contains("## 星辰科技（`acme-cn`）— 得分 "), "\(markdown.stdout.prefix(300))")
    let review = try CLI.run(
      ["review", "Plans/sales-zh", "--since", "2027-01-31"] + day, environment: Self.zhLocale)
    #expect(review.stdout.contains("签约2家年采购额超过100万元的重点客户（`li-na/key-accounts/signed`）：进度 0%"))
    #expect(review.stdout.contains("最近备注：「按目前节奏每月6次」"))
    #expect(review.stdout.contains("：最近一次进展更新在 2027-01-15，距今 44 天"))
    #expect(review.stdout.contains("| 90.6% |"))
    #expect(!review.stdout.contains(" (`"), "\(review.stdout)")
    let explain = try CLI.run(
      ["explain", "Plans/sales-zh", "acme-cn/build-team/attrition"] + day, environment: Self.zhLocale)
    #expect(explain.stdout.contains("目标值 5%，"), "\(explain.stdout)")
    #expect(explain.stdout.contains("状态为未开始（not_started）"), "\(explain.stdout)")
    let broken = try CLI.run(["status", "Plans/mistakes"] + day, environment: Self.zhLocale)
    #expect(broken.stderr.contains("个错误，得分可能不完整。请运行 `cascade validate` 查看详情。"), "\(broken.stderr)")
  }

  @Test func whatProgramsReadDoesNotChange() throws {
    let en = try CLI.run(["status", "--format", "json", "--as-of", "2027-02-15", "Plans/sales-zh"])
    let zh = try CLI.run(
      ["status", "--format", "json", "--as-of", "2027-02-15", "Plans/sales-zh"], environment: Self.zhLocale)
    #expect(en.stdout == zh.stdout)
    #expect(zh.stdout.contains("\"status\":\"at_risk\""))
    let json = try CLI.run(["validate", "--format", "json", "--lang", "zh", "Plans/mistakes"])
    #expect(json.stdout.contains("\"rule\":\"kr-no-target\""))
    #expect(json.stdout.contains("\"key_results\":"))
  }

  /// Text output keeps the compiler's shape, so editors and CI still read each line.
  @Test func diagnosticLinesKeepTheirShapeInChinese() throws {
    let run = try CLI.run(["validate", "--lang", "zh", "Plans/mistakes"])
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n").dropLast()
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(
        line.wholeMatch(of: /[^:]+:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]/) != nil, "\(line)")
    }
  }
}
