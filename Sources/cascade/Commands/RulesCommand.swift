import ArgumentParser
import CascadeCore

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List every rule with its category, default severity and summary.")

  @Flag(help: "Print the README's rule reference (Markdown) instead of the list.")
  var markdown = false

  mutating func run() throws {
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
