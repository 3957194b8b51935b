/// Turns a lint result into the text a user or tool reads. One type per output format.
public protocol DiagnosticFormatter {
  func format(_ result: LintResult) -> String
}

/// `path:line:column: severity: message [rule-id]`, compiler style, then a summary line. File
/// names and messages are shown through ``visible(_:)``: one line per diagnostic.
public struct TextDiagnosticFormatter: DiagnosticFormatter {
  public var colour: Bool

  public init(colour: Bool) { self.colour = colour }

  public func format(_ result: LintResult) -> String {
    var out = ""
    for d in result.diagnostics {
      let severity = colour ? paint(d.severity.rawValue, d.severity) : d.severity.rawValue
      // One line each, whatever the file name and the message hold.
      out +=
        "\(visible(d.location.file)):\(d.location.line):\(d.location.column): \(severity): \(visible(d.message)) [\(d.rule)]\n"
    }
    out += Self.summaryLine(result.summary) + "\n"
    return out
  }

  public static func summaryLine(_ s: LintSummary) -> String {
    func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    return
      "\(n(s.errors, "error")), \(n(s.warnings, "warning")), \(n(s.infos, "info")) in \(n(s.units, "unit")), \(n(s.objectives, "objective")), \(n(s.keyResults, "key result"))"
  }

  private func paint(_ text: String, _ severity: Severity) -> String {
    let code =
      switch severity {
      case .error: "1;31"
      case .warning: "1;33"
      case .info: "1;36"
      }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

/// `{"diagnostics": [...], "summary": {...}}` — a contract for other tools.
public struct JSONDiagnosticFormatter: DiagnosticFormatter {
  public init() {}

  public func format(_ result: LintResult) -> String {
    var w = JSONWriter()
    w.object { w in
      w.key("diagnostics")
      w.array(result.diagnostics) { w, d in
        w.object { w in
          w.field("rule", d.rule)
          w.field("severity", d.severity.rawValue)
          w.field("category", d.category.rawValue)
          w.field("message", d.message)
          w.field("file", d.location.file)
          w.field("line", d.location.line)
          w.field("column", d.location.column)
          w.field("subject", d.subject)
        }
      }
      w.key("summary")
      w.object { w in
        let s = result.summary
        w.field("errors", s.errors)
        w.field("warnings", s.warnings)
        w.field("infos", s.infos)
        w.field("units", s.units)
        w.field("objectives", s.objectives)
        w.field("key_results", s.keyResults)
      }
    }
    return w.output + "\n"
  }
}
