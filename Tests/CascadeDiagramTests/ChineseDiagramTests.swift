import CascadeCore
import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

/// Diagrams in Chinese (`DiagramOptions.language = .zh`): every word the diagram adds is
/// Chinese, whatever language the plan is written in.
@Suite struct ChineseDiagramTests {
  /// English words the diagram's labels are made of; none may show in a Chinese diagram
  /// unless the plan itself says it.
  static let englishWords = [
    "Legend", "committed", "aspirational", "as of", "error", "warning", "on track", "off track", "at risk",
    "not started", "done", "objective", "key result", "unresolved", "overview", "click", "milestone", "due ",
    "now ", "not aligned", "no target", "untitled", "level ?", "company", "department", "team", "individual",
    "vague", "incomplete", "no baseline", "page", "focus", "depth", "levels", "units", "below", "aligned",
  ]

  static let day = Day(iso: "2027-02-28")

  static func progress(_ result: LintResult) throws -> DiagramProgress? {
    let day = try #require(Self.day)
    return result.checkIns.entries.isEmpty ? nil : DiagramProgress(Scorer.score(result, asOf: day), result)
  }

  @Test func salesPlanInChinese() throws {
    let result = try examplePlan("sales-zh")
    let progress = try #require(try Self.progress(result))
    let options = DiagramOptions(date: Self.day, language: .zh)
    let dot = try CascadeDiagram.dot(for: result, progress: progress, options: options)
    try expectDotAccepts(dot)
    expectNoEnglishLabelWords(dot, plan: result)
    let svg = try renderSVG(dot)
    let texts = svg.normalizedTexts
    expectNoEnglishWords(texts, plan: result)

    #expect(texts.contains("星辰科技 · 2027 年第一季度 · 截至 2027-02-28"))
    #expect(texts.contains("公司 · acme-cn · 王建国"))
    #expect(texts.contains("部门 · sales · 刘强"))
    for word in [
      "图例", "目标对齐到上级目标", "关键结果支撑上级目标", "承诺型 / 挑战型目标", "未开始", "正常", "有风险", "已落后", "✔ 已完成",
    ] {
      #expect(texts.contains(word), "\(word)")
    }
    #expect(texts.contains { $0.hasPrefix("● 承诺型 · ") })
    #expect(texts.contains { $0.hasPrefix("○ 挑战型 · ") })
    #expect(texts.contains("里程碑 · 截止 2027-03-15"))
    #expect(texts.contains { $0.contains(" · 当前 ") && $0.hasSuffix(" 万元") })
    // The plan has no problem: no problem words in the legend.
    #expect(!texts.contains("错误"))
  }

  @Test func mistakesInChinese() throws {
    let result = try examplePlan("mistakes")
    let options = DiagramOptions(date: Self.day, language: .zh)
    let dot = try CascadeDiagram.dot(for: result, options: options)
    try expectDotAccepts(dot)
    expectNoEnglishLabelWords(dot, plan: result)
    let texts = try renderSVG(dot).normalizedTexts
    expectNoEnglishWords(texts, plan: result)

    #expect(texts.contains("Oops Ltd · 2027 年第一季度 · 截至 2027-02-28"))
    // The whole plan's count, and each unit's.
    #expect(texts.contains { $0.hasPrefix("✗ ") && $0.contains(" 个错误 · ⚠ ") && $0.hasSuffix(" 个警告") })
    for word in ["错误", "警告", "对齐对象不存在，或关键结果表述模糊", "红色虚线边框：目标未对齐", "未对齐"] {
      #expect(texts.contains(word) || texts.contains("⚠ \(word)") || texts.contains("✗ \(word)"), "\(word)")
    }
    #expect(texts.contains("? 表述模糊：标题中没有数量"))
    #expect(texts.contains("✗ 没有关键结果"))
    #expect(texts.contains("✗ 上级单元不在计划中"))
    #expect(texts.contains("⚠ 未知字段"))
    #expect(texts.contains { $0.contains("（无标题：new-customers）") })
    #expect(dot.contains(#""tooltip"="无法解析：oops/grow-sale""#))
  }

  @Test func splitPagesInChinese() throws {
    for name in ["sales-zh", "mistakes"] {
      let result = try examplePlan(name)
      let progress = try Self.progress(result)
      let options = DiagramOptions(date: Self.day, language: .zh)
      for ext in ["svg", "png"] {
        let pages = try CascadeDiagram.split(result, progress: progress, options: options, fileExtension: ext)
        for page in pages {
          expectNoEnglishLabelWords(page.dot, plan: result)
          // Only an SVG can be clicked.
          if ext == "png" { #expect(!page.dot.contains("点击"), "\(name)/\(page.name)") }
        }
        let overview = try renderSVG(pages[0].dot).normalizedTexts
        #expect(overview.contains(ext == "svg" ? "总览：点击单元查看其页面" : "总览：每个单元各有一页"))
        #expect(overview.contains { $0.hasSuffix(" 个目标") })
        guard name == "sales-zh" else { continue }
        let sales = try #require(pages.first { $0.name == "sales.\(ext)" })
        let texts = try renderSVG(sales.dot).normalizedTexts
        expectNoEnglishWords(texts, plan: result, files: pages.map(\.name))
        #expect(texts.contains("销售部（sales） · 总览：index.\(ext)"))
        #expect(texts.contains("3 个目标中 3 个已对齐"))
        #expect(
          texts.contains(ext == "svg" ? "下级单元：点击方框查看其页面" : "下级单元，详见其单独页面"))
      }
    }
  }

