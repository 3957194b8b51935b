#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// The directives in one file's bytes. Cheap on every plan: only the lines where a `#`
  /// starts are looked at (found with `memchr`), and plans have few comments.
  static func scan(_ bytes: [UInt8], file: String) -> [Suppression] {
    var out: [Suppression] = []
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var line = 1
      var lineStart = 0
      var counted = 0  // newlines are counted up to here, and `lineStart` is the last line's
      var at = 0
      while at < buffer.count, out.count < maxPerFile {
        guard let hit = memchr(base + at, Int32(UInt8(ascii: "#")), buffer.count - at) else { break }
        let hash = base.distance(to: UnsafeRawPointer(hit))
        // The line it is on, found by going forward only: linear however long the lines.
        for i in counted..<hash where buffer[i] == 10 {
          line += 1
          lineStart = i + 1
        }
        counted = hash
        // Whatever else the line holds, only its first `#` matters: on to the next line.
        let end = buffer[hash...].firstIndex(of: 10) ?? buffer.count
        at = end
        guard buffer[lineStart..<hash].allSatisfy({ $0 == 32 || $0 == 9 }) else { continue }
        if let s = parse(bytes[lineStart..<end], line: line, file: file) { out.append(s) }
      }
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
}
