/// Walks every key result with its unit and objective; the measurability rules share it.
extension PlanIndex {
  func forEachKeyResult(_ body: (Unit, Objective, KeyResult, String) -> Void) {
    for u in plan.units {
      for o in u.objectives {
        for kr in o.keyResults { body(u, o, kr, "\(u.id)/\(o.id)/\(kr.id)") }
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
