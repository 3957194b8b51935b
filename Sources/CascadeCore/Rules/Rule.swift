/// What a rule is: its stable id, category, default severity, a one-line summary and the
/// example plans that show it firing and not firing (run as tests, as SwiftLint does).
public struct RuleDescription: Sendable {
  public let id: String
  public let category: RuleCategory
  public let severity: Severity
  public let summary: String
  /// Plans on which the rule must fire.
  public let triggering: [RuleExample]
  /// Plans on which the rule must stay silent.
  public let nonTriggering: [RuleExample]

  public init(
    id: String, category: RuleCategory, severity: Severity, summary: String,
    triggering: [RuleExample], nonTriggering: [RuleExample]
  ) {
    self.id = id
    self.category = category
    self.severity = severity
    self.summary = summary
    self.triggering = triggering
    self.nonTriggering = nonTriggering
  }
}

/// A small plan: file name → contents. Most examples are one file `plan.yaml` holding
/// several YAML documents.
public struct RuleExample: Sendable {
  public let files: [String: String]
  /// Where the rule must fire (file, line), when the example pins it down.
  public let expectedLine: (file: String, line: Int)?

  public init(_ yaml: String, line: Int? = nil) {
    files = ["plan.yaml": yaml]
    expectedLine = line.map { ("plan.yaml", $0) }
  }

  public init(files: [String: String], line: (file: String, line: Int)? = nil) {
    self.files = files
    expectedLine = line
  }
}

/// A check over a whole loaded plan.
public protocol Rule: Sendable {
  static var description: RuleDescription { get }
  func check(_ plan: PlanIndex, _ findings: inout Findings)
}

extension Rule {
  public var description: RuleDescription { Self.description }
}

/// Collects diagnostics at each rule's default severity; the linter applies the plan's
/// configuration afterwards.
public struct Findings: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public mutating func report(
    _ rule: RuleDescription, _ message: String, at location: SourceLocation, subject: String?
  ) {
    diagnostics.append(
      Diagnostic(
        rule: rule.id, severity: rule.severity, category: rule.category, message: message,
        location: location, subject: subject))
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    diagnostics.append(contentsOf: other)
  }
}
