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

  static func standardError(_ text: String) {
    writeAll(STDERR_FILENO, text.hasSuffix("\n") ? text : text + "\n")
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
