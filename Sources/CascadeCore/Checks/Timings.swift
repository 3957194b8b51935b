import Synchronization

/// Phase timings: where a run spends its time, without a profiler. The core only measures;
/// what happens to a measurement is the sink's business (the command line prints it on stderr
/// when CASCADE_TIMINGS is set). Without a sink it costs one atomic load per phase.
public enum Timings {
  public typealias Sink = @Sendable (_ label: String, _ seconds: Double) -> Void

  private static let installed = Mutex<Sink?>(nil)
  private static let active = Atomic<Bool>(false)

  /// Sends every later measurement to `sink` (nil: stop measuring).
  public static func install(_ sink: Sink?) {
    installed.withLock { $0 = sink }
    active.store(sink != nil, ordering: .releasing)
  }

  public static var enabled: Bool { active.load(ordering: .acquiring) }

  /// Runs `body`, reporting its wall time under `label` to the sink, if there is one.
  @inline(__always)
  public static func measure<T, E: Error>(_ label: String, _ body: () throws(E) -> T) throws(E) -> T {
    guard enabled else { return try body() }
    let start = ContinuousClock.now
    let value = try body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if let sink = installed.withLock({ $0 }) { sink(label, seconds) }
    return value
  }
}
