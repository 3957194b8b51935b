/// Counts for the summary line and the JSON summary.
public struct LintSummary: Sendable, Equatable {
  public var errors = 0
  public var warnings = 0
  public var infos = 0
  public var units = 0
  public var objectives = 0
  public var keyResults = 0
}

public struct LintResult: Sendable {
  public var index: PlanIndex
  /// The plan's check-ins, read from checkins.csv (empty when there is none).
  public var checkIns: CheckInLog
  public var diagnostics: [Diagnostic]
  public var summary: LintSummary

  public var plan: Plan { index.plan }
  public var hasErrors: Bool { summary.errors > 0 }
}

/// Loads nothing itself: runs every rule over a loaded plan, applies the plan's configuration
/// (severity overrides, rules turned off) and sorts the diagnostics for output.
public enum Linter {
  public static func lint(_ loaded: LoadedPlan, rules: [any Rule] = RuleRegistry.all) -> LintResult {
    let index = Timings.measure("index") { PlanIndex(loaded.plan) }
    var findings = Findings()
    findings.append(contentsOf: loaded.diagnostics)
    // Rules are independent of each other: run them on every core, keep their order.
    let perRule = ParallelBuffer<[Diagnostic]>(count: rules.count, initial: [])
    Timings.measure("rules") {
      parallelFor(rules.count, chunk: 1) { i in
        var own = Findings()
        Timings.measure("  \(rules[i].description.id)") { rules[i].check(index, &own) }
        perRule[i] = own.diagnostics
      }
    }
    for i in 0..<rules.count { findings.append(contentsOf: perRule[i]) }
    let checkIns = Timings.measure("check-ins") { CheckInLog(index) }
    findings.append(contentsOf: checkIns.diagnostics)
    return Timings.measure("finish") { finish(index: index, checkIns: checkIns, diagnostics: findings.diagnostics) }
  }

  /// Applies configuration, sorts and counts.
  static func finish(index: PlanIndex, checkIns: CheckInLog, diagnostics raw: [Diagnostic]) -> LintResult {
    let config = index.plan.configuration
    var diagnostics: [Diagnostic] = []
    diagnostics.reserveCapacity(raw.count)
    for var d in raw {
      guard let severity = config.severity(for: d.rule, default: d.severity) else { continue }
      d.severity = severity
      diagnostics.append(d)
    }
    diagnostics.sort(by: Diagnostic.presentationOrder)
    var summary = LintSummary()
    for d in diagnostics {
      switch d.severity {
      case .error: summary.errors += 1
      case .warning: summary.warnings += 1
      case .info: summary.infos += 1
      }
    }
    summary.units = index.plan.units.count
    summary.objectives = index.plan.objectiveCount
    summary.keyResults = index.plan.keyResultCount
    return LintResult(index: index, checkIns: checkIns, diagnostics: diagnostics, summary: summary)
  }

  /// Loads and lints in one step.
  public static func validate(paths: [String]) throws(LoadError) -> LintResult {
    let loaded = try Timings.measure("load") { () throws(LoadError) in try PlanLoader.load(paths: paths) }
    return lint(loaded)
  }
}
