import CascadeCore

/// The deliberate mistakes, in the order they are handed out.
enum DefectKind: CaseIterable {
  case unresolvedRef, unalignedObjective, krNoTarget, krNoBaseline, krDirectionMismatch,
    krTargetEqualsBaseline
  case krVagueWording, krDueOutsideCycle, duplicateID, objectiveNoKRs, unitParentMissing, levelOrder
  case unknownField, cycleMismatch, yamlSyntax

  var rule: String {
    switch self {
    case .unresolvedRef: "unresolved-ref"
    case .unalignedObjective: "unaligned-objective"
    case .krNoTarget: "kr-no-target"
    case .krNoBaseline: "kr-no-baseline"
    case .krDirectionMismatch: "kr-direction-mismatch"
    case .krTargetEqualsBaseline: "kr-target-equals-baseline"
    case .krVagueWording: "kr-vague-wording"
    case .krDueOutsideCycle: "kr-due-outside-cycle"
    case .duplicateID: "duplicate-id"
    case .objectiveNoKRs: "objective-no-krs"
    case .unitParentMissing: "unit-parent-missing"
    case .levelOrder: "level-order"
    case .unknownField: "unknown-field"
    case .cycleMismatch: "cycle-mismatch"
    case .yamlSyntax: "yaml-syntax"
    }
  }
}

enum Defects {
  /// Picks `round(rate × units)` units and gives each one mistake, cycling through the kinds.
  /// A kind that does not fit a unit (a broken parent for a department, say, whose children
  /// would then fail too) passes to the next unit.
  static func inject(into model: inout OrganisationModel, options: GeneratorOptions)
    -> [InjectedDefect]
  {
    let rate = min(1, max(0, options.defectRate.isNaN ? 0 : options.defectRate))
    let count = Int((rate * Double(model.units.count)).rounded())
    guard count > 0 else { return [] }
    var rng = SplitMix64(seed: options.seed, 4)
    var order = Array(model.units.indices)
    rng.shuffle(&order)
    let ids = Set(model.units.map(\.id))
    let kinds = DefectKind.allCases
    var cursor = 0
    var out: [InjectedDefect] = []
    for u in order.prefix(count) {
      for step in 0..<kinds.count {
        let k = (cursor + step) % kinds.count
        if let d = apply(kinds[k], to: &model.units[u], ids: ids, options: options, rng: &rng) {
          out.append(d)
          cursor = (k + 1) % kinds.count
          break
        }
      }
    }
    return out
  }

