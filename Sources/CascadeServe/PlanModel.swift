import CascadeCore
import CascadeReport

/// What the page knows of a plan, as JSON: every unit with its problems and score rolled up
/// from everything below it, every objective and key result with its status, and the words the
/// page shows, in the presentation's language. One document, built once per version of the
/// plan; the browser searches and filters it without asking the server again.
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
  /// Per unit: how many key results in it and below it are off track, at risk, stale.
  public let troubleBelow: [(offTrack: Int, atRisk: Int, stale: Int)]
  /// Page name of each unit (`PageNames`: the unit id made safe), and of the overview.
  public let pageOfUnit: [String]

  /// Problems per objective reference, its key results' included.
  public let objectiveProblems: [String: Int]

  /// Diagnostics the page lists when the plan has errors (the first ones, in order).
  public static let maxListed = 200

  public init(_ result: LintResult, _ card: Scorecard, pages: [String]) {
    let index = result.index
    let n = index.plan.units.count
    var own = [Counts](repeating: Counts(), count: n)
    var objectiveProblems: [String: Int] = [:]
    for d in result.diagnostics {
      guard let subject = d.subject, let u = Self.unit(of: subject, index) else { continue }
      own[u].add(d.severity)
      let parts = subject.split(separator: "/")
      if parts.count >= 2 { objectiveProblems["\(parts[0])/\(parts[1])", default: 0] += 1 }
    }
    self.objectiveProblems = objectiveProblems
    var trouble = [(offTrack: Int, atRisk: Int, stale: Int)](repeating: (0, 0, 0), count: n)
    for s in card.keyResults {
      let u = s.address.objective.unit
      if s.status == .offTrack { trouble[u].offTrack += 1 }
      if s.status == .atRisk { trouble[u].atRisk += 1 }
      if s.stale { trouble[u].stale += 1 }
    }
    // Children before parents: the tree order reversed (units in parent loops stay their own).
    var rolled = own
    var troubleBelow = trouble
    for (u, _) in result.unitTree().reversed() {
      guard let p = index.parent[u], !index.inParentCycle[u], p != u else { continue }
      rolled[p] = rolled[p] + rolled[u]
      troubleBelow[p].offTrack += troubleBelow[u].offTrack
      troubleBelow[p].atRisk += troubleBelow[u].atRisk
      troubleBelow[p].stale += troubleBelow[u].stale
    }
    self.own = own
    self.rolledUp = rolled
    self.troubleBelow = troubleBelow
    self.pageOfUnit = pages
  }

  /// The unit a diagnostic's subject (`unit`, `unit/objective`, `unit/objective/kr`) names.
  static func unit(of subject: String, _ index: PlanIndex) -> Int? {
    let id = subject.split(separator: "/", maxSplits: 1).first.map(String.init) ?? subject
    return index.unitByID[id]
  }

  /// The whole model as JSON.
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
      w.key("summary")
      w.summary(result.summary)
      w.key("words")
      Self.words(&w, p)
      w.key("diagnostics")
      w.array(result.diagnostics.prefix(Self.maxListed)) { w, d in w.diagnostic(d, p) }
      w.key("units")
      w.array(result.unitTree()) { w, entry in
        let (u, depth) = entry
        let unit = index.unit(u)
        w.object { w in
          w.field("id", unit.id)
          w.field("page", pageOfUnit[u])
          w.field("name", unit.name)
          w.field("level", unit.level?.rawValue)
          w.field("level_label", p(Words.level(unit.level)))
          w.field("owner", unit.owner)
          w.field("depth", depth)
          w.field("parent", index.parent[u].map { index.unit($0).id })
          w.key("children")
          w.array(index.children[u]) { w, c in w.value(index.unit(c).id) }
          w.field("score", card.units[u].score)
          Self.counts(&w, "problems", own[u])
          Self.counts(&w, "problems_below", rolledUp[u])
          w.key("trouble_below")
          w.object { w in
            w.field("off_track", troubleBelow[u].offTrack)
            w.field("at_risk", troubleBelow[u].atRisk)
            w.field("stale", troubleBelow[u].stale)
          }
          w.key("objectives")
          w.array(unit.objectives.indices) { w, oi in
            let a = ObjectiveAddress(unit: u, objective: oi)
            let o = unit.objectives[oi]
            let s = card.score(of: a)
            w.object { w in
              w.field("ref", index.reference(a))
              w.field("id", o.id)
              w.field("title", o.title)
              w.field("type", o.type.rawValue)
              w.field("score", s?.score)
              w.field("status", s?.status.rawValue)
              w.field("problems", objectiveProblems[index.reference(a)] ?? 0)
              w.key("aligns_to")
              w.array(o.alignsTo) { w, r in w.value(r.description) }
              w.key("supported_by")
              w.array(index.alignedChildren(of: a)) { w, c in w.value(index.reference(c)) }
              w.key("key_results")
              w.array(o.keyResults.indices) { w, k in
                let kr = o.keyResults[k]
                let ks = card.score(of: KeyResultAddress(a, k))
                w.object { w in
                  w.field("ref", index.reference(a, keyResult: k))
                  w.field("id", kr.id)
                  w.field("title", kr.title)
                  w.field("kind", kr.effectiveKind?.rawValue)
                  w.field("unit", kr.unit)
                  w.field("baseline", kr.baseline)
                  w.field("target", kr.target)
                  w.field("current", ks?.current)
                  w.field("progress", ks?.progress)
                  w.field("status", ks?.status.rawValue)
                  w.field("stale", ks?.stale ?? false)
                  w.field("forecast", ks?.forecast)
                  w.field("confidence", ks?.confidence)
                  w.field("last_checkin", ks?.lastCheckIn?.description)
                  w.key("contributes_to")
                  w.array(kr.contributesTo) { w, r in w.value(r.description) }
                }
              }
            }
          }
        }
      }
    }
    return w.output
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
