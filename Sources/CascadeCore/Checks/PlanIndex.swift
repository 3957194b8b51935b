import CascadeSystem

/// Position of an objective in `plan.units[unit].objectives[objective]`.
public struct ObjectiveAddress: Hashable, Sendable {
  public var unit: Int
  public var objective: Int
  public init(unit: Int, objective: Int) {
    self.unit = unit
    self.objective = objective
  }
}

/// What a reference resolves to.
public enum LinkTarget: Hashable, Sendable {
  case objective(ObjectiveAddress)
  case keyResult(ObjectiveAddress, Int)

  public var objective: ObjectiveAddress {
    switch self {
    case .objective(let o), .keyResult(let o, _): o
    }
  }
}

/// One upward link written in a plan: an objective's `aligns_to` or a key result's `contributes_to`.
public struct Link: Sendable {
  public enum Kind: Sendable { case alignsTo, contributesTo }
  public var kind: Kind
  public var source: ObjectiveAddress
  /// The key result that contributes, for `contributesTo`.
  public var sourceKeyResult: Int?
  public var reference: Reference
  /// Nil when the reference does not resolve.
  public var target: LinkTarget?
}

/// The plan with its lookups built once: units by id, objectives by id, parents, children
/// and every link resolved. Every check reads this; nothing in it is quadratic.
public struct PlanIndex: Sendable {
  public let plan: Plan
  /// First unit with each id.
  public let unitByID: [String: Int]
  /// Per unit: first objective with each id.
  public let objectiveByID: [[String: Int]]
  /// Per unit: index of its parent unit, when the parent exists.
  public let parent: [Int?]
  public let children: [[Int]]
  /// Per unit: true when its parent chain loops.
  public let inParentCycle: [Bool]
  public let links: [Link]
  /// Per unit, per objective: indices into `links` of the links that point at it (or at one of its key results).
  public let incoming: [[[Int]]]
  /// Per unit, per objective: the ordinal of its first key result in plan order.
  public let keyResultBase: [[Int]]
  /// Title facts of every key result, by ordinal (see `ordinal(of:)`); blank ones in an index
  /// made without the wording analysis.
  public let titleFacts: [TitleFacts]
  /// How many key results the plan has: the size of every per-key-result table.
  public let keyResultCount: Int
  /// Indices into `links` of the `contributes_to` links that name a key result, grouped by that
  /// key result's ordinal (in plan order within a group): group `i` is
  /// `contributionLinks[contributionStart[i]..<contributionStart[i + 1]]`.
  let contributionLinks: [Int32]
  let contributionStart: [Int32]

