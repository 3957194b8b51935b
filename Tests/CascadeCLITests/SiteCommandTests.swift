import Foundation
import Testing

/// `cascade site`: the static site a company publishes. Every link a viewer can follow lands on
/// a file the site has; every script hands over what the page expects; nothing refers to
/// another site.
@Suite struct SiteCommandTests {
  /// The site's files by path below its folder, as text.
  static func site(_ plan: String, _ extra: [String] = []) throws -> (files: [String: String], run: CLIRun) {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try CLI.run(["site", plan, "-o", folder, "--as-of", "2027-02-28"] + extra)
    var files: [String: String] = [:]
    let fm = FileManager.default
    for path in fm.subpaths(atPath: folder) ?? [] {
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      files[path] = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
    }
    return (files, run)
  }

  /// The keys a data script hands to `Cascade.receive`.
  static func keys(_ script: String) -> [String] {
    let pattern = /Cascade\.receive\("((?:[^"\\]|\\.)*)"/
    return script.matches(of: pattern).map { String($0.1) }
  }

  static func strings(_ text: String, after field: String) -> [String] {
    let pattern = try? Regex("\"\(field)\":\"([a-z0-9._-]+)\"")
    guard let pattern else { return [] }
    return text.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
  }

  @Test(arguments: ["Plans/sales-zh", "Plans/mistakes"])
  func everyLinkOfTheSiteLandsOnAFileItHas(_ plan: String) throws {
    let (files, run) = try Self.site(plan)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("index.html"), "\(run.stdout)")
    for required in [
      "index.html", "assets/app.js", "assets/app.css", "data/model.js", "data/search.js", "data/review.js",
    ] {
      #expect(files[required] != nil, "\(required) is missing")
    }
    // What each unit's script hands over: its document and the details of its objectives
    // and key results.
    var units: Set<String> = []
    var details: Set<String> = []
    for (path, text) in files where path.hasPrefix("data/unit-") {
      for key in Self.keys(text) {
        if key.hasPrefix("unit:") { units.insert(String(key.dropFirst(5))) }
        if key.hasPrefix("detail:") { details.insert(String(key.dropFirst(7))) }
      }
      #expect(path == "data/unit-\(Self.keys(text).first?.dropFirst(5) ?? "").js", "\(path)")
    }
    #expect(!units.isEmpty)
    func landsOnAUnit(_ id: String, _ from: String) {
      #expect(
        units.contains(id) && files["data/unit-\(id).js"] != nil, "\(from) links to unit \(id), which has no file")
    }
    // Every unit document's page, chain, neighbours and first child.
    for (path, script) in files where path.hasPrefix("data/unit-") {
      let text = script.split(separator: "\n").first { $0.hasPrefix("Cascade.receive(\"unit:") }.map(String.init) ?? ""
      #expect(!text.isEmpty, "\(path) has no unit document")
      for page in Self.strings(text, after: "page") {
        #expect(files["data/page-\(page).js"] != nil, "\(path) names page \(page), which has no file")
      }
      for field in ["id", "prev", "next", "first_child"] {
        for id in Self.strings(text, after: field) where !id.contains("/") { landsOnAUnit(id, path) }
      }
    }
    // Every link in every diagram page: units, the overview, objectives' and key results' panels.
    var pages = 0
    for (path, text) in files where path.hasPrefix("data/page-") {
      pages += 1
      #expect(text.hasPrefix("Cascade.receive(\"page:"), "\(path)")
      let links = text.matches(of: /xlink:href=\\"([^"\\]*)\\"/).map { String($0.1) }
      for link in links {
        if link.hasPrefix("#u/") {
          landsOnAUnit(String(link.dropFirst(3)), path)
        } else if link.hasPrefix("#o/") || link.hasPrefix("#k/") {
          let ref = String(link.dropFirst(3))
          #expect(details.contains(ref), "\(path) links to \(ref), which has no details")
        } else {
          #expect(link == "#index", "\(path) links to \(link)")
        }
      }
    }
    #expect(pages == units.count + 1, "an overview and a page per unit")
    // Search results go to units the site has, and to objectives and key results with details.
    let search = try #require(files["data/search.js"])
    let prefix = "Cascade.receive(\"search\", "
    #expect(search.hasPrefix(prefix) && search.hasSuffix(");\n"))
    let rows = try JSONSerialization.jsonObject(with: Data(search.dropFirst(prefix.count).dropLast(3).utf8)) as? [[Any]]
    #expect((rows?.count ?? 0) > units.count)
    let all = rows ?? []
    for row in all {
      switch row.first as? Int {
      case 0?:
        guard row.count == 5, let unit = row[3] as? String else {
          Issue.record("bad unit row \(row)")
          continue
        }
        landsOnAUnit(unit, "search.js")
      case 1?, 2?:
        guard row.count == 4, let u = row[2] as? Int, all.indices.contains(u), all[u].first as? Int == 0,
          let unit = all[u][3] as? String, let rest = row[3] as? String
        else {
          Issue.record("bad row \(row)")
          continue
        }
        #expect(details.contains(unit + "/" + rest), "search.js finds \(unit)/\(rest), which has no details")
      default:
        Issue.record("bad row \(row)")
      }
    }
    // No request to anywhere else (the SVG namespace is a name, not a request).
    for (path, text) in files {
      let other = text.replacingOccurrences(of: "http://www.w3.org/", with: "")
      #expect(
        !other.contains("http://") && !other.contains("https://") && !other.contains("//cdn"),
        "\(path) names another site")
    }
  }

  @Test func theSiteSpeaksThePlansLanguage() throws {
    let (files, run) = try Self.site("Plans/sales-zh")
    #expect(run.stdout.contains("已在"), "\(run.stdout)")
    #expect(files["index.html"]?.contains("lang=\"zh-CN\"") == true)
    #expect(files["data/model.js"]?.contains("\"overview\":\"总览\"") == true)
  }
}

