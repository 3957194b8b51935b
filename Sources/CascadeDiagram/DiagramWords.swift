import CascadeCore
import CascadeReport

/// Every word a diagram shows, in every language. The words all reports share (statuses,
/// levels, objective types, `as of`, cycles) come from ``Words``; these are the diagram's own.
enum DiagramWords {
  // MARK: - Title line

  /// The title when neither the configuration nor a company unit names the plan.
  static let untitledPlan = Message(en: "Plan", zh: "OKR 对齐图")
  static func focus(_ focus: String) -> Message { Message(en: "focus: \(focus)", zh: "聚焦：\(focus)") }
  static func depth(_ depth: Int) -> Message { Message(en: "depth: \(depth)", zh: "展开层数：\(depth)") }

  /// `levels: company, team` / `层级：公司、团队`.
  static func levels(_ levels: [Level]) -> Message {
    guard !levels.isEmpty else { return Message(en: "levels: none", zh: "层级：无") }
    let words = levels.map { Words.level($0) }
    return Message(
      en: "levels: " + words.map(\.en).joined(separator: ", "), zh: "层级：" + words.map(\.zh).joined(separator: "、"))
  }

  /// A unit's level, `level ?` / `未设层级` when it has none.
  static func level(_ level: Level?) -> Message {
    level.map { Words.level($0) } ?? Message(en: "level ?", zh: "未设层级")
  }

  // MARK: - Problems

  /// `✗ 2 errors · ⚠ 1 warning` / `✗ 2 个错误 · ⚠ 1 个警告`, or nil when there is nothing.
  static func problemSummary(errors: Int, warnings: Int) -> Message? {
    var parts: [Message] = []
    if errors > 0 { parts.append(Message(en: "✗ \(errors) error\(errors == 1 ? "" : "s")", zh: "✗ \(errors) 个错误")) }
    if warnings > 0 {
      parts.append(Message(en: "⚠ \(warnings) warning\(warnings == 1 ? "" : "s")", zh: "⚠ \(warnings) 个警告"))
    }
    guard let first = parts.first else { return nil }
    return parts.dropFirst().reduce(first) { $0 + .verbatim(" · ") + $1 }
  }

  /// Short phrases for the rules a diagram can point at (errors and warnings); other rules show
  /// their id.
  static let phrases: [String: Message] = [
    "unaligned-objective": Message(en: "not aligned", zh: "未对齐"),
    "unresolved-ref": Message(en: "unresolved link", zh: "对齐对象不存在"),
    "alignment-cycle": Message(en: "alignment loop", zh: "对齐形成循环"),
    "align-not-upward": Message(en: "links to a unit not above", zh: "对齐的不是上级单元"),
    "cycle-mismatch": Message(en: "cycle does not fit the linked one", zh: "周期与对齐目标不符"),
    "objective-no-krs": Message(en: "no key results", zh: "没有关键结果"),
    "objective-too-many-krs": Message(en: "too many key results", zh: "关键结果过多"),
    "kr-no-target": Message(en: "no target", zh: "未设目标值"),
    "kr-no-baseline": Message(en: "no baseline", zh: "未设基线"),
    "kr-target-equals-baseline": Message(en: "target equals baseline", zh: "目标值等于基线"),
    "kr-direction-mismatch": Message(en: "target goes the wrong way", zh: "目标值方向不对"),
    "kr-title-contradicts": Message(en: "title and numbers disagree", zh: "标题与数值不符"),
    "kr-due-outside-cycle": Message(en: "due outside the cycle", zh: "截止日期不在周期内"),
    "kr-vague-wording": Message(en: "vague: no quantity in the title", zh: "表述模糊：标题中没有数量"),
    "duplicate-id": Message(en: "duplicate id", zh: "id 重复"),
    "schema": Message(en: "incomplete", zh: "信息不完整"),
    "unit-parent-missing": Message(en: "parent not in the plan", zh: "上级单元不在计划中"),
    "unit-parent-cycle": Message(en: "parent loop", zh: "上下级形成循环"),
    "level-order": Message(en: "level not below its parent", zh: "层级不低于上级"),
    "unit-too-many-objectives": Message(en: "too many objectives", zh: "目标过多"),
    "rollup-no-children": Message(en: "rolls up from children but has none", zh: "按下级汇总，但没有下级"),
    "aggregate-mismatch": Message(en: "sum has nothing to add up", zh: "汇总没有可相加的下级"),
    "sum-gap": Message(en: "the teams below commit less than the target", zh: "分解缺口：下级承诺不足目标值"),
    // English shows these rules' ids, as it always has; Chinese says what they mean.
    "unknown-field": Message(en: "unknown-field", zh: "未知字段"),
    "superfluous-disable": Message(en: "superfluous-disable", zh: "多余的 cascade:disable 注释"),
    "duplicate-key": Message(en: "duplicate-key", zh: "字段重复"),
    "empty-file": Message(en: "empty-file", zh: "空文件"),
    "yaml-syntax": Message(en: "yaml-syntax", zh: "YAML 语法错误"),
    "input-limit": Message(en: "input-limit", zh: "超出输入上限"),
    "checkin-date": Message(en: "checkin-date", zh: "进展更新日期有误"),
    "checkin-value": Message(en: "checkin-value", zh: "进展更新数值有误"),
    "checkin-syntax": Message(en: "checkin-syntax", zh: "进展更新格式有误"),
    "checkin-file": Message(en: "checkin-file", zh: "进展更新文件有误"),
    "checkin-unknown-ref": Message(en: "checkin-unknown-ref", zh: "进展更新的关键结果不存在"),
    "checkin-confidence": Message(en: "checkin-confidence", zh: "信心指数有误"),
    "checkin-aggregate": Message(en: "checkin-aggregate", zh: "汇总型关键结果的进展更新未采用"),
  ]

