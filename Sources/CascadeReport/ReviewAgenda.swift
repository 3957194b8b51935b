import CascadeCore

/// The agenda for the monthly review meeting, in Markdown: what moved since the last review,
/// what is at risk, what is stale, whose confidence dropped, what nothing supports, and each
/// unit's score.
public struct ReviewAgenda {
  public var since: Day
  public var asOf: Day
  /// Only this unit and the units below it (plan order); nil for the whole plan.
  public var unit: Int?

  public init(since: Day, asOf: Day, unit: Int? = nil) {
    self.since = since
    self.asOf = asOf
    self.unit = unit
  }

  /// A drop in confidence at least this large is called out.
  public static let confidenceDrop = 0.2
  /// Past this many key results, a list is summed up by unit.
  public static let page = 20
  /// The table of what moved shows at most this many rows, the largest moves first.
  public static let movedRows = 50

  public func markdown(_ result: LintResult, _ p: Presentation = .plain) -> String {
    let index = result.index
    // Now and at the last review, one on each core.
    let cards = Timings.measure("score") { Scorer.score(result, asOf: [self.asOf, self.since]) }
    let (now, before) = (cards[0], cards[1])
    let tree = result.unitTree(root: unit)
    var inScope = [Bool](repeating: unit == nil, count: index.plan.units.count)
    for (u, _) in tree where u < inScope.count { inScope[u] = true }
    // Positions in `scores`, never copies of them: a score is 200 bytes, and a list of what moved
    // can hold most of a plan's hundred thousand key results.
    let scores = now.keyResults
    let keyResults: [Int] =
      unit == nil ? Array(scores.indices) : scores.indices.filter { inScope[scores[$0].address.objective.unit] }
    /// `Name (`id`)` of a unit, for the lines that sum up by unit.
    func unitName(_ u: Int) -> String {
      let unit = index.unit(u)
      return "\(markdownEscape(unit.name))\(ref(unit.id))"
    }
    func title(_ k: KeyResultAddress) -> String {
      markdownEscape(index.objective(k.objective).keyResults[k.keyResult].title)
    }
    func unitOf(_ k: KeyResultAddress) -> String? { index.objective(k.objective).keyResults[k.keyResult].unit }
    func say(_ en: String, _ zh: String) -> String { p(Message(en: en, zh: zh)) }
    /// ` (`a/b/c`)` after a title; full-width brackets in Chinese.
    func ref(_ reference: String) -> String { say(" (`\(reference)`)", "（`\(reference)`）") }
    let since = self.since
    let asOf = self.asOf

    let name = markdownEscape(unit.map { index.unit($0).name } ?? result.planName)
    var out = say("# Monthly review: \(name)\n\n", "# 月度回顾议程：\(name)\n\n")
    let cycle = result.planCycle?.label ?? "–"
    let elapsed = formatPercent(Scorer.expectedProgress(result.planCycle, asOf: asOf))
    out += say(
      "Cycle \(cycle) · changes since \(since) · as of \(asOf) · \(elapsed) of the cycle elapsed\n",
      "周期 \(cycle) · 自 \(since) 以来的变化 · 截至 \(asOf) · 周期已过 \(elapsed)\n")

    // What moved.
    var changes: [(at: Int, change: Double)] = []
    for i in keyResults {
      guard let b = before.score(of: scores[i].address) else { continue }
      let newCheckIns = scores[i].used.contains { $0.date > since }
      if newCheckIns, scores[i].current != b.current || scores[i].progress != b.progress {
        changes.append((i, abs(scores[i].progress - b.progress)))
      }
    }
    // Largest moves first, ties in plan order.
    let moved = sortedPositions(changes, key: \.change, by: >).map { changes[$0].at }
    out += say("\n## What moved since \(since) (\(moved.count))\n\n", "\n## 自 \(since) 以来有变化的关键结果（\(moved.count)）\n\n")
    if moved.isEmpty {
      out += say("Nothing was checked in since the last review.\n", "上次回顾以来没有新的进展更新。\n")
    } else {
      out += say(
        "| Key result | Was | Now | Change | Progress | Status |\n|---|---:|---:|---:|---:|---|\n",
        "| 关键结果 | 之前 | 现在 | 变化 | 进度 | 状态 |\n|---|---:|---:|---:|---:|---|\n")
      for i in moved.prefix(Self.movedRows) {
        let s = scores[i]
        guard let b = before.score(of: s.address) else { continue }
        let unit = unitOf(s.address).map { say(" ", $0 == "%" || $0 == "％" ? "" : " ") + markdownEscape($0) } ?? ""
        // From -1e308 to 1e308 is beyond the largest Double: say so rather than print "inf".
        let (delta, beyond) = Arithmetic.sum([s.current ?? 0, -(b.current ?? 0)])
        let sign = delta > 0 ? "+" : ""
        let change = beyond ? (delta > 0 ? "> +1.8e+308" : "< -1.8e+308") : sign + formatValue(delta)
        out +=
          "| \(title(s.address))\(ref(s.reference)) | \(formatValue(b.current)) | \(formatValue(s.current))\(unit) "
        out +=
          "| \(b.current == nil ? say("new", "新增") : change) | \(formatPercent(b.progress)) → \(formatPercent(s.progress)) | \(p(Words.status(s.status))) |\n"
      }
    }

    if moved.count > Self.movedRows {
      let rest = moved.count - Self.movedRows
      out += say(
        "\n… and \(rest) smaller \(rest == 1 ? "move" : "moves") (`cascade status` lists every key result).\n",
        "\n……另有 \(rest) 个变化较小的关键结果（`cascade status` 列出全部关键结果）。\n")
    }

    // At risk and off track.
    let atRisk = keyResults.filter { scores[$0].status == .atRisk || scores[$0].status == .offTrack }
    let troubled = sortedPositions(
      atRisk, key: { (scores[$0].status, scores[$0].progress - scores[$0].expected) },
      by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    ).map { atRisk[$0] }
    out += say("\n## At risk or off track (\(troubled.count))\n\n", "\n## 有风险或已落后（\(troubled.count)）\n\n")
    if troubled.isEmpty {
      out += say("Nothing is at risk.\n", "暂无有风险或已落后的关键结果。\n")
    } else {
      for i in troubled.prefix(Self.page) {
        let s = scores[i]
        // The note of this key result's own check-in: a sum's latest is a contributor's, which
        // is shown where it was written.
        let note =
          s.used.last.flatMap { $0.keyResult == s.address ? s.used.note(of: $0) : nil }.map {
            $0.isEmpty
              ? ""
              : say(
                " Last note: “\(markdownEscape(String($0.prefix(200))))”",
                "最近备注：「\(markdownEscape(String($0.prefix(200))))」")
          } ?? ""
        let status = p(Words.status(s.status))
        let head = "\(title(s.address))\(ref(s.reference))"
        var facts = say(
          "\(formatPercent(s.progress)) done, \(formatPercent(s.expected)) expected",
          "进度 \(formatPercent(s.progress))，预期 \(formatPercent(s.expected))")
        if let c = s.confidence { facts += say(", confidence \(formatValue(c))", "，信心指数 \(formatValue(c))") }
        if let f = s.forecast { facts += say(", forecast \(formatValue(f))", "，预测 \(formatValue(f))") }
        out += say("- **\(status)**: \(head): \(facts).\(note)\n", "- **\(status)**：\(head)：\(facts)。\(note)\n")
      }
      if troubled.count > Self.page {
        out += byUnit(troubled.dropFirst(Self.page).map { scores[$0].address.objective.unit }, unitName, say) { n in
          say("\(n) more", "另有 \(n) 个")
        }
      }
    }

    // Stale and never checked in; a sum is as stale as its contributors, which are listed.
    let stale = keyResults.filter { scores[$0].stale && scores[$0].summed.isEmpty }
    let silent = keyResults.filter { scores[$0].lastCheckIn == nil && scores[$0].summed.isEmpty }
    out += say("\n## Stale (\(stale.count + silent.count))\n\n", "\n## 长期未更新（\(stale.count + silent.count)）\n\n")
    if stale.isEmpty && silent.isEmpty { out += say("Every key result has a recent check-in.\n", "每个关键结果近期都有进展更新。\n") }
    if stale.count + silent.count > Self.page {
      out += staleByUnit(stale, silent, of: scores, tree, unitName, say)
    }
    for i in stale where stale.count + silent.count <= Self.page {
      let s = scores[i]
      let days = s.lastCheckIn.map { asOf - $0 } ?? 0
      let last = s.lastCheckIn?.description ?? "–"
      out += say(
        "- \(title(s.address)) (`\(s.reference)`): last check-in \(last), \(days) days ago\n",
        "- \(title(s.address))\(ref(s.reference))：最近一次进展更新在 \(last)，距今 \(days) 天\n")
    }
    for i in silent where stale.count + silent.count <= Self.page {
      let s = scores[i]
      out += say(
        "- \(title(s.address)) (`\(s.reference)`): no check-in yet\n",
        "- \(title(s.address))\(ref(s.reference))：还没有进展更新\n")
    }

    // Confidence drops.
    var drops: [(at: Int, before: Double, now: Double)] = []
    for i in keyResults {
      guard let c = scores[i].confidence, let b = before.score(of: scores[i].address)?.confidence,
        b - c >= Self.confidenceDrop
      else { continue }
      drops.append((i, b, c))
    }
    out += say("\n## Confidence drops (\(drops.count))\n\n", "\n## 信心指数下降（\(drops.count)）\n\n")
    if drops.isEmpty {
      let drop = formatValue(Self.confidenceDrop)
      out += say("No confidence fell by \(drop) or more.\n", "没有关键结果的信心指数下降 \(drop) 或以上。\n")
    }
    // The largest drops first (ties in plan order); past a page, the rest summed up by unit.
    let steepest = sortedPositions(drops, key: { $0.before - $0.now }, by: >).map { drops[$0] }
    for (i, b, c) in steepest.prefix(Self.page) {
      let s = scores[i]
      out += say(
        "- \(title(s.address)) (`\(s.reference)`): confidence \(formatValue(b)) → \(formatValue(c))\n",
        "- \(title(s.address))\(ref(s.reference))：信心指数 \(formatValue(b)) → \(formatValue(c))\n")
    }
    if steepest.count > Self.page {
      out += byUnit(steepest.dropFirst(Self.page).map { scores[$0.at].address.objective.unit }, unitName, say) { n in
        say("\(n) more", "另有 \(n) 个")
      }
    }

    // Objectives nothing below supports.
    var unsupported: [String] = []
    for (u, unit) in index.plan.units.enumerated() where inScope[u] && !index.children[u].isEmpty {
      for (oi, o) in unit.objectives.enumerated() where index.incoming[u][oi].isEmpty {
        unsupported.append("- \(markdownEscape(o.title))\(ref("\(unit.id)/\(o.id)"))")
      }
    }
    out += say(
      "\n## Objectives nothing below supports (\(unsupported.count))\n\n", "\n## 无人支撑的目标（\(unsupported.count)）\n\n")
    out +=
      unsupported.isEmpty
      ? say("Every objective of a unit with teams below has support.\n", "有下级单元的目标都已有下级支撑。\n")
      : unsupported.joined(separator: "\n") + "\n"

    // Committed objectives that will miss at the end of the cycle.
    if Scorer.expectedProgress(result.planCycle, asOf: asOf) >= 1 {
      let missed = now.objectives.filter {
        inScope[$0.address.unit] && index.objective($0.address).type == .committed && $0.score < 1
      }
      out += say(
        "\n## Committed objectives below 1.0 (\(missed.count))\n\n", "\n## 得分低于 1.0 的承诺型目标（\(missed.count)）\n\n")
      for o in missed {
        out +=
          "- \(markdownEscape(index.objective(o.address).title))\(ref(o.reference))\(say(": ", "："))\(formatValue(o.score))\(say(", ", "，"))\(Grade(score: o.score).rawValue)\n"
      }
    }

    // Scores by unit.
    out += say(
      "\n## Scores by unit\n\n| Unit | Level | Score | Change |\n|---|---|---:|---:|\n",
      "\n## 各单元得分\n\n| 单元 | 层级 | 得分 | 变化 |\n|---|---|---:|---:|\n")
    for (u, depth) in tree {
      let unit = index.unit(u)
      let change = now.units[u].score - before.units[u].score
      out +=
        "| \(LintResult.indent(depth: depth))\(markdownEscape(unit.name))\(ref(unit.id)) | \(unit.level == nil ? "–" : say(unit.level?.rawValue ?? "–", p(Words.level(unit.level)))) "
      out += "| \(formatValue(now.units[u].score)) | \(change >= 0 ? "+" : "")\(formatValue(change)) |\n"
    }
    return out
  }
  /// `- … 12 more: East (`east`): 5; North (`north`): 4; …`: key results counted by unit, the
  /// units with most first, at most 10 named.
  func byUnit(
    _ units: [Int], _ unitName: (Int) -> String, _ say: (String, String) -> String, _ head: (Int) -> String
  ) -> String {
    var counts: [Int: Int] = [:]
    for u in units { counts[u, default: 0] += 1 }
    let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    var parts = ranked.prefix(10).map { say("\(unitName($0.key)): \($0.value)", "\(unitName($0.key)) \($0.value) 个") }
    if ranked.count > 10 {
      let others = ranked.dropFirst(10).reduce(0) { $0 + $1.value }
      parts.append(say("\(others) in \(ranked.count - 10) more units", "其他 \(ranked.count - 10) 个单元共 \(others) 个"))
    }
    return say("- … \(head(units.count)): ", "- ……\(head(units.count))：") + parts.joined(separator: say("; ", "；"))
      + "\n"
  }

