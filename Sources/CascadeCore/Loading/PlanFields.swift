/// Every field a plan file and `cascade.yaml` may hold: its name, what its value is, whether
/// it is required and what it means. The decoder takes its known fields from here (a field
/// missing from the table is reported as unknown), and `cascade schema` writes the editor's
/// JSON Schema from the same table, so the two cannot drift apart.
public struct PlanField: Sendable {
  public enum Value: Sendable {
    /// Any scalar, read as text (`name: 2027` is the text "2027").
    case text
    /// Lower-case ASCII letters, digits, `-`, `_`, `.`; 1 to 128 characters.
    case identifier
    /// A finite number written plainly (not quoted).
    case number
    /// A number above zero.
    case positiveNumber
    /// A whole number from 1 to 1,000,000.
    case count
    /// `YYYY-MM-DD`.
    case day
    case choice([String])
    /// `2027`, `2027-H1`, `2027-Q2`, `2027-04`, or a mapping with `start` and `end` days.
    case cycle
    /// `unit/objective` or `unit/objective/key-result`, one or a list.
    case references
    /// A list of mappings with these fields.
    case list(of: [PlanField])
    /// A mapping with these fields.
    case mapping([PlanField])
    /// A mapping from each rule id to `error`, `warning`, `info` or `off`.
    case ruleSettings
  }

  public var name: String
  public var value: Value
  public var required: Bool
  public var summary: Message
  /// A value the field may take, as YAML writes it (for the schema's examples and the tests
  /// that keep the decoder and the table in step).
  public var example: String

  init(_ name: String, _ value: Value, required: Bool = false, example: String, _ summary: Message) {
    self.name = name
    self.value = value
    self.required = required
    self.summary = summary
    self.example = example
  }
}

public enum PlanFields {
  public static let keyResult: [PlanField] = [
    PlanField(
      "id", .identifier, required: true, example: "new-customers",
      Message(
        en: "The key result's id, unique in its objective: lower-case letters, digits, '-', '_', '.'.",
        zh: "关键结果的 id，在所属目标内唯一：小写字母、数字、'-'、'_'、'.'。")),
    PlanField(
      "title", .text, required: true, example: "50 new customers per month",
      Message(en: "What is measured, with its number.", zh: "衡量什么，写明数量。")),
    PlanField(
      "kind", .choice(KeyResultKind.allCases.map(\.rawValue)), example: "increase",
      Message(
        en: "increase, decrease, stay_above, stay_below or milestone; omitted, baseline and target tell.",
        zh: "increase（提升）、decrease（降低）、stay_above、stay_below 或 milestone（里程碑）；省略时由基线和目标值判断。")),
    PlanField(
      "baseline", .number, example: "30",
      Message(en: "The value at the start of the cycle.", zh: "周期开始时的数值（基线）。")),
    PlanField(
      "target", .number, example: "50", Message(en: "The value to reach.", zh: "要达到的数值（目标值）。")),
    PlanField(
      "unit", .text, example: "customers/month",
      Message(en: "The unit of measure: customers/month, %, M USD.", zh: "计量单位：个/月、%、万元。")),
    PlanField(
      "weight", .positiveNumber, example: "1",
      Message(en: "Its weight in the objective's score (default 1).", zh: "在目标得分中的权重（默认 1）。")),
    PlanField(
      "due", .day, example: "2027-03-31",
      Message(en: "The day it is due, YYYY-MM-DD, inside the cycle.", zh: "截止日期，YYYY-MM-DD，须在周期内。")),
    PlanField(
      "contributes_to", .references, example: "acme/grow-sales/new-customers",
      Message(
        en: "The key result or objective above that this one adds to: unit/objective[/key-result].",
        zh: "本关键结果支撑的上级关键结果或目标：unit/objective[/key-result]。")),
    PlanField(
      "aggregate", .choice(Aggregate.allCases.map(\.rawValue)), example: "sum",
      Message(
        en: "sum: its value is the sum of the key results that contribute to it.",
        zh: "sum：其数值为所有支撑它的关键结果之和。")),
  ]

