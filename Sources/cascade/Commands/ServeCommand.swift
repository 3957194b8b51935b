import ArgumentParser
import CascadeCore
import CascadeServe
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "The plan as a live page for the planning meeting: navigate, search, zoom, present.",
    discussion: """
      Binds to 127.0.0.1 by default and prints the URL. The page updates within a second when a \
      plan file or checkins.csv changes. It writes nothing unless --allow-checkins is given; then \
      a check-in needs the token printed at start (it is in the printed URL) and must come from \
      the page itself.

      Examples:
        cascade serve okrs/ --as-of 2027-02-28
        cascade serve okrs/ --allow-checkins
      """)

  @Argument(help: "The plan folder or files.", completion: .file(extensions: ["yaml", "yml"]))
  var paths: [String]

  @Option(name: .customLong("as-of"), help: "The day to score at (default: today, as the page is built).")
  var asOf: Day?

  @Option(help: "The address to bind (default: 127.0.0.1, this machine only).")
  var host = "127.0.0.1"

  @Option(help: "The port (0: any free port).")
  var port = 8080

  @Flag(name: .customLong("allow-checkins"), help: "Let the page record check-ins (with the printed token).")
  var allowCheckins = false

  @OptionGroup var language: LanguageOption

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
  }

  mutating func run() throws {
    let language = self.language
    let options = ServeOptions(
      paths: paths, asOf: asOf, host: host, port: port, allowCheckins: allowCheckins,
      language: { language.language(plan: $0) })
    let plan = LivePlan(options, today: { Day.today })
    if let error = plan.snapshot.loadError { throw CLIFailure(message: "cascade: \(error)") }
    let token = CascadeServe.makeToken()
    let allow = allowCheckins
    if !CascadeServe.isLoopback(host) {
      Terminal.standardError(
        "cascade: serving on \(host): everyone who can reach this machine can read the plan"
          + (allow ? " and, with the token, record check-ins" : ""))
    }
    // A check-in goes to the plan's root folder, as `cascade checkin PLAN` does: the first path.
    // Dated --as-of when given (the day the meeting looks at), else today.
    let folder = paths.first ?? "."
    let day = asOf
    let recorder: (@Sendable (CheckInRequest) -> CheckInOutcome)? =
      allow
      ? { @Sendable request in
        CheckinRecorder.record(request, plan: folder, day: { day ?? Day.today }, language: language)
      }
      : nil
    try blockOn {
      try await CascadeServe.run(options, plan: plan, token: token, recordCheckIn: recorder) { url in
        let line = allow ? "\(url)#token=\(token)" : url
        try? Terminal.write("cascade serve: \(line)\n")
      }
    }
  }
}

/// Runs async work from a synchronous command and waits for it (the server runs on its own
/// threads; this one only waits).
func blockOn(_ body: @escaping @Sendable () async throws -> Void) throws {
  let outcome = Mutex<(done: Bool, error: (any Error)?)>((false, nil))
  let semaphore = DispatchSemaphore(value: 0)
  Task.detached {
    do { try await body() } catch { outcome.withLock { $0.error = error } }
    outcome.withLock { $0.done = true }
    semaphore.signal()
  }
  semaphore.wait()
  if let error = outcome.withLock({ $0.error }) { throw error }
}
