import CascadeCore
import CascadeReport

/// `cascade site`: the meeting page as static files that work from `file://` and from any web
/// server: `index.html` (routes after `#`: `#/u/sales`, `#/k/sales/win/deals`, `#/review`),
/// `assets/`, and `data/` with the model, one script per diagram page and one per unit's
/// details. Data travels as scripts (`Cascade.receive(...)`), which `file://` allows where it
/// refuses `fetch`.
public struct SiteWriter: Sendable {
  public let snapshot: Snapshot
  public let since: Day

  public init(snapshot: Snapshot, since: Day) {
    self.snapshot = snapshot
    self.since = since
  }

  /// One file of the site: its path below the site's folder and its bytes.
  public struct File: Sendable {
    public var path: String
    public var bytes: [UInt8]
  }

  /// The DOT source of every diagram page, to be laid out (in worker processes for a large plan).
  public var pages: [(name: String, dot: String)] {
    guard let pages = snapshot.pages else { return [] }
    return pages.names.indices.map { (String(pages.names[$0].dropLast(4)), pages.dot($0)) }
  }

  /// Every file but the pages' SVG: the shell, the assets, the model, details and review.
  public func files() -> [File] {
    var out: [File] = [
      File(
        path: "index.html",
        bytes: Array(Assets.shell(language: snapshot.presentation.language, mode: "site", root: "").utf8)),
      File(path: "assets/app.js", bytes: Assets.script),
      File(path: "assets/app.css", bytes: Assets.style),
      File(path: "data/model.js", bytes: Self.receive("model", json: snapshot.modelJSON)),
    ]
    guard let result = snapshot.result, let card = snapshot.card, let pages = snapshot.pages else { return out }
    let index = result.index
    for (u, name) in pages.unitPageNames.enumerated() {
      var script = ""
      let unit = index.unit(u)
      for oi in unit.objectives.indices {
        let a = ObjectiveAddress(unit: u, objective: oi)
        var refs = [index.reference(a)]
        for k in unit.objectives[oi].keyResults.indices { refs.append(index.reference(a, keyResult: k)) }
        for ref in refs {
          guard let json = Details.json(ref, result, card, snapshot.presentation) else { continue }
          script += Self.receiveLine("detail:" + ref, json: json)
        }
      }
      out.append(File(path: "data/detail-\(name.dropLast(4)).js", bytes: Array(script.utf8)))
    }
    out.append(
      File(
        path: "data/review.js",
        bytes: Self.receive(
          "review", json: ReviewPage.json(result, since: since, asOf: card.asOf, snapshot.presentation))))
    return out
  }

  /// A laid-out page as the script file the site loads.
  public static func pageFile(name: String, svg: [UInt8]) -> File {
    var w = JSONWriter()
    w.value(String(decoding: svg, as: UTF8.self))
    return File(path: "data/page-\(name).js", bytes: Array(receiveLine("page:" + name, json: w.output).utf8))
  }

  static func receive(_ key: String, json: String) -> [UInt8] { Array(receiveLine(key, json: json).utf8) }

  static func receiveLine(_ key: String, json: String) -> String {
    var w = JSONWriter()
    w.value(key)
    return "Cascade.receive(\(w.output), \(json));\n"
  }
}