  /// `wording: false` skips the wording analysis of every title (the costliest part, which
  /// only the rules read): `cascade checkin` runs none.
  public init(_ plan: Plan, wording: Bool = true) {
    self.plan = plan
    let units = plan.units
    var unitByID: [String: Int] = [:]
    unitByID.reserveCapacity(units.count)
    for (i, u) in units.enumerated() where unitByID[u.id] == nil { unitByID[u.id] = i }
    self.unitByID = unitByID

    let objectiveByID: [[String: Int]] = units.map { u in
      var d: [String: Int] = [:]
      d.reserveCapacity(u.objectives.count)
      for (i, o) in u.objectives.enumerated() where d[o.id] == nil { d[o.id] = i }
      return d
    }
    self.objectiveByID = objectiveByID
    let parent = units.map { u in u.parent.flatMap { unitByID[$0] } }
    self.parent = parent
    var children = [[Int]](repeating: [], count: units.count)
    for (i, p) in parent.enumerated() { if let p { children[p].append(i) } }
    self.children = children

    // Parent loops: walk each chain once, colouring as we go (linear overall).
    var state = [UInt8](repeating: 0, count: units.count)  // 0 new, 1 on path, 2 done
    var cyclic = [Bool](repeating: false, count: units.count)
    for start in units.indices where state[start] == 0 {
      var path: [Int] = []
      var node: Int? = start
      while let n = node, state[n] == 0 {
        state[n] = 1
        path.append(n)
        node = parent[n]
      }
      if let n = node, state[n] == 1, let at = path.firstIndex(of: n) {
        for m in path[at...] { cyclic[m] = true }
      }
      for m in path { state[m] = 2 }
    }
    inParentCycle = cyclic

    var allLinks: [Link] = []
    var incomingLinks = units.map { u in [[Int]](repeating: [], count: u.objectives.count) }
    func resolve(_ r: Reference) -> LinkTarget? {
      PlanIndex.resolve(unit: r.unit, objective: r.objective, keyResult: r.keyResult, units, unitByID, objectiveByID)
    }
    for (ui, u) in units.enumerated() {
      for (oi, o) in u.objectives.enumerated() {
        let source = ObjectiveAddress(unit: ui, objective: oi)
        for r in o.alignsTo {
          allLinks.append(Link(kind: .alignsTo, source: source, sourceKeyResult: nil, reference: r, target: resolve(r)))
        }
        for (ki, kr) in o.keyResults.enumerated() {
          for r in kr.contributesTo {
            allLinks.append(
              Link(kind: .contributesTo, source: source, sourceKeyResult: ki, reference: r, target: resolve(r)))
          }
        }
      }
    }
    for (i, l) in allLinks.enumerated() {
      if let t = l.target?.objective { incomingLinks[t.unit][t.objective].append(i) }
    }
    self.links = allLinks
    self.incoming = incomingLinks

    var base: [[Int]] = []
    base.reserveCapacity(units.count)
    var unitBase: [Int] = []
    unitBase.reserveCapacity(units.count)
    var count = 0
    for u in units {
      unitBase.append(count)
      base.append(
        u.objectives.map { o in
          defer { count += o.keyResults.count }
          return count
        })
    }
    keyResultBase = base
    // A counting sort of the links by the key result they name: contributors(to:) reads one
    // group instead of every link into the objective (a sum per key result of an objective
    // with many of them was quadratic).
    var start = [Int32](repeating: 0, count: count + 1)
    func targetOrdinal(_ l: Link) -> Int? {
      guard l.kind == .contributesTo, l.sourceKeyResult != nil, case .keyResult(let o, let k)? = l.target else {
        return nil
      }
      return base[o.unit][o.objective] + k
    }
    for l in allLinks { if let t = targetOrdinal(l) { start[t + 1] += 1 } }
    for i in 0..<count { start[i + 1] += start[i] }
    var fill = start
    var grouped = [Int32](repeating: 0, count: Int(start[count]))
    for (i, l) in allLinks.enumerated() {
      guard let t = targetOrdinal(l) else { continue }
      grouped[Int(fill[t])] = Int32(truncatingIfNeeded: i)
      fill[t] += 1
    }
    contributionLinks = grouped
    contributionStart = start
    // The wording analysis is the costliest check: run it once per title, on every core.
    // Per unit, in plan order: joined, they are in key-result ordinal order.
    keyResultCount = count
    guard wording else {
      titleFacts = [TitleFacts](repeating: TitleFacts(), count: count)
      return
    }
    let facts = parallelMap(units.count, chunk: 16) { ui in
      units[ui].objectives.flatMap { o in o.keyResults.map(TitleFacts.init) }
    }
    titleFacts = Array(facts.joined())
  }

  /// The key result's position in plan order, for per-key-result tables like `titleFacts`.
  public func ordinal(of k: KeyResultAddress) -> Int {
    keyResultBase[k.objective.unit][k.objective.objective] + k.keyResult
  }

  public func unit(_ i: Int) -> Unit { plan.units[i] }

  public func objective(_ a: ObjectiveAddress) -> Objective {
    plan.units[a.unit].objectives[a.objective]
  }

  /// `unit/objective`.
  public func reference(_ a: ObjectiveAddress) -> String {
    "\(plan.units[a.unit].id)/\(plan.units[a.unit].objectives[a.objective].id)"
  }

  /// `unit/objective/key-result`.
  public func reference(_ a: ObjectiveAddress, keyResult k: Int) -> String {
    "\(reference(a))/\(plan.units[a.unit].objectives[a.objective].keyResults[k].id)"
  }

  public func reference(_ t: LinkTarget) -> String {
    switch t {
    case .objective(let a): reference(a)
    case .keyResult(let a, let k): reference(a, keyResult: k)
    }
  }

