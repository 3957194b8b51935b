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
    let card = Scorer.score(result, asOf: asOf)
    switch subject {
    case .unit(let u): return unit(u, card, result)
    case .objective(let a): return objective(a, card, result, depth: 0)
    case .keyResult(let k): return keyResult(k, card, result, indent: "")
    }
  }

  static func n(_ v: Double?) -> String { formatValue(v) }

  static func unit(_ u: Int, _ card: Scorecard, _ result: LintResult) -> String {
    let index = result.index
    let unit = index.unit(u)
    var out =
      "\(unit.id): \(visible(unit.name)), \(unit.level?.rawValue ?? "no level"), cycle \(unit.cycle?.label ?? "–"), as of \(card.asOf)\n"
    var terms: [String] = []
    var weights: [String] = []
    for (oi, o) in unit.objectives.enumerated() {
      guard let s = card.score(of: ObjectiveAddress(unit: u, objective: oi)) else { continue }
      out += "  \(o.id): score \(n(s.score)) × weight \(n(o.weight))\n"
      terms.append("\(n(s.score))×\(n(o.weight))")
      weights.append(n(o.weight))
    }
    out +=
      "score = weighted mean of objectives = (\(terms.joined(separator: " + "))) / (\(weights.joined(separator: " + "))) = \(n(card.units[u].score))\n"
    for oi in unit.objectives.indices {
      out += "\n" + objective(ObjectiveAddress(unit: u, objective: oi), card, result, depth: 0)
    }
    return out
  }

  static func objective(_ a: ObjectiveAddress, _ card: Scorecard, _ result: LintResult, depth: Int) -> String {
    let index = result.index
    let o = index.objective(a)
    guard let s = card.score(of: a) else {
      return "\(index.reference(a)): not scored (it is part of an alignment loop)\n"
    }
    var out = "\(index.reference(a)): \(visible(o.title)) (\(o.type.rawValue), rollup: \(o.rollup.rawValue))\n"
    if s.fellBack {
      out +=
        "  rollup from children is not possible (no objective aligns to it, or they form a loop): using its key results\n"
    }
    let terms = s.items.map { "\(n($0.score))×\(n($0.weight))" }.joined(separator: " + ")
    let weights = s.items.map { n($0.weight) }.joined(separator: " + ")
    for item in s.items { out += "  \(item.reference): score \(n(item.score)) × weight \(n(item.weight))\n" }
    out += "  score = weighted mean = (\(terms)) / (\(weights)) = \(n(s.score))\n"
    out += "  status = the worst of its items' statuses = \(s.status.rawValue)\n"
    if Scorer.expectedProgress(index.unit(a.unit).cycle, asOf: card.asOf) >= 1 {
      out +=
        "  grade = \(Grade(score: s.score).rawValue)\(o.type == .committed && s.score < 1 ? " — committed but below 1.0" : "")\n"
    }
    for k in o.keyResults.indices {
      out += "\n" + keyResult(KeyResultAddress(a, k), card, result, indent: "  ")
    }
    return out
  }

  static func keyResult(_ k: KeyResultAddress, _ card: Scorecard, _ result: LintResult, indent: String) -> String {
    let index = result.index
    let kr = index.objective(k.objective).keyResults[k.keyResult]
    let unit = index.unit(k.objective.unit)
    guard let s = card.score(of: k) else { return "" }
    let u = kr.unit.map { " \(visible($0))" } ?? ""
    let kind = kr.effectiveKind?.rawValue ?? "unknown kind"
    var out = "\(indent)\(s.reference): \(visible(kr.title))\n"
    out +=
      "\(indent)  kind \(kind)\(kr.kind == nil && kr.effectiveKind != nil ? " (inferred from baseline and target)" : ""), "
    out += "baseline \(n(kr.baseline)), target \(n(kr.target))\(u), weight \(n(kr.weight))\n"
    if !s.summed.isEmpty {
      out += "\(indent)  current = sum of the latest values of the key results contributing to it:\n"
      for c in s.summed {
        let cs = card.score(of: c)
        let ckr = index.objective(c.objective).keyResults[c.keyResult]
        let from =
          cs?.current.map { "\(n($0)) (check-in \(cs?.lastCheckIn?.description ?? "?"))" }
          ?? "\(n(ckr.baseline)) (baseline, no check-in)"
        out += "\(indent)    \(index.reference(c.objective, keyResult: c.keyResult)): \(from)\n"
      }
      out += "\(indent)    = \(n(s.current))\n"
      if s.overflowed {
        out +=
          "\(indent)    (the sum is beyond the largest number a plan can hold, about ±1.8e+308: it counts as that limit)\n"
      }
    } else if s.used.isEmpty {
      out += "\(indent)  no check-in on or before \(card.asOf): progress 0, status not_started\n"
      return out
    } else {
      out += "\(indent)  check-ins up to \(card.asOf) (latest by date, then by position in the file):\n"
      for c in s.used.suffix(12) {
        let confidence = c.confidence.map { ", confidence \(n($0))" } ?? ""
        out +=
          "\(indent)    \(c.date)  \(n(c.value))\(confidence)  (\(result.checkIns.file.map { visible(FileSystem.basename($0)) } ?? "checkins.csv") line \(c.line))\n"
      }
      if s.used.count > 12 { out += "\(indent)    … and \(s.used.count - 12) earlier\n" }
      out += "\(indent)  current = \(n(s.current))\n"
    }
    guard let current = s.current else {
      out += "\(indent)  no value yet: progress 0, status not_started\n"
      return out
    }
    switch kr.effectiveKind {
    case .increase?, .decrease?:
      guard let b = kr.baseline, let t = kr.target, b != t else {
        out += "\(indent)  progress cannot be computed (baseline equals target, or one is missing): 0\n"
        break
      }
      out +=
        "\(indent)  progress = (current − baseline) / (target − baseline) = (\(n(current)) − \(n(kr.baseline))) / (\(n(kr.target)) − \(n(kr.baseline))) = \(n(s.progress))\n"
    case .stayAbove?:
      out += "\(indent)  progress = 1 if current ≥ \(n(kr.target)) else 0 = \(n(s.progress))\n"
    case .stayBelow?:
      out += "\(indent)  progress = 1 if current ≤ \(n(kr.target)) else 0 = \(n(s.progress))\n"
    case .milestone?:
      out += "\(indent)  progress = 1 when done, else 0 = \(n(s.progress))\n"
    case nil:
      out += "\(indent)  progress cannot be computed (no kind, or baseline equals target): 0\n"
    }
    out += "\(indent)  score = clamp(progress, 0, 1) = \(n(s.score))\n"
    if let cycle = unit.cycle {
      let elapsed = min(cycle.length, max(0, card.asOf - cycle.start + 1))
      out += "\(indent)  expected = \(elapsed) of \(cycle.length) days of \(cycle.label) elapsed = \(n(s.expected))\n"
    }
    out += "\(indent)  status: "
    if s.progress >= 1 {
      out += "progress ≥ 1"
    } else {
      out +=
        "progress \(n(s.progress)) vs on-track line \(n(s.expected - StatusRule.onTrackMargin)) and at-risk line \(n(s.expected - StatusRule.atRiskMargin))"
    }
    if let c = s.confidence {
      out +=
        ", latest confidence \(n(c))\(c < StatusRule.lowConfidence ? " (below 0.5: on track becomes at risk)" : "")"
    }
    out += " → \(s.status.rawValue)\n"
    if let f = s.forecast, let end = unit.cycle?.end {
      out += "\(indent)  forecast: least-squares line through \(s.used.count) check-ins → \(n(f))\(u) on \(end)\n"
    }
    if s.stale {
      out += "\(indent)  stale: no check-in for more than \(index.plan.configuration.staleAfterDays) days\n"
    }
    return out
  }
}
