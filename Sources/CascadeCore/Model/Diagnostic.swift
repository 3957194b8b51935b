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
  /// What went wrong and what to do, in every language (built by the rule's message functions).
  public var message: Message
  public var location: SourceLocation
  /// The reference of the unit, objective or key result concerned, if any.
  public var subject: String?

  /// The one way to make a diagnostic: from the rule that reports it, at the rule's default
  /// severity (the linter applies the plan's configuration afterwards).
  public init(_ rule: RuleDescription, _ message: Message, at location: SourceLocation, subject: String? = nil) {
    self.rule = rule.id
    self.severity = rule.severity
    self.category = rule.category
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
/// megabytes of input, with control and invisible characters made visible (``visible(_:)``).
public func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
  var end = text.endIndex
  var count = 0
  for i in text.indices {
    if count == limit {
      end = i
      break
    }
    count += 1
  }
  return "'" + visible(text[..<end]) + (end < text.endIndex ? "…" : "") + "'"
}

/// ``quoted(_:limit:)`` for Chinese text: 「…」, the same cut and the same visible escapes.
public func quotedZh(_ text: some StringProtocol, limit: Int = 60) -> String {
  let q = quoted(text, limit: limit)
  return "「" + q.dropFirst().dropLast() + "」"
}

/// True for the characters that must not reach a terminal, a Markdown page or a log raw: C0
/// controls (line feed and tab included), DEL, C1 controls, the line and paragraph separators,
/// and the invisible format characters (general category Cf: bidirectional embeddings,
/// overrides, isolates and marks, zero-width space, word joiner, byte order mark, tags…).
/// Zero-width joiner and non-joiner stay: emoji sequences and several scripts need them.
@inline(__always)
public func needsVisibleEscape(_ u: Unicode.Scalar) -> Bool {
  switch u.value {
  case 0..<0x20, 0x7F...0x9F, 0xAD, 0x2028, 0x2029: return true
  case 0x200C, 0x200D: return false
  // Every Cf character lies in these ranges: a quick test for the common text (Latin, CJK).
  case 0x600...0x8FF, 0x180E, 0x200B...0x206F, 0xFEFF...0xFFFB, 0x110BD...:
    return u.properties.generalCategory == .format
  default: return false
  }
}

/// User text as it may be shown in text and Markdown output: every character of
/// ``needsVisibleEscape(_:)`` becomes `\n`, `\r`, `\t` or `\u{1B}`, so that no plan can move
/// the cursor, clear the screen, set the window title, add a hyperlink, reorder the line or
/// split a diagnostic. Other text, backslashes included, is unchanged.
public func visible(_ text: some StringProtocol) -> String {
  // Most text needs nothing: printable ASCII, or nothing to escape.
  if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) || !text.unicodeScalars.contains(where: needsVisibleEscape) {
    return String(text)
  }
  var out = String.UnicodeScalarView()
  for u in text.unicodeScalars {
    guard needsVisibleEscape(u) else {
      out.append(u)
      continue
    }
    let escaped =
      switch u {
      case "\n": "\\n"
      case "\r": "\\r"
      case "\t": "\\t"
      default: "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
      }
    out.append(contentsOf: escaped.unicodeScalars)
  }
  return String(out)
}

/// A message for one line on stderr: ``visible(_:)``, and at most `maxBytes` UTF-8 bytes; a
/// longer one keeps its start and its end (which says what went wrong) around "…".
public func oneLine(_ text: some StringProtocol, maxBytes: Int = 400) -> String {
  let line = visible(text)
  guard line.utf8.count > maxBytes else { return line }
  let budget = max(2, maxBytes - 5)
  // Cut at character boundaries: two thirds from the start, one third from the end.
  var bytes = 0
  var i = line.startIndex
  while i < line.endIndex {
    let next = line.index(after: i)
    let n = line.utf8.distance(from: i, to: next)
    if bytes + n > budget * 2 / 3 { break }
    bytes += n
    i = next
  }
  let head = line[..<i]
  bytes = 0
  var j = line.endIndex
  while j > i {
    let previous = line.index(before: j)
    let n = line.utf8.distance(from: previous, to: j)
    if bytes + n > budget - budget * 2 / 3 { break }
    bytes += n
    j = previous
  }
  return head + " … " + line[j...]
}
