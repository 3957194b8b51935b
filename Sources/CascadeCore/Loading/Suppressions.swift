/// A `# cascade:disable…` comment in a plan file: rules a team has accepted where they stand.
///
/// - `# cascade:disable-next-line RULE[,RULE]` silences those rules on the next line.
/// - `# cascade:disable RULE[,RULE]` on the line before an objective or key result (its `- id:`
///   line) silences them for that objective or key result and everything in it.
///
/// Only whole-line comments count: a `#` inside a title is text. A directive that silences
/// nothing, names an unknown rule, or stands where no objective or key result follows is
/// reported (``SuperfluousDisableRule``), as SwiftLint reports superfluous disable commands.
public struct Suppression: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case nextLine
    case item
  }

  public var kind: Kind
  public var rules: [String]
  /// Where the comment is.
  public var location: SourceLocation

  /// At most this many directives are read from one file.
  public static let maxPerFile = 1000
  /// At most this many rule ids in one directive.
  static let maxRules = 20

  /// The directives in one file's bytes (cheap when there are none: one search).
  static func scan(_ bytes: [UInt8], file: String) -> [Suppression] {
    let needle = Array("cascade:disable".utf8)
    guard contains(bytes, needle) else { return [] }
    var out: [Suppression] = []
    var line = 1
    var start = 0
    while start <= bytes.count, out.count < maxPerFile {
      let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
      if let s = parse(bytes[start..<end], line: line, file: file) { out.append(s) }
      line += 1
      start = end + 1
    }
    return out
  }

  static func parse(_ text: ArraySlice<UInt8>, line: Int, file: String) -> Suppression? {
    var i = text.startIndex
    while i < text.endIndex, text[i] == 32 || text[i] == 9 { i += 1 }
    guard i < text.endIndex, text[i] == UInt8(ascii: "#") else { return nil }
    let column = i - text.startIndex + 1
    i += 1
    while i < text.endIndex, text[i] == 32 || text[i] == 9 { i += 1 }
    let rest = String(decoding: text[i...], as: UTF8.self)
    let kind: Kind
    let list: Substring
    if rest.hasPrefix("cascade:disable-next-line") {
      kind = .nextLine
      list = rest.dropFirst("cascade:disable-next-line".count)
    } else if rest.hasPrefix("cascade:disable ") || rest.hasPrefix("cascade:disable\t") || rest == "cascade:disable" {
      kind = .item
      list = rest.dropFirst("cascade:disable".count)
    } else {
      return nil
    }
    // Rules up to the end of the line or a second `#` (a note after them).
    let ids = list.prefix { $0 != "#" }.split { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" }
      .prefix(maxRules).map(String.init)
    return Suppression(
      kind: kind, rules: ids, location: SourceLocation(file: file, mark: Mark(line: line, column: column)))
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, haystack.count >= needle.count else { return false }
    var i = 0
    while i <= haystack.count - needle.count {
      if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
      i += 1
    }
    return false
  }
}
