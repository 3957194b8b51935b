import ArgumentParser
import CascadeCore
import CascadeReport

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Scores, progress and status of every key result, objective and unit.")

  @OptionGroup var plan: PlanOptions

  @Option(help: "Only this unit and the units below it.")
  var unit: String?

  @Option(help: "Output format: text, json or markdown.")
  var format: StatusFormat = .text

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let result = try plan.load()
    var root: Int?
    if let unit {
      guard let u = result.index.unitByID[unit] else {
        throw CLIFailure(
          message: "cascade: no unit \(quoted(unit))" + Suggestion.hint(for: unit, in: result.plan.units.map(\.id)))
      }
      root = u
    }
    let card = Timings.measure("score") { Scorer.score(result, asOf: plan.day) }
    let presentation = language.presentation(
      plan: result.plan.configuration, colour: format == .text && Terminal.useColour)
    let text = Timings.measure("format") { format.formatter.format(card, result, unit: root, presentation) }
    try Timings.measure("write") { () throws(CLIFailure) in try Terminal.write(text) }
    reportProblems(result)
  }
}

/// Reports scoring still ran despite problems in the plan: a count on stderr.
func reportProblems(_ result: LintResult) {
  guard result.summary.errors > 0 else { return }
  Terminal.standardError(
    "cascade: the plan has \(result.summary.errors) error(s); run `cascade validate` to see them. Scores may be incomplete."
  )
}
