import ArgumentParser
import CascadeCore
import CascadeReport

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "The arithmetic behind one score, step by step down to the check-ins.",
    discussion: """
      Examples:
        cascade explain okrs/ sales/hit-revenue --as-of 2027-02-28
        cascade explain okrs/ sales/hit-revenue/revenue
      """)

  @OptionGroup var plan: PlanOptions

  @Argument(help: "A unit, unit/objective or unit/objective/key-result.")
  var reference: String

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let result = try plan.load(language)
    Teardown.skip(result)
    let configuration = result.plan.configuration
    guard let subject = Explanation.subject(reference, in: result.index) else {
      throw CLIFailure(
        message: "cascade: "
          + Self.notASubject(reference, suggestion: result.index.suggestion(for: reference))
          .text(language.language(plan: configuration)))
    }
    try Terminal.write(
      Explanation.text(
        subject, result, asOf: plan.day, language.presentation(plan: configuration, colour: false))
    )
    reportProblems(result, language.language(plan: configuration))
  }

  // MARK: - Messages

  static func notASubject(_ reference: String, suggestion: String?) -> Message {
    Message(
      en: "\(quoted(reference)) is not a unit, objective or key result of this plan",
      zh: "\(quotedZh(reference))不是本计划中的单元、目标或关键结果")
      + UnresolvedRefRule.didYouMean(suggestion ?? "")
  }
}
