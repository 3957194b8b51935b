#if canImport(Glibc)
  import Glibc
#endif

/// Phase timings on stderr when CASCADE_TIMINGS is set: where a run spends its time, without a
/// profiler. Costs one clock read per phase.
public enum Timings {
  public static let enabled: Bool = getenv("CASCADE_TIMINGS") != nil

  /// Resident memory now, from /proc/self/statm (0 where there is none).
  static func residentMegabytes() -> Int {
    let fd = open("/proc/self/statm", O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
    guard n > 0 else { return 0 }
    let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
    guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Runs `body`, reporting its wall time under `label` when enabled.
  @inline(__always)
  public static func measure<T, E: Error>(_ label: String, _ body: () throws(E) -> T) throws(E) -> T {
    guard enabled else { return try body() }
    let start = now()
    let value = try body()
    let ms = (now() - start) * 1000
    let line = "cascade timing: \(label) \(Int(ms.rounded())) ms, resident \(residentMegabytes()) MB\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    return value
  }
}
