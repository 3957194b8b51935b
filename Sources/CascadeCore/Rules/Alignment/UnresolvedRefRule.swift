public struct UnresolvedRefRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "unresolved-ref", category: .alignment, severity: .error,
    summary: "An aligns_to or contributes_to reference names no unit, objective or key result in the plan.",
    triggering: [
      RuleExample(Examples.withTeam().replacingFirst("aligns_to: acme/grow", with: "aligns_to: acme/grw"), line: 23),
      RuleExample(
        Examples.withTeam().replacingFirst("aligns_to: acme/grow", with: "aligns_to: acme/grow/revenu"), line: 23),
      RuleExample(Examples.withTeam().replacingFirst("aligns_to: acme/grow", with: "aligns_to: acmx/grow"), line: 23),
      RuleExample(
        Examples.withTeam().replacingFirst("title: Grow sales", with: "title: 成为华东地区第一")
          .replacingFirst("aligns_to: acme/grow", with: "aligns_to: 成为华东地区第一"), line: 23),
      RuleExample(
        Examples.withTeam(kr: Examples.defaultKR + "\n        contributes_to: 营收达到 600 万元")
          .replacingFirst("title: Revenue from $5M to $6M", with: "title: 营收达到 600 万元"), line: 30),
      RuleExample(Examples.withTeam().replacingFirst("aligns_to: acme/grow", with: "aligns_to: 做大做强"), line: 23),
    ],
    nonTriggering: [RuleExample(Examples.withTeam())])

  public func check(_ index: PlanIndex, _ findings: inout Findings) {
    var hints = Hints()
    var names: NameLookup?
    for link in index.links where link.target == nil {
      let u = index.unit(link.source.unit)
      let r = link.reference
      let message: Message
      if r.isName {
        // `aligns_to: 成为华东地区第一`: a title where the reference belongs.
        let lookup = names ?? NameLookup(index)
        names = lookup
        message = Self.titled(r.unit, lookup.reference(titled: r.unit))
      } else if let ui = index.unitByID[r.unit] {
        if let oi = index.objectiveByID[ui][r.objective], let kr = r.keyResult {
          let a = ObjectiveAddress(unit: ui, objective: oi)
          let hint = hints.hint(for: kr, scope: "\(r.unit)/\(r.objective)") {
            index.keyResultID(closestTo: kr, in: a) ?? ""
          }
          message =
            Self.doesNotResolve(r.description) + Self.noKeyResult(kr, in: "\(r.unit)/\(r.objective)", suggestion: hint)
        } else {
          let hint = hints.hint(for: r.objective, scope: r.unit) {
            index.objectiveID(closestTo: r.objective, in: ui) ?? ""
          }
          message = Self.doesNotResolve(r.description) + Self.noObjective(r.objective, in: r.unit, suggestion: hint)
        }
      } else {
        let hint = hints.hint(for: r.unit, scope: "/") { index.unitID(closestTo: r.unit) ?? "" }
        message = Self.doesNotResolve(r.description) + Self.noUnit(r.unit, suggestion: hint)
      }
      let subject =
        link.sourceKeyResult.map { index.reference(link.source, keyResult: $0) } ?? index.reference(link.source)
      findings.report(Self.description, message, at: u.location(r.mark), subject: subject)
    }
  }

  // MARK: - Messages

  /// ` (did you mean 'x'?)`, or nothing for an empty suggestion: the one "did you mean" of
  /// references and ids, for every rule that resolves them.
  public static func didYouMean(_ suggestion: String) -> Message {
    guard !suggestion.isEmpty else { return .empty }
    return Message(en: " (did you mean \(quoted(suggestion))?)", zh: "（是否想写\(quotedZh(suggestion))？）")
  }

  static func doesNotResolve(_ reference: String) -> Message {
    Message(en: "\(quoted(reference)) does not resolve: ", zh: "引用\(quotedZh(reference))无法解析：")
  }

  static func noKeyResult(_ id: String, in objective: String, suggestion: String) -> Message {
    Message(
      en: "objective \(objective) has no key result \(quoted(id))",
      zh: "目标\(quotedZh(objective))没有关键结果\(quotedZh(id))") + didYouMean(suggestion)
  }

  static func noObjective(_ id: String, in unit: String, suggestion: String) -> Message {
    Message(
      en: "unit \(quoted(unit)) has no objective \(quoted(id))",
      zh: "单元\(quotedZh(unit))没有目标\(quotedZh(id))") + didYouMean(suggestion)
  }

  static func noUnit(_ id: String, suggestion: String) -> Message {
    Message(en: "there is no unit \(quoted(id))", zh: "计划中没有单元\(quotedZh(id))") + didYouMean(suggestion)
  }

  /// A title written where a reference belongs (`aligns_to: 成为华东地区第一`), and the
  /// objective or key result that has it.
  static func titled(_ title: String, _ match: (reference: String, isObjective: Bool)?) -> Message {
    guard let (reference, isObjective) = match else {
      return doesNotResolve(title)
        + Message(
          en: "a reference is written unit/objective or unit/objective/key-result, with ids, not names or titles",
          zh: "引用要写成 unit/objective 或 unit/objective/key-result，用 id 而不是名称或标题")
    }
    let shown = String(quoted(title).dropFirst().dropLast())
    let what = isObjective ? Message(en: "objective", zh: "目标") : Message(en: "key result", zh: "关键结果")
    return Message(
      en: "\(quoted(title)) does not resolve (did you mean \(quoted(reference))? \(shown) is that \(what.en)'s title)",
      zh: "引用\(quotedZh(title))无法解析（\(quotedZh(title))是\(what.zh)\(quotedZh(reference))的标题，是否想写\(quotedZh(reference))？）"
    )
  }
}
