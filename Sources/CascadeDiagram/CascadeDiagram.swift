import CascadeCore
import CascadeReport
import Graphviz

/// Cascade diagrams: a linted plan (with its diagnostics, and optionally progress) drawn as a
/// Graphviz graph.
///
/// - One cluster per unit, labelled with its name, level, id, owner and problem counts.
/// - One node per objective: an HTML table with the title, type, problems and status, then a
///   row per key result (title, what it measures, and with progress a bar, percent and current
///   value).
/// - `aligns_to` links are solid arrows between objectives; `contributes_to` links are dashed
///   arrows that start at the key result's row. Arrows point up at the linked objective; the
///   company is at the top.
/// - Problems show in red *and* with a symbol (✗ error, ⚠ warning, ? unresolved or vague); an
///   unresolved link ends at a red "? unit/objective" note.
///
/// ```swift
/// let result = try Linter.validate(paths: ["Plans/sales-en"])
/// let dot = try CascadeDiagram.dot(for: result, options: DiagramOptions(focus: "sales-east"))
/// let svg = try CascadeDiagram.render(result, format: .svg)
/// ```
public enum CascadeDiagram {
  /// User text as the diagrams put it into an HTML-like label's text (escaped, never a run
  /// Graphviz rejects); for the fuzz harness and tests.
  public static func labelText(_ text: String) -> String { HTML.escape(text) }

  /// DOT source for the plan (or the part `options` selects).
  public static func dot(
    for result: LintResult, progress: DiagramProgress? = nil, options: DiagramOptions = DiagramOptions()
  ) throws(DiagramError) -> String {
    try graph(for: result, progress: progress, options: options).dot()
  }

  /// The diagram laid out by Graphviz's `dot` and rendered in `format`.
  public static func render(
    _ result: LintResult, progress: DiagramProgress? = nil, options: DiagramOptions = DiagramOptions(),
    format: Graphviz.Format
  ) throws(DiagramError) -> [UInt8] {
    let source = try dot(for: result, progress: progress, options: options)
    do {
      return try Graphviz.render(dot: source, layout: .dot, format: format)
    } catch {
      throw .graphviz(error)
    }
  }

  /// One small diagram per unit (the unit, its chain up to the top and its direct children)
  /// plus an overview of the unit tree whose boxes link to those pages.
  ///
  /// Returns `index.<ext>` (the overview) first, then `<unit-id>.<ext>` per unit in top-down
  /// order. Unit ids are `[a-z0-9._-]`, so the names are safe file names; an id that is not
  /// (or would clash with `index`) is changed. `options.focus` and `options.depth` are ignored;
  /// the other options apply to every page. Clusters of other units link to their pages.
  public static func split(
    _ result: LintResult, progress: DiagramProgress? = nil, options: DiagramOptions = DiagramOptions(),
    fileExtension: String = "svg"
  ) throws(DiagramError) -> [(name: String, dot: String)] {
    let pages = try splitPages(result, progress: progress, options: options, fileExtension: fileExtension)
    return pages.names.indices.map { (pages.names[$0], pages.dot($0)) }
  }

  /// The pages of ``split(_:progress:options:fileExtension:)``, each built only when asked for,
  /// so that workers rendering a share of a large organisation build only their share.
  public static func splitPages(
    _ result: LintResult, progress: DiagramProgress? = nil, options: DiagramOptions = DiagramOptions(),
    fileExtension: String = "svg"
  ) throws(DiagramError) -> SplitPages {
    var options = options
    options.focus = nil
    options.depth = nil
    var builder = try DiagramBuilder(result, progress: progress, options: options)
    // Only an SVG's boxes can be clicked: other formats do not say "click".
    builder.clickable = ["svg", "svgz"].contains(fileExtension.lowercased())
    return SplitPages(
      builder: builder, names: PageNames(result.index, fileExtension: fileExtension), levels: options.levels)
  }

  /// The graph description behind ``dot(for:progress:options:)`` (tests count its parts).
  static func graph(for result: LintResult, progress: DiagramProgress?, options: DiagramOptions)
    throws(DiagramError) -> DiagramGraph
  {
    let builder = try DiagramBuilder(result, progress: progress, options: options)
    let selection = try Selection.make(result.index, options: options)
    var subtitle: [String] = []
    if let focus = options.focus { subtitle.append(builder.say(DiagramWords.focus(focus))) }
    if let depth = options.depth { subtitle.append(builder.say(DiagramWords.depth(depth))) }
    if let levels = options.levels {
      subtitle.append(builder.say(DiagramWords.levels(Level.allCases.filter { levels.contains($0) })))
    }
    return builder.graph(selection, title: builder.planTitle, subtitle: subtitle)
  }
}

