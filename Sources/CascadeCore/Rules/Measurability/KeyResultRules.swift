/// Where a key result sits, for the measurability rules that walk them all: numbers only, so
/// that walking a hundred thousand key results once per rule copies no string.
struct KeyResultSite {
  let address: KeyResultAddress
  /// Position in plan order (index of `PlanIndex.titleFacts`).
  let ordinal: Int

  /// `unit/objective/key-result`, built only when a diagnostic needs it.
  func subject(_ index: PlanIndex) -> String { index.reference(address.objective, keyResult: address.keyResult) }
}

extension PlanIndex {
  /// Walks every key result with its unit and objective; the measurability rules share it.
  /// Each is lent to `body` where it lies in the plan, not copied out of it (a copy retains
  /// every string it holds).
  func forEachKeyResult(_ body: (Unit, Objective, KeyResult, KeyResultSite) -> Void) {
    var ordinal = 0
    plan.units.withUnsafeBufferPointer { units in
      for u in units.indices {
        units[u].objectives.withUnsafeBufferPointer { objectives in
          for o in objectives.indices {
            objectives[o].keyResults.withUnsafeBufferPointer { keyResults in
              for k in keyResults.indices {
                let address = KeyResultAddress(ObjectiveAddress(unit: u, objective: o), k)
                body(units[u], objectives[o], keyResults[k], KeyResultSite(address: address, ordinal: ordinal))
                ordinal += 1
              }
            }
          }
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
