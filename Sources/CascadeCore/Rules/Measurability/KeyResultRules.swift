/// Where a key result sits, for the measurability rules that walk them all: its address and
/// ordinal; the reference as text is made only for a diagnostic.
struct KeyResultSite {
  let address: KeyResultAddress
  /// Position in plan order (index of `PlanIndex.titleFacts`).
  let ordinal: Int

  /// `unit/objective/key-result`, built only when a diagnostic needs it.
  func subject(_ index: PlanIndex) -> String { index.reference(address.objective, keyResult: address.keyResult) }
}

extension PlanIndex {
  /// Walks every key result with its unit and objective; the measurability rules share it.
  func forEachKeyResult(_ body: (Unit, Objective, KeyResult, KeyResultSite) -> Void) {
    var ordinal = 0
    for (u, unit) in plan.units.enumerated() {
      for (o, objective) in unit.objectives.enumerated() {
        for (k, kr) in objective.keyResults.enumerated() {
          let address = KeyResultAddress(ObjectiveAddress(unit: u, objective: o), k)
          body(unit, objective, kr, KeyResultSite(address: address, ordinal: ordinal))
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
