import CascadeCore
import CascadeGenerate
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

/// `cascade serve` and `cascade site` on a generated organisation: the time from start to the
/// first page, a unit's page (its document and its diagram) seen first and seen again, search,
/// the server's memory, a saved file reaching an open page, and the static site's build.
/// The server is a child process; requests are plain HTTP/1.1 over loopback, one at a time.
enum ServeBench {
  struct Report {
    var firstPage: Double
    var modelBytes: Int
    var unitFirst: [Double]
    var unitCached: [Double]
    var search: [Double]
    var residentPeak: Int
    var live: [Double]
  }

  /// Runs the served cases on the plan in `dir`; nil when the server did not start.
  static func serve(cascade: String, dir: String, units: [String], queries: [String], live: Bool) -> Report? {
    let start = Clock.now()
    guard let server = Server(cascade: cascade, dir: dir) else { return nil }
    defer { server.stop() }
    // The first page: the shell, the model and the overview's diagram.
    guard HTTP.get(server.port, "/") != nil, let model = HTTP.get(server.port, "/api/model"),
      HTTP.get(server.port, "/api/page/index.svg") != nil
    else { return nil }
    let firstPage = Clock.now() - start
    var report = Report(
      firstPage: firstPage, modelBytes: model.count, unitFirst: [], unitCached: [], search: [], residentPeak: 0,
      live: [])
    func view(_ id: String) -> Double? {
      let t = Clock.now()
      guard let doc = HTTP.get(server.port, "/api/unit/\(id)") else { return nil }
      let text = String(decoding: doc, as: UTF8.self)
      guard let range = text.range(of: "\"page\":\"") else { return nil }
      let page = text[range.upperBound...].prefix { $0 != "\"" }
      guard HTTP.get(server.port, "/api/page/\(page).svg") != nil else { return nil }
      return Clock.now() - t
    }
    for id in units { if let t = view(id) { report.unitFirst.append(t) } }
    for id in units { if let t = view(id) { report.unitCached.append(t) } }
    // The index is built in the background after start; wait for it once, then measure.
    _ = HTTP.get(server.port, "/api/search?q=warm-up")
    for q in queries {
      let t = Clock.now()
      guard HTTP.get(server.port, "/api/search?q=\(HTTP.percentEncoded(q))") != nil else { continue }
      report.search.append(Clock.now() - t)
    }
    if live {
      for round in 0..<5 {
        guard let t = server.saveReachesViewer(dir: dir, round: round) else { continue }
        report.live.append(t)
      }
    }
    report.residentPeak = server.residentPeak()
    return report
  }

  /// Unit ids and search queries for a plan: `count` units spread over it, and queries made of
  /// its own names and title words (English and Chinese) plus a few that match nothing.
  static func sample(_ dir: String, count: Int) -> (units: [String], queries: [String]) {
    guard let result = try? Linter.validate(paths: [dir]) else { return ([], []) }
    let plan = result.plan.units
    guard !plan.isEmpty else { return ([], []) }
    // The generator's own, so that every run samples the same units.
    var generator = SplitMix64(seed: 42)
    let units = (0..<count).map { _ in plan[Int(generator.next() % UInt64(plan.count))].id }
    var queries: [String] = []
    for _ in 0..<count {
      let unit = plan[Int(generator.next() % UInt64(plan.count))]
      queries.append(unit.name)
      if let o = unit.objectives.first, let kr = o.keyResults.first {
        let words = kr.title.split(separator: " ")
        queries.append(words.count > 1 ? String(words[words.count / 2]) : String(kr.title.prefix(2)))
      }
    }
    queries += ["a", "增长", "revenue 20", "客户 满意度", "nobody-has-this-name", "ＳＡＬＥＳ"]
    return (units, queries)
  }

  static func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
  }
}

/// A `cascade serve` child on a port of its own choosing.
final class Server {
  let pid: pid_t
  let port: Int

  init?(cascade: String, dir: String) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let command = [cascade, "serve", dir, "--port", "0", "--as-of", "2027-02-28"]
    let argv = command.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, cascade, &actions, nil, argv, environ) == 0 else { return nil }
    close(fds[1])
    self.pid = pid
    // "cascade serve: http://127.0.0.1:PORT/", printed once it listens.
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while read(fds[0], &byte, 1) == 1, byte != 10 { line.append(byte) }
    close(fds[0])
    let text = String(decoding: line, as: UTF8.self)
    guard let colon = text.range(of: "127.0.0.1:"),
      let port = Int(text[colon.upperBound...].prefix { $0.isNumber })
    else {
      kill(pid, SIGTERM)
      return nil
    }
    self.port = port
  }

  func stop() {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
  }

  /// VmHWM, the peak resident memory, from /proc.
  func residentPeak() -> Int {
    guard let file = fopen("/proc/\(pid)/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmHWM:") {
        return (Int(text.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0) * 1024
      }
    }
    return 0
  }

  /// Opens the event stream, saves a plan file, and returns the time until the stream says a
  /// new version is there.
  func saveReachesViewer(dir: String, round: Int) -> Double? {
    guard let events = HTTP.open(port, "/api/events") else { return nil }
    defer { close(events) }
    // The stream's first event is the current version.
    guard let first = HTTP.readEvent(events), let version = Int(first) else { return nil }
    guard let file = Self.firstPlanFile(dir) else { return nil }
    let start = Clock.now()
    guard let handle = fopen(file, "a") else { return nil }
    fputs("# touched by cascade-bench \(round)\n", handle)
    fclose(handle)
    while let next = HTTP.readEvent(events) {
      if let v = Int(next), v > version { return Clock.now() - start }
    }
    return nil
  }

  static func firstPlanFile(_ dir: String) -> String? {
    guard let d = opendir(dir) else { return nil }
    defer { closedir(d) }
    while let entry = readdir(d) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name.hasSuffix(".yaml") && name != "cascade.yaml" { return FileSystem.join(dir, name) }
    }
    return nil
  }
}

/// Just enough HTTP/1.1 for the benchmark: one GET per connection, read to the end.
enum HTTP {
  static func open(_ port: Int, _ path: String) -> Int32? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
    guard connected == 0, WriteLoop.writeAll(fd, request) == nil else {
      close(fd)
      return nil
    }
    return fd
  }

  /// The body of a 200 response; nil for anything else.
  static func get(_ port: Int, _ path: String) -> [UInt8]? {
    guard let fd = open(port, path) else { return nil }
    defer { close(fd) }
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      data += chunk[0..<n]
    }
    guard data.starts(with: Array("HTTP/1.1 200".utf8)),
      let end = data.indices.dropLast(3).first(where: { data[$0] == 13 && data[$0 + 1] == 10 && data[$0 + 2] == 13 })
    else { return nil }
    return Array(data[(end + 4)...])
  }

  /// The `data:` of the next `event: version` on an event stream (chunked framing is skipped
  /// over: only the lines matter).
  static func readEvent(_ fd: Int32) -> String? {
    var line: [UInt8] = []
    var sawVersion = false
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1 {
      if byte != 10 {
        line.append(byte)
        continue
      }
      let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: "\r")
      line.removeAll()
      if text == "event: version" { sawVersion = true }
      if sawVersion, text.hasPrefix("data: ") { return String(text.dropFirst(6)) }
    }
    return nil
  }

  static func percentEncoded(_ text: String) -> String {
    var out = ""
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return out
  }
}

extension String {
  func trimmingCharacters(in character: Character) -> String {
    var s = Substring(self)
    while s.last == character { s = s.dropLast() }
    return String(s)
  }

  func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
