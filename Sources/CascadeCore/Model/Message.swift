/// The languages Cascade speaks to people. What programs read (rule ids, JSON keys, status
/// values, the check-in header) is the same in every language.
public enum Language: String, Sendable, CaseIterable, Codable {
  case en, zh

  /// `en`, `zh`, or a locale such as `zh_CN.UTF-8` / `en_US`; nil for anything else.
  public init?(locale: String) {
    let lower = locale.lowercased()
    if lower.hasPrefix("zh") {
      self = .zh
    } else if lower.hasPrefix("en") || lower == "c" || lower == "posix" || lower.hasPrefix("c.") {
      self = .en
    } else {
      return nil
    }
  }
}

/// A text a person reads, written in every language Cascade speaks. Each language is a
/// required argument, so a message without a translation does not compile.
///
/// Messages are built where their meaning lives (a rule's file, a formatter's catalogue) and
/// rendered when they are shown: ``text(_:)``.
public struct Message: Hashable, Sendable {
  public var en: String
  public var zh: String

  public init(en: String, zh: String) {
    self.en = en
    self.zh = zh
  }

  /// Text that reads the same in every language: a number, a quoted value, an id.
  public static func verbatim(_ text: String) -> Message { Message(en: text, zh: text) }

  public func text(_ language: Language) -> String {
    switch language {
    case .en: en
    case .zh: zh
    }
  }

  /// Joins two messages language by language.
  public static func + (a: Message, b: Message) -> Message { Message(en: a.en + b.en, zh: a.zh + b.zh) }

  public static func += (a: inout Message, b: Message) { a = a + b }

  public static let empty = Message(en: "", zh: "")

  public var isEmpty: Bool { en.isEmpty && zh.isEmpty }
}
