import CascadeCore
import CascadeReport
import CascadeSystem

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
    _ = WriteLoop.writeAll(STDERR_FILENO, oneLine(text.hasSuffix("\n") ? text.dropLast() : Substring(text)) + "\n")
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

  /// Writes `text` to standard output. A failed write (a full disk, a file-size limit, an I/O
  /// error) is a failure, exit 2, so that a script never takes a cut-off report for a whole one;
  /// a closed pipe (`cascade status | head`, EPIPE: SIGPIPE is ignored) ends the output quietly.
  static func write(_ text: String) throws(CLIFailure) {
    if let code = WriteLoop.writeAll(STDOUT_FILENO, text), code != EPIPE {
      throw CLIFailure(message: "cascade: cannot write standard output: \(String(cString: strerror(code)))")
    }
  }

  /// ``write(_:)`` for output made a piece at a time: each piece written as it comes, with the
  /// same failures (the first failed write stops the output).
  static func stream(_ produce: (OutputSink) -> Void) throws(CLIFailure) {
    var failure: Int32?
    produce { bytes in
      failure = WriteLoop.writeAll(STDOUT_FILENO, bytes)
      return failure == nil
    }
    if let code = failure, code != EPIPE {
      throw CLIFailure(message: "cascade: cannot write standard output: \(String(cString: strerror(code)))")
    }
  }
}
