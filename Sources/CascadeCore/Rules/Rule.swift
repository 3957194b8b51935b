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
///
/// Of the diagnostics a rule reports in one file, only the first
/// ``Linter/maxDiagnosticsPerRule`` + 1 in presentation order are kept (the one after the cap
/// shows where the rest begin); the others are only counted, so that a file repeating one
/// mistake 100,000 times costs no memory for diagnostics nobody is shown.
public struct Findings: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []
  /// Reported but not kept, by file and rule: every diagnostic of ``report(_:_:at:subject:)``
  /// has its rule's default severity.
  private(set) var omitted: [Group: (severity: Severity, count: Int)] = [:]
  private var kept: [Group: Kept] = [:]

  struct Group: Hashable, Sendable {
    var file: String
    var rule: String
  }

  /// Where in `diagnostics` the kept ones of a group are, and which of them comes last.
  private struct Kept: Sendable {
    var indices: [Int] = []
    var last = 0
  }

  public init() {}

  public mutating func report(
    _ rule: RuleDescription, _ message: Message, at location: SourceLocation, subject: String?
  ) {
    let d = Diagnostic(rule, message, at: location, subject: subject)
    let group = Group(file: location.file, rule: rule.id)
    var k = kept.removeValue(forKey: group) ?? Kept()
    defer { kept[group] = k }
    if k.indices.count <= Linter.maxDiagnosticsPerRule {
      if k.indices.isEmpty || !Diagnostic.presentationOrder(d, diagnostics[k.indices[k.last]]) {
        k.last = k.indices.count
      }
      k.indices.append(diagnostics.count)
      diagnostics.append(d)
      return
    }
    omitted[group, default: (rule.severity, 0)].count += 1
    // Rules mostly report in file order: then the new one comes after every kept one.
    guard Diagnostic.presentationOrder(d, diagnostics[k.indices[k.last]]) else { return }
    diagnostics[k.indices[k.last]] = d
    let diagnostics = self.diagnostics
    k.last =
      k.indices.indices.max {
        Diagnostic.presentationOrder(diagnostics[k.indices[$0]], diagnostics[k.indices[$1]])
      } ?? 0
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    diagnostics.append(contentsOf: other)
  }

  /// Another collection's diagnostics and counts.
  public mutating func append(_ other: Findings) {
    diagnostics.append(contentsOf: other.diagnostics)
    for (group, o) in other.omitted { omitted[group, default: (o.severity, 0)].count += o.count }
  }
}
