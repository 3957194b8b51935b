import CascadeCore

/// `cascade explain`: the arithmetic behind one score, step by step down to the check-ins.
public enum Explanation {
  public enum Subject {
    case unit(Int)
    case objective(ObjectiveAddress)
    case keyResult(KeyResultAddress)
  }

  /// Resolves `unit`, `unit/objective` or `unit/objective/key-result`.
  public static func subject(_ text: String, in index: PlanIndex) -> Subject? {
    switch index.resolve(text) {
    case .unit(let u)?: .unit(u)
    case .objective(let a)?: .objective(a)
    case .keyResult(let k)?: .keyResult(k)
    case nil: nil
    }
  }

  public static func text(_ subject: Subject, _ result: LintResult, asOf: Day, _ p: Presentation = .plain) -> String {
    text(subject, result, card: Scorer.score(result, asOf: asOf), p)
  }

  /// The trace from scores already worked out: what a caller explaining many subjects of one
  /// plan uses (scoring the whole plan for each would make the meeting page's details, and
  /// `cascade site`, quadratic in the plan).
  public static func text(_ subject: Subject, _ result: LintResult, card: Scorecard, _ p: Presentation = .plain)
    -> String
  {
    let e = Explainer(card: card, result: result, p: p)
    switch subject {
    case .unit(let u): return e.unit(u)
    case .objective(let a): return e.objective(a)
    case .keyResult(let k): return e.keyResult(k, indent: "")
    }
  }
}

/// The trace, in the presentation's language. Numbers, references and formulas read the same in
/// both; the words around them are translated.
private struct Explainer {
  /// Contributors of a sum listed one by one; the rest are counted.
  static let shownContributors = 20
  let card: Scorecard
  let result: LintResult
  let p: Presentation

  var index: PlanIndex { result.index }
  var zh: Bool { p.language == .zh }

  func n(_ v: Double?) -> String { formatValue(v) }
  func say(_ en: String, _ zh: String) -> String { p(Message(en: en, zh: zh)) }
  func status(_ s: Status) -> String { zh ? "\(p(Words.status(s)))（\(s.rawValue)）" : s.rawValue }

  func unit(_ u: Int) -> String {
    let unit = index.unit(u)
    var out = say(
      "\(unit.id): \(visible(unit.name)), \(unit.level?.rawValue ?? "no level"), cycle \(unit.cycle?.label ?? "–"), as of \(card.asOf)\n",
      "\(unit.id)：\(visible(unit.name))，\(p(Words.level(unit.level)))，周期 \(unit.cycle?.label ?? "–")，截至 \(card.asOf)\n")
    var terms: [String] = []
    var weights: [String] = []
    for (oi, o) in unit.objectives.enumerated() {
      guard let s = card.score(of: ObjectiveAddress(unit: u, objective: oi)) else { continue }
      out += say(
        "  \(o.id): score \(n(s.score)) × weight \(n(o.weight))\n", "  \(o.id)：得分 \(n(s.score)) × 权重 \(n(o.weight))\n")
      terms.append("\(n(s.score))×\(n(o.weight))")
      weights.append(n(o.weight))
    }
    let formula =
      "(\(terms.joined(separator: " + "))) / (\(weights.joined(separator: " + "))) = \(n(card.units[u].score))"
    out += say("score = weighted mean of objectives = \(formula)\n", "得分 = 各目标得分的加权平均 = \(formula)\n")
    for oi in unit.objectives.indices {
      out += "\n" + objective(ObjectiveAddress(unit: u, objective: oi))
    }
    return out
  }

  func objective(_ a: ObjectiveAddress) -> String {
    let o = index.objective(a)
    let ref = index.reference(a)
    guard let s = card.score(of: a) else {
      return say("\(ref): not scored (it is part of an alignment loop)\n", "\(ref)：未计分（它处在一个对齐循环中）\n")
    }
    var out = say(
      "\(ref): \(visible(o.title)) (\(o.type.rawValue), rollup: \(o.rollup.rawValue))\n",
      "\(ref)：\(visible(o.title))（\(p(Words.objectiveType(o.type)))，\(p(Words.rollup(o.rollup)))）\n")
    if s.fellBack {
      out += say(
        "  rollup from children is not possible (no objective aligns to it, or they form a loop): using its key results\n",
        "  无法由下级汇总（没有目标对齐到它，或下级形成了循环）：改用它自己的关键结果\n")
    }
    let terms = s.items.map { "\(n($0.score))×\(n($0.weight))" }.joined(separator: " + ")
    let weights = s.items.map { n($0.weight) }.joined(separator: " + ")
    for item in s.items {
      out += say(
        "  \(item.reference): score \(n(item.score)) × weight \(n(item.weight))\n",
        "  \(item.reference)：得分 \(n(item.score)) × 权重 \(n(item.weight))\n")
    }
    out += say(
      "  score = weighted mean = (\(terms)) / (\(weights)) = \(n(s.score))\n",
      "  得分 = 加权平均 = (\(terms)) / (\(weights)) = \(n(s.score))\n")
    out += say(
      "  status = the worst of its items' statuses = \(s.status.rawValue)\n",
      "  状态 = 各项中最差的状态 = \(status(s.status))\n")
    if Scorer.expectedProgress(index.unit(a.unit).cycle, asOf: card.asOf) >= 1 {
      let grade = Grade(score: s.score).rawValue
      let below = o.type == .committed && s.score < 1
      out += say(
        "  grade = \(grade)\(below ? " — committed but below 1.0" : "")\n",
        "  评分 = \(grade)\(below ? "（承诺型目标，但得分低于 1.0）" : "")\n")
    }
    for k in o.keyResults.indices {
      out += "\n" + keyResult(KeyResultAddress(a, k), indent: "  ")
    }
    return out
  }

