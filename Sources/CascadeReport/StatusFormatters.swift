import CascadeCore

/// Where a formatter hands its output, a piece at a time and in order; false when the piece
/// could not be written (nothing more is handed then). The caller does the writing.
public typealias OutputSink = (UnsafeRawBufferPointer) -> Bool

/// `cascade status` output. One type per format.
public protocol StatusFormatter: Sendable {
  func format(_ card: Scorecard, _ result: LintResult, unit: Int?, _ presentation: Presentation) -> String
  /// The same bytes as ``format(_:_:unit:_:)``, handed to `sink` in pieces: a format whose
  /// output grows with the plan need not hold it whole.
  func write(_ card: Scorecard, _ result: LintResult, unit: Int?, _ presentation: Presentation, to sink: OutputSink)
}

extension StatusFormatter {
  /// The text made whole, in one piece.
  public func write(
    _ card: Scorecard, _ result: LintResult, unit: Int?, _ presentation: Presentation, to sink: OutputSink
  ) {
    var text = format(card, result, unit: unit, presentation)
    _ = text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
  }
}

/// The formats `cascade status` writes, and the one table from a format to its formatter.
public enum StatusFormat: String, CaseIterable, Sendable {
  case text, json, markdown

  public var formatter: any StatusFormatter {
    switch self {
    case .text: StatusTextFormatter()
    case .json: StatusJSONFormatter()
    case .markdown: StatusMarkdownFormatter()
    }
  }
}

/// The tree with progress bars; colour only when asked (the CLI decides).
public struct StatusTextFormatter: StatusFormatter {
  public init() {}

