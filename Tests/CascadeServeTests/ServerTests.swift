import CascadeCore
import CascadeServe
import CascadeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// Every route of `cascade serve` through Hummingbird's test client: status codes, content
/// types, security headers, unknown pages, traversal, and the write checks.
@Suite struct ServerTests {
  static let day = Day(iso: "2027-02-28")

  static func plan(_ name: String = "sales-en", allow: Bool = false, language: Language = .en) -> LivePlan {
    LivePlan(
      ServeOptions(
        paths: [repositoryRoot + "/Plans/" + name], asOf: day, allowCheckins: allow, language: { _ in language }),
      today: { Day(ordinal: 0) })
  }

  static func app(
    _ plan: LivePlan, record: (@Sendable (CheckInRequest) -> CheckInOutcome)? = nil
  ) -> some ApplicationProtocol {
    let routes = Routes(
      plan: plan, token: "secret", origins: OriginSet(host: "127.0.0.1", port: 8080), recordCheckIn: record)
    return Application(router: routes.router())
  }

  static func body(_ response: TestResponse) -> String { String(buffer: response.body) }

  @Test func everyPageRouteServesTheShell() async throws {
    try await Self.app(Self.plan()).test(.router) { client in
      for path in ["/", "/u/sales", "/o/acme/grow-sales", "/k/acme/grow-sales/revenue", "/review"] {
        try await client.execute(uri: path, method: .get) { r in
          #expect(r.status == .ok, "\(path)")
          #expect(r.headers[.contentType] == "text/html; charset=utf-8")
          #expect(Self.body(r).contains("<script src=\"/assets/app.js\"></script>"))
          let policy = r.headers[.contentSecurityPolicy] ?? ""
          #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(policy)")
          #expect(r.headers[.xContentTypeOptions] == "nosniff")
        }
      }
    }
  }

