import ArgumentParser
import CascadeCore
import CascadeReport

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "The arithmetic behind one score, step by step down to the check-ins.")

  @OptionGroup var plan: PlanOptions

  @Argument(help: "A unit, unit/objective or unit/objective/key-result.")
  var reference: String

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let result = try plan.load()
    guard let subject = Explanation.subject(reference, in: result.index) else {
      var candidates = result.plan.units.map(\.id)
      for u in result.plan.units {
        for o in u.objectives {
          candidates.append("\(u.id)/\(o.id)")
          for k in o.keyResults { candidates.append("\(u.id)/\(o.id)/\(k.id)") }
        }
      }
      throw CLIFailure(
        message: "cascade: \(quoted(reference)) is not a unit, objective or key result of this plan"
          + (Suggestion.closest(to: reference, in: candidates, maxDistance: 3).map { " (did you mean \(quoted($0))?)" }
            ?? ""))
    }
    try Terminal.write(
      Explanation.text(
        subject, result, asOf: plan.day, language.presentation(plan: result.plan.configuration, colour: false))
    )
    reportProblems(result)
  }
}
