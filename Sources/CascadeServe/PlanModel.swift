import CascadeCore
import CascadeReport

/// What the page knows of a plan, as JSON, in two parts so that neither grows with the plan:
/// the plan's model (its title, summary, the diagnostics it lists, the top units and the page's
/// words, in the presentation's language), and one document per unit (its chain up, its
/// neighbours for the keyboard, and its problems and score rolled up from everything below it).
/// Search has its own index (``SearchIndex``); filters read the classes of the diagram's nodes.
///
/// All text goes through ``JSONWriter``: a plan's text is data, never markup.
public struct PlanModel: Sendable {
  /// Problem counts of a unit: its own, and with everything below it.
  public struct Counts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    mutating func add(_ s: Severity) {
      switch s {
      case .error: errors += 1
      case .warning: warnings += 1
      case .info: infos += 1
      }
    }

    static func + (a: Counts, b: Counts) -> Counts {
      Counts(errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos)
    }
  }

  /// Per unit (plan order): problems in the unit itself, and in it and every unit below it.
  public let own: [Counts]
  public let rolledUp: [Counts]
  /// Per unit: its score and key results' standing together with every unit below it.
  public let subtrees: [SubtreeScore]
  /// Page name of each unit (`PageNames`: the unit id made safe), and of the overview.
  public let pageOfUnit: [String]

  /// Diagnostics the page lists when the plan has errors (the first ones, in order).
  public static let maxListed = 200
  /// Top units listed in the model (a plan has one or a few).
  public static let maxRoots = 200
  /// Breadcrumbs: the nearest units up (a valid plan has four levels; a loop of parents could
  /// otherwise make every unit's document as long as the plan).
  public static let maxChain = 32

  public init(_ result: LintResult, _ card: Scorecard, pages: [String]) {
    let index = result.index
    let n = index.plan.units.count
    var own = [Counts](repeating: Counts(), count: n)
    for d in result.diagnostics {
      guard let subject = d.subject, let u = Self.unit(of: subject, index) else { continue }
      own[u].add(d.severity)
    }
    // Children before parents: the tree order reversed (units in parent loops stay their own).
    var rolled = own
    for (u, _) in result.unitTree().reversed() {
      guard let p = index.parent[u], !index.inParentCycle[u], p != u else { continue }
      rolled[p] = rolled[p] + rolled[u]
    }
    self.own = own
    self.rolledUp = rolled
    self.subtrees = card.subtrees(result)
    self.pageOfUnit = pages
  }

  /// The unit a diagnostic's subject (`unit`, `unit/objective`, `unit/objective/kr`) names.
  static func unit(of subject: String, _ index: PlanIndex) -> Int? {
    let id = subject.split(separator: "/", maxSplits: 1).first.map(String.init) ?? subject
    return index.unitByID[id]
  }

  /// Units without a parent (or whose parent is missing), in plan order.
  static func roots(_ index: PlanIndex) -> [Int] {
    index.plan.units.indices.filter { index.parent[$0] == nil }
  }

  /// The plan's model as JSON: small whatever the size of the plan.
  public func json(_ result: LintResult, _ card: Scorecard, _ p: Presentation, version: Int, writable: Bool) -> String {
    let index = result.index
    var w = JSONWriter()
    w.object { w in
      w.field("version", version)
      w.field("language", p.language.rawValue)
      w.field("title", result.planName)
      w.field("cycle", result.planCycle?.label)
      w.field("as_of", card.asOf.description)
      w.field("writable", writable)
      w.field("units", index.plan.units.count)
      w.key("summary")
      w.summary(result.summary)
      w.key("words")
      Self.words(&w, p)
      w.key("diagnostics")
      w.array(result.diagnostics.prefix(Self.maxListed)) { w, d in w.diagnostic(d, p) }
      w.key("roots")
      w.array(Self.roots(index).prefix(Self.maxRoots)) { w, u in Self.unitRef(&w, u, index) }
    }
    return w.output
  }

  /// One unit for the page: names, page, score and problems rolled up, its chain up to the
  /// top (for breadcrumbs), the previous and next sibling and the first child (for the
  /// keyboard); nil for an unknown id.
  public func unitJSON(_ id: String, _ result: LintResult, _ card: Scorecard, _ p: Presentation) -> String? {
    let index = result.index
    guard let u = index.unitByID[id], u < pageOfUnit.count else { return nil }
    let unit = index.unit(u)
    let siblings = index.parent[u].map { index.children[$0] } ?? Self.roots(index)
    let at = siblings.firstIndex(of: u)
    var w = JSONWriter()
    w.object { w in
      w.field("id", unit.id)
      w.field("page", pageOfUnit[u])
      w.field("name", unit.name)
      w.field("level", unit.level?.rawValue)
      w.field("level_label", p(Words.level(unit.level)))
      w.field("owner", unit.owner)
      w.field("score", u < card.units.count ? card.units[u].score : nil)
      let s = u < subtrees.count ? subtrees[u] : SubtreeScore()
      w.key("below")
      w.object { w in
        w.field("score", s.score)
        w.field("units", s.units)
        w.field("key_results", s.keyResults)
        w.field("off_track", s.offTrack)
        w.field("at_risk", s.atRisk)
        w.field("stale", s.stale)
      }
      Self.counts(&w, "problems", own[u])
      Self.counts(&w, "problems_below", rolledUp[u])
      // Up to the top; a loop of parents stops where it comes back round.
      w.key("chain")
      w.array(index.ancestors(of: u).prefix(Self.maxChain).reversed()) { w, a in Self.unitRef(&w, a, index) }
      if let at, siblings.count > 1 {
        w.field("prev", index.unit(siblings[(at + siblings.count - 1) % siblings.count]).id)
        w.field("next", index.unit(siblings[(at + 1) % siblings.count]).id)
      }
      w.field("first_child", index.children[u].first.map { index.unit($0).id })
      w.field("children", index.children[u].count)
    }
    return w.output
  }

  static func unitRef(_ w: inout JSONWriter, _ u: Int, _ index: PlanIndex) {
    let unit = index.unit(u)
    w.object { w in
      w.field("id", unit.id)
      w.field("name", unit.name)
    }
  }

  static func counts(_ w: inout JSONWriter, _ key: String, _ c: Counts) {
    w.key(key)
    w.object { w in
      w.field("errors", c.errors)
      w.field("warnings", c.warnings)
      w.field("infos", c.infos)
    }
  }

  /// The page's own words, so that the script holds no language.
  static func words(_ w: inout JSONWriter, _ p: Presentation) {
    let words: [(String, Message)] = [
      ("overview", Message(en: "Overview", zh: "总览")),
      ("search", Message(en: "Search units, people, objectives, key results", zh: "搜索单元、人员、目标、关键结果")),
      ("no_match", Message(en: "No match", zh: "没有匹配的结果")),
      ("filter_off_track", Words.status(.offTrack)),
      ("filter_at_risk", Words.status(.atRisk)),
      ("filter_stale", Words.stale),
      ("filter_problems", Message(en: "has problems", zh: "有问题")),
      ("filter_committed", Words.objectiveType(.committed)),
      ("status_not_started", Words.status(.notStarted)),
      ("status_off_track", Words.status(.offTrack)),
      ("status_at_risk", Words.status(.atRisk)),
      ("status_on_track", Words.status(.onTrack)),
      ("status_done", Words.status(.done)),
      ("committed", Words.objectiveType(.committed)),
      ("aspirational", Words.objectiveType(.aspirational)),
      ("score", Message(en: "score", zh: "得分")),
      ("progress", Message(en: "progress", zh: "进度")),
      ("current", Message(en: "current", zh: "当前值")),
      ("target", Message(en: "target", zh: "目标值")),
      ("baseline", Message(en: "baseline", zh: "基线")),
      ("forecast", Message(en: "forecast", zh: "预测")),
      ("confidence", Message(en: "confidence", zh: "信心指数")),
      ("expected", Message(en: "expected pace", zh: "预期进度")),
      ("checkins", Message(en: "Check-ins", zh: "进展更新")),
      ("notes", Message(en: "Latest notes", zh: "最近备注")),
      ("explain", Message(en: "How the score is computed", zh: "得分是怎样算出来的")),
      ("links_up", Message(en: "Aligns to", zh: "对齐到")),
      ("links_down", Message(en: "Supported by", zh: "下级支撑")),
      ("errors", Message(en: "errors", zh: "个错误")),
      ("warnings", Message(en: "warnings", zh: "个警告")),
      ("problems_below", Message(en: "problems here and below", zh: "本单元及下级的问题")),
      ("review", Message(en: "Monthly review", zh: "月度回顾")),
      ("presenter", Message(en: "Presenter mode", zh: "演示模式")),
      ("fit", Message(en: "Fit", zh: "适应窗口")),
      ("close", Message(en: "Close", zh: "关闭")),
      ("record_checkin", Message(en: "Record a check-in", zh: "记录进展更新")),
      ("value", Message(en: "value", zh: "数值")),
      ("note", Message(en: "note", zh: "备注")),
      ("save", Message(en: "Save", zh: "保存")),
      ("saved", Message(en: "Saved", zh: "已保存")),
      ("invalid", Message(en: "The plan has errors; showing them until it is fixed.", zh: "计划中有错误，修正之前先显示这些问题。")),
      ("updated", Message(en: "Updated", zh: "已更新")),
      ("no_checkins", Message(en: "No check-in yet", zh: "还没有进展更新")),
    ]
    w.object { w in
      for (key, message) in words { w.field(key, p(message)) }
    }
  }
}
