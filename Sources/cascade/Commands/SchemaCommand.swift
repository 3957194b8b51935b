import ArgumentParser
import CascadeCore
import CascadeReport

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of plan files, or of cascade.yaml, for editors.",
    discussion: """
      The schema (JSON Schema draft 2020-12) is written from the table of fields the plan \
      loader reads, so it says exactly what validate accepts as a plan's shape; the rules \
      (alignment, measurability) still need cascade validate. Editors that use the YAML \
      language server (VS Code's YAML extension, Neovim, Helix, JetBrains) complete fields, \
      show their descriptions and mark mistakes as you type. --lang zh writes the \
      descriptions in Chinese. cascade init writes both schemas into the plan's .cascade \
      folder and points every file at them.

      Examples:
        cascade schema > okrs/.cascade/plan.schema.json
        cascade schema --config --lang zh > okrs/.cascade/config.schema.json
      """)

  @Flag(help: "The schema of cascade.yaml instead of plan files.")
  var config = false

  @OptionGroup var language: LanguageOption

  func run() throws {
    let lang = language.language()
    try Terminal.write(config ? PlanSchema.configuration(lang) : PlanSchema.plan(lang))
  }
}
