public struct AlignmentCycleRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "alignment-cycle", category: .alignment, severity: .error,
    summary: "Objectives align or contribute to each other in a loop, so no score can roll up.",
    triggering: [
      RuleExample(
        Examples.withTeam(
          extraObjective: """
              - id: loop-a
                title: Loop A
                aligns_to: sales/loop-b
                key_results:
                  - {id: k, title: 10 deals, baseline: 0, target: 10, unit: deals}
              - id: loop-b
                title: Loop B
                aligns_to: sales/loop-a
                key_results:
                  - {id: k, title: 10 deals, baseline: 0, target: 10, unit: deals}
            """)),
      // A loop of more than eight references is cut short.
      RuleExample(
        Examples.withTeam(
          extraObjective: (1...8).map {
            "  - {id: o\($0), title: O\($0), aligns_to: sales/o\($0 % 8 + 1), key_results: [{id: k, title: \($0) deals, baseline: 0, target: \($0), unit: deals}]}"
          }.joined(separator: "\n"))),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    // Objectives are nodes; resolved links are edges. Iterative DFS: a link to an objective
    // still on the stack closes a loop, reported at that link.
    let units = index.plan.units
    var base = [Int](repeating: 0, count: units.count + 1)
    for (i, u) in units.enumerated() { base[i + 1] = base[i] + u.objectives.count }
    let count = base[units.count]
    var outgoing = [[Int]](repeating: [], count: count)
    for (li, l) in index.links.enumerated() where l.target != nil {
      outgoing[base[l.source.unit] + l.source.objective].append(li)
    }
    func node(_ a: ObjectiveAddress) -> Int { base[a.unit] + a.objective }
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
    var stack: [(node: Int, edge: Int)] = []
    var onStack: [Int] = []
    var addressOf = [ObjectiveAddress]()
    addressOf.reserveCapacity(count)
    for (u, unit) in units.enumerated() {
      for o in unit.objectives.indices { addressOf.append(ObjectiveAddress(unit: u, objective: o)) }
    }
    for start in 0..<count where state[start] == 0 {
      stack.append((start, 0))
      state[start] = 1
      onStack.append(start)
      while let top = stack.last {
        let edges = outgoing[top.node]
        if top.edge == edges.count {
          state[top.node] = 2
          stack.removeLast()
          onStack.removeLast()
          continue
        }
        stack[stack.count - 1].edge += 1
        let link = index.links[edges[top.edge]]
        guard let target = link.target?.objective else { continue }
        let t = node(target)
        if state[t] == 0 {
          state[t] = 1
          stack.append((t, 0))
          onStack.append(t)
        } else if state[t] == 1 {
          let from = onStack.lastIndex(of: t) ?? onStack.count - 1
          let loop = onStack[from...].map { index.reference(addressOf[$0]) } + [index.reference(target)]
          let subject =
            link.sourceKeyResult.map { index.reference(link.source, keyResult: $0) } ?? index.reference(link.source)
          findings.report(
            Self.description, Self.loop(loop),
            at: units[link.source.unit].location(link.reference.mark), subject: subject)
        }
      }
    }
  }

  // MARK: - Messages

  /// The loop as references, the first repeated at the end; more than 8 are cut to 7 and `…`.
  static func loop(_ references: [String]) -> Message {
    let cut = references.count > 8
    let shown = cut ? Array(references.prefix(7)) : references
    return Message(
      en: "alignment loop: " + shown.joined(separator: " → ") + (cut ? " → …" : ""),
      zh: "对齐关系形成了循环：" + Wording.Zh.chain(shown) + (cut ? "→…" : "") + "，得分无法向上汇总")
  }
}
