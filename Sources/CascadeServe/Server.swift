import CascadeCore
import CascadeReport
import Hummingbird
import Synchronization

/// `cascade serve`: the plan as a live page for the meeting room.
///
/// Routes (all GET unless said):
/// - `/`, `/u/<unit>`, `/o/<unit>/<objective>`, `/k/<unit>/<objective>/<kr>`, `/review`: the page
///   (one HTML shell; the script shows the part the path names).
/// - `/assets/app.js`, `/assets/app.css`: the browser code, inside the binary.
/// - `/api/model`: ``PlanModel`` JSON. `/api/page/<name>.svg`: a diagram page.
///   `/api/detail/<ref>`: a key result's or objective's panel. `/api/review?since=`: the agenda.
/// - `/api/events`: server-sent events, one `version` event per change of the plan.
/// - POST `/api/checkins`: records a check-in, only with `--allow-checkins`, the token and a
///   same-origin request.
public struct ServeOptions: Sendable {
  public var paths: [String]
  public var asOf: Day?
  public var host: String
  public var port: Int
  public var allowCheckins: Bool
  /// The language: `--lang` wins, then the plan's `language:`, then the locale (the CLI decides).
  public var language: @Sendable (Configuration?) -> Language
  /// How often the plan's files are looked at for changes.
  public var pollInterval: Duration

  public init(
    paths: [String], asOf: Day?, host: String = "127.0.0.1", port: Int = 8080, allowCheckins: Bool = false,
    language: @escaping @Sendable (Configuration?) -> Language, pollInterval: Duration = .milliseconds(250)
  ) {
    self.paths = paths
    self.asOf = asOf
    self.host = host
    self.port = port
    self.allowCheckins = allowCheckins
    self.language = language
    self.pollInterval = pollInterval
  }
}
