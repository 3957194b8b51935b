import ArgumentParser
import CascadeCore

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List every rule with its category, default severity and summary.",
    discussion: """
      Examples:
        cascade rules
        cascade rules kr-vague-wording
      """)

  @Flag(help: "Print the README's rule reference (Markdown) instead of the list.")
  var markdown = false

  @Argument(
    help: "A rule's id: print its documentation with its examples.",
    completion: .list(RuleRegistry.all.map(\.description.id)))
  var rule: String?

  mutating func run() throws {
    if let rule {
      guard let found = RuleRegistry.rule(id: rule) else {
        let near = Suggestion.closest(to: rule, in: RuleRegistry.all.map(\.description.id))
        throw CLIFailure(
          message: "cascade: no rule \(quoted(rule))" + (near.map { " (did you mean \(quoted($0))?)" } ?? "")
            + "; `cascade rules` lists them")
      }
      try Terminal.write(RuleDocumentation.section(found))
      return
    }
    if markdown {
      try Terminal.write(RuleDocumentation.markdown())
      return
    }
    var out = ""
    for rule in RuleRegistry.all {
      let d = rule.description
      let id = d.id.padding(26)
      out += "\(id) \(d.category.rawValue.padding(14)) \(d.severity.rawValue.padding(8)) \(d.summary)\n"
    }
    try Terminal.write(out)
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
