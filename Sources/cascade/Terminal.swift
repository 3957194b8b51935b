import CascadeCore

#if canImport(Glibc)
  import Glibc
#endif

enum Terminal {
  /// Colour only when stdout is a terminal and NO_COLOR is unset (https://no-color.org).
  static var useColour: Bool {
    guard isatty(STDOUT_FILENO) == 1 else { return false }
    if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return true
  }

  /// One line, whatever the text holds: control characters are shown visibly and a long line
  /// is cut in the middle (see `oneLine`).
  static func standardError(_ text: String) {
    writeAll(STDERR_FILENO, oneLine(text.hasSuffix("\n") ? text.dropLast() : Substring(text)) + "\n")
  }

  /// `text` with every command-line argument (or `--option=value` value) that is long or holds
  /// control characters replaced by a short visible form, as `quoted` would show it (without
  /// the quotes): for messages that repeat an argument whole, such as ArgumentParser's.
  static func shortenArguments(in text: String, arguments: [String] = CommandLine.arguments) -> String {
    var candidates: Set<String> = []
    for argument in arguments.dropFirst() {
      candidates.insert(argument)
      if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
        candidates.insert(String(argument[argument.index(after: equals)...]))
      }
    }
    var out = text
    // Longest first, so that an argument inside another is replaced after it.
    for argument in candidates.sorted(by: { $0.utf8.count > $1.utf8.count }) where !argument.isEmpty {
      let short = String(quoted(argument).dropFirst().dropLast())
      guard short != argument, out.contains(argument) else { continue }
      out = out.replacing(argument, with: short)
    }
    return out
  }

  static func write(_ text: String) {
    writeAll(STDOUT_FILENO, text)
  }

  /// Writes everything, retrying short writes and EINTR; a closed pipe (EPIPE) ends quietly.
  private static func writeAll(_ fd: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buf in
      guard var p = buf.baseAddress else { return }
      var left = buf.count
      while left > 0 {
        let n = Glibc.write(fd, p, left)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        p += n
        left -= n
      }
    }
  }
}
