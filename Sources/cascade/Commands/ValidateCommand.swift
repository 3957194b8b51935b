import ArgumentParser
import CascadeCore
import CascadeReport

#if canImport(Glibc)
  import Glibc
#endif

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

  @Option(
    name: .customLong("stdin-filename"),
    help: "With '-' (a plan file read from standard input): the file name its problems are reported at.")
  var stdinFilename: String?

  func validate() throws {
    if plan.paths.contains("-"), plan.paths.count > 1 {
      throw ValidationError("'-' (standard input) is one plan file on its own: give no other paths")
    }
    if stdinFilename != nil, plan.paths != ["-"] { throw ValidationError("--stdin-filename goes with '-'") }
  }

  mutating func run() throws {
    let result =
      plan.paths == ["-"]
      ? Linter.lint(
        PlanLoader.load(inMemoryBytes: [(stdinFilename ?? "<stdin>", try Self.standardInput())]),
        suppressions: !noSuppressions)
      : try loadPlan(plan.paths, language.language(), suppressions: !noSuppressions)
    let presentation = language.presentation(
      plan: result.plan.configuration, colour: format == .text && language.colour)
    try Terminal.write(format.formatter.format(result, presentation))
    if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
      throw ExitCode(1)
    }
  }

  /// Standard input, at most one byte more than a plan file may hold (the loader reports it).
  static func standardInput() throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count <= PlanLoader.maxFileBytes {
      let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { throw CLIFailure(message: "cascade: cannot read standard input: \(String(cString: strerror(errno)))") }
      if n == 0 { break }
      bytes += chunk[0..<n]
    }
    return Array(bytes.prefix(PlanLoader.maxFileBytes + 1))
  }
}
