import ArgumentParser
import CascadeCore
import CascadeReport

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "The monthly review meeting's agenda, in Markdown.")

  @OptionGroup var plan: PlanOptions

  @Option(help: "The day of the last review, YYYY-MM-DD: what moved since then.")
  var since: Day

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let day = plan.day
    guard since <= day else { throw CLIFailure(message: "cascade: --since \(since) is after --as-of \(day)") }
    let result = try plan.load()
    try Terminal.write(
      ReviewAgenda(since: since, asOf: day).markdown(
        result, language.presentation(plan: result.plan.configuration, colour: false)))
    reportProblems(result)
  }
}