  /// Applies one mistake, or returns nil (changing nothing) when it does not fit the unit.
  static func apply(
    _ kind: DefectKind, to u: inout UnitModel, ids: Set<String>, options: GeneratorOptions,
    rng: inout SplitMix64
  ) -> InjectedDefect? {
    func defect(_ subject: String?) -> InjectedDefect {
      InjectedDefect(rule: kind.rule, file: u.path, subject: subject)
    }
    /// A random key result passing `filter`: (objective, key result).
    func pickKeyResult(_ filter: (KeyResultModel) -> Bool) -> (Int, Int)? {
      var candidates: [(Int, Int)] = []
      for (o, objective) in u.objectives.enumerated() {
        for (k, kr) in objective.keyResults.enumerated() where filter(kr) {
          candidates.append((o, k))
        }
      }
      return candidates.isEmpty ? nil : rng.pick(candidates)
    }
    func krSubject(_ o: Int, _ k: Int) -> String {
      "\(u.id)/\(u.objectives[o].id)/\(u.objectives[o].keyResults[k].id)"
    }
    let individual = u.level == .individual
    switch kind {
    case .unresolvedRef:
      let aligned = u.objectives.indices.filter { !u.objectives[$0].alignsTo.isEmpty }
      guard !aligned.isEmpty else { return nil }
      let o = rng.pick(aligned)
      let reference = u.objectives[o].alignsTo[0]
      guard let slash = reference.lastIndex(of: "/") else { return nil }
      let unit = reference[..<slash]
      let objective = String(reference[reference.index(after: slash)...])
      u.objectives[o].alignsTo[0] = "\(unit)/\(typo(objective, rng: &rng))"
      return defect("\(u.id)/\(u.objectives[o].id)")

    case .unalignedObjective:
      guard u.level != .company, !u.objectives.isEmpty else { return nil }
      let o = rng.int(u.objectives.count)
      u.objectives[o].alignsTo = []
      for k in u.objectives[o].keyResults.indices {
        u.objectives[o].keyResults[k].contributesTo = nil
        u.objectives[o].keyResults[k].contributesToIndex = nil
      }
      return defect("\(u.id)/\(u.objectives[o].id)")

    case .krNoTarget:
      guard let (o, k) = pickKeyResult({ $0.kind != .milestone && $0.target != nil }) else {
        return nil
      }
      u.objectives[o].keyResults[k].target = nil
      return defect(krSubject(o, k))

    case .krNoBaseline:
      guard let (o, k) = pickKeyResult({ $0.kind == .increase || $0.kind == .decrease }) else {
        return nil
      }
      u.objectives[o].keyResults[k].baseline = nil
      return defect(krSubject(o, k))

    case .krDirectionMismatch:
      guard let (o, k) = pickKeyResult({ $0.kind == .increase || $0.kind == .decrease }) else {
        return nil
      }
      let kr = u.objectives[o].keyResults[k]
      u.objectives[o].keyResults[k].baseline = kr.target
      u.objectives[o].keyResults[k].target = kr.baseline
      u.objectives[o].keyResults[k].writesKind = true
      return defect(krSubject(o, k))

    case .krTargetEqualsBaseline:
      guard let (o, k) = pickKeyResult({ $0.kind == .increase || $0.kind == .decrease }) else {
        return nil
      }
      u.objectives[o].keyResults[k].target = u.objectives[o].keyResults[k].baseline
      return defect(krSubject(o, k))

    case .krVagueWording:
      guard let (o, k) = pickKeyResult({ $0.kind != .milestone }) else { return nil }
      u.objectives[o].keyResults[k].title = rng.pick(
        u.chinese ? Vocabulary.vagueChinese : Vocabulary.vagueEnglish)
      return defect(krSubject(o, k))

    case .krDueOutsideCycle:
      guard let cycle = Cycle(label: u.cycle), let (o, k) = pickKeyResult({ _ in true }) else {
        return nil
      }
      u.objectives[o].keyResults[k].due = cycle.end + 10 + rng.int(30)
      return defect(krSubject(o, k))

    case .duplicateID:
      // The renamed key result must have nothing below contributing to it, or those
      // contributions would stop resolving in other files.
      var candidates: [(Int, Int)] = []
      for (o, objective) in u.objectives.enumerated() {
        let first = objective.keyResults.first?.id
        for (k, kr) in objective.keyResults.enumerated().dropFirst()
        where !kr.hasIncoming && kr.id != first {
          candidates.append((o, k))
        }
      }
      guard !candidates.isEmpty else { return nil }
      let (o, k) = rng.pick(candidates)
      u.objectives[o].keyResults[k].id = u.objectives[o].keyResults[0].id
      return defect(krSubject(o, k))

    case .objectiveNoKRs:
      let candidates = u.objectives.indices.filter { o in
        !u.objectives[o].keyResults.contains(where: \.hasIncoming)
      }
      guard !candidates.isEmpty else { return nil }
      let o = rng.pick(candidates)
      u.objectives[o].keyResults = []
      return defect("\(u.id)/\(u.objectives[o].id)")

    case .unitParentMissing:
      // Only individuals: a missing team or department would break its children's chains too.
      guard individual, let parent = u.parentID else { return nil }
      var wrong = parent.filter { $0 != "-" }
      if wrong == parent || ids.contains(wrong) { wrong = parent + "x" }
      u.parentID = wrong
      return defect(u.id)

    case .levelOrder:
      guard individual else { return nil }
      u.writtenLevel = .department
      return defect(u.id)

    case .unknownField:
      // `titel:` for `title:`; the missing title is then a schema error too (same file).
      guard !u.objectives.isEmpty else { return nil }
      if rng.chance(0.5) {
        let o = rng.int(u.objectives.count)
        u.objectives[o].titleKey = "titel"
      } else {
        guard let (o, k) = pickKeyResult({ _ in true }) else { return nil }
        u.objectives[o].keyResults[k].titleKey = "titel"
      }
      return defect(nil)

    case .cycleMismatch:
      // Only individuals: nobody links to them, so only their own links mismatch.
      guard individual, let first = u.objectives.first, !first.alignsTo.isEmpty,
        let cycle = Cycle(label: u.cycle), let next = nextCycle(u.cycle),
        let later = Cycle(label: next)
      else { return nil }
      u.cycle = next
      for o in u.objectives.indices {
        for k in u.objectives[o].keyResults.indices {
          if let due = u.objectives[o].keyResults[k].due {
            u.objectives[o].keyResults[k].due = min(later.end, later.start + (due - cycle.start))
          }
        }
      }
      return defect("\(u.id)/\(first.id)")

    case .yamlSyntax:
      // Only individuals: the unit is lost, and nothing may depend on it.
      guard individual, let (o, k) = pickKeyResult({ _ in true }) else { return nil }
      u.objectives[o].keyResults[k].brokenTitle = true
      return defect(nil)
    }
  }

  /// A believable misspelling of an id: two neighbouring letters swapped, or one dropped.
  static func typo(_ id: String, rng: inout SplitMix64) -> String {
    var chars = Array(id)
    let letters = chars.indices.dropLast().filter {
      chars[$0].isLetter && chars[$0 + 1].isLetter && chars[$0] != chars[$0 + 1]
    }
    if !letters.isEmpty {
      let i = rng.pick(letters)
      chars.swapAt(i, i + 1)
    } else if chars.count > 1 {
      chars.remove(at: chars.count - 1)
    } else {
      chars.append("x")
    }
    return String(chars)
  }

  /// The cycle after `label`: 2027-Q1 → 2027-Q2, 2027-H2 → 2028-H1, 2027-12 → 2028-01, 2027 → 2028.
  static func nextCycle(_ label: String) -> String? {
    guard let cycle = Cycle(label: label) else { return nil }
    let (y, m, _) = cycle.start.components
    let u = cycle.label.uppercased()
    if u.count == 4 { return String(y + 1) }
    let tag = u.dropFirst(5)
    if tag.hasPrefix("Q") {
      let q = (m - 1) / 3 + 1
      return q == 4 ? "\(y + 1)-Q1" : "\(y)-Q\(q + 1)"
    }
    if tag.hasPrefix("H") { return m == 1 ? "\(y)-H2" : "\(y + 1)-H1" }
    return m == 12 ? "\(y + 1)-01" : "\(y)-\(m + 1 < 10 ? "0" : "")\(m + 1)"
  }
}
