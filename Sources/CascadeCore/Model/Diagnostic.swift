/// A position in a plan file: 1-based line and column (columns count characters).
public struct Mark: Hashable, Sendable, Comparable {
  public var line: Int32
  public var column: Int32

  public init(line: Int, column: Int) {
    self.line = Int32(clamping: line)
    self.column = Int32(clamping: column)
  }

  public static let start = Mark(line: 1, column: 1)

  public static func < (a: Mark, b: Mark) -> Bool {
    a.line != b.line ? a.line < b.line : a.column < b.column
  }
}

public struct SourceLocation: Hashable, Sendable {
  public var file: String
  public var mark: Mark

  public init(file: String, mark: Mark) {
    self.file = file
    self.mark = mark
  }

  public var line: Int { Int(mark.line) }
  public var column: Int { Int(mark.column) }
}

public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
  case info, warning, error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public enum RuleCategory: String, Sendable, CaseIterable, Codable {
  case structure, alignment, measurability, checkins
}

/// One problem found in a plan: what, where, how bad, and under which stable rule id.
public struct Diagnostic: Hashable, Sendable {
  public var rule: String
  public var severity: Severity
  public var category: RuleCategory
  public var message: String
  public var location: SourceLocation
  /// The reference of the unit, objective or key result concerned, if any.
  public var subject: String?

  public init(
    rule: String, severity: Severity, category: RuleCategory, message: String,
    location: SourceLocation, subject: String?
  ) {
    self.rule = rule
    self.severity = severity
    self.category = category
    self.message = message
    self.location = location
    self.subject = subject
  }

  /// Order for output: by file, position, then rule id.
  public static func presentationOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    if a.location.file != b.location.file { return a.location.file < b.location.file }
    if a.location.mark != b.location.mark { return a.location.mark < b.location.mark }
    return a.rule < b.rule
  }
}

/// Quotes user text for a message, cut to a bounded length so that no message echoes
/// megabytes of input.
public func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
  var out = "'"
  var count = 0
  for ch in text {
    if count == limit {
      out += "…"
      break
    }
    switch ch {
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    default: out.append(ch)
    }
    count += 1
  }
  return out + "'"
}