  /// One line per unit with stale or never-checked-in key results (positions in `scores`), the
  /// units with most first, at most a page of them.
  func staleByUnit(
    _ stale: [Int], _ silent: [Int], of scores: [KeyResultScore], _ tree: [(unit: Int, depth: Int)],
    _ unitName: (Int) -> String, _ say: (String, String) -> String
  ) -> String {
    struct Tally {
      var stale = 0
      var silent = 0
      var oldest: Day?
    }
    var tally: [Int: Tally] = [:]
    for i in stale {
      let u = scores[i].address.objective.unit
      tally[u, default: Tally()].stale += 1
      if let last = scores[i].lastCheckIn, tally[u]?.oldest.map({ last < $0 }) ?? true { tally[u]?.oldest = last }
    }
    for i in silent { tally[scores[i].address.objective.unit, default: Tally()].silent += 1 }
    var order: [Int: Int] = [:]
    for (k, entry) in tree.enumerated() { order[entry.unit] = k }
    let ranked = tally.sorted {
      let (a, b) = ($0.value.stale + $0.value.silent, $1.value.stale + $1.value.silent)
      return a != b ? a > b : (order[$0.key] ?? $0.key) < (order[$1.key] ?? $1.key)
    }
    var out = ""
    for (u, t) in ranked.prefix(Self.page) {
      var facts: [String] = []
      if t.stale > 0 {
        let oldest =
          t.oldest.map { say(" (oldest check-in \($0), \(asOf - $0) days ago)", "（最早一次进展更新在 \($0)，距今 \(asOf - $0) 天）") }
          ?? ""
        facts.append(say("\(t.stale) stale\(oldest)", "\(t.stale) 个长期未更新\(oldest)"))
      }
      if t.silent > 0 {
        facts.append(
          say(
            "\(t.silent) \(t.silent == 1 ? "key result" : "key results") with no check-in yet",
            "\(t.silent) 个关键结果还没有进展更新"))
      }
      out += "- \(unitName(u))\(say(": ", "："))\(facts.joined(separator: say(", ", "，")))\n"
    }
    if ranked.count > Self.page {
      let rest = ranked.dropFirst(Self.page)
      let count = rest.reduce(0) { $0 + $1.value.stale + $1.value.silent }
      out += say(
        "- … and \(rest.count) more units with \(count) key results\n",
        "- ……另有 \(rest.count) 个单元的 \(count) 个关键结果\n")
    }
    return out
  }
}

/// The positions of `items` in the order `by` puts their keys in, ties in the order given.
/// Sorting small keys rather than the items themselves: moving a score copies every field it
/// holds, and a plan has a hundred thousand of them.
func sortedPositions<T, K>(_ items: [T], key: (T) -> K, by isBefore: (K, K) -> Bool) -> [Int] {
  var keyed = items.enumerated().map { (key: key($0.element), at: $0.offset) }
  keyed.sort { a, b in isBefore(a.key, b.key) || (!isBefore(b.key, a.key) && a.at < b.at) }
  return keyed.map(\.at)
}
