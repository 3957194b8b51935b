import ArgumentParser
import CascadeCore

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a plan's structure, alignment and measurability.",
    discussion: """
      Exit status: 0 when there are no errors, 1 when there are (or warnings with --strict),
      2 when the plan cannot be read or the command is used wrongly.
      """)

  @Argument(help: "Plan folders (searched recursively for *.yaml, *.yml) or files.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Flag(help: "Fail (exit 1) on warnings too.")
  var strict = false

  mutating func run() throws {
    let result: LintResult
    do {
      result = try Linter.validate(paths: paths)
    } catch {
      throw CLIFailure(message: "cascade: \(error.description)")
    }
    let formatter: any DiagnosticFormatter =
      switch format {
      case .text: TextDiagnosticFormatter(colour: Terminal.useColour)
      case .json: JSONDiagnosticFormatter()
      }
    try Terminal.write(formatter.format(result))
    if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
      throw ExitCode(1)
    }
  }
}