/// File names of split pages: `index.<ext>` and `<unit-id>.<ext>`, unique and safe.
struct PageNames {
  let overview: String
  /// Per unit.
  let unit: [String]

  init(_ index: PlanIndex, fileExtension: String) {
    let ext = Self.sanitize(fileExtension, fallback: "svg")
    overview = "index.\(ext)"
    var used: Set<String> = [overview]
    unit = index.plan.units.map { u in
      var base = Self.sanitize(u.id, fallback: "unit")
      if base == "index" { base = "unit-index" }
      var name = "\(base).\(ext)"
      var n = 2
      while !used.insert(name).inserted {
        name = "\(base)-\(n).\(ext)"
        n += 1
      }
      return name
    }
  }

  /// Keeps `[a-z0-9._-]` (other characters become `_`); never starts with `.`, never empty.
  static func sanitize(_ text: String, fallback: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(128) {
      switch scalar {
      case "a"..."z", "0"..."9", "-", "_": out.unicodeScalars.append(scalar)
      case ".": out += out.isEmpty ? "_" : "."
      case "A"..."Z": out += scalar.properties.lowercaseMapping
      default: out += "_"
      }
    }
    return out.isEmpty ? fallback : out
  }
}

/// Split pages: `names[0]` is the overview, then one page per unit in top-down order.
public struct SplitPages: Sendable {
  let builder: DiagramBuilder
  let pageNames: PageNames
  let levels: Set<Level>?
  public let names: [String]

  /// The page name of each unit, in plan order (``names`` is in top-down order).
  public var unitPageNames: [String] { pageNames.unit }

  init(builder: DiagramBuilder, names: PageNames, levels: Set<Level>?) {
    self.builder = builder
    self.pageNames = names
    self.levels = levels
    self.names = [names.overview] + builder.order.map { names.unit[$0] }
  }

  /// DOT source of page `i` (0 is the overview).
  ///
  /// A unit's page: its chain up to the top and the unit itself as clusters with all their
  /// objectives (the context), and its direct children as compact boxes linking to their own
  /// pages (``DiagramBuilder/addChildBoxes(_:of:anchor:cluster:pageName:to:)``), so that a
  /// company with 60 departments still makes a page one can read.
  public func dot(_ i: Int) -> String {
    guard i > 0 else { return Overview(builder: builder, names: pageNames).graph().dot() }
    let index = builder.index
    let u = builder.order[i - 1]
    // Everything here costs the size of the page, not of the plan.
    func shown(_ v: Int) -> Bool { levels.map { set in index.plan.units[v].level.map(set.contains) ?? false } ?? true }
    var chain = index.ancestors(of: u).filter(shown) + [u]
    chain.sort { builder.position[$0] < builder.position[$1] }
    // A unit in a parent loop can be its own ancestor's child: it is drawn once, in the chain.
    let above = Set(index.ancestors(of: u) + [u])
    let children = index.children[u].filter { !above.contains($0) && shown($0) }
    var selected = [Bool](repeating: false, count: index.plan.units.count)
    for v in chain { selected[v] = true }
    let unit = index.plan.units[u]
    let names = pageNames
    let g = builder.graph(
      Selection(units: selected, index: index), title: builder.planTitle,
      // The meeting page has breadcrumbs: no file name to point at.
      subtitle: [builder.say(DiagramWords.unitPage(name: unit.name, id: unit.id))]
        + (builder.options.interactive ? [] : [builder.say(DiagramWords.overviewPage(names.overview))]),
      pageName: pageLink(from: u), highlight: u, units: chain, childBoxes: children)
    return g.dot()
  }

  /// Where a unit's cluster on the page of `u` links: up to the overview for `u` itself, its
  /// own page for the others. The meeting page follows fragments (`#index`, `#u/<id>`) itself.
  func pageLink(from u: Int) -> (Int) -> String {
    let names = pageNames
    guard builder.options.interactive else { return { $0 == u ? names.overview : names.unit[$0] } }
    let index = builder.index
    return { $0 == u ? "#index" : "#u/" + index.plan.units[$0].id }
  }
}
