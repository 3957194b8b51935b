/// Where a key result sits, for the measurability rules that walk them all.
struct KeyResultSite {
  let unitID: String
  let objectiveID: String
  let keyResultID: String
  /// Position in plan order (index of `PlanIndex.titleFacts`).
  let ordinal: Int

  /// `unit/objective/key-result`, built only when a diagnostic needs it.
  var subject: String { "\(unitID)/\(objectiveID)/\(keyResultID)" }
}

extension PlanIndex {
  /// Walks every key result with its unit and objective; the measurability rules share it.
  func forEachKeyResult(_ body: (Unit, Objective, KeyResult, KeyResultSite) -> Void) {
    var ordinal = 0
    for u in plan.units {
      for o in u.objectives {
        for kr in o.keyResults {
          body(u, o, kr, KeyResultSite(unitID: u.id, objectiveID: o.id, keyResultID: kr.id, ordinal: ordinal))
          ordinal += 1
        }
      }
    }
  }
}

extension KeyResult {
  /// Kinds measured by a number against a target.
  var needsTarget: Bool { kind != .milestone }
}

/// Formats a number the way people write it: no trailing ".0".
func formatNumber(_ v: Double) -> String {
  if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
  return String(v)
}
