import CascadeCore

/// Colours, fonts and the text of fixed labels. Colours are chosen to stay apart on a projector
/// and every colour is paired with a symbol or word, so diagrams also read in black and white.
enum Style {
  /// Pango picks the first installed family; WenQuanYi Micro Hei (fonts-wqy-microhei) and
  /// Noto Sans CJK (fonts-noto-cjk) have Chinese glyphs.
  static let fontName = "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif"

  static let text = "#1f2933"
  static let muted = "#52606d"
  static let problem = "#c62828"
  static let aligns = "#2f4b7c"
  static let contributes = "#0f8b8d"
  static let objectiveBorder = "#2f4b7c"
  static let objectiveHeader = "#d3e0f3"
  static let keyResultRule = "#c5cfdc"
  static let focusBorder = "#e07b00"
  /// Arrows from a unit's box up to its parent.
  static let unitArrow = "#7b8794"
  static let barBlocks = 10
  static let barTrack = "#d5dae1"

  static func clusterFill(_ level: Level?) -> String {
    switch level {
    case .company: "#eef2f9"
    case .department: "#eef7ee"
    case .team: "#fbf6ea"
    case .individual: "#f6f1f9"
    case nil: "#f5f5f5"
    }
  }

  static func clusterBorder(_ level: Level?) -> String {
    switch level {
    case .company: "#7d93b8"
    case .department: "#7fa97f"
    case .team: "#c2a25a"
    case .individual: "#a58bb8"
    case nil: "#9e9e9e"
    }
  }

  static func color(_ status: Status) -> String {
    switch status {
    case .done: "#1b7a34"
    case .onTrack: "#43a047"
    case .atRisk: "#f2a900"
    case .offTrack: "#d32f2f"
    case .notStarted: "#9e9e9e"
    }
  }

  /// Light tint of the status colour for an objective's header.
  static func tint(_ status: Status) -> String {
    switch status {
    case .done: "#d4ecd9"
    case .onTrack: "#e3f2e4"
    case .atRisk: "#fdf0cc"
    case .offTrack: "#f9dcdc"
    case .notStarted: "#ececec"
    }
  }

  /// `5` for 5.0, `0.65`, `1e+20`; never a locale-dependent separator.
  static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// `90%`, `50 customers/month`, `5`.
  static func quantity(_ value: Double, unit: String?) -> String {
    guard let unit, !unit.isEmpty else { return number(value) }
    if unit == "%" || unit == "％" { return number(value) + unit }
    return number(value) + " " + unit
  }

  /// Progress as a percentage: `60%`, `112%`, `≥ 9999%`.
  static func percent(_ progress: Double) -> String { NumberFormat.percent(progress) }

  /// What a key result measures: `30 → 50 customers/month`, `≥ 90%`, `milestone · due 2027-03-15`.
  static func measure(_ kr: KeyResult) -> Message {
    let unit = kr.unit
    var text: Message
    switch kr.effectiveKind {
    case .increase, .decrease:
      let from = kr.baseline.map { number($0) } ?? "?"
      let to = kr.target.map { quantity($0, unit: unit) } ?? "?"
      text = .verbatim("\(from) → \(to)")
    case .stayAbove:
      text = .verbatim("≥ " + (kr.target.map { quantity($0, unit: unit) } ?? "?"))
    case .stayBelow:
      text = .verbatim("≤ " + (kr.target.map { quantity($0, unit: unit) } ?? "?"))
    case .milestone:
      text = DiagramWords.milestone
    case nil:
      if let target = kr.target {
        text = .verbatim("\(kr.baseline.map { number($0) } ?? "?") → \(quantity(target, unit: unit))")
      } else if let baseline = kr.baseline {
        text = .verbatim("\(quantity(baseline, unit: unit)) → ?")
      } else {
        text = DiagramWords.noTarget
      }
    }
    if let due = kr.due { text += DiagramWords.due(due) }
    return text
  }
}