  /// True when `ancestor` is above `unit` in the parent chain (not the unit itself).
  public func isAncestor(_ ancestor: Int, of unit: Int) -> Bool {
    var node = parent[unit]
    var steps = 0
    while let n = node, steps <= plan.units.count {
      if n == ancestor { return true }
      node = parent[n]
      steps += 1
    }
    return false
  }

  /// The chain from `unit`'s parent up to the top (stops at a loop).
  public func ancestors(of unit: Int) -> [Int] {
    var out: [Int] = []
    var node = parent[unit]
    while let n = node, n != unit, out.count < plan.units.count, !out.contains(n) {
      out.append(n)
      node = parent[n]
    }
    return out
  }

  /// Key results whose `contributes_to` names this key result, in plan order, each once (a
  /// key result that lists the same target twice is summed once, not twice).
  public func contributors(to k: KeyResultAddress) -> [KeyResultAddress] {
    let i = ordinal(of: k)
    let group = contributionLinks[Int(contributionStart[i])..<Int(contributionStart[i + 1])]
    var out: [KeyResultAddress] = []
    out.reserveCapacity(group.count)
    var seen = Set<KeyResultAddress>()
    for li in group {
      let l = links[Int(li)]
      guard let source = l.sourceKeyResult.map({ KeyResultAddress(l.source, $0) }) else { continue }
      if group.count == 1 || seen.insert(source).inserted { out.append(source) }
    }
    return out
  }

  /// Objectives whose `aligns_to` names this objective or one of its key results (each once).
  public func alignedChildren(of a: ObjectiveAddress) -> [ObjectiveAddress] {
    var seen = Set<ObjectiveAddress>()
    return incoming[a.unit][a.objective].compactMap { i in
      let l = links[i]
      guard l.kind == .alignsTo, l.source != a, seen.insert(l.source).inserted else { return nil }
      return l.source
    }
  }

  /// Every objective address, in plan order.
  public var objectiveAddresses: [ObjectiveAddress] {
    var out: [ObjectiveAddress] = []
    for (u, unit) in plan.units.enumerated() {
      for o in unit.objectives.indices { out.append(ObjectiveAddress(unit: u, objective: o)) }
    }
    return out
  }
}

// MARK: - Resolving references

/// What a reference written by a person names: a unit, an objective or a key result.
public enum Resolved: Hashable, Sendable {
  case unit(Int)
  case objective(ObjectiveAddress)
  case keyResult(KeyResultAddress)
}

