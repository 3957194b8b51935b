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
  /// A unit's errors and warnings together with those of every unit below it: a box standing for
  /// a subtree must not look clean while a person below it has seven errors.
  private(set) var withBelow: [String: Count] = [:]
  /// Errors and warnings of the whole plan, and those about no unit of the plan.
  private(set) var total = Count()
  /// The language of the markers and counts.
  let language: Language

  init(_ result: LintResult, language: Language = .en) {
    self.language = language
    let unitIDs = result.index.unitByID
    for d in result.diagnostics where d.severity != .info {
      total.add(d.severity)
      guard let subject = d.subject else { continue }
      bySubject[subject, default: []].append(d)
      let unit = subject.prefix { $0 != "/" }
      if unitIDs[String(unit)] != nil { byUnit[String(unit), default: Count()].add(d.severity) }
    }
    // Rolled up, children before parents; a unit in a parent loop keeps its own.
    let index = result.index
    var below = index.plan.units.map { byUnit[$0.id] ?? Count() }
    for (u, _) in result.unitTree().reversed() {
      guard let p = index.parent[u], p != u, !index.inParentCycle[u] else { continue }
      below[p].errors += below[u].errors
      below[p].warnings += below[u].warnings
    }
    for (u, unit) in index.plan.units.enumerated() where !below[u].isEmpty { withBelow[unit.id] = below[u] }
  }

  /// Markers for one subject, one per rule, errors first.
  func markers(for subject: String) -> [Marker] {
    guard !bySubject.isEmpty, let list = bySubject[subject] else { return [] }
    var seen = Set<String>()
    var out: [Marker] = []
    for d in list.sorted(by: { $0.severity > $1.severity }) where seen.insert(d.rule).inserted {
      // A dangling edge to a "?" note already shows an unresolved reference.
      if d.rule == "unresolved-ref" { continue }
      out.append(Self.marker(for: d, language: language))
    }
    return out
  }

  /// No error or warning anywhere in the plan.
  var isEmpty: Bool { bySubject.isEmpty }

  func rules(for subject: String) -> Set<String> {
    guard !bySubject.isEmpty, let list = bySubject[subject] else { return [] }
    return Set(list.map(\.rule))
  }

  static func marker(for d: Diagnostic, language: Language = .en) -> Marker {
    let symbol: String
    switch d.rule {
    case "kr-vague-wording", "unresolved-ref": symbol = "?"
    default: symbol = d.severity == .error ? "✗" : "⚠"
    }
    return Marker(symbol: symbol, text: DiagramWords.phrases[d.rule]?.text(language) ?? d.rule, severity: d.severity)
  }

  /// "✗ 2 errors · ⚠ 1 warning" (in ``language``), or nil when there is nothing.
  func summary(_ c: Count) -> String? {
    DiagramWords.problemSummary(errors: c.errors, warnings: c.warnings)?.text(language)
  }
}