  /// A unit with more children than fit in a row: a grid named in Chinese.
  @Test func gridOfChildUnitsInChinese() throws {
    var yaml = "unit: hq\nname: 总部\nlevel: company\nobjectives: []\n"
    for i in 1...10 { yaml += "---\nunit: t\(i)\nname: 第\(i)组\nlevel: team\nparent: hq\nobjectives: []\n" }
    let result = lint(yaml: yaml)
    for (ext, hint) in [("svg", " · 点击查看各自的页面"), ("png", " · 各有单独页面")] {
      let pages = try CascadeDiagram.split(result, options: DiagramOptions(language: .zh), fileExtension: ext)
      let texts = try renderSVG(pages[1].dot).normalizedTexts
      #expect(texts.contains("10 个团队"))
      #expect(texts.contains(normalizeSpace(hint)))
      #expect(texts.contains("暂无目标"))
    }
  }

  @Test func subtitleAndErrorsInChinese() throws {
    let result = try examplePlan("sales-zh")
    var options = DiagramOptions(focus: "sales", depth: 1, levels: [.company, .department], language: .zh)
    let texts = try renderSVG(CascadeDiagram.dot(for: result, options: options)).normalizedTexts
    #expect(texts.contains("聚焦：sales · 展开层数：1 · 层级：公司、部门"))
    options.focus = "salse"
    #expect(throws: DiagramError.unknownFocus("salse", suggestion: "sales")) {
      try CascadeDiagram.dot(for: result, options: options)
    }
    let error = DiagramError.unknownFocus("salse", suggestion: "sales")
    #expect(error.message.zh == "聚焦对象「salse」不是本计划中的单元或目标。是否想写「sales」？")
    #expect(error.description == "focus 'salse' is not a unit or objective of this plan (did you mean 'sales'?)")
  }

  /// English split pages say "click" only where they can be clicked.
  @Test func englishPNGPagesDoNotSayClick() throws {
    let result = try examplePlan("sales-en")
    for page in try CascadeDiagram.split(result, fileExtension: "png") {
      #expect(!page.dot.contains("click"), "\(page.name)")
    }
    let svg = try CascadeDiagram.split(result, fileExtension: "svg")
    #expect(svg[0].dot.contains("overview: click a unit"))
    #expect(svg.contains { $0.dot.contains("unit below: click its box for its page") })
  }

  // MARK: - Checks

  /// What the plan shows as written: names, titles, ids, owners, units, references.
  static func planText(_ result: LintResult) -> (free: [String], literals: [String]) {
    var free: [String] = []
    var literals: [String] = []
    if let name = result.plan.configuration.name { free.append(name) }
    for unit in result.plan.units {
      free.append(unit.name)
      literals += [unit.id, unit.name] + (unit.owner.map { [$0] } ?? [])
      if let cycle = unit.cycle { literals.append(cycle.label) }
      for objective in unit.objectives {
        free.append(objective.title)
        literals += [objective.id, "\(unit.id)/\(objective.id)"]
        for kr in objective.keyResults {
          free.append(kr.title)
          literals += [kr.id] + (kr.unit.map { [$0] } ?? [])
        }
      }
    }
    literals += result.index.links.map { "\($0.reference)" }
    return (free, literals.filter { !$0.isEmpty }.sorted { $0.count > $1.count })
  }

  /// No label word of the English diagram in the DOT source (labels and tooltips), unless the
  /// plan's own text has it.
  func expectNoEnglishLabelWords(
    _ dot: String, plan result: LintResult, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let plan = Self.planText(result)
    let said = (plan.free + plan.literals).joined(separator: "\n")
    for word in Self.englishWords where !said.contains(word) {
      #expect(!dot.contains(word), "English \"\(word)\" in a Chinese diagram", sourceLocation: sourceLocation)
    }
  }

  /// Every text line of the SVG, once the plan's own text is taken out, has no English word
  /// (a run of two or more Latin letters) but the glossary's abbreviations.
  func expectNoEnglishWords(
    _ texts: Set<String>, plan result: LintResult, files: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let found = Self.englishWords(in: texts, plan: result, files: files)
    #expect(found.isEmpty, "English in a Chinese diagram: \(found)", sourceLocation: sourceLocation)
  }

  /// The English words of `texts` that are not the plan's, with the line each is in.
  static func englishWords(in texts: Set<String>, plan result: LintResult, files: [String] = []) -> [String] {
    let plan = Self.planText(result)
    let allowed: Set<String> = ["OKR", "KR", "YAML", "id"]
    var found: [String] = []
    for text in texts {
      var line = text
      for symbol in ["✗ ", "⚠ ", "? "] where line.hasPrefix(symbol) { line.removeFirst(symbol.count) }
      // A (wrapped) line of a title or name.
      if plan.free.contains(where: { normalizeSpace($0).contains(line) }) { continue }
      for literal in files + plan.literals { line = line.replacingOccurrences(of: literal, with: " ") }
      let words = line.split { !($0.isASCII && $0.isLetter) }.filter { $0.count >= 2 && !allowed.contains(String($0)) }
      found += words.map { "\($0) in \"\(text)\"" }
    }
    return found
  }

  /// The check above finds the English diagram's words.
  @Test func theCheckFindsEnglish() throws {
    let result = try examplePlan("mistakes")
    let texts = try renderSVG(CascadeDiagram.dot(for: result, options: DiagramOptions(date: Self.day))).normalizedTexts
    let found = Self.englishWords(in: texts, plan: result)
    for word in ["Legend", "committed", "errors", "as", "of", "unknown"] {
      #expect(found.contains { $0.hasPrefix(word + " in ") }, "\(word)")
    }
  }
}