  public static let objective: [PlanField] = [
    PlanField(
      "id", .identifier, required: true, example: "grow-sales",
      Message(
        en: "The objective's id, unique in its unit: lower-case letters, digits, '-', '_', '.'.",
        zh: "目标的 id，在所属单元内唯一：小写字母、数字、'-'、'_'、'.'。")),
    PlanField(
      "title", .text, required: true, example: "Grow sales in the east",
      Message(en: "The objective, in a sentence.", zh: "用一句话写出目标。")),
    PlanField(
      "type", .choice(ObjectiveType.allCases.map(\.rawValue)), example: "committed",
      Message(en: "committed or aspirational (default).", zh: "committed（承诺型）或 aspirational（挑战型，默认）。")),
    PlanField(
      "aligns_to", .references, example: "acme/grow-sales",
      Message(
        en: "The objective above that this one supports: unit/objective.", zh: "本目标对齐到的上级目标：unit/objective。")),
    PlanField(
      "weight", .positiveNumber, example: "1",
      Message(en: "Its weight in the unit's score (default 1).", zh: "在单元得分中的权重（默认 1）。")),
    PlanField(
      "rollup", .choice(Rollup.allCases.map(\.rawValue)), example: "key_results",
      Message(
        en: "What its score comes from: key_results (default), children or both.",
        zh: "得分来源：key_results（默认）、children 或 both。")),
    PlanField(
      "key_results", .list(of: keyResult), example: "[]",
      Message(en: "Its key results (at most 5 by default).", zh: "它的关键结果（默认最多 5 个）。")),
  ]

  public static let unit: [PlanField] = [
    PlanField(
      "unit", .identifier, required: true, example: "sales",
      Message(
        en: "The unit's id, unique in the plan: lower-case letters, digits, '-', '_', '.'.",
        zh: "单元的 id，在计划内唯一：小写字母、数字、'-'、'_'、'.'。")),
    PlanField(
      "name", .text, required: true, example: "Sales", Message(en: "The unit's name.", zh: "单元的名称。")),
    PlanField(
      "level", .choice(Level.allCases.map(\.rawValue)), required: true, example: "company",
      Message(
        en: "company, department, team or individual.", zh: "company（公司）、department（部门）、team（团队）或 individual（个人）。")),
    PlanField(
      "parent", .identifier, example: "acme",
      Message(en: "The id of the unit above (every unit but the company has one).", zh: "上级单元的 id（除公司外都须填写）。")),
    PlanField("owner", .text, example: "Liu Qiang", Message(en: "Who owns the unit's OKRs.", zh: "负责人。")),
    PlanField(
      "cycle", .cycle, required: true, example: "2027-Q1",
      Message(
        en: "The period planned: 2027, 2027-H1, 2027-Q1, 2027-01, or {start: YYYY-MM-DD, end: YYYY-MM-DD}.",
        zh: "计划周期：2027、2027-H1、2027-Q1、2027-01，或 {start: YYYY-MM-DD, end: YYYY-MM-DD}。")),
    PlanField(
      "objectives", .list(of: objective), example: "[]",
      Message(en: "The unit's objectives (at most 5 by default).", zh: "单元的目标（默认最多 5 个）。")),
  ]

  public static let limits: [PlanField] = [
    PlanField(
      "objectives_per_unit", .count, example: "5",
      Message(en: "Objectives a unit may have (default 5).", zh: "每个单元最多的目标数（默认 5）。")),
    PlanField(
      "key_results_per_objective", .count, example: "5",
      Message(en: "Key results an objective may have (default 5).", zh: "每个目标最多的关键结果数（默认 5）。")),
  ]

  public static let configuration: [PlanField] = [
    PlanField(
      "name", .text, example: "Acme", Message(en: "The plan's name, for diagram titles.", zh: "计划名称，用于图标题。")),
    PlanField(
      "language", .choice(Language.allCases.map(\.rawValue)), example: "zh",
      Message(
        en: "The language Cascade speaks for this plan: en or zh (--lang overrides it).",
        zh: "Cascade 对本计划使用的语言：en 或 zh（--lang 可覆盖）。")),
    PlanField(
      "rules", .ruleSettings, example: "{kr-no-unit: off}",
      Message(
        en: "A rule's severity: error, warning, info, or off.", zh: "规则的严重级别：error、warning、info 或 off（关闭）。")),
    PlanField(
      "limits", .mapping(limits), example: "{objectives_per_unit: 5}",
      Message(en: "How many objectives and key results are too many.", zh: "目标和关键结果的数量上限。")),
    PlanField(
      "stale_after_days", .count, example: "14",
      Message(
        en: "Days without a check-in after which a key result is stale (default 14).",
        zh: "超过多少天没有进展更新即视为长期未更新（默认 14）。")),
  ]

  /// The severities a rule may be set to in `rules:`.
  public static let ruleSettings = ["error", "warning", "info", "off"]
}
