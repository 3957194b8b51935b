public struct DuplicateIDRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "duplicate-id", category: .structure, severity: .error,
    summary: "Two units share an id, or two objectives of one unit, or two key results of one objective.",
    triggering: [
      RuleExample("\(Examples.company)\n---\n\(Examples.company)\n", line: 15),
      RuleExample(
        Examples.withTeam(
          kr: Examples.defaultKR + "\n" + Examples.defaultKR.replacingFirst("50 new", with: "60 new")), line: 30),
      RuleExample(
        Examples.withTeam(
          extraObjective: """
              - id: win
                title: Win more
                aligns_to: acme/grow
                key_results:
                  - {id: k, title: 10 deals, baseline: 0, target: 10, unit: deals}
            """), line: 30),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    let units = index.plan.units
    for (i, u) in units.enumerated() {
      if let first = index.unitByID[u.id], first != i {
        let f = units[first]
        findings.report(
          Self.description, Self.unitUsed(u.id, first: f), at: u.location(u.idMark), subject: u.id)
      }
      for (oi, o) in u.objectives.enumerated() {
        if let first = index.objectiveByID[i][o.id], first != oi {
          findings.report(
            Self.description, Self.objectiveUsedTwice(o.id, in: u, firstLine: u.objectives[first].mark.line),
            at: u.location(o.mark), subject: "\(u.id)/\(o.id)")
        }
        // An objective usually has a handful of key results: compare pairs rather than build a
        // dictionary, unless there are many (pairs would be quadratic).
        let krs = o.keyResults
        var firstByID: [String: Int] = [:]
        if krs.count > 16 {
          firstByID.reserveCapacity(krs.count)
          for k in krs.indices where firstByID[krs[k].id] == nil { firstByID[krs[k].id] = k }
        }
        for k in krs.indices {
          let earlier =
            krs.count > 16
            ? firstByID[krs[k].id].flatMap { $0 < k ? krs[$0] : nil }
            : krs[..<k].first(where: { $0.id == krs[k].id })
          guard let first = earlier else { continue }
          findings.report(
            Self.description, Self.keyResultUsedTwice(krs[k].id, in: o.id, firstLine: first.mark.line),
            at: u.location(krs[k].mark), subject: "\(u.id)/\(o.id)/\(krs[k].id)")
        }
      }
    }
  }

  // MARK: - Messages

  static func unitUsed(_ id: String, first: Unit) -> Message {
    Message(
      en: "unit id \(quoted(id)) is already used by the unit in \(first.file):\(first.idMark.line)",
      zh: "单元 id\(quotedZh(id))已被 \(first.file):\(first.idMark.line) 的\(Wording.Zh.level(first.level))使用：请换一个 id")
  }

  static func objectiveUsedTwice(_ id: String, in unit: Unit, firstLine: Int32) -> Message {
    Message(
      en: "objective id \(quoted(id)) is used twice in unit \(quoted(unit.id)) (first at line \(firstLine))",
      zh: "目标 id\(quotedZh(id))在\(Wording.Zh.unit(unit))中重复出现（第一次在第 \(firstLine) 行）")
  }

  static func keyResultUsedTwice(_ id: String, in objective: String, firstLine: Int32) -> Message {
    Message(
      en: "key result id \(quoted(id)) is used twice in objective \(quoted(objective)) (first at line \(firstLine))",
      zh: "关键结果 id\(quotedZh(id))在目标\(quotedZh(objective))中重复出现（第一次在第 \(firstLine) 行）")
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let r = firstRange(of: target) else { return self }
    var copy = self
    copy.replaceSubrange(r, with: replacement)
    return copy
  }
}