/// The one resolver of references (`unit`, `unit/objective`, `unit/objective/key-result`) and
/// the one "did you mean": check-ins, `explain`, `checkin` and the rules all ask here.
extension PlanIndex {
  /// What kinds of thing a reference may name, for ``suggestion(for:kinds:)``.
  public struct Kinds: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let unit = Kinds(rawValue: 1)
    public static let objective = Kinds(rawValue: 2)
    public static let keyResult = Kinds(rawValue: 4)
    public static let all: Kinds = [.unit, .objective, .keyResult]
  }

  static func resolve(
    unit: String, objective: String, keyResult: String?, _ units: [Unit], _ unitByID: [String: Int],
    _ objectiveByID: [[String: Int]]
  ) -> LinkTarget? {
    guard let u = unitByID[unit], let o = objectiveByID[u][objective] else { return nil }
    let address = ObjectiveAddress(unit: u, objective: o)
    guard let kr = keyResult else { return .objective(address) }
    guard let k = units[u].objectives[o].keyResults.firstIndex(where: { $0.id == kr }) else { return nil }
    return .keyResult(address, k)
  }

  /// A reference written in the plan (`aligns_to`, `contributes_to`).
  public func resolve(_ r: Reference) -> LinkTarget? {
    PlanIndex.resolve(
      unit: r.unit, objective: r.objective, keyResult: r.keyResult, plan.units, unitByID, objectiveByID)
  }

  /// `unit`, `unit/objective` or `unit/objective/key-result`; nil when it names nothing.
  public func resolve(_ text: String) -> Resolved? {
    if let u = unitByID[text] { return .unit(u) }
    return resolveBelowUnit(text)
  }

  /// `unit/objective/key-result` only (a check-in's reference); nil for anything else.
  public func keyResult(_ text: String) -> KeyResultAddress? {
    guard case .keyResult(let k)? = resolveBelowUnit(text) else { return nil }
    return k
  }

  /// `unit/objective` or `unit/objective/key-result`, split without copying the text.
  private func resolveBelowUnit(_ text: String) -> Resolved? {
    let parts = text.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3,
      let u = unitByID[String(decoding: parts[0], as: UTF8.self)],
      let o = objectiveByID[u][String(decoding: parts[1], as: UTF8.self)]
    else { return nil }
    let address = ObjectiveAddress(unit: u, objective: o)
    guard parts.count == 3 else { return .objective(address) }
    let id = String(decoding: parts[2], as: UTF8.self)
    guard let k = plan.units[u].objectives[o].keyResults.firstIndex(where: { $0.id == id }) else { return nil }
    return .keyResult(KeyResultAddress(address, k))
  }

  /// The unit id closest to `id` (a typo), or nil.
  public func unitID(closestTo id: String) -> String? {
    Suggestion.closest(to: id, in: plan.units.lazy.map(\.id))
  }

  /// The id of `unit`'s objective closest to `id`, or nil.
  public func objectiveID(closestTo id: String, in unit: Int) -> String? {
    Suggestion.closest(to: id, in: plan.units[unit].objectives.lazy.map(\.id))
  }

  /// The id of the objective's key result closest to `id`, or nil.
  public func keyResultID(closestTo id: String, in a: ObjectiveAddress) -> String? {
    Suggestion.closest(to: id, in: objective(a).keyResults.lazy.map(\.id))
  }

  /// The reference of one of `kinds` closest to `text`, or nil. Candidates are narrowed by the
  /// unit the text names (or the unit id closest to it), so the search stays small.
  public func suggestion(for text: String, kinds: Kinds = .all) -> String? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first else { return nil }
    if parts.count == 1 {
      guard kinds.contains(.unit) else { return nil }
      return unitID(closestTo: text)
    }
    guard let u = unitByID[first] ?? unitID(closestTo: first).flatMap({ unitByID[$0] }) else { return nil }
    let unit = plan.units[u]
    var candidates: [String] = []
    if kinds.contains(.unit) { candidates.append(unit.id) }
    for o in unit.objectives {
      if kinds.contains(.objective) { candidates.append("\(unit.id)/\(o.id)") }
      if kinds.contains(.keyResult) {
        for kr in o.keyResults { candidates.append("\(unit.id)/\(o.id)/\(kr.id)") }
      }
    }
    return Suggestion.closest(to: text, in: candidates, maxDistance: max(3, text.count / 4))
  }

  /// The unit whose display name is `text` (a `parent` written as `销售部`), or nil. One scan;
  /// a rule asking for many names uses ``NameLookup``.
  public func unit(named text: String) -> Int? { NameLookup(self).unit(named: text) }

  /// The reference of the objective, else the key result, whose title is `text` (an
  /// `aligns_to` or `contributes_to` written as a title), and whether it is an objective.
  public func reference(titled text: String) -> (reference: String, isObjective: Bool)? {
    NameLookup(self).reference(titled: text)
  }
}

/// Units by display name and objectives and key results by title, trimmed, built once: a plan
/// where every link is written as a title costs one pass, not one pass per link. The first unit,
/// objective or key result wins; an objective before any key result.
public struct NameLookup: Sendable {
  private var units: [String: Int] = [:]
  private var titles: [String: (reference: String, isObjective: Bool)] = [:]

  public init(_ index: PlanIndex) {
    for (i, u) in index.plan.units.enumerated() {
      let name = u.name.trimmingSpaces
      if !name.isEmpty, units[name] == nil { units[name] = i }
    }
    for a in index.objectiveAddresses {
      let title = index.objective(a).title.trimmingSpaces
      if !title.isEmpty, titles[title] == nil { titles[title] = (index.reference(a), true) }
    }
    for a in index.objectiveAddresses {
      for (k, kr) in index.objective(a).keyResults.enumerated() {
        let title = kr.title.trimmingSpaces
        if !title.isEmpty, titles[title] == nil { titles[title] = (index.reference(a, keyResult: k), false) }
      }
    }
  }

  public func unit(named text: String) -> Int? { units[text.trimmingSpaces] }

  public func reference(titled text: String) -> (reference: String, isObjective: Bool)? {
    titles[text.trimmingSpaces]
  }
}
