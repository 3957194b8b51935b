import CascadeCore

/// The agenda for the monthly review meeting, in Markdown: what moved since the last review,
/// what is at risk, what is stale, whose confidence dropped, what nothing supports, and each
/// unit's score.
public struct ReviewAgenda {
  public var since: Day
  public var asOf: Day

  public init(since: Day, asOf: Day) {
    self.since = since
    self.asOf = asOf
  }

  /// A drop in confidence at least this large is called out.
  public static let confidenceDrop = 0.2

  public func markdown(_ result: LintResult, _ p: Presentation = .plain) -> String {
    let index = result.index
    let now = Scorer.score(result, asOf: asOf)
    let before = Scorer.score(result, asOf: since)
    func title(_ k: KeyResultAddress) -> String {
      markdownEscape(index.objective(k.objective).keyResults[k.keyResult].title)
    }
    func unitOf(_ k: KeyResultAddress) -> String? { index.objective(k.objective).keyResults[k.keyResult].unit }

    var out = "# Monthly review: \(markdownEscape(result.planName))\n\n"
    out += "Cycle \(result.planCycle?.label ?? "–") · changes since \(since) · as of \(asOf)"
    out += " · \(formatPercent(Scorer.expectedProgress(result.planCycle, asOf: asOf))) of the cycle elapsed\n"

    // What moved.
    var moved: [(KeyResultScore, KeyResultScore)] = []
    for s in now.keyResults {
      guard let b = before.score(of: s.address) else { continue }
      let newCheckIns = s.used.contains { $0.date > since }
      if newCheckIns, s.current != b.current || s.progress != b.progress { moved.append((b, s)) }
    }
    moved.sort { abs($0.1.progress - $0.0.progress) > abs($1.1.progress - $1.0.progress) }
    out += "\n## What moved since \(since) (\(moved.count))\n\n"
    if moved.isEmpty {
      out += "Nothing was checked in since the last review.\n"
    } else {
      out += "| Key result | Was | Now | Change | Progress | Status |\n|---|---:|---:|---:|---:|---|\n"
      for (b, s) in moved {
        let unit = unitOf(s.address).map { " " + markdownEscape($0) } ?? ""
        // From -1e308 to 1e308 is beyond the largest Double: say so rather than print "inf".
        let (delta, beyond) = Arithmetic.sum([s.current ?? 0, -(b.current ?? 0)])
        let sign = delta > 0 ? "+" : ""
        let change = beyond ? (delta > 0 ? "> +1.8e+308" : "< -1.8e+308") : sign + formatValue(delta)
        out +=
          "| \(title(s.address)) (`\(s.reference)`) | \(formatValue(b.current)) | \(formatValue(s.current))\(unit) "
        out +=
          "| \(b.current == nil ? "new" : change) | \(formatPercent(b.progress)) → \(formatPercent(s.progress)) | \(p(Words.status(s.status))) |\n"
      }
    }

    // At risk and off track.
    let troubled = now.keyResults.filter { $0.status == .atRisk || $0.status == .offTrack }
      .sorted { $0.status != $1.status ? $0.status < $1.status : $0.progress - $0.expected < $1.progress - $1.expected }
    out += "\n## At risk or off track (\(troubled.count))\n\n"
    if troubled.isEmpty {
      out += "Nothing is at risk.\n"
    } else {
      for s in troubled {
        let note =
          s.used.last.map { $0.note.isEmpty ? "" : " Last note: “\(markdownEscape(String($0.note.prefix(200))))”" }
          ?? ""
        out +=
          "- **\(p(Words.status(s.status)))**: \(title(s.address)) (`\(s.reference)`): \(formatPercent(s.progress)) done, "
        out += "\(formatPercent(s.expected)) expected"
        if let c = s.confidence { out += ", confidence \(formatValue(c))" }
        if let f = s.forecast { out += ", forecast \(formatValue(f))" }
        out += ".\(note)\n"
      }
    }

    // Stale and never checked in.
    let stale = now.keyResults.filter(\.stale)
    let silent = now.keyResults.filter { $0.lastCheckIn == nil && $0.summed.isEmpty }
    out += "\n## Stale (\(stale.count + silent.count))\n\n"
    if stale.isEmpty && silent.isEmpty { out += "Every key result has a recent check-in.\n" }
    for s in stale {
      let days = s.lastCheckIn.map { asOf - $0 } ?? 0
      out +=
        "- \(title(s.address)) (`\(s.reference)`): last check-in \(s.lastCheckIn?.description ?? "–"), \(days) days ago\n"
    }
    for s in silent { out += "- \(title(s.address)) (`\(s.reference)`): no check-in yet\n" }

    // Confidence drops.
    var drops: [(KeyResultScore, Double, Double)] = []
    for s in now.keyResults {
      guard let c = s.confidence, let b = before.score(of: s.address)?.confidence, b - c >= Self.confidenceDrop else {
        continue
      }
      drops.append((s, b, c))
    }
    out += "\n## Confidence drops (\(drops.count))\n\n"
    if drops.isEmpty { out += "No confidence fell by \(formatValue(Self.confidenceDrop)) or more.\n" }
    for (s, b, c) in drops {
      out += "- \(title(s.address)) (`\(s.reference)`): confidence \(formatValue(b)) → \(formatValue(c))\n"
    }

    // Objectives nothing below supports.
    var unsupported: [String] = []
    for (u, unit) in index.plan.units.enumerated() where !index.children[u].isEmpty {
      for (oi, o) in unit.objectives.enumerated() where index.incoming[u][oi].isEmpty {
        unsupported.append("- \(markdownEscape(o.title)) (`\(unit.id)/\(o.id)`)")
      }
    }
    out += "\n## Objectives nothing below supports (\(unsupported.count))\n\n"
    out +=
      unsupported.isEmpty
      ? "Every objective of a unit with teams below has support.\n" : unsupported.joined(separator: "\n") + "\n"

    // Committed objectives that will miss at the end of the cycle.
    if Scorer.expectedProgress(result.planCycle, asOf: asOf) >= 1 {
      let missed = now.objectives.filter { index.objective($0.address).type == .committed && $0.score < 1 }
      out += "\n## Committed objectives below 1.0 (\(missed.count))\n\n"
      for o in missed {
        out +=
          "- \(markdownEscape(index.objective(o.address).title)) (`\(o.reference)`): \(formatValue(o.score)), \(Grade(score: o.score).rawValue)\n"
      }
    }

    // Scores by unit.
    out += "\n## Scores by unit\n\n| Unit | Level | Score | Change |\n|---|---|---:|---:|\n"
    for (u, depth) in result.unitTree() {
      let unit = index.unit(u)
      let change = now.units[u].score - before.units[u].score
      out +=
        "| \(LintResult.indent(depth: depth))\(markdownEscape(unit.name)) (`\(unit.id)`) | \(unit.level?.rawValue ?? "–") "
      out += "| \(formatValue(now.units[u].score)) | \(change >= 0 ? "+" : "")\(formatValue(change)) |\n"
    }
    return out
  }
}
