import ArgumentParser
import CascadeCore
import CascadeReport

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "The monthly review meeting's agenda, in Markdown.")

  @Argument(help: "The plan folder.")
  var plan: String

  @Option(help: "The day of the last review, YYYY-MM-DD: what moved since then.")
  var since: Day

  @Option(name: .customLong("as-of"), help: "The day of this review (default: today).")
  var asOf: Day?

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let day = asOf ?? Day.today
    guard since <= day else { throw CLIFailure(message: "cascade: --since \(since) is after --as-of \(day)") }
    let result = try loadPlan([plan])
    try Terminal.write(
      ReviewAgenda(since: since, asOf: day).markdown(
        result, language.presentation(plan: result.plan.configuration, colour: false)))
    reportProblems(result)
  }
}
