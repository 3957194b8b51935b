public struct UnitParentCycleRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unit-parent-cycle", category: .structure, severity: .error,
    summary: "Units' parents form a loop, so the cascade has no top.",
    triggering: [
      RuleExample(
        """
        unit: a
        name: A
        level: team
        parent: b
        cycle: 2027-Q1
        ---
        unit: b
        name: B
        level: team
        parent: a
        cycle: 2027-Q1
        """, line: 4),
      // A loop of more than seven units is cut short.
      RuleExample(
        (1...8).map {
          "unit: u\($0)\nname: U\($0)\nlevel: team\nparent: u\($0 % 8 + 1)\ncycle: 2027-Q1\nobjectives: []"
        }
        .joined(separator: "\n---\n") + "\n", line: 4),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    // Report each loop once, at the member that comes first in the plan.
    var reported = Set<Int>()
    for (i, u) in index.plan.units.enumerated() where index.inParentCycle[i] && !reported.contains(i) {
      var chain = [i]
      var node = index.parent[i]
      while let n = node, n != i, chain.count <= index.plan.units.count {
        chain.append(n)
        node = index.parent[n]
      }
      reported.formUnion(chain)
      let names = (chain + [i]).prefix(8).map { index.plan.units[$0].id }
      findings.report(
        Self.description, Self.loop(names, cut: chain.count > 7), at: u.location(u.parentMark), subject: u.id)
    }
  }

  // MARK: - Messages

  /// `ids` from the first member round to it again, at most 8; `cut` when the loop is longer.
  static func loop(_ ids: [String], cut: Bool) -> Message {
    Message(
      en: "parents form a loop: \(ids.joined(separator: " → "))\(cut ? " …" : "")",
      zh: "上级关系形成了循环：\(Wording.Zh.chain(ids))\(cut ? "…" : "")，找不到最顶层的单元")
  }
}
