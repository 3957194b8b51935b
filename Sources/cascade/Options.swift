import ArgumentParser
import CascadeCore
import CascadeDiagram
import Graphviz

/// `--as-of`: the day to score at, today when not given.
struct AsOfOption: ParsableArguments {
  @Option(name: .customLong("as-of"), help: "The day to score at, YYYY-MM-DD (default: today).")
  var asOf: Day?

  var day: Day { asOf ?? Day.today }
}

/// One plan folder and the day to score at: status, review, explain.
struct PlanOptions: ParsableArguments {
  @Argument(help: "The plan folder.", completion: .directory)
  var plan: String

  @OptionGroup var asOf: AsOfOption

  var day: Day { asOf.day }

  /// Loads and lints the plan (a load failure is exit status 2, said in `language`).
  func load(_ language: LanguageOption) throws -> LintResult { try loadPlan([plan], language.language()) }

  /// The same for a command that shows scores and only counts the plan's errors.
  func loadForScores(_ language: LanguageOption) throws -> LintResult {
    try loadPlan([plan], language.language(), forScores: true)
  }
}

/// Plan folders or files: validate, render.
struct PlanPaths: ParsableArguments {
  @Argument(
    help: "Plan folders (searched recursively for *.yaml, *.yml) or files.",
    completion: .file(extensions: ["yaml", "yml"]))
  var paths: [String]

  /// Loads and lints the plan (a load failure is exit status 2, said in `language`).
  func load(_ language: LanguageOption) throws -> LintResult { try loadPlan(paths, language.language()) }
}

/// `render --format`: the files a diagram can be written as.
enum DiagramFormat: String, CaseIterable, ExpressibleByArgument {
  case svg, png, pdf, dot

  var graphviz: Graphviz.Format {
    switch self {
    case .svg: .svg
    case .png: .png
    case .pdf: .pdf
    case .dot: .dot
    }
  }
}

extension DiagramOptions.Direction: ExpressibleByArgument {
  /// `TB` or `LR`, in either case.
  public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension Level: ExpressibleByArgument {
  /// `company`, `department`, `team` or `individual`, in any case, spaces around ignored.
  public init?(argument: String) {
    let words = argument.split(separator: " ")
    guard words.count == 1, let word = words.first else { return nil }
    self.init(rawValue: word.lowercased())
  }

  /// `render --levels company,department`: every item a level, none empty.
  static func list(_ argument: String) throws -> Set<Level> {
    var set = Set<Level>()
    for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
      guard !name.allSatisfy({ $0 == " " }) else {
        throw ValidationError("an empty item; give levels like company,department")
      }
      guard let level = Level(argument: String(name)) else {
        throw ValidationError(
          "unknown level \(quoted(String(name), limit: 20)); use "
            + Level.allCases.map(\.rawValue).joined(separator: ", "))
      }
      set.insert(level)
    }
    return set
  }
}
