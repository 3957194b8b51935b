import CascadeCore

/// The lint diagnostics a diagram shows (errors and warnings), grouped once by `subject`
/// (`unit`, `unit/objective` or `unit/objective/key-result`).
struct Problems {
  struct Count: Equatable {
    var errors = 0
    var warnings = 0
    var isEmpty: Bool { errors == 0 && warnings == 0 }

    mutating func add(_ severity: Severity) {
      switch severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .info: break
      }
    }
  }

  /// One line shown in a node: a marker symbol and a short phrase.
  struct Marker: Equatable {
    var symbol: String
    var text: String
    var severity: Severity
    var line: String { "\(symbol) \(text)" }
  }

  private(set) var bySubject: [String: [Diagnostic]] = [:]
  /// By unit id: every error and warning about the unit, its objectives and key results.
  private(set) var byUnit: [String: Count] = [:]
  /// Errors and warnings of the whole plan, and those about no unit of the plan.
  private(set) var total = Count()

  init(_ result: LintResult) {
    let unitIDs = result.index.unitByID
    for d in result.diagnostics where d.severity != .info {
      total.add(d.severity)
      guard let subject = d.subject else { continue }
      bySubject[subject, default: []].append(d)
      let unit = subject.prefix { $0 != "/" }
      if unitIDs[String(unit)] != nil { byUnit[String(unit), default: Count()].add(d.severity) }
    }
  }

  /// Markers for one subject, one per rule, errors first.
  func markers(for subject: String) -> [Marker] {
    guard !bySubject.isEmpty, let list = bySubject[subject] else { return [] }
    var seen = Set<String>()
    var out: [Marker] = []
    for d in list.sorted(by: { $0.severity > $1.severity }) where seen.insert(d.rule).inserted {
      // A dangling edge to a "?" note already shows an unresolved reference.
      if d.rule == "unresolved-ref" { continue }
      out.append(Self.marker(for: d))
    }
    return out
  }

  /// No error or warning anywhere in the plan.
  var isEmpty: Bool { bySubject.isEmpty }

  func rules(for subject: String) -> Set<String> {
    guard !bySubject.isEmpty, let list = bySubject[subject] else { return [] }
    return Set(list.map(\.rule))
  }

  static func marker(for d: Diagnostic) -> Marker {
    let symbol: String
    switch d.rule {
    case "kr-vague-wording", "unresolved-ref": symbol = "?"
    default: symbol = d.severity == .error ? "✗" : "⚠"
    }
    return Marker(symbol: symbol, text: phrases[d.rule] ?? d.rule, severity: d.severity)
  }

  /// Short phrases for the rules a diagram can point at; other rules show their id.
  static let phrases: [String: String] = [
    "unaligned-objective": "not aligned",
    "unresolved-ref": "unresolved link",
    "alignment-cycle": "alignment loop",
    "align-not-upward": "links to a unit not above",
    "cycle-mismatch": "cycle does not fit the linked one",
    "objective-no-krs": "no key results",
    "objective-too-many-krs": "too many key results",
    "kr-no-target": "no target",
    "kr-no-baseline": "no baseline",
    "kr-target-equals-baseline": "target equals baseline",
    "kr-direction-mismatch": "target goes the wrong way",
    "kr-due-outside-cycle": "due outside the cycle",
    "kr-vague-wording": "vague: no quantity in the title",
    "duplicate-id": "duplicate id",
    "schema": "incomplete",
    "unit-parent-missing": "parent not in the plan",
    "unit-parent-cycle": "parent loop",
    "level-order": "level not below its parent",
    "unit-too-many-objectives": "too many objectives",
    "rollup-no-children": "rolls up from children but has none",
    "aggregate-mismatch": "sum has nothing to add up",
  ]

  /// "✗ 2 errors · ⚠ 1 warning", or nil when there is nothing.
  static func summary(_ c: Count) -> String? {
    var parts: [String] = []
    if c.errors > 0 { parts.append("✗ \(c.errors) error\(c.errors == 1 ? "" : "s")") }
    if c.warnings > 0 { parts.append("⚠ \(c.warnings) warning\(c.warnings == 1 ? "" : "s")") }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }
}
