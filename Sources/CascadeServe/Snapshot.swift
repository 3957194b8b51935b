import CascadeCore
import CascadeDiagram
import CascadeReport
import Graphviz
import Synchronization

/// One version of the plan as the page shows it: loaded, linted, scored, with its model JSON
/// built and its diagram pages ready to lay out. Immutable: a change makes a new snapshot.
public struct Snapshot: Sendable {
  public let version: Int
  public let presentation: Presentation
  /// nil when the plan could not be read at all (a load error, e.g. the folder is gone).
  public let result: LintResult?
  public let card: Scorecard?
  public let loadError: String?
  /// The overview first, then one page per unit (``SplitPages``).
  let pages: SplitPages?
  /// Page name (without extension) → index into `pages`.
  let pageIndex: [String: Int]
  /// The plan's model (``PlanModel/json(_:_:_:version:writable:)``), small whatever the plan.
  public let modelJSON: String
  let model: PlanModel?
  /// Built on the first search of this version of the plan.
  let searchIndex: Lazy<SearchIndex>?

  /// Page names as the URLs use them: `index` is the overview, then unit page names.
  public var pageNames: [String] { pages?.names.map { String($0.dropLast(4)) } ?? [] }

  static func make(
    version: Int, paths: [String], asOf: Day, language: (Configuration?) -> Language, writable: Bool
  ) -> Snapshot {
    let result: LintResult
    do {
      result = try Linter.validate(paths: paths)
    } catch {
      let p = Presentation(language: language(nil))
      let message = oneLine(error.description)
      var w = JSONWriter()
      w.object { w in
        w.field("version", version)
        w.field("language", p.language.rawValue)
        w.field("load_error", message)
      }
      return Snapshot(
        version: version, presentation: p, result: nil, card: nil, loadError: message, pages: nil, pageIndex: [:],
        modelJSON: w.output, model: nil, searchIndex: nil)
    }
    let p = Presentation(language: language(result.plan.configuration))
    let card = Scorer.score(result, asOf: asOf)
    var options = DiagramOptions()
    options.language = p.language
    options.interactive = true
    let pages = try? CascadeDiagram.splitPages(
      result, progress: DiagramProgress(card, result), options: options, fileExtension: "svg")
    var pageIndex: [String: Int] = [:]
    let names = pages?.names.map { String($0.dropLast(4)) } ?? []
    for (i, name) in names.enumerated() { pageIndex[name] = i }
    // Unit i's page is names[position + 1] in top-down order: map by unit id instead.
    var pageOfUnit = [String](repeating: "index", count: result.plan.units.count)
    if let pages {
      for (u, name) in pages.unitPageNames.enumerated() { pageOfUnit[u] = String(name.dropLast(4)) }
    }
    let model = PlanModel(result, card, pages: pageOfUnit)
    return Snapshot(
      version: version, presentation: p, result: result, card: card, loadError: nil, pages: pages,
      pageIndex: pageIndex, modelJSON: model.json(result, card, p, version: version, writable: writable),
      model: model, searchIndex: Lazy { SearchIndex(result, p) })
  }

  /// A unit's document (``PlanModel/unitJSON(_:_:_:_:)``), or nil for an unknown unit.
  public func unitJSON(_ id: String) -> String? {
    guard let model, let result, let card else { return nil }
    return model.unitJSON(id, result, card, presentation)
  }

  /// The search index of this version (built on first use).
  public var search: SearchIndex? { searchIndex?.value }

  /// The SVG of page `name` (`index` or a unit page), laid out by Graphviz's core SVG renderer
  /// (which keeps node ids and classes), or nil for an unknown page.
  func svg(_ name: String) throws -> [UInt8]? {
    guard let pages, let i = pageIndex[name] else { return nil }
    return try Graphviz.render(dot: pages.dot(i), layout: .dot, format: .svg)
  }
}

/// A value built once, on first use, by whichever thread asks first (the others wait).
final class Lazy<Value: Sendable>: Sendable {
  private let state: Mutex<Value?>
  private let make: @Sendable () -> Value

  init(_ make: @escaping @Sendable () -> Value) {
    self.state = Mutex(nil)
    self.make = make
  }

  var value: Value {
    state.withLock { state in
      if let v = state { return v }
      let v = make()
      state = v
      return v
    }
  }
}

/// Laid-out pages of the current snapshot, kept until the plan changes. A page is laid out once
/// however many viewers ask for it at the same time.
final class PageCache: Sendable {
  private let pages = Mutex<(version: Int, svg: [String: [UInt8]])>((-1, [:]))
  /// Held while a page is laid out. Graphviz lays out one graph at a time in a process anyway
  /// (``Graphviz`` holds one lock), so this costs no parallelism, and a viewer asking for a
  /// page that is being laid out waits for it instead of laying it out again.
  private let layout = Mutex(())
  /// Bounded: a 10,000-person plan has 10,000 pages, of which a meeting looks at a few dozen.
  static let maxPages = 512

  func svg(_ snapshot: Snapshot, _ name: String) throws -> [UInt8]? {
    if let hit = cached(snapshot, name) { return hit }
    return try layout.withLock { _ in
      if let hit = cached(snapshot, name) { return hit }
      guard let svg = try snapshot.svg(name) else { return nil }
      pages.withLock { state in
        if state.version != snapshot.version { state = (snapshot.version, [:]) }
        if state.svg.count >= Self.maxPages { state.svg.removeAll(keepingCapacity: true) }
        state.svg[name] = svg
      }
      return svg
    }
  }

  private func cached(_ snapshot: Snapshot, _ name: String) -> [UInt8]? {
    pages.withLock { $0.version == snapshot.version ? $0.svg[name] : nil }
  }
}
