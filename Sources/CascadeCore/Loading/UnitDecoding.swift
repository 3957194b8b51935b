extension DocumentDecoder {
  // The known fields come from the table `cascade schema` is written from.
  static let unitFields = PlanFields.unit.map(\.name)
  static let objectiveFields = PlanFields.objective.map(\.name)
  static let keyResultFields = PlanFields.keyResult.map(\.name)
  static let configurationFields = PlanFields.configuration.map(\.name)
  static let limitFields = PlanFields.limits.map(\.name)

  /// Decodes one unit document whose mapping-start event has been read. Nil when the document
  /// has no usable unit id (reported).
  mutating func unit(startingAt start: YAMLEvent) throws(Stop) -> Unit? {
    var id: String?
    var idMark = start.mark
    var name: String?
    var level: Level?
    var levelMark: Mark?
    var parent: String?
    var parentMark: Mark?
    var owner: String?
    var cycle: Cycle?
    var cycleMark: Mark?
    var cycleRange: (start: Mark, end: Mark)?
    var objectives: [Objective] = []
    var objectivesMark: Mark?
    var sawUnitKey = false
    var sawName = false
    var sawLevel = false
    var sawCycle = false

    let firstDiagnostic = diagnostics.count
    defer { nameUnknownFields(since: firstDiagnostic, in: id) }
    try forEachKey(known: Self.unitFields) { (d, key, value) throws(Stop) in
      switch key.value {
      case "unit":
        sawUnitKey = true
        idMark = value.mark
        id = try d.identifier(value, field: "unit")
      case "name":
        sawName = true
        name = try d.text(value, field: "name")
      case "level":
        sawLevel = true
        levelMark = value.mark
        level = try d.choice(value, field: "level", as: Level.self)
      case "parent":
        parentMark = value.mark
        parent = try d.identifierOrName(value, field: "parent")
      case "owner":
        owner = try d.text(value, field: "owner")
      case "cycle":
        sawCycle = true
        cycleMark = value.mark
        (cycle, cycleRange) = try d.cycle(value)
      case "objectives":
        objectivesMark = key.mark
        try d.forEachItem(value, field: "objectives") { (d, item) throws(Stop) in
          if let o = try d.objective(item, unit: id ?? "?") { objectives.append(o) }
        }
      default:
        return false
      }
      return true
    }
    guard let id else {
      if !sawUnitKey { missing("unit", in: SchemaRule.thePlanDocument, at: start.mark) }
      return nil
    }
    if !sawName { missing("name", in: SchemaRule.unit(id), at: start.mark, subject: id) }
    if !sawLevel { missing("level", in: SchemaRule.unit(id), at: start.mark, subject: id) }
    if !sawCycle { missing("cycle", in: SchemaRule.unit(id), at: start.mark, subject: id) }
    if let level, level != .company, parent == nil, parentMark == nil {
      report(SchemaRule.description, SchemaRule.needsParent(id, level: level), levelMark ?? start.mark, subject: id)
    }
    var unit = Unit(id: id, file: file, level: level, cycle: cycle, name: name)
    unit.mark = start.mark
    unit.idMark = idMark
    unit.levelMark = levelMark ?? start.mark
    unit.parent = parent
    unit.parentMark = parentMark
    unit.owner = owner
    unit.cycleMark = cycleMark ?? start.mark
    unit.cycleRangeMarks = cycleRange
    unit.objectives = objectives
    unit.objectivesMark = objectivesMark
    return unit
  }

  /// A cycle, and for a `start`/`end` mapping where the two days are written.
  mutating func cycle(_ e: YAMLEvent) throws(Stop) -> (Cycle?, (start: Mark, end: Mark)?) {
    if e.kind == .mappingStart {
      var start: Day?
      var end: Day?
      var startMark = e.mark
      var endMark = e.mark
      try forEachKey(known: ["start", "end"]) { (d, key, value) throws(Stop) in
        switch key.value {
        case "start":
          startMark = value.mark
          start = try d.day(value, field: "start")
        case "end":
          endMark = value.mark
          end = try d.day(value, field: "end")
        default: return false
        }
        return true
      }
      guard let start, let end else {
        report(SchemaRule.description, SchemaRule.cycleRangeNeedsBoth, e.mark)
        return (nil, nil)
      }
      guard start <= end else {
        report(SchemaRule.description, SchemaRule.cycleEndsBeforeStart(end: end, start: start), startMark)
        return (nil, nil)
      }
      return (Cycle(start: start, end: end, label: "\(start)..\(end)"), (startMark, endMark))
    }
    guard let t = try text(e, field: "cycle") else {
      report(SchemaRule.description, SchemaRule.cycleEmpty, e.mark)
      return (nil, nil)
    }
    if let c = Cycle(label: t) { return (c, nil) }
    report(SchemaRule.description, SchemaRule.cycleFormat(t), e.mark)
    return (nil, nil)
  }

  /// What a titled mapping is, for messages.
  enum Kind {
    case objective, keyResult

    var noun: Message { self == .objective ? SchemaRule.objectiveNoun : SchemaRule.keyResultNoun }
    var indefinite: Message { self == .objective ? SchemaRule.anObjective : SchemaRule.aKeyResult }
    func named(_ id: String) -> Message { self == .objective ? SchemaRule.objective(id) : SchemaRule.keyResult(id) }
  }

  /// What every objective and key result has: a mapping with an `id` and a `title`.
  struct Titled {
    var id = ""
    var mark: Mark
    var title = ""
    var titleMark: Mark
  }

  /// Decodes a mapping with `id` and `title` (reporting them when missing); `other` handles
  /// the rest of its keys as `forEachKey` does. Nil when there is no usable id.
  mutating func titled(
    _ e: YAMLEvent, what: Kind, known: [String], subjectPrefix: String?,
    _ other: (inout DocumentDecoder, YAMLEvent, YAMLEvent) throws(Stop) -> Bool
  ) throws(Stop) -> Titled? {
    guard e.kind == .mappingStart else {
      // `- id：grow`: the full-width colon, not a missing mapping.
      if reportFullWidthColon(in: e) { throw Stop() }
      report(SchemaRule.description, SchemaRule.eachMustBeMapping(what.noun), e.mark)
      try skip(e)
      return nil
    }
    var t = Titled(mark: e.mark, titleMark: e.mark)
    var sawID = false
    var sawTitle = false
    let firstDiagnostic = diagnostics.count
    defer { nameUnknownFields(since: firstDiagnostic, in: t.id.isEmpty ? nil : t.id) }
    try forEachKey(known: known) { (d, key, value) throws(Stop) in
      switch key.value {
      case "id":
        sawID = true
        t.mark = value.mark
        t.id = try d.identifier(value, field: "id") ?? ""
      case "title":
        sawTitle = true
        t.titleMark = value.mark
        t.title = try d.text(value, field: "title") ?? ""
      default:
        return try other(&d, key, value)
      }
      return true
    }
    if !sawID { missing("id", in: what.indefinite, at: e.mark) }
    guard !t.id.isEmpty else { return nil }
    if !sawTitle || t.title.isEmpty {
      missing("title", in: what.named(t.id), at: t.mark, subject: subjectPrefix.map { "\($0)/\(t.id)" })
    }
    return t
  }

  /// Gives the unknown-field diagnostics reported since `start` (inside the unit, objective
  /// or key result with id `id`) their subject: the id itself for its own fields, prefixed to
  /// the partial reference of a nested one, so that a key result's ends up `unit/objective/kr`
  /// whatever order the keys come in. Without an id there is no reference at this level: nil,
  /// and an enclosing level then gives its own (the nearest reference that exists).
  mutating func nameUnknownFields(since start: Int, in id: String?) {
    for i in start..<diagnostics.count where diagnostics[i].rule == UnknownFieldRule.description.id {
      guard let id else {
        diagnostics[i].subject = nil
        continue
      }
      diagnostics[i].subject = diagnostics[i].subject.map { "\(id)/\($0)" } ?? id
    }
  }

  mutating func objective(_ e: YAMLEvent, unit: String) throws(Stop) -> Objective? {
    var o = Objective(id: "", title: "", mark: e.mark)
    let t = try titled(e, what: .objective, known: Self.objectiveFields, subjectPrefix: unit) {
      (d, key, value) throws(Stop) in
      switch key.value {
      case "type":
        o.type = try d.choice(value, field: "type", as: ObjectiveType.self) ?? .aspirational
      case "aligns_to":
        o.alignsTo = try d.references(value, field: "aligns_to")
      case "weight":
        o.weight = try d.positiveWeight(value) ?? 1
      case "rollup":
        o.rollupMark = value.mark
        o.rollup = try d.choice(value, field: "rollup", as: Rollup.self) ?? .keyResults
      case "key_results":
        o.keyResultsMark = key.mark
        var krs: [KeyResult] = []
        try d.forEachItem(value, field: "key_results") { (d, item) throws(Stop) in
          if let kr = try d.keyResult(item) { krs.append(kr) }
        }
        o.keyResults = krs
      default:
        return false
      }
      return true
    }
    guard let t else { return nil }
    (o.id, o.mark, o.title, o.titleMark) = (t.id, t.mark, t.title, t.titleMark)
    return o
  }

  mutating func keyResult(_ e: YAMLEvent) throws(Stop) -> KeyResult? {
    var kr = KeyResult(id: "", title: "", mark: e.mark)
    let t = try titled(e, what: .keyResult, known: Self.keyResultFields, subjectPrefix: nil) {
      (d, key, value) throws(Stop) in
      switch key.value {
      case "kind":
        kr.kindMark = value.mark
        kr.kind = try d.choice(value, field: "kind", as: KeyResultKind.self)
      case "baseline":
        kr.baselineMark = value.mark
        kr.baseline = try d.number(value, field: "baseline")
      case "target":
        kr.targetMark = value.mark
        kr.target = try d.number(value, field: "target")
      case "unit":
        kr.unit = try d.text(value, field: "unit")
      case "weight":
        kr.weight = try d.positiveWeight(value) ?? 1
      case "due":
        kr.dueMark = value.mark
        kr.due = try d.day(value, field: "due")
      case "contributes_to":
        kr.contributesTo = try d.references(value, field: "contributes_to")
      case "aggregate":
        kr.aggregateMark = value.mark
        kr.aggregate = try d.choice(value, field: "aggregate", as: Aggregate.self)
      default:
        return false
      }
      return true
    }
    guard let t else { return nil }
    (kr.id, kr.mark, kr.title, kr.titleMark) = (t.id, t.mark, t.title, t.titleMark)
    return kr
  }

  /// Decodes `cascade.yaml` whose root mapping-start has been read.
  mutating func configuration(into config: inout Configuration, ruleIDs: [String]) throws(Stop) {
    try forEachKey(known: Self.configurationFields) {
      (d, key, value) throws(Stop) in
      switch key.value {
      case "name":
        config.name = try d.text(value, field: "name")
      case "language":
        guard let s = try d.text(value, field: "language") else { return true }
        if let language = Language(rawValue: s) {
          config.language = language
        } else {
          d.report(SchemaRule.description, SchemaRule.unknownLanguage(s), value.mark)
        }
      case "rules":
        guard value.kind == .mappingStart else {
          d.report(SchemaRule.description, SchemaRule.rulesMustMap, value.mark)
          try d.skip(value)
          return true
        }
        try d.forEachKey(known: ruleIDs) { (d, rule, setting) throws(Stop) in
          guard ruleIDs.contains(rule.value) else { return false }
          guard let s = try d.text(setting, field: rule.value) else { return true }
          if s == "off" || s == "false" {
            config.severities[rule.value] = .some(nil)
          } else if let sev = Severity(rawValue: s) {
            config.severities[rule.value] = .some(sev)
          } else {
            d.report(SchemaRule.description, SchemaRule.ruleSetting(s), setting.mark)
          }
          return true
        }
      case "limits":
        guard value.kind == .mappingStart else {
          d.report(SchemaRule.description, SchemaRule.limitsMustBeMapping, value.mark)
          try d.skip(value)
          return true
        }
        try d.forEachKey(known: Self.limitFields) { (d, k, v) throws(Stop) in
          guard k.value == "objectives_per_unit" || k.value == "key_results_per_objective" else { return false }
          if let n = try d.count(v, field: k.value) {
            if k.value == "objectives_per_unit" {
              config.maxObjectivesPerUnit = n
            } else {
              config.maxKeyResultsPerObjective = n
            }
          }
          return true
        }
      case "stale_after_days":
        if let n = try d.count(value, field: "stale_after_days") { config.staleAfterDays = n }
      default:
        return false
      }
      return true
    }
  }

  mutating func count(_ e: YAMLEvent, field: String) throws(Stop) -> Int? {
    guard let v = try number(e, field: field) else { return nil }
    guard v >= 1, v <= 1_000_000, v == v.rounded() else {
      report(SchemaRule.description, SchemaRule.wholeNumberRange(field), e.mark)
      return nil
    }
    return Int(v)
  }
}
