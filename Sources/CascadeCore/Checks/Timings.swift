#if canImport(Glibc)
  import Glibc
#endif

/// Phase timings on stderr when CASCADE_TIMINGS is set: where a run spends its time, without a
/// profiler. Costs one clock read per phase.
public enum Timings {
  public static let enabled: Bool = getenv("CASCADE_TIMINGS") != nil

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
    let line = "cascade timing: \(label) \(Int(ms.rounded())) ms\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    return value
  }
}
