import CascadeCore

/// How a report marks what matters: the command line paints with ANSI codes on a terminal,
/// everything else stays plain. Formatters know nothing of terminals.
public protocol Styling: Sendable {
  func severity(_ text: String, _ severity: Severity) -> String
  func status(_ text: String, _ status: Status) -> String
}

/// No marks at all: files, pipes, JSON, Markdown.
public struct PlainStyle: Styling {
  public init() {}
  public func severity(_ text: String, _ severity: Severity) -> String { text }
  public func status(_ text: String, _ status: Status) -> String { text }
}

/// What every formatter is told: which language to write and how to style it.
public struct Presentation: Sendable {
  public var language: Language
  public var style: any Styling

  public init(language: Language = .en, style: any Styling = PlainStyle()) {
    self.language = language
    self.style = style
  }

  public static let plain = Presentation()

  /// `message` in this presentation's language.
  public func callAsFunction(_ message: Message) -> String { message.text(language) }
}
