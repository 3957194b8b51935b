import ArgumentParser
import CascadeCore
import CascadeReport

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a plan's structure, alignment and measurability.",
    discussion: """
      Exit status: 0 when there are no errors, 1 when there are (or warnings with --strict), \
      2 when the plan cannot be read or the command is used wrongly.

      Examples:
        cascade validate okrs/
        cascade validate okrs/ --format github --strict
      """)

  @OptionGroup var plan: PlanPaths

  @Option(
    help:
      "Output format: text, json, github (workflow annotations), sarif (SARIF 2.1.0, for code scanning) or gitlab (a code-quality report)."
  )
  var format: DiagnosticFormat = .text

  @OptionGroup var language: LanguageOption

  @Flag(help: "Fail (exit 1) on warnings too.")
  var strict = false

  @Flag(name: .customLong("no-suppressions"), help: "Ignore the plan's '# cascade:disable' comments.")
  var noSuppressions = false

  mutating func run() throws {
    let result = try loadPlan(plan.paths, language.language(), suppressions: !noSuppressions)
    let presentation = language.presentation(
      plan: result.plan.configuration, colour: format == .text && language.colour)
    try Terminal.write(format.formatter.format(result, presentation))
    if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
      throw ExitCode(1)
    }
  }
}
