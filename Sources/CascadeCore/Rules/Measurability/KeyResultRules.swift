/// Where a key result sits, for the measurability rules that walk them all.
struct KeyResultSite {
  /// The plan's units, and where the key result is among them: the ids are read only when
  /// a diagnostic needs its subject.
  private let units: [Unit]
  private let unit: Int
  private let objective: Int
  private let keyResult: Int
  /// Position in plan order (index of `PlanIndex.titleFacts`).
  let ordinal: Int

  init(units: [Unit], unit: Int, objective: Int, keyResult: Int, ordinal: Int) {
    self.units = units
    self.unit = unit
    self.objective = objective
    self.keyResult = keyResult
    self.ordinal = ordinal
  }

  /// `unit/objective/key-result`.
  var subject: String {
    let u = units[unit]
    let o = u.objectives[objective]
    return "\(u.id)/\(o.id)/\(o.keyResults[keyResult].id)"
  }
}

extension PlanIndex {
  /// Walks every key result with its unit and objective; the measurability rules share it.
  /// Nothing is copied: the walk borrows each unit, objective and key result in place.
  func forEachKeyResult(_ body: (Unit, Objective, KeyResult, KeyResultSite) -> Void) {
    var ordinal = 0
    let all = plan.units
    all.withUnsafeBufferPointer { units in
      for u in units.indices {
        units[u].objectives.withUnsafeBufferPointer { objectives in
          for o in objectives.indices {
            objectives[o].keyResults.withUnsafeBufferPointer { keyResults in
              for k in keyResults.indices {
                let site = KeyResultSite(units: all, unit: u, objective: o, keyResult: k, ordinal: ordinal)
                body(units[u], objectives[o], keyResults[k], site)
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
