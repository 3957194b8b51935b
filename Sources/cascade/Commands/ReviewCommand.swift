import ArgumentParser
import CascadeCore
import CascadeReport

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "The monthly review meeting's agenda, in Markdown.",
    discussion: """
      What moved since the last review, what is off track or at risk, stale key results and \
      low confidence, for the meeting to go through.

      Examples:
        cascade review okrs/ --since 2027-01-31 --as-of 2027-02-28
        cascade review okrs/ --since 2027-01-31 --unit sales
      """)

  @OptionGroup var plan: PlanOptions

  @Option(help: "The day of the last review, YYYY-MM-DD: what moved since then.")
  var since: Day

  @Option(help: "Only this unit and the units below it.")
  var unit: String?

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let day = plan.day
    guard since <= day else {
      throw CLIFailure(
        message: Message(
          en: "cascade: --since \(since) is after --as-of \(day)",
          zh: "cascade: --since \(since) 晚于 --as-of \(day)，请给出更早的回顾日期"
        ).text(language.language()))
    }
    let result = try plan.loadForScores(language)
    Teardown.skip(result)
    let root = try unit.map { try unitIndex($0, in: result, language.language(plan: result.plan.configuration)) }
    let presentation = language.presentation(plan: result.plan.configuration, colour: false)
    try Terminal.write(ReviewAgenda(since: since, asOf: day, unit: root).markdown(result, presentation))
    reportProblems(result, presentation.language)
  }
}