  func bar(_ score: Double) -> String {
    let filled = NumberFormat.clampedInt(score * 10, in: 0...10)
    return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled) + "]"
  }

  public func format(_ card: Scorecard, _ result: LintResult, unit: Int?, _ p: Presentation) -> String {
    func paint(_ text: String, _ status: Status) -> String { p.style.status(text, status) }
    func say(_ en: String, _ zh: String) -> String { p(Message(en: en, zh: zh)) }
    let cycle = result.planCycle?.label ?? p(Words.noCycle)
    var out = "\(visible(result.planName)) · \(cycle) · \(p(Words.asOf(card.asOf)))\n"
    let index = result.index
    for (u, depth) in result.unitTree(root: unit) {
      let pad = LintResult.indent(depth: depth)
      let unit = index.unit(u)
      let level = unit.level == nil ? "?" : say(unit.level?.rawValue ?? "?", p(Words.level(unit.level)))
      let score = formatValue(card.units[u].score)
      out += say(
        "\n\(pad)\(visible(unit.name)) (\(unit.id), \(level))  score \(score)\n",
        "\n\(pad)\(visible(unit.name))（\(unit.id)，\(level)）  得分 \(score)\n")
      for oi in unit.objectives.indices {
        let a = ObjectiveAddress(unit: u, objective: oi)
        guard let o = card.score(of: a) else { continue }
        let objective = index.objective(a)
        out +=
          "\(pad)  \(bar(o.score)) \(formatPercent(o.score).leftPadded(4))  \(paint(p(Words.status(o.status)), o.status))  "
        let committed = objective.type == .committed ? say(" (committed)", "（承诺型）") : ""
        out += "\(objective.id)\(say(": ", "："))\(visible(objective.title))\(committed)\n"
        for k in objective.keyResults.indices {
          guard let s = card.score(of: KeyResultAddress(a, k)) else { continue }
          let kr = objective.keyResults[k]
          var line =
            "\(pad)    \(bar(s.score)) \(formatPercent(s.progress).leftPadded(4))  \(paint(p(Words.status(s.status)), s.status))"
          if s.stale { line += paint(say(" (stale)", "（长期未更新）"), .atRisk) }
          line += "  \(kr.id)\(say(": ", "："))\(visible(kr.title))"
          if let c = s.current {
            let value = formatValue(c) + p(Words.unitAfterNumber(kr.unit))
            line += say("  now \(value)", "  当前值 \(value)")
          }
          if let f = s.forecast { line += say(", forecast \(formatValue(f))", "，预测 \(formatValue(f))") }
          out += line + "\n"
        }
      }
    }
    return out
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

/// A contract for other tools: see the README.
public struct StatusJSONFormatter: StatusFormatter {
  public init() {}

  public func format(_ card: Scorecard, _ result: LintResult, unit: Int?, _ p: Presentation) -> String {
    var w = JSONWriter()
    document(&w, card, result, unit: unit)
    return w.outputLine()
  }

  /// A hundred thousand key results make 30 MB of JSON: handed on a few thousand at a time.
  public func write(_ card: Scorecard, _ result: LintResult, unit: Int?, _ p: Presentation, to sink: OutputSink) {
    withoutActuallyEscaping(sink) { sink in
      var w = JSONWriter(streamingTo: sink)
      document(&w, card, result, unit: unit)
      w.finishLine()
    }
  }

  private func document(_ w: inout JSONWriter, _ card: Scorecard, _ result: LintResult, unit: Int?) {
    // Without --unit everything is included: skip the set and the filtering copies.
    let included = unit.map { Set(result.unitTree(root: $0).map(\.unit)) }
    func keep(_ u: Int) -> Bool { included?.contains(u) ?? true }
    let units = result.index.plan.units
    w.object { w in
      w.field("as_of", card.asOf.description)
      w.field("cycle", result.planCycle?.label)
      w.key("key_results")
      // A hundred thousand key results at 10,000 people: written on every core.
      let scores = card.keyResults
      let kept = included.map { set in scores.indices.filter { set.contains(scores[$0].address.objective.unit) } }
      w.array(count: kept?.count ?? scores.count) { w, i in
        let s = scores[kept?[i] ?? i]
        let a = s.address
        let kr = units[a.objective.unit].objectives[a.objective.objective].keyResults[a.keyResult]
        w.object { w in
          w.field("ref", s.reference)
          w.field("progress", s.progress)
          w.field("score", s.score)
          w.field("status", s.status.rawValue)
          w.field("current", s.current)
          w.field("baseline", kr.baseline)
          w.field("target", kr.target)
          w.field("forecast", s.forecast)
          w.field("last_checkin", s.lastCheckIn?.description)
          w.field("confidence", s.confidence)
          w.field("stale", s.stale)
        }
      }
      w.key("objectives")
      w.array(card.objectives.lazy.filter { keep($0.address.unit) }) { w, o in
        w.object { w in
          w.field("ref", o.reference)
          w.field("score", o.score)
          w.field("status", o.status.rawValue)
        }
      }
      w.key("units")
      w.array(card.units.lazy.filter { keep($0.unit) }) { w, u in
        w.object { w in
          w.field("id", u.id)
          w.field("score", u.score)
        }
      }
    }
  }
}

/// Tables per unit, for wikis and pull requests.
public struct StatusMarkdownFormatter: StatusFormatter {
  public init() {}

  public func format(_ card: Scorecard, _ result: LintResult, unit: Int?, _ p: Presentation) -> String {
    func say(_ en: String, _ zh: String) -> String { p(Message(en: en, zh: zh)) }
    let name = markdownEscape(result.planName)
    let cycle = result.planCycle?.label ?? ""
    var out = say(
      "# \(name) — \(cycle) — status as of \(card.asOf)\n", "# \(name) — \(cycle) — 截至 \(card.asOf) 的进展\n")
    let index = result.index
    for (u, _) in result.unitTree(root: unit) {
      let unit = index.unit(u)
      let score = formatValue(card.units[u].score)
      out += say(
        "\n## \(markdownEscape(unit.name)) (`\(unit.id)`) — score \(score)\n\n",
        "\n## \(markdownEscape(unit.name))（`\(unit.id)`）— 得分 \(score)\n\n")
      out += say(
        "| Objective / key result | Progress | Status | Current | Target | Forecast |\n|---|---:|---|---:|---:|---:|\n",
        "| 目标 / 关键结果 | 进度 | 状态 | 当前值 | 目标值 | 预测 |\n|---|---:|---|---:|---:|---:|\n")
      for oi in unit.objectives.indices {
        let a = ObjectiveAddress(unit: u, objective: oi)
        guard let o = card.score(of: a) else { continue }
        let objective = index.objective(a)
        out +=
          "| **\(markdownEscape(objective.title))** | \(formatPercent(o.score)) | \(p(Words.status(o.status))) | | | |\n"
        for k in objective.keyResults.indices {
          guard let s = card.score(of: KeyResultAddress(a, k)) else { continue }
          let kr = objective.keyResults[k]
          out +=
            "| \(markdownEscape(kr.title)) | \(formatPercent(s.progress)) | \(p(Words.status(s.status)))\(s.stale ? say(" (stale)", "（长期未更新）") : "") "
          out += "| \(formatValue(s.current)) | \(formatValue(kr.target)) | \(formatValue(s.forecast)) |\n"
        }
      }
    }
    return out
  }
}

/// Escapes the characters that would change a Markdown table or inline text (emphasis, code,
/// links, headings, HTML, entities), so that the text shows literally; line breaks and tabs
/// become spaces and other control and invisible characters are shown by ``visible(_:)``.
public func markdownEscape(_ text: String) -> String {
  var spaced = String.UnicodeScalarView()
  for u in text.unicodeScalars { spaced.append(u == "\n" || u == "\r" || u == "\t" ? " " : u) }
  var out = ""
  for u in visible(String(spaced)).unicodeScalars {
    switch u {
    case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "&", "~":
      out.unicodeScalars.append("\\")
      out.unicodeScalars.append(u)
    default: out.unicodeScalars.append(u)
    }
  }
  return out
}
