/// The rules section of the README, generated from the rules themselves so the two cannot
/// drift apart (a test compares them).
public enum RuleDocumentation {
  public static func markdown(rules: [any Rule] = RuleRegistry.all) -> String {
    var out = "| Rule | Category | Default | What it finds |\n| --- | --- | --- | --- |\n"
    for rule in rules {
      let d = rule.description
      out += "| [`\(d.id)`](#\(d.id)) | \(d.category.rawValue) | \(d.severity.rawValue) | \(d.summary) |\n"
    }
    for rule in rules { out += "\n" + section(rule) }
    return out
  }

  /// One rule's section: its summary, category and default severity, a plan it fires on with
  /// the diagnostic it gives, and one it does not fire on (`cascade rules RULE` prints it).
  public static func section(_ rule: any Rule) -> String {
    let d = rule.description
    var out = "#### \(d.id)\n\n\(d.summary) Category \(d.category.rawValue), default severity \(d.severity.rawValue).\n"
    if let bad = d.triggering.first {
      let result = Linter.lint(PlanLoader.load(inMemory: bad.files.map { ($0.key, $0.value) }))
      let hit = result.diagnostics.first { $0.rule == d.id }
      let focus = hit.map { ($0.location.file, $0.location.line) }
      out += "\nFires on:\n\n" + excerpt(bad.files, around: focus)
      if let hit {
        out += "\n```text\n\(hit.location.file):\(hit.location.line):\(hit.location.column): "
        out += "\(hit.severity.rawValue): \(hit.message.en) [\(hit.rule)]\n```\n"
      }
      if let good = d.nonTriggering.first {
        out += "\nDoes not fire on:\n\n" + excerpt(good.files, around: focus)
      }
    }
    return out
  }

  /// The file with the diagnostic (or the first), cut to the lines around it.
  static func excerpt(_ files: [String: String], around focus: (String, Int)?) -> String {
    let name = focus.map(\.0).flatMap { files[$0] != nil ? $0 : nil } ?? files.keys.sorted().first ?? ""
    let lines = (files[name] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.count > 100 ? String($0.prefix(97)) + "…" : String($0)
    }
    // The other example may be shorter than the line the diagnostic was on: then its end.
    let last = lines.lastIndex { !$0.isEmpty } ?? 0
    let center = min((focus?.1 ?? 1) - 1, last)
    let from = max(0, min(center - 4, lines.count - 1))
    let to = min(lines.count, center + 5)
    var shown = from < to ? Array(lines[from..<to]) : lines
    while shown.last?.isEmpty == true { shown.removeLast() }
    let title = files.count > 1 ? " (\(name))" : ""
    let head =
      from > 0 ? "# … (lines \(from + 1)–\(from + shown.count))\(title)\n" : (title.isEmpty ? "" : "#\(title)\n")
    return "```yaml\n\(head)\(shown.joined(separator: "\n"))\n```\n"
  }
}
