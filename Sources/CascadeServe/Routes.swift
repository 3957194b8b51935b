import CascadeCore
import CascadeReport
import Dispatch
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import Synchronization

/// The HTTP side of `cascade serve`: every route, the security headers, the write checks.
public struct Routes: Sendable {
  public let plan: LivePlan
  /// The random token printed at start; a write without it is refused.
  public let token: String
  /// `http://host:port` as the browser sends it in `Origin`: a write from anywhere else is refused.
  public let origins: OriginSet
  /// Records a check-in (the same validation and locked append as `cascade checkin`); nil when
  /// the server must never write.
  public let recordCheckIn: (@Sendable (CheckInRequest) -> CheckInOutcome)?

  public init(
    plan: LivePlan, token: String, origins: OriginSet,
    recordCheckIn: (@Sendable (CheckInRequest) -> CheckInOutcome)?
  ) {
    self.plan = plan
    self.token = token
    self.origins = origins
    self.recordCheckIn = recordCheckIn
  }

  /// Request bodies larger than this are refused (a check-in is a few hundred bytes).
  public static let maxBody = 16 * 1024

  public func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.middlewares.add(SecurityHeaders())
    for path in ["/", "/review", "/u/:unit", "/o/:unit/:objective", "/k/:unit/:objective/:kr"] {
      router.get(RouterPath(path)) { _, _ in self.shell() }
    }
    router.get("/assets/app.js") { _, _ in Self.asset(Assets.script, type: "text/javascript; charset=utf-8") }
    router.get("/assets/app.css") { _, _ in Self.asset(Assets.style, type: "text/css; charset=utf-8") }
    router.get("/api/model") { _, _ in Self.json(self.plan.snapshot.modelJSON) }
    router.get("/api/page/:name") { _, context in await self.page(context.parameters.get("name") ?? "") }
    router.get("/api/unit/:id") { _, context in self.unit(context.parameters.get("id") ?? "") }
    router.get("/api/search") { request, _ in self.search(request.uri.queryParameters.get("q") ?? "") }
    router.get("/api/detail/**") { _, context in
      let ref = context.parameters.getCatchAll().joined(separator: "/")
      return self.detail(ref)
    }
    router.get("/api/review") { request, _ in self.review(request.uri.queryParameters.get("since")) }
    router.get("/api/events") { _, _ in self.events() }
    router.post("/api/checkins") { request, context in try await self.checkIn(request, context) }
    return router
  }

  // MARK: - Pages

  func shell() -> Response {
    let p = plan.snapshot.presentation
    return Self.html(Assets.shell(language: p.language))
  }

  func page(_ file: String) async -> Response {
    guard file.hasSuffix(".svg") else { return Self.notFound() }
    let name = String(file.dropLast(4))
    let snapshot = plan.snapshot
    let cache = plan.cache
    // Laid out on a thread of its own: a layout takes up to a few hundred milliseconds, which
    // must not hold one of the few threads that answer every other request.
    let laidOut: Result<[UInt8]?, any Error> = await withCheckedContinuation { done in
      Self.layoutQueue.async { done.resume(returning: Result { try cache.svg(snapshot, name) }) }
    }
    switch laidOut {
    case .success(nil):
      return Self.notFound()
    case .success(let svg?):
      var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: svg)))
      r.headers[.contentType] = "image/svg+xml; charset=utf-8"
      r.headers[.cacheControl] = "no-store"
      return r
    case .failure(let error):
      return Self.text(.internalServerError, "cascade: \(oneLine(String(describing: error)))")
    }
  }

  static let layoutQueue = DispatchQueue(label: "cascade.layout")

  func unit(_ id: String) -> Response {
    guard let json = plan.snapshot.unitJSON(id) else { return Self.notFound() }
    return Self.json(json)
  }

  func search(_ query: String) -> Response {
    guard let index = plan.snapshot.search else { return Self.json("{\"hits\":[],\"more\":false}") }
    return Self.json(index.json(query))
  }

  func detail(_ ref: String) -> Response {
    let snapshot = plan.snapshot
    guard let result = snapshot.result, let card = snapshot.card,
      let json = Details.json(ref, result, card, snapshot.presentation)
    else { return Self.notFound() }
    return Self.json(json)
  }

  func review(_ since: String?) -> Response {
    let snapshot = plan.snapshot
    guard let result = snapshot.result, let card = snapshot.card else { return Self.notFound() }
    let asOf = card.asOf
    let day = since.flatMap { Day(iso: $0) } ?? Day(ordinal: asOf.ordinal - 30)
    guard day <= asOf else { return Self.text(.badRequest, "since is after the day scored") }
    return Self.json(ReviewPage.json(result, since: day, asOf: asOf, snapshot.presentation))
  }

  /// Server-sent events: `version` whenever the plan changes, and a comment every 15 s so that
  /// proxies keep the connection.
  func events() -> Response {
    let plan = self.plan
    var r = Response(
      status: .ok,
      body: ResponseBody { writer in
        // One stream of lines: the plan's versions, and a comment now and then.
        let (lines, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let versions = plan.versions()
        let forward = Task {
          for await v in versions { continuation.yield("event: version\ndata: \(v)\n\n") }
          continuation.finish()
        }
        let beat = Task {
          while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(15))
            continuation.yield(": keep-alive\n\n")
          }
        }
        defer {
          forward.cancel()
          beat.cancel()
        }
        // A server shutting down ends the stream at once (it would otherwise wait for the viewer).
        try await withGracefulShutdownHandler {
          for await line in lines { try await writer.write(ByteBuffer(string: line)) }
        } onGracefulShutdown: {
          continuation.finish()
        }
        try await writer.finish(nil)
      })
    r.headers[.contentType] = "text/event-stream; charset=utf-8"
    r.headers[.cacheControl] = "no-store"
    return r
  }

  // MARK: - Writing

  func checkIn(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
    guard let recordCheckIn else {
      return Self.text(.forbidden, "cascade serve was started without --allow-checkins: it writes nothing")
    }
    guard let origin = request.headers[.origin], origins.accepts(origin) else {
      return Self.text(.forbidden, "cross-origin writes are refused")
    }
    guard let sent = request.headers[HTTPField.Name("X-Cascade-Token") ?? .authorization], sent == token else {
      return Self.text(.forbidden, "the token is missing or wrong (cascade serve printed it at start)")
    }
    var request = request
    let body: ByteBuffer
    do {
      body = try await request.collectBody(upTo: Self.maxBody)
    } catch {
      return Self.text(.contentTooLarge, "a check-in is at most \(Self.maxBody) bytes")
    }
    guard let form = CheckInRequest(form: String(buffer: body)) else {
      return Self.text(.badRequest, "expected ref, value and optionally confidence, note, author")
    }
    switch recordCheckIn(form) {
    case .recorded(let line):
      plan.reload()
      return Self.text(.ok, line)
    case .refused(let line):
      return Self.text(.unprocessableContent, line)
    }
  }

  // MARK: - Responses

  static func html(_ text: String) -> Response {
    var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
    r.headers[.contentType] = "text/html; charset=utf-8"
    r.headers[.cacheControl] = "no-store"
    return r
  }

  static func json(_ text: String) -> Response {
    var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
    r.headers[.contentType] = "application/json; charset=utf-8"
    r.headers[.cacheControl] = "no-store"
    return r
  }

  static func asset(_ bytes: [UInt8], type: String) -> Response {
    var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    r.headers[.contentType] = type
    r.headers[.cacheControl] = "no-cache"
    return r
  }

  static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
    var r = Response(status: status, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    r.headers[.contentType] = "text/plain; charset=utf-8"
    return r
  }

  static func notFound() -> Response { text(.notFound, "not found") }
}

