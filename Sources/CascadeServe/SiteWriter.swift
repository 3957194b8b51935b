import CascadeCore
import CascadeReport

/// `cascade site`: the meeting page as static files that work from `file://` and from any web
/// server: `index.html` (routes after `#`: `#/u/sales`, `#/k/sales/win/deals`, `#/review`),
/// `assets/`, and `data/`: the model, one script per unit (its document and the details of its
/// objectives and key results), one per diagram page, the search index and the review agenda.
/// Data travels as scripts (`Cascade.receive(...)`), which `file://` allows where it refuses
/// `fetch`. A viewer loads the model, then only the units and pages they look at; the search
/// index is loaded on the first search.
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

  /// How many diagram pages there are, and page `i`'s name, file and DOT source (built when
  /// asked for, so that a 10,000-page site does not hold every page's DOT at once).
  public var pageCount: Int { snapshot.pages?.names.count ?? 0 }

  public func page(_ i: Int) -> (name: String, path: String, dot: String)? {
    guard let pages = snapshot.pages, i >= 0, i < pages.names.count else { return nil }
    let name = String(pages.names[i].dropLast(4))
    return (name, Self.pagePath(name), pages.dot(i))
  }

  static func pagePath(_ name: String) -> String { "data/page-\(name).js" }

  /// The script around page `name`'s SVG (a JSON string goes between them).
  public static func pageWrapping(_ name: String) -> (prefix: String, suffix: String) {
    var w = JSONWriter()
    w.value("page:" + name)
    return ("Cascade.receive(\(w.output), ", ");\n")
  }

  /// Every file but the pages' SVG, handed to `emit` one at a time as it is made (a
  /// 10,000-person site is a gigabyte of scripts; none is kept once written): the shell, the
  /// assets, the model, the units, the search index and the review agenda.
  public func files(_ emit: (File) throws -> Void) rethrows {
    try emit(
      File(
        path: "index.html",
        bytes: Array(Assets.shell(language: snapshot.presentation.language, mode: "site", root: "").utf8)))
    try emit(File(path: "assets/app.js", bytes: Assets.script))
    try emit(File(path: "assets/app.css", bytes: Assets.style))
    try emit(File(path: "data/model.js", bytes: Self.receive("model", json: snapshot.modelJSON)))
    guard let result = snapshot.result, let card = snapshot.card else { return }
    let index = result.index
    for u in index.plan.units.indices {
      let unit = index.unit(u)
      guard let nav = snapshot.unitJSON(unit.id) else { continue }
      var script = Self.receiveLine("unit:" + unit.id, json: nav)
      for oi in unit.objectives.indices {
        let a = ObjectiveAddress(unit: u, objective: oi)
        var refs = [index.reference(a)]
        for k in unit.objectives[oi].keyResults.indices { refs.append(index.reference(a, keyResult: k)) }
        for ref in refs {
          guard let json = Details.json(ref, result, card, snapshot.presentation) else { continue }
          script += Self.receiveLine("detail:" + ref, json: json)
        }
      }
      try emit(File(path: Self.unitPath(unit.id), bytes: Array(script.utf8)))
    }
    if let search = snapshot.search {
      try emit(File(path: "data/search.js", bytes: Self.receive("search", json: search.siteJSON())))
    }
    try emit(
      File(
        path: "data/review.js",
        bytes: Self.receive(
          "review", json: ReviewPage.json(result, since: since, asOf: card.asOf, snapshot.presentation))))
  }

  /// A unit's script. Unit ids are `[a-z0-9._-]` (the loader refuses others), so the id is the
  /// file's name as it is; the page builds the same path from the id in the address.
  static func unitPath(_ id: String) -> String { "data/unit-\(id).js" }

  static func receive(_ key: String, json: String) -> [UInt8] { Array(receiveLine(key, json: json).utf8) }

  static func receiveLine(_ key: String, json: String) -> String {
    var w = JSONWriter()
    w.value(key)
    return "Cascade.receive(\(w.output), \(json));\n"
  }
}
