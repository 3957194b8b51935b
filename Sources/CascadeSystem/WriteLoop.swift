#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to a file descriptor: the one write loop every writer uses (standard output, files,
/// the check-in log, the render workers' pipes).
public enum WriteLoop {
  /// Writes everything, retrying short writes and EINTR. Returns the `errno` of a failed write
  /// (EIO when the system writes nothing), nil when everything was written.
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var p = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      #if canImport(Glibc)
        let n = Glibc.write(fd, p, left)
      #else
        let n = Darwin.write(fd, p, left)
      #endif
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      p += n
      left -= n
    }
    return nil
  }

  public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
  }

  public static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var text = text
    return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
  }
}
