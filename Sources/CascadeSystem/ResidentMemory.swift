#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// This process's resident memory, from /proc/self/statm (Linux).
public enum ResidentMemory {
  /// Resident set size in bytes; nil when unknown (no /proc).
  public static func bytes() -> Int? {
    let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 256)
    var n = 0
    repeat {
      n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 255) }
    } while n < 0 && errno == EINTR
    guard n > 0 else { return nil }
    // "size resident shared …" in pages.
    let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
    guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// The most this process has held resident so far, in bytes (`getrusage`); nil when unknown.
  public static func peakBytes() -> Int? {
    #if canImport(Glibc)
      let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
      let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif
    var usage = rusage()
    guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return nil }
    #if canImport(Darwin)
      return Int(usage.ru_maxrss)  // bytes on Darwin
    #else
      return Int(usage.ru_maxrss) * 1024  // kibibytes on Linux
    #endif
  }
}