  static func unresolved(_ reference: some CustomStringConvertible) -> Message {
    Message(en: "unresolved: \(reference)", zh: "无法解析：\(reference)")
  }

  // MARK: - Objectives and key results

  static let noObjectives = Message(en: "no objectives", zh: "暂无目标")
  static let untitled = Message(en: "(untitled)", zh: "（无标题）")
  static func untitledKeyResult(_ id: String) -> Message {
    Message(en: "(untitled \(id))", zh: "（无标题：\(id)）")
  }

  /// `● committed` / `● 承诺型`.
  static func typeMarker(_ type: ObjectiveType) -> Message {
    .verbatim(type == .committed ? "● " : "○ ") + Words.objectiveType(type)
  }

  /// A status next to its colour, so that it reads in black and white too: `✔ done` for done.
  static func status(_ status: Status) -> Message {
    status == .done ? .verbatim("✔ ") + Words.status(status) : Words.status(status)
  }

  static let milestone = Message(en: "milestone", zh: "里程碑")
  static let noTarget = Message(en: "no target", zh: "未设目标值")
  static func due(_ day: Day) -> Message { Message(en: " · due \(day)", zh: " · 截止 \(day)") }
  static let notDone = Message(en: " · not done", zh: " · 未完成")
  static func now(_ value: String) -> Message { Message(en: " · now \(value)", zh: " · 当前 \(value)") }

  // MARK: - Legend

  static let legend = Message(en: "Legend", zh: "图例")
  static let legendAligns = Message(en: "objective aligns to the one above", zh: "目标对齐到上级目标")
  static let legendContributes = Message(en: "key result contributes to the one above", zh: "关键结果支撑上级目标")
  static let legendTypes = Message(en: "committed / aspirational objective", zh: "承诺型 / 挑战型目标")
  /// The arrow to a child unit's box; only an SVG can be clicked.
  static func legendUnitBelow(clickable: Bool) -> Message {
    clickable
      ? Message(en: "unit below: click its box for its page", zh: "下级单元：点击方框查看其页面")
      : Message(en: "unit below, on a page of its own", zh: "下级单元，详见其单独页面")
  }
  static let legendError = Message(en: "error", zh: "错误")
  static let legendWarning = Message(en: "warning", zh: "警告")
  static let legendUnresolved = Message(
    en: "unresolved link, or vague key result", zh: "对齐对象不存在，或关键结果表述模糊")
  static let legendUnaligned = Message(en: "dashed red border: objective not aligned", zh: "红色虚线边框：目标未对齐")

