import CascadeCore

/// A history of check-ins for a generated organisation, as a year of weekly reviews leaves
/// it: `perKeyResult` rows for every key result, dated evenly across the cycle and written in
/// date order (the order people append them), with values moving from the baseline towards
/// the target at each key result's own pace, a confidence on most rows and a short note on
/// every fourth. Deterministic for a seed.
enum History {
  static let notes = ["on plan", "two deals slipped", "waiting for the new pricing", "ahead of plan", "hired one more"]
  static let notesZh = ["按计划推进", "两单延期", "等待新定价", "超出预期", "新招一人"]

  /// The rows of `checkins.csv`, header first.
  static func csv(_ model: OrganisationModel, perKeyResult n: Int, seed: UInt64) -> String {
    var out = CheckInLog.header.joined(separator: ",") + "\n"
    guard n > 0, let first = model.units.first, let cycle = Cycle(label: first.cycle) else { return out }
    out.reserveCapacity(model.units.count * 10 * n * 64)
    // Each key result's pace (share of its change reached by the last row), fixed per seed.
    var paces: [[Double]] = []
    paces.reserveCapacity(model.units.count)
    for (u, unit) in model.units.enumerated() {
      var rng = SplitMix64(seed: seed, 0xC4EC_0001, UInt64(u))
      var row: [Double] = []
      for o in unit.objectives { for _ in o.keyResults { row.append(rng.double(in: 0.3...1.15)) } }
      paces.append(row)
    }
    let span = max(cycle.length - 1, 0)
    for j in 0..<n {
      let day = cycle.start + (span * (j + 1)) / n
      let share = Double(j + 1) / Double(n)
      for (u, unit) in model.units.enumerated() {
        var rng = SplitMix64(seed: seed, 0xC4EC_0002 &+ UInt64(j), UInt64(u))
        var k = 0
        for o in unit.objectives {
          for kr in o.keyResults {
            defer { k += 1 }
            let value = Self.value(kr, reached: share * paces[u][k], last: j == n - 1, &rng)
            let confidence = rng.chance(0.8) ? String(Self.rounded(rng.double(in: 0.35...0.95))) : ""
            let note = j % 4 == 3 ? (unit.chinese ? rng.pick(notesZh) : rng.pick(notes)) : ""
            out += CSV.encodeRow([
              day.description, "\(unit.id)/\(o.id)/\(kr.id)", value, confidence, note, unit.owner,
            ])
          }
        }
      }
    }
    return out
  }

  /// The value on a row: `reached` of the way from baseline to target, with a little noise.
  static func value(_ kr: KeyResultModel, reached: Double, last: Bool, _ rng: inout SplitMix64) -> String {
    switch kr.kind {
    case .milestone:
      return last && rng.chance(0.6) ? "done" : "not-done"
    case .stayAbove, .stayBelow:
      let t = kr.target ?? 1
      let sign = kr.kind == .stayAbove ? 1.0 : -1.0
      return String(rounded(t * (1 + sign * rng.double(in: -0.02...0.08))))
    case .increase, .decrease:
      let b = kr.baseline ?? 0
      let t = kr.target ?? b + 1
      let noise = rng.double(in: -0.03...0.03)
      return String(rounded(b + (t - b) * (reached + noise)))
    }
  }

  /// Two decimals: check-ins are written by people.
  static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
