import CascadeCore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Watches the plan while the server runs; on shutdown (SIGINT, SIGTERM) it ends the viewers'
/// event streams so that the server stops at once instead of waiting for them.
struct PlanWatcher: Service {
  let plan: LivePlan

  func run() async throws {
    await withGracefulShutdownHandler {
      await plan.watch()
    } onGracefulShutdown: {
      plan.close()
    }
  }
}

/// Runs `cascade serve` until it is stopped (SIGINT or SIGTERM): the HTTP server, and the
/// watcher that rebuilds the plan when its files change.
public enum CascadeServe {
  /// A random token for writes: 128 bits from the system's generator, as hex.
  public static func makeToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let n = generator.next() as UInt64
      let hex = String(n, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  /// Whether `host` binds only to this machine.
  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }

  /// Serves until stopped. `started` is told the URL (with the port the system chose for port 0).
  public static func run(
    _ options: ServeOptions, plan: LivePlan, token: String,
    recordCheckIn: (@Sendable (CheckInRequest) -> CheckInOutcome)?, started: @escaping @Sendable (String) -> Void
  ) async throws {
    let host = options.host
    let hostInURL = host.contains(":") ? "[\(host)]" : host
    let origins = OriginSet(host: hostInURL)
    let routes = Routes(plan: plan, token: token, origins: origins, recordCheckIn: recordCheckIn)
    var logger = Logger(label: "cascade-serve")
    logger.logLevel = .warning
    var app = Application(
      router: routes.router(),
      configuration: .init(address: .hostname(host, port: options.port), serverName: "cascade"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? options.port
        origins.set(port: port)
        started("http://\(hostInURL):\(port)/")
      },
      logger: logger)
    app.addServices(PlanWatcher(plan: plan))
    try await app.runService()
  }
}
