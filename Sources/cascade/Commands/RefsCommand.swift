import ArgumentParser
import CascadeCore
import CascadeReport

/// Text or JSON: the listings (`refs`, `tree`).
enum ListFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json
}

struct RefsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refs",
    abstract: "What a unit can link to: its chain upward, with references, titles and status.",
    discussion: """
      Lists the objectives and key results of the unit's parent, its parent's parent and so on \
      up to the top, each with the reference that aligns_to: and contributes_to: take.

      Example:
        cascade refs okrs/ --for sales-east
      """)

  @OptionGroup var plan: PlanOptions

  @Option(name: .customLong("for"), help: "The unit that will link upward.")
  var unit: String

  @Option(help: "Output format: text or json.")
  var format: ListFormat = .text

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let result = try plan.load(language)
    let lang = language.language(plan: result.plan.configuration)
    let u = try unitIndex(unit, in: result, lang)
    let card = Scorer.score(result, asOf: plan.day)
    let p = language.presentation(plan: result.plan.configuration, colour: format == .text && language.colour)
    switch format {
    case .text: try Terminal.write(CascadeRefs.refsText(u, result, card, p))
    case .json: try Terminal.write(CascadeRefs.refsJSON(u, result, card, p))
    }
  }
}

struct TreeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tree",
    abstract: "The whole cascade as a tree, with every reference and every link.",
    discussion: """
      Each objective shows what it aligns to (→), each key result what it contributes to (⇢), \
      with status as of --as-of.

      Example:
        cascade tree okrs/ --unit sales --depth 1
      """)

  @OptionGroup var plan: PlanOptions

  @Option(help: "Only this unit and the units below it.")
  var unit: String?

  @Option(help: "Levels below the first shown (0: the unit alone).")
  var depth: Int?

  @Option(help: "Output format: text or json.")
  var format: ListFormat = .text

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
  }

  mutating func run() throws {
    let result = try plan.load(language)
    let lang = language.language(plan: result.plan.configuration)
    let root = try unit.map { try unitIndex($0, in: result, lang) }
    let card = Scorer.score(result, asOf: plan.day)
    let p = language.presentation(plan: result.plan.configuration, colour: format == .text && language.colour)
    switch format {
    case .text: try Terminal.write(CascadeRefs.treeText(result, card, root: root, depth: depth, p))
    case .json: try Terminal.write(CascadeRefs.treeJSON(result, card, root: root, depth: depth))
    }
  }
}

/// The unit named `id`, or exit status 2 with the closest id the plan has.
func unitIndex(_ id: String, in result: LintResult, _ lang: Language) throws -> Int {
  if let u = result.index.unitByID[id] { return u }
  let near = Suggestion.closest(to: id, in: result.plan.units.map(\.id))
  throw CLIFailure(
    message: Message(
      en: "cascade: no unit \(quoted(id))" + (near.map { " (did you mean \(quoted($0))?)" } ?? ""),
      zh: "cascade: 计划中没有单元\(quotedZh(id))" + (near.map { "（是否想写\(quotedZh($0))？）" } ?? "")
    ).text(lang))
}