/// A hostile plan's text in the site's scripts: every script parses, every text stays text.
@Suite struct HostileSiteTests {
  /// (`</script>` inside a string is harmless here: these files are loaded by `<script src>`,
  /// never put inside a page's HTML.)
  @Test func hostileTextKeepsEveryScriptWellFormed() throws {
    let folder = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let title = #"</script><script>alert(1)</script> \" \\ ` ${x} \u2028 \u2029 '"#
    let yaml = """
      unit: acme
      name: "\(title)"
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: "\(title)"
          key_results:
            - {id: k, title: "\(title) from 1 to 2", baseline: 1, target: 2}
      """
    try FileManager.default.createDirectory(atPath: folder + "/plan", withIntermediateDirectories: true)
    try yaml.write(toFile: folder + "/plan/plan.yaml", atomically: true, encoding: .utf8)
    let run = try CLI.run(["site", folder + "/plan", "-o", folder + "/site", "--as-of", "2027-02-28"])
    #expect(run.status == 0, "\(run.stderr)")
    let data = folder + "/site/data"
    for file in try FileManager.default.contentsOfDirectory(atPath: data) {
      let text = try String(contentsOfFile: data + "/" + file, encoding: .utf8)
      // One call per line: `Cascade.receive("key", <JSON>);`, the JSON strict.
      for line in text.split(separator: "\n") {
        let open = "Cascade.receive("
        #expect(line.hasPrefix(open) && line.hasSuffix(");"), "\(file): \(line.prefix(80))")
        let inner = line.dropFirst(open.count).dropLast(2)
        let json = "[" + inner + "]"
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        #expect(parsed != nil, "\(file) is not well-formed: \(line.prefix(120))")
        #expect(!line.contains("\u{2028}") && !line.contains("\u{2029}"), "\(file) breaks a JavaScript line")
      }
    }
  }
}