/// Every response: no inline script or style, no plug-ins, no framing, no sniffing, and nothing
/// sent to other sites. The page needs nothing from anywhere but this server.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
  static var policy: String {
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as HTTPError where error.status == .notFound {
      response = Routes.notFound()
    }
    response.headers[.contentSecurityPolicy] = Self.policy
    response.headers[.xContentTypeOptions] = "nosniff"
    if let referrer = HTTPField.Name("Referrer-Policy") { response.headers[referrer] = "no-referrer" }
    response.headers[.crossOriginResourcePolicy] = "same-origin"
    return response
  }
}

/// The origins a write may come from: this server's own, once its port is known.
public final class OriginSet: Sendable {
  private let host: String
  private let port = Mutex<Int?>(nil)

  public init(host: String, port: Int? = nil) {
    self.host = host
    self.port.withLock { $0 = port }
  }

  public func set(port: Int) { self.port.withLock { $0 = port } }

  /// `http://host:port`; on loopback also `localhost` and `127.0.0.1`, the names a browser may use.
  public func accepts(_ origin: String) -> Bool {
    guard let port = port.withLock({ $0 }) else { return false }
    var hosts = [host]
    if CascadeServe.isLoopback(host) || host == "[::1]" { hosts += ["localhost", "127.0.0.1", "[::1]"] }
    return hosts.contains { origin == "http://\($0):\(port)" }
  }
}