  func keyResult(_ k: KeyResultAddress, indent: String) -> String {
    let kr = index.objective(k.objective).keyResults[k.keyResult]
    let unit = index.unit(k.objective.unit)
    guard let s = card.score(of: k) else { return "" }
    let u = p(Words.unitAfterNumber(kr.unit))
    let inferred = kr.kind == nil && kr.effectiveKind != nil
    var out = say("\(indent)\(s.reference): \(visible(kr.title))\n", "\(indent)\(s.reference)：\(visible(kr.title))\n")
    out += say(
      "\(indent)  kind \(kr.effectiveKind?.rawValue ?? "unknown kind")\(inferred ? " (inferred from baseline and target)" : ""), "
        + "baseline \(n(kr.baseline)), target \(n(kr.target))\(u), weight \(n(kr.weight))\n",
      "\(indent)  类型：\(kr.effectiveKind.map { p(Words.kind($0)) } ?? "未知")\(inferred ? "（由基线和目标值推断）" : "")，"
        + "基线 \(n(kr.baseline))，目标值 \(n(kr.target))\(u)，权重 \(n(kr.weight))\n")
    if !s.summed.isEmpty {
      let own = kr.baseline
      out +=
        own.map {
          say(
            "\(indent)  current = its baseline \(n($0)) + each contributing key result's change from its own baseline:\n",
            "\(indent)  当前值 = 自身基线 \(n($0)) + 各支撑关键结果相对其基线的变化：\n")
        }
        ?? say(
          "\(indent)  current = sum of the latest values of the key results contributing to it (it has no baseline of its own):\n",
          "\(indent)  当前值 = 支撑它的各关键结果最新值之和（它自身没有基线）：\n")
      for c in s.summed.prefix(Self.shownContributors) {
        let cs = card.score(of: c)
        let ckr = index.objective(c.objective).keyResults[c.keyResult]
        let day = cs?.lastCheckIn?.description ?? "?"
        let term: String
        switch (cs?.current, ckr.baseline, own) {
        case (let v?, let b?, _?):
          let d = v - b
          let change = d.isFinite ? (d >= 0 ? "+" : "") + n(d) : say("beyond ±1.8e+308", "超出 ±1.8e+308")
          term = say(
            "\(n(v)) (check-in \(day)) − baseline \(n(b)) = \(change)",
            "\(n(v))（\(day) 的进展更新）− 基线 \(n(b)) = \(change)")
        case (_?, nil, _?): term = say("no baseline: +0", "没有基线：+0")
        case (nil, _, _?): term = say("no check-in: +0", "尚无进展更新：+0")
        case (let v?, _, nil): term = say("\(n(v)) (check-in \(day))", "\(n(v))（\(day) 的进展更新）")
        case (nil, _, nil):
          term = say("\(n(ckr.baseline)) (baseline, no check-in)", "\(n(ckr.baseline))（基线，尚无进展更新）")
        }
        out += "\(indent)    \(index.reference(c.objective, keyResult: c.keyResult))\(zh ? "：" : ": ")\(term)\n"
      }
      if s.summed.count > Self.shownContributors {
        let more = s.summed.count - Self.shownContributors
        out += say("\(indent)    … and \(more) more\n", "\(indent)    ……还有 \(more) 项\n")
      }
      out += "\(indent)    = \(n(s.current))\n"
      if s.overflowed {
        out += say(
          "\(indent)    (the sum is beyond the largest number a plan can hold, about ±1.8e+308: it counts as that limit)\n",
          "\(indent)    （合计超出了计划能表示的最大数值，约 ±1.8e+308：按该上限计算）\n")
      }
    } else if s.used.isEmpty {
      out += say(
        "\(indent)  no check-in on or before \(card.asOf): progress 0, status not_started\n",
        "\(indent)  \(card.asOf) 及之前没有进展更新：进度 0，状态为\(status(.notStarted))\n")
      return out
    } else {
      out += say(
        "\(indent)  check-ins up to \(card.asOf) (latest by date, then by position in the file):\n",
        "\(indent)  截至 \(card.asOf) 的进展更新（按日期取最新，同一天取文件中靠后的一条）：\n")
      let file = result.checkIns.file.map { visible(FileSystem.basename($0)) } ?? "checkins.csv"
      for c in s.used.suffix(12) {
        let confidence = c.confidence.map { say(", confidence \(n($0))", "，信心指数 \(n($0))") } ?? ""
        out += say(
          "\(indent)    \(c.date)  \(n(c.value))\(confidence)  (\(file) line \(c.line))\n",
          "\(indent)    \(c.date)  \(n(c.value))\(confidence)（\(file) 第 \(c.line) 行）\n")
      }
      if s.used.count > 12 {
        out += say("\(indent)    … and \(s.used.count - 12) earlier\n", "\(indent)    ……以及更早的 \(s.used.count - 12) 条\n")
      }
      out += say("\(indent)  current = \(n(s.current))\n", "\(indent)  当前值 = \(n(s.current))\n")
    }
    guard let current = s.current else {
      out += say(
        "\(indent)  no value yet: progress 0, status not_started\n",
        "\(indent)  尚无数值：进度 0，状态为\(status(.notStarted))\n")
      return out
    }
    let progress = n(s.progress)
    switch kr.effectiveKind {
    case .increase?, .decrease?:
      guard let b = kr.baseline, let t = kr.target, b != t else {
        out += say(
          "\(indent)  progress cannot be computed (baseline equals target, or one is missing): 0\n",
          "\(indent)  无法计算进度（基线等于目标值，或缺少其一）：0\n")
        break
      }
      let values = "(\(n(current)) − \(n(kr.baseline))) / (\(n(kr.target)) − \(n(kr.baseline))) = \(progress)"
      out += say(
        "\(indent)  progress = (current − baseline) / (target − baseline) = \(values)\n",
        "\(indent)  进度 = (当前值 − 基线) / (目标值 − 基线) = \(values)\n")
    case .stayAbove?:
      out += say(
        "\(indent)  progress = 1 if current ≥ \(n(kr.target)) else 0 = \(progress)\n",
        "\(indent)  进度 = 当前值 ≥ \(n(kr.target)) 时为 1，否则为 0 = \(progress)\n")
    case .stayBelow?:
      out += say(
        "\(indent)  progress = 1 if current ≤ \(n(kr.target)) else 0 = \(progress)\n",
        "\(indent)  进度 = 当前值 ≤ \(n(kr.target)) 时为 1，否则为 0 = \(progress)\n")
    case .milestone?:
      out += say(
        "\(indent)  progress = 1 when done, else 0 = \(progress)\n",
        "\(indent)  进度 = 完成为 1，否则为 0 = \(progress)\n")
    case nil:
      out += say(
        "\(indent)  progress cannot be computed (no kind, or baseline equals target): 0\n",
        "\(indent)  无法计算进度（没有类型，或基线等于目标值）：0\n")
    }
    out += say(
      "\(indent)  score = clamp(progress, 0, 1) = \(n(s.score))\n",
      "\(indent)  得分 = 进度限制在 0 到 1 之间 = \(n(s.score))\n")
    if let cycle = unit.cycle {
      let elapsed = min(cycle.length, max(0, card.asOf - cycle.start + 1))
      out += say(
        "\(indent)  expected = \(elapsed) of \(cycle.length) days of \(cycle.label) elapsed = \(n(s.expected))\n",
        "\(indent)  预期进度 = \(cycle.label) 共 \(cycle.length) 天，已过 \(elapsed) 天 = \(n(s.expected))\n")
    }
    let onLine = n(s.expected - StatusRule.onTrackMargin)
    let riskLine = n(s.expected - StatusRule.atRiskMargin)
    var reason =
      s.progress >= 1
      ? say("progress ≥ 1", "进度 ≥ 1")
      : say(
        "progress \(progress) vs on-track line \(onLine) and at-risk line \(riskLine)",
        "进度 \(progress)，正常线 \(onLine)，风险线 \(riskLine)")
    if let c = s.confidence {
      let low = c < StatusRule.lowConfidence
      reason += say(
        ", latest confidence \(n(c))\(low ? " (below 0.5: on track becomes at risk)" : "")",
        "，最新信心指数 \(n(c))\(low ? "（低于 0.5：正常降为有风险）" : "")")
    }
    out += say(
      "\(indent)  status: \(reason) → \(s.status.rawValue)\n", "\(indent)  状态：\(reason) → \(status(s.status))\n")
    if let f = s.forecast, let end = unit.cycle?.end {
      out += say(
        "\(indent)  forecast: least-squares line through \(s.used.count) check-ins → \(n(f))\(u) on \(end)\n",
        "\(indent)  预测：按 \(s.used.count) 次进展更新的最小二乘趋势线，\(end) 预计达到 \(n(f))\(u)\n")
    }
    if s.stale {
      let days = index.plan.configuration.staleAfterDays
      out += say(
        "\(indent)  stale: no check-in for more than \(days) days\n",
        "\(indent)  长期未更新：超过 \(days) 天没有进展更新\n")
    }
    return out
  }
}