  @Test func assetsComeFromTheBinary() async throws {
    try await Self.app(Self.plan()).test(.router) { client in
      try await client.execute(uri: "/assets/app.js", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType] == "text/javascript; charset=utf-8")
        #expect(Self.body(r).contains("'use strict'"))
      }
      try await client.execute(uri: "/assets/app.css", method: .get) { r in
        #expect(r.headers[.contentType] == "text/css; charset=utf-8")
      }
      for path in [
        "/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/app.js%00", "/../etc/passwd",
        "/api/page/..%2F..%2Fetc%2Fpasswd.svg", "/api/page/../index.svg", "/nothing",
      ] {
        try await client.execute(uri: path, method: .get) { r in
          #expect(r.status == .notFound, "\(path) gave \(r.status)")
          #expect(!Self.body(r).contains("swift-tools-version") && !Self.body(r).contains("root:"))
        }
      }
    }
  }

  static func json(_ r: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any] ?? [:]
  }

  @Test func theModelIsSmallStrictJSONAndAUnitsDocumentRollsUp() async throws {
    try await Self.app(Self.plan("mistakes")).test(.router) { client in
      var top = ""
      try await client.execute(uri: "/api/model", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType] == "application/json; charset=utf-8")
        let json = try Self.json(r)
        // What every viewer downloads does not grow with the plan: no objectives, no unit list.
        #expect(!Self.body(r).contains("\"objectives\":[") && !Self.body(r).contains("\"key_results\":["))
        let roots = json["roots"] as? [[String: Any]] ?? []
        top = roots.first?["id"] as? String ?? ""
        #expect(!top.isEmpty)
        #expect((json["units"] as? Int ?? 0) > roots.count)
      }
      try await client.execute(uri: "/api/unit/\(top)", method: .get) { r in
        #expect(r.status == .ok)
        let json = try Self.json(r)
        // The company's rolled-up count includes every problem in a unit below it.
        let below = json["problems_below"] as? [String: Int]
        let own = json["problems"] as? [String: Int]
        #expect((below?["errors"] ?? 0) > (own?["errors"] ?? 0), "\(json)")
        #expect((json["chain"] as? [Any])?.isEmpty == true)
        #expect(json["first_child"] is String)
      }
    }
  }

  @Test func aUnitsDocumentNamesItsChainNeighboursAndScoreBelow() async throws {
    try await Self.app(Self.plan()).test(.router) { client in
      try await client.execute(uri: "/api/unit/sales-east", method: .get) { r in
        #expect(r.status == .ok)
        let json = try Self.json(r)
        let chain = (json["chain"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(chain == ["acme", "sales"])
        #expect(json["page"] as? String == "sales-east")
        #expect(json["next"] as? String == "sales-north")
        #expect(json["prev"] as? String == "sales-north")
        let below = json["below"] as? [String: Any] ?? [:]
        #expect((below["units"] as? Int ?? 0) > 1)
        #expect(below["score"] is Double)
      }
      for path in ["/api/unit/no-such-unit", "/api/unit/..%2Fsales", "/api/unit/"] {
        try await client.execute(uri: path, method: .get) { r in #expect(r.status == .notFound, "\(path)") }
      }
    }
  }

  @Test func searchFindsUnitsPeopleObjectivesAndKeyResultsInEitherLanguage() async throws {
    try await Self.app(Self.plan("sales-zh", language: .zh)).test(.router) { client in
      func hits(_ q: String) async throws -> [[String: Any]] {
        var out: [[String: Any]] = []
        let query = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await client.execute(uri: "/api/search?q=\(query)", method: .get) { r in
          #expect(r.status == .ok)
          #expect(r.headers[.contentType] == "application/json; charset=utf-8")
          out = try Self.json(r)["hits"] as? [[String: Any]] ?? []
        }
        return out
      }
      // A person, by name: the unit first.
      let person = try await hits("张伟")
      #expect(person.first?["unit"] as? String == "zhang-wei")
      #expect(person.first?["kind"] as? String == "unit")
      // Several words, each somewhere in the entry; a key result carries its reference.
      let kr = try await hits("销售额 5600")
      #expect(kr.contains { ($0["ref"] as? String) == "sales/hit-revenue/revenue" }, "\(kr)")
      // Full-width letters and upper case find the id.
      let wide = try await hits("ＺＨＡＮＧ-ＷＥＩ")
      #expect(wide.first?["unit"] as? String == "zhang-wei")
      #expect(try await hits("").isEmpty)
      #expect(try await hits("qqqqqqqq-nothing").isEmpty)
      // A huge query is cut, not echoed.
      let long = try await hits(String(repeating: "销", count: 5000))
      #expect(long.isEmpty)
    }
  }

  @Test func pagesAreSVGWithIdsAndUnknownPagesAre404() async throws {
    try await Self.app(Self.plan()).test(.router) { client in
      try await client.execute(uri: "/api/page/index.svg", method: .get) { r in
        #expect(r.status == .ok)
        #expect(r.headers[.contentType] == "image/svg+xml; charset=utf-8")
        #expect(Self.body(r).contains("<svg"))
        #expect(Self.body(r).contains("class=\"node"))
      }
      try await client.execute(uri: "/api/page/sales.svg", method: .get) { r in
        #expect(r.status == .ok)
        // Objectives and key-result rows carry ids and links to their panels; no file names.
        #expect(Self.body(r).contains("id=\"o:sales/"))
        #expect(Self.body(r).contains("xlink:href=\"#k/sales/"))
        // The page's own unit is framed in presenter mode; child units link by id and carry
        // the filters' classes.
        // (Graphviz writes `-` as `&#45;`.)
        #expect(Self.body(r).contains("id=\"c:sales\" class=\"cluster unit&#45;cluster subject\""))
        #expect(Self.body(r).contains("xlink:href=\"#u/sales-east\""))
        #expect(Self.body(r).contains("id=\"u:sales&#45;east\" class=\"node unit"))
        #expect(!Self.body(r).contains("index.svg<"))
      }
      try await client.execute(uri: "/api/page/no-such-unit.svg", method: .get) { r in #expect(r.status == .notFound) }
      try await client.execute(uri: "/api/page/sales", method: .get) { r in #expect(r.status == .notFound) }
    }
  }

  @Test func detailsOfAKeyResultAndAnObjective() async throws {
    try await Self.app(Self.plan()).test(.router) { client in
      try await client.execute(uri: "/api/detail/acme/grow-sales/revenue", method: .get) { r in
        #expect(r.status == .ok)
        let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
        #expect(json?["kind"] as? String == "key_result")
        #expect((json?["explain"] as? String)?.contains("progress = ") == true)
        #expect(json?["checkins"] is [Any])
      }
      try await client.execute(uri: "/api/detail/acme/grow-sales", method: .get) { r in
        let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
        #expect(json?["kind"] as? String == "objective")
      }
      try await client.execute(uri: "/api/detail/acme/nothing", method: .get) { r in #expect(r.status == .notFound) }
    }
  }

  @Test func theReviewAgenda() async throws {
    try await Self.app(Self.plan()).test(.router) { client in
      try await client.execute(uri: "/api/review?since=2027-01-31", method: .get) { r in
        #expect(r.status == .ok)
        let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
        #expect((json?["markdown"] as? String)?.hasPrefix("# Monthly review") == true)
      }
      try await client.execute(uri: "/api/review?since=2030-01-01", method: .get) { r in
        #expect(r.status == .badRequest)
      }
    }
  }

  /// A hostile plan injects nothing: its text reaches the SVG escaped, the model as JSON strings,
  /// and the page shell not at all (the script sets it with textContent).
  @Test func hostileTextStaysText() async throws {
    let evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)> <a href=javascript:x>"
    let plan = try TemporaryPlan([
      "company.yaml": """
      unit: acme
      name: '\(evil)'
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: '\(evil)'
          key_results:
            - {id: arr, title: '\(evil) 10 to 20', baseline: 10, target: 20, unit: M}
      """
    ])
    let live = LivePlan(
      ServeOptions(paths: [plan.root], asOf: Self.day, language: { _ in .en }), today: { Day(ordinal: 0) })
    try await Self.app(live).test(.router) { client in
      for path in ["/api/page/index.svg", "/api/page/acme.svg"] {
        try await client.execute(uri: path, method: .get) { r in
          let svg = Self.body(r)
          #expect(r.status == .ok)
          #expect(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("href=\"javascript"), "\(path)")
          #expect(svg.contains("&lt;script&gt;") || svg.contains("&lt;/script&gt;"), "\(path)")
        }
      }
      try await client.execute(uri: "/api/model", method: .get) { r in
        let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
        #expect((json?["title"] as? String) == evil)
      }
      try await client.execute(uri: "/", method: .get) { r in #expect(!Self.body(r).contains("alert")) }
    }
  }

  // MARK: - Writes

  static let form = "ref=acme%2Fgrow-sales%2Frevenue&value=12.5&note=from+the+meeting"

  static func post(
    _ client: some TestClientProtocol, origin: String? = "http://127.0.0.1:8080", token: String? = "secret",
    body: String = form
  ) async throws -> (HTTPResponse.Status, String) {
    var headers = HTTPFields()
    headers[.contentType] = "application/x-www-form-urlencoded"
    if let origin { headers[.origin] = origin }
    if let token, let name = HTTPField.Name("X-Cascade-Token") { headers[name] = token }
    return try await client.execute(
      uri: "/api/checkins", method: .post, headers: headers, body: ByteBuffer(string: body)
    ) { r in (r.status, Self.body(r)) }
  }

  @Test func withoutAllowCheckinsNothingIsWritten() async throws {
    try await Self.app(Self.plan(), record: nil).test(.router) { client in
      let (status, text) = try await Self.post(client)
      #expect(status == .forbidden)
      #expect(text.contains("--allow-checkins"))
    }
  }

  @Test func aWriteNeedsTheTokenAndTheOrigin() async throws {
    let recorded = RecordedCheckIns()
    try await Self.app(Self.plan(allow: true), record: recorded.record).test(.router) { client in
      let r1 = try await Self.post(client, token: nil)
      #expect(r1.0 == .forbidden)
      let r2 = try await Self.post(client, token: "wrong")
      #expect(r2.0 == .forbidden)
      let r3 = try await Self.post(client, origin: nil)
      #expect(r3.0 == .forbidden)
      let r4 = try await Self.post(client, origin: "http://evil.example")
      #expect(r4.0 == .forbidden)
      let r5 = try await Self.post(client, origin: "http://127.0.0.1:8081")
      #expect(r5.0 == .forbidden)
      #expect(recorded.requests.isEmpty)
      let (status, _) = try await Self.post(client)
      #expect(status == .ok)
      #expect(
        recorded.requests == [CheckInRequest(ref: "acme/grow-sales/revenue", value: "12.5", note: "from the meeting")])
      let r6 = try await Self.post(client, origin: "http://localhost:8080")
      #expect(r6.0 == .ok)
    }
  }

  @Test func oversizeAndMalformedWritesAreRefused() async throws {
    let recorded = RecordedCheckIns()
    try await Self.app(Self.plan(allow: true), record: recorded.record).test(.router) { client in
      let big = Self.form + "&author=" + String(repeating: "a", count: Routes.maxBody)
      let r7 = try await Self.post(client, body: big)
      #expect(r7.0 == .contentTooLarge)
      let r8 = try await Self.post(client, body: "value=1")
      #expect(r8.0 == .badRequest)
      let r9 = try await Self.post(client, body: "ref=a&ref=b&value=1")
      #expect(r9.0 == .badRequest)
      let r10 = try await Self.post(client, body: "ref=%ZZ&value=1")
      #expect(r10.0 == .badRequest)
      #expect(recorded.requests.isEmpty)
    }
  }
}

final class RecordedCheckIns: Sendable {
  private let list = Mutex<[CheckInRequest]>([])
  var requests: [CheckInRequest] { list.withLock { $0 } }
  var record: @Sendable (CheckInRequest) -> CheckInOutcome {
    { request in
      self.list.withLock { $0.append(request) }
      return .recorded("ok")
    }
  }
}
