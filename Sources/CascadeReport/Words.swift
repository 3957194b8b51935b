import CascadeCore

/// The words every report shares, in every language: statuses, levels, objective types. One
/// term for one idea everywhere (the glossary in the README's Chinese section).
public enum Words {
  public static func status(_ s: Status) -> Message {
    switch s {
    case .notStarted: Message(en: "not started", zh: "未开始")
    case .offTrack: Message(en: "off track", zh: "已落后")
    case .atRisk: Message(en: "at risk", zh: "有风险")
    case .onTrack: Message(en: "on track", zh: "正常")
    case .done: Message(en: "done", zh: "已完成")
    }
  }

  public static func level(_ l: Level?) -> Message {
    switch l {
    case .company: Message(en: "company", zh: "公司")
    case .department: Message(en: "department", zh: "部门")
    case .team: Message(en: "team", zh: "团队")
    case .individual: Message(en: "individual", zh: "个人")
    case nil: Message(en: "no level", zh: "未设层级")
    }
  }

  public static func objectiveType(_ t: ObjectiveType) -> Message {
    switch t {
    case .committed: Message(en: "committed", zh: "承诺型")
    case .aspirational: Message(en: "aspirational", zh: "挑战型")
    }
  }

  /// The kind of a key result, for people (`increase` stays the value a plan writes).
  public static func kind(_ k: KeyResultKind) -> Message {
    switch k {
    // The names the rules' messages use too (`Wording.Zh.kind`).
    case .increase: Message(en: "increase", zh: "提升型")
    case .decrease: Message(en: "decrease", zh: "降低型")
    case .stayAbove: Message(en: "stay above", zh: "保持型（不低于目标值）")
    case .stayBelow: Message(en: "stay below", zh: "控制型（不高于目标值）")
    case .milestone: Message(en: "milestone", zh: "里程碑")
    }
  }

  /// How an objective's score is rolled up.
  public static func rollup(_ r: Rollup) -> Message {
    switch r {
    case .keyResults: Message(en: "key results", zh: "由关键结果汇总")
    case .children: Message(en: "children", zh: "由下级目标汇总")
    case .both: Message(en: "both", zh: "由关键结果和下级目标共同汇总")
    }
  }

  /// A unit of measure after a number: ` 万元`, ` customers`; in Chinese a percent sign is
  /// written close up (`90.6%`), as the diagrams write it.
  public static func unitAfterNumber(_ unit: String?) -> Message {
    guard let unit else { return .empty }
    let shown = " " + visible(unit)
    return Message(en: shown, zh: unit == "%" || unit == "％" ? visible(unit) : shown)
  }

  public static let stale = Message(en: "stale", zh: "长期未更新")
  public static let noCycle = Message(en: "no cycle", zh: "未设周期")

  /// `as of 2027-02-28` / `截至 2027-02-28`.
  public static func asOf(_ day: Day) -> Message { Message(en: "as of \(day)", zh: "截至 \(day)") }

  /// A cycle label: `2027-Q1` in English, `2027 年第一季度` in Chinese (other cycles as written).
  public static func cycle(_ c: Cycle?) -> Message {
    guard let c else { return noCycle }
    return Message(en: c.label, zh: chineseCycle(c.label))
  }

  static func chineseCycle(_ label: String) -> String {
    let parts = label.split(separator: "-")
    if parts.count == 1, label.count == 4, label.allSatisfy({ $0.isASCII && $0.isNumber }) { return "\(label) 年" }
    if parts.count == 2, let month = Int(parts[1]), (1...12).contains(month), parts[1].count == 2 {
      return "\(parts[0]) 年 \(month) 月"
    }
    guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber)
    else { return label }
    let year = parts[0]
    switch parts[1] {
    case "Q1": return "\(year) 年第一季度"
    case "Q2": return "\(year) 年第二季度"
    case "Q3": return "\(year) 年第三季度"
    case "Q4": return "\(year) 年第四季度"
    case "H1": return "\(year) 年上半年"
    case "H2": return "\(year) 年下半年"
    default: return label
    }
  }
}
