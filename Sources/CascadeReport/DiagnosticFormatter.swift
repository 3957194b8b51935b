import CascadeCore

/// Turns a lint result into the text a user or tool reads. One type per output format.
public protocol DiagnosticFormatter: Sendable {
  func format(_ result: LintResult, _ presentation: Presentation) -> String
}

/// The formats `cascade validate` writes, and the one table from a format to its formatter.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
  case text, json, github, sarif, gitlab

  public var formatter: any DiagnosticFormatter {
    switch self {
    case .text: TextDiagnosticFormatter()
    case .json: JSONDiagnosticFormatter()
    case .github: GitHubDiagnosticFormatter()
    case .sarif: SARIFDiagnosticFormatter()
    case .gitlab: GitLabDiagnosticFormatter()
    }
  }
}

/// `path:line:column: severity: message [rule-id]`, compiler style, then a summary line. File
/// names and messages are shown through ``visible(_:)``: one line per diagnostic.
///
/// The severity word stays English in every language, as a compiler's does, so that editors'
/// and CI systems' problem matchers read the line; the message and the summary are translated.
public struct TextDiagnosticFormatter: DiagnosticFormatter {
  public init() {}

  public func format(_ result: LintResult, _ p: Presentation) -> String {
    var out = ""
    for d in result.diagnostics {
      let severity = p.style.severity(d.severity.rawValue, d.severity)
      // One line each, whatever the file name and the message hold.
      out +=
        "\(visible(d.location.file)):\(d.location.line):\(d.location.column): \(severity): \(visible(p(d.message))) [\(d.rule)]\n"
    }
    out += p(Self.summaryLine(result.summary)) + "\n"
    return out
  }

  public static func summaryLine(_ s: LintSummary) -> Message {
    func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    return Message(
      en:
        "\(n(s.errors, "error")), \(n(s.warnings, "warning")), \(n(s.infos, "info")) in \(n(s.units, "unit")), \(n(s.objectives, "objective")), \(n(s.keyResults, "key result"))",
      zh:
        "\(s.errors) 个错误，\(s.warnings) 个警告，\(s.infos) 条提示；共 \(s.units) 个单元、\(s.objectives) 个目标、\(s.keyResults) 个关键结果"
    )
  }
}

/// `{"diagnostics": [...], "summary": {...}}` — a contract for other tools.
public struct JSONDiagnosticFormatter: DiagnosticFormatter {
  public init() {}

  public func format(_ result: LintResult, _ p: Presentation) -> String {
    var w = JSONWriter()
    w.object { w in
      w.key("diagnostics")
      w.array(result.diagnostics) { w, d in w.diagnostic(d, p) }
      w.key("summary")
      w.summary(result.summary)
    }
    return w.outputLine()
  }
}

extension JSONWriter {
  /// One diagnostic as every JSON output writes it (the fields of the validate contract).
  public mutating func diagnostic(_ d: Diagnostic, _ p: Presentation) {
    object { w in
      w.field("rule", d.rule)
      w.field("severity", d.severity.rawValue)
      w.field("category", d.category.rawValue)
      w.field("message", p(d.message))
      w.field("file", d.location.file)
      w.field("line", d.location.line)
      w.field("column", d.location.column)
      w.field("subject", d.subject)
    }
  }

  /// The counts of a lint result.
  public mutating func summary(_ s: LintSummary) {
    object { w in
      w.field("errors", s.errors)
      w.field("warnings", s.warnings)
      w.field("infos", s.infos)
      w.field("units", s.units)
      w.field("objectives", s.objectives)
      w.field("key_results", s.keyResults)
    }
  }
}
