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
      ? try standardInputResult()
      : try loadPlan(plan.paths, language.language(), suppressions: !noSuppressions)
    Teardown.skip(result)
    let presentation = language.presentation(
      plan: result.plan.configuration, colour: format == .text && language.colour)
    try Terminal.write(format.formatter.format(result, presentation))
    if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
      throw ExitCode(1)
    }
  }

  /// `validate -`: the file read from standard input. With `--stdin-filename` naming a file in
  /// a plan's folder (an editor's buffer), it is checked as part of that plan, standing in for
  /// the file on disk, so its references to other units resolve; only its own problems are
  /// reported, at the name given. Otherwise it is checked on its own.
  func standardInputResult() throws -> LintResult {
    let bytes = try Self.standardInput()
    let alone = {
      Linter.lint(PlanLoader.load(inMemoryBytes: [(stdinFilename ?? "<stdin>", bytes)]), suppressions: !noSuppressions)
    }
    // The plan's settings or check-ins are read as what they are, under the name given.
    if let name = stdinFilename, case let base = FileSystem.basename(name),
      base == PlanLoader.configurationFile || base == PlanLoader.checkInsFile
    {
      var result = Linter.lint(PlanLoader.load(inMemoryBytes: [(base, bytes)]), suppressions: !noSuppressions)
      result.diagnostics = result.diagnostics.map { d in
        var d = d
        if d.location.file == base { d.location.file = name }
        return d
      }
      return result
    }
    guard let name = stdinFilename, FileSystem.kind(of: FileSystem.dirname(name)) == .directory else { return alone() }
    let folder = FileSystem.dirname(name)
    let root = PlanRoot.find(from: folder) ?? folder
    guard
      let loaded = try? PlanLoader.load(paths: [root], standIn: PlanLoader.StandIn(path: name, bytes: bytes)),
      let file = loaded.standInFile
    else { return alone() }
    var result = Linter.lint(loaded, suppressions: !noSuppressions)
    result.diagnostics = result.diagnostics.compactMap { d in
      guard d.location.file == file else { return nil }
      var d = d
      d.location.file = name
      return d
    }
    result.summary.errors = result.diagnostics.count { $0.severity == .error }
    result.summary.warnings = result.diagnostics.count { $0.severity == .warning }
    result.summary.infos = result.diagnostics.count { $0.severity == .info }
    return result
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
