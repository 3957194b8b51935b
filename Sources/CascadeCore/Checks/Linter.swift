import CascadeSystem

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
  /// At most this many diagnostics of one rule in one file are listed, then one more of the
  /// same rule and severity, at the first one left out, saying how many more there are. The
  /// summary still counts every problem. Output stays small and proportional to the plan
  /// however a file repeats one mistake.
  public static let maxDiagnosticsPerRule = 100

  /// `suppressions: false` ignores the plan's `# cascade:disable…` comments (`--no-suppressions`).
  /// `wording: false` skips the wording analysis of titles (see ``PlanIndex/init(_:wording:)``):
  /// only for `rules` that do not read it.
  public static func lint(
    _ loaded: LoadedPlan, rules: [any Rule] = RuleRegistry.all, suppressions: Bool = true, wording: Bool = true
  ) -> LintResult {
    let index = Timings.measure("index") { PlanIndex(loaded.plan, wording: wording) }
    var findings = Findings()
    findings.append(contentsOf: loaded.diagnostics)
    // Rules are independent of each other: run them on every core, keep their order.
    let perRule = Timings.measure("rules") {
      parallelMap(rules.count, chunk: 1) { i in
        var own = Findings()
        Timings.measure("  \(rules[i].description.id)") { rules[i].check(index, &own) }
        return own
      }
    }
    for own in perRule { findings.append(own) }
    let checkIns = Timings.measure("check-ins") { CheckInLog(index) }
    findings.append(contentsOf: checkIns.diagnostics)
    return Timings.measure("finish") {
      finish(index: index, checkIns: checkIns, findings: findings, suppressions: suppressions)
    }
  }

  /// Applies configuration, sorts, counts and caps.
  static func finish(index: PlanIndex, checkIns: CheckInLog, findings: Findings, suppressions: Bool = true)
    -> LintResult
  {
    let config = index.plan.configuration
    var diagnostics: [Diagnostic] = []
    diagnostics.reserveCapacity(findings.diagnostics.count)
    let found =
      suppressions && !index.plan.suppressions.isEmpty
      ? Suppressing.apply(index, findings.diagnostics) : findings.diagnostics
    for var d in found {
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
    // Those the rules reported but Findings did not keep count as well.
    var omitted: [Findings.Group: Int] = [:]
    for (group, o) in findings.omitted {
      guard let severity = config.severity(for: group.rule, default: o.severity) else { continue }
      omitted[group] = o.count
      switch severity {
      case .error: summary.errors += o.count
      case .warning: summary.warnings += o.count
      case .info: summary.infos += o.count
      }
    }
    diagnostics = capped(diagnostics, omitted: omitted)
    summary.units = index.plan.units.count
    summary.objectives = index.plan.objectiveCount
    summary.keyResults = index.plan.keyResultCount
    return LintResult(index: index, checkIns: checkIns, diagnostics: diagnostics, summary: summary)
  }

  /// Keeps the first ``maxDiagnosticsPerRule`` diagnostics of each rule in each file (in
  /// presentation order) and puts one note in place of the rest. One pass over the sorted list;
  /// a second sort only when something was left out.
  static func capped(_ sorted: [Diagnostic], omitted: [Findings.Group: Int] = [:]) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var notes: [Diagnostic] = []
    // Sorted by file first: the counts of one file at a time.
    var file: String?
    var counts: [String: Int] = [:]
    var firstOmitted: [String: Diagnostic] = [:]
    func flush() {
      for (rule, var first) in firstOmitted {
        let more =
          (counts[rule] ?? 0) + (omitted[Findings.Group(file: first.location.file, rule: rule)] ?? 0)
          - maxDiagnosticsPerRule
        first.message = Message(
          en: "… and \(more) more in this file (at most \(maxDiagnosticsPerRule) per rule and file are listed)",
          zh: "……本文件还有 \(more) 处同类问题（每条规则在每个文件中最多列出 \(maxDiagnosticsPerRule) 处）")
        first.subject = nil
        notes.append(first)
      }
      counts.removeAll(keepingCapacity: true)
      firstOmitted.removeAll(keepingCapacity: true)
    }
    for d in sorted {
      if d.location.file != file {
        flush()
        file = d.location.file
      }
      let n = (counts[d.rule] ?? 0) + 1
      counts[d.rule] = n
      if n <= maxDiagnosticsPerRule {
        out.append(d)
      } else if n == maxDiagnosticsPerRule + 1 {
        firstOmitted[d.rule] = d
      }
    }
    flush()
    guard !notes.isEmpty else { return out }
    out += notes
    out.sort(by: Diagnostic.presentationOrder)
    return out
  }

  /// Loads and lints in one step; checkins.csv is read a block at a time, never held whole.
  public static func validate(paths: [String], suppressions: Bool = true) throws(LoadError) -> LintResult {
    let loaded = try Timings.measure("load") { () throws(LoadError) in
      try PlanLoader.load(paths: paths, standIn: nil, checkIns: false)
    }
    return lint(loaded, suppressions: suppressions)
  }

  /// The rules that read the wording analysis of titles (``PlanIndex/titleFacts``) to decide
  /// whether to report. (`kr-no-target` reads it only to word its message.)
  public static let wordingRules = [
    KRVagueWordingRule.description.id, KRActivityRule.description.id, KRTitleContradictsRule.description.id,
  ]

  /// Loads and lints for a command that shows scores and of the findings only the number of
  /// errors (`cascade status`, `cascade review`). The wording analysis of every title, a third
  /// of the work at 10,000 people, can change that number only when `cascade.yaml` makes a
  /// rule that reads it an error, or `superfluous-disable` (which a comment silencing one of
  /// those rules would trigger once it is not run): it runs, with those rules, only then.
  /// Otherwise those rules' findings are missing from the result and `kr-no-target` says
  /// "no target" without quoting the title; the errors are the same.
  public static func validateForScores(paths: [String]) throws(LoadError) -> LintResult {
    let loaded = try Timings.measure("load") { () throws(LoadError) in
      try PlanLoader.load(paths: paths, standIn: nil, checkIns: false)
    }
    let config = loaded.plan.configuration
    let deciders = RuleRegistry.all.map(\.description).filter {
      wordingRules.contains($0.id) || $0.id == SuperfluousDisableRule.description.id
    }
    guard !deciders.contains(where: { config.severity(for: $0.id, default: $0.severity) == .error }) else {
      return lint(loaded)
    }
    return lint(loaded, rules: RuleRegistry.all.filter { !wordingRules.contains($0.description.id) }, wording: false)
  }
}
