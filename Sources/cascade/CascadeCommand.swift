import ArgumentParser

struct CascadeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cascade",
    abstract: "Plan, check and review OKR cascades kept as YAML files.",
    version: "0.1.0",
    subcommands: [
      InitCommand.self, ValidateCommand.self, CheckinCommand.self, StatusCommand.self, ReviewCommand.self,
      ExplainCommand.self,
      RefsCommand.self, TreeCommand.self, NextCycleCommand.self, RenderCommand.self, ServeCommand.self, SiteCommand.self,
      SchemaCommand.self, GenerateCommand.self,
      RulesCommand.self,
    ])
}

/// A failure to run at all (bad path, unreadable file, unwritable output): one line on stderr
/// (shown through `oneLine`, with long arguments cut), exit 2.
struct CLIFailure: Error {
  /// Each is printed as one line.
  var lines: [String]

  init(message: String) { lines = [message] }
  init(lines: [String]) { self.lines = lines }
}
