import ArgumentParser
import CascadeCore

#if canImport(Glibc)
  import Glibc
#endif

extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
}

extension Day {
  /// Today in the local time zone.
  static var today: Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(ordinal: Int(now / 86_400))
  }
}

/// What a one-shot command is done with, left for the process's exit to drop: freeing a plan
/// of 10,000 people and its history object by object takes 60-100 ms, dropping the address space
/// takes none. Only for commands that exit when `run()` returns; never for what `serve` loads,
/// which would then keep every plan it ever read.
enum Teardown {
  nonisolated(unsafe) private static var kept: [Any] = []

  static func skip(_ values: Any...) { kept.append(contentsOf: values) }
}

/// Loads a plan and indexes it, running no rule (`cascade checkin`), with the same failure.
/// checkins.csv is left on disk for the log to read a block at a time. `mentioning`: only the
/// files that can mention this unit (see ``PlanLoader/load(paths:standIn:checkIns:mentioning:)``).
func loadPlanIndex(_ paths: [String], _ language: Language, mentioning unit: String? = nil) throws
  -> (index: PlanIndex, loaded: LoadedPlan)
{
  do {
    let loaded = try Timings.measure("load") { () throws(LoadError) in
      try PlanLoader.load(paths: paths, standIn: nil, checkIns: false, mentioning: unit)
    }
    return (Timings.measure("index") { PlanIndex(loaded.plan, wording: false) }, loaded)
  } catch {
    throw CLIFailure(message: "cascade: " + error.message.text(language))
  }
}

/// Loads and lints a plan, turning a load failure into exit status 2 with a message in
/// `language` (the plan's own `language:` cannot be read when the plan cannot).
/// `forScores`: for a command that shows scores and counts errors (see
/// ``Linter/validateForScores(paths:)``).
func loadPlan(_ paths: [String], _ language: Language, suppressions: Bool = true, forScores: Bool = false) throws
  -> LintResult
{
  do {
    if forScores { return try Linter.validateForScores(paths: paths) }
    return try Linter.validate(paths: paths, suppressions: suppressions)
  } catch {
    throw CLIFailure(message: "cascade: " + error.message.text(language))
  }
}
