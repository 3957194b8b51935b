import ArgumentParser
import CascadeCore
import CascadeReport

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Scores, progress and status of every key result, objective and unit.",
    discussion: """
      Examples:
        cascade status okrs/ --as-of 2027-02-28
        cascade status okrs/ --unit sales --format markdown
      """)

  @OptionGroup var plan: PlanOptions

  @Option(help: "Only this unit and the units below it.")
  var unit: String?

  @Option(help: "Output format: text, json or markdown.")
  var format: StatusFormat = .text

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let result = try plan.loadForScores(language)
    let lang = language.language(plan: result.plan.configuration)
    let root = try unit.map { try unitIndex($0, in: result, lang) }
    let card = Timings.measure("score") { Scorer.score(result, asOf: plan.day) }
    let presentation = language.presentation(
      plan: result.plan.configuration, colour: format == .text && language.colour)
    Teardown.skip(result, card)
    // Written as it is made: the JSON of 10,000 people is 30 MB.
    try Timings.measure("format") { () throws(CLIFailure) in
      try Terminal.stream { sink in format.formatter.write(card, result, unit: root, presentation, to: sink) }
    }
    reportProblems(result, lang)
  }
}

/// Reports scoring still ran despite problems in the plan: a count on stderr.
func reportProblems(_ result: LintResult, _ language: Language = .en) {
  let n = result.summary.errors
  guard n > 0 else { return }
  Terminal.standardError(
    Message(
      en:
        "cascade: the plan has \(n) error\(n == 1 ? "" : "s"); run `cascade validate` to see them. Scores may be incomplete.",
      zh: "cascade: 计划中有 \(n) 个错误，得分可能不完整。请运行 `cascade validate` 查看详情。"
    ).text(language))
}
