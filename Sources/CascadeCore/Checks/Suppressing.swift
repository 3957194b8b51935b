/// Applies the plan's `# cascade:disable…` comments (``Suppression``) to the diagnostics the
/// rules reported: what they silence is dropped, and each directive, or rule in it, that
/// silenced nothing is reported (``SuperfluousDisableRule``).
enum Suppressing {
  static func apply(_ index: PlanIndex, _ diagnostics: [Diagnostic]) -> [Diagnostic] {
    let all = index.plan.suppressions
    let known = Set(RuleRegistry.all.map(\.description.id))
    // The objective or key result whose `- id:` line is right below an item directive.
    var itemAt: [String: [Int: String]] = [:]
    for (u, unit) in index.plan.units.enumerated() {
      for (oi, o) in unit.objectives.enumerated() {
        let a = ObjectiveAddress(unit: u, objective: oi)
        itemAt[unit.file, default: [:]][Int(o.mark.line)] = index.reference(a)
        for (k, kr) in o.keyResults.enumerated() {
          itemAt[unit.file, default: [:]][Int(kr.mark.line)] = index.reference(a, keyResult: k)
        }
      }
    }
    // Per directive: the subject it covers (item) and which of its rules silenced something.
    let covered: [String?] = all.map { s in
      s.kind == .item ? itemAt[s.location.file]?[s.location.line + 1] : nil
    }
    var used = all.map { Array(repeating: false, count: $0.rules.count) }
    // By file and line, the directives that may silence a diagnostic there.
    var byLine: [String: [Int: [Int]]] = [:]
    var bySubject: [String: [Int]] = [:]
    for (i, s) in all.enumerated() {
      switch s.kind {
      case .nextLine: byLine[s.location.file, default: [:]][s.location.line + 1, default: []].append(i)
      case .item: if let subject = covered[i] { bySubject[subject, default: []].append(i) }
      }
    }
    var out: [Diagnostic] = []
    out.reserveCapacity(diagnostics.count)
    for d in diagnostics {
      var candidates = byLine[d.location.file]?[d.location.line] ?? []
      if let subject = d.subject {
        // The key result, or the objective it belongs to.
        let parts = subject.split(separator: "/")
        candidates += bySubject[subject] ?? []
        if parts.count == 3 { candidates += bySubject["\(parts[0])/\(parts[1])"] ?? [] }
      }
      var silenced = false
      for i in candidates {
        for (r, rule) in all[i].rules.enumerated() where rule == d.rule {
          used[i][r] = true
          silenced = true
        }
      }
      if !silenced { out.append(d) }
    }
    for (i, s) in all.enumerated() {
      let rule = SuperfluousDisableRule.description
      if s.rules.isEmpty {
        out.append(Diagnostic(rule, SuperfluousDisableRule.noRules, at: s.location))
        continue
      }
      if s.kind == .item, covered[i] == nil {
        out.append(Diagnostic(rule, SuperfluousDisableRule.notBeforeItem, at: s.location))
        continue
      }
      for (r, id) in s.rules.enumerated() where !used[i][r] {
        if !known.contains(id) {
          let near = Suggestion.closest(to: id, in: Array(known))
          out.append(Diagnostic(rule, SuperfluousDisableRule.unknown(id, suggestion: near), at: s.location))
        } else {
          out.append(Diagnostic(rule, SuperfluousDisableRule.unused(id), at: s.location, subject: covered[i]))
        }
      }
    }
    return out
  }
}