  // MARK: - Split pages

  static func overview(clickable: Bool) -> Message {
    clickable
      ? Message(en: "overview: click a unit", zh: "总览：点击单元查看其页面")
      : Message(en: "overview: one page per unit", zh: "总览：每个单元各有一页")
  }

  /// A unit page's subtitle: `Sales (sales)` / `销售部（sales）`.
  static func unitPage(name: String, id: String) -> Message {
    Message(en: "\(name) (\(id))", zh: "\(name)（\(id)）")
  }

  /// A unit box's problems counted with every unit below it.
  static func withUnitsBelow(_ summary: String) -> Message {
    Message(en: "with the units below: \(summary)", zh: "含下级单元：\(summary)")
  }

  /// "3 KRs off track", "2 个 KR 有风险": key results of a subtree in a status.
  static func keyResultsIn(_ status: Status, _ n: Int) -> Message {
    let word = Words.status(status)
    return Message(en: "\(n) KR\(n == 1 ? "" : "s") \(word.en)", zh: "\(n) 个 KR \(word.zh)")
  }

  static func overviewPage(_ file: String) -> Message { Message(en: "overview: \(file)", zh: "总览：\(file)") }

  static func objectives(_ n: Int) -> Message {
    Message(en: "\(n) objective\(n == 1 ? "" : "s")", zh: "\(n) 个目标")
  }

  static func unitsBelow(_ n: Int) -> Message {
    Message(en: "\(n) unit\(n == 1 ? "" : "s") below ▸", zh: "下设 \(n) 个单元 ▸")
  }

  /// After a grid's count of units: only an SVG can be clicked.
  static func gridHint(clickable: Bool) -> Message {
    clickable
      ? Message(en: " · click one for its page", zh: " · 点击查看各自的页面")
      : Message(en: " · each on a page of its own", zh: " · 各有单独页面")
  }

  static func openPage(_ name: String) -> Message { Message(en: "\(name): open its page", zh: "\(name)：打开其页面") }

  /// `3 of 3 objectives aligned` / `3 个目标中 3 个已对齐`.
  static func aligned(_ aligned: Int, of count: Int) -> Message {
    Message(
      en: "\(aligned) of \(count) objective\(count == 1 ? "" : "s") aligned", zh: "\(count) 个目标中 \(aligned) 个已对齐")
  }

  /// "20 teams", "3 people"; "units" when the levels differ.
  static func units(_ levels: [Level?], count: Int) -> Message {
    let one = count == 1
    guard let first = levels.first, levels.allSatisfy({ $0 == first }), let level = first else {
      return Message(en: "\(count) \(one ? "unit" : "units")", zh: "\(count) 个单元")
    }
    switch level {
    case .company: return Message(en: "\(count) \(one ? "company" : "companies")", zh: "\(count) 家公司")
    case .department: return Message(en: "\(count) \(one ? "department" : "departments")", zh: "\(count) 个部门")
    case .team: return Message(en: "\(count) \(one ? "team" : "teams")", zh: "\(count) 个团队")
    case .individual: return Message(en: "\(count) \(one ? "person" : "people")", zh: "\(count) 人")
    }
  }

  // MARK: - Errors

  static func unknownFocus(_ focus: String, suggestion: String?) -> Message {
    Message(
      en: "focus \(quoted(focus)) is not a unit or objective of this plan"
        + (suggestion.map { " (did you mean \(quoted($0))?)" } ?? ""),
      zh: "聚焦对象\(quotedZh(focus))不是本计划中的单元或目标" + (suggestion.map { "。是否想写\(quotedZh($0))？" } ?? ""))
  }

  static func wrapWidth(_ width: Int) -> Message {
    Message(en: "wrap width must be at least 1, not \(width)", zh: "换行宽度至少为 1，当前为 \(width)")
  }

  static func negativeDepth(_ depth: Int) -> Message {
    Message(en: "depth must be 0 or more, not \(depth)", zh: "展开层数不能小于 0，当前为 \(depth)")
  }
}
