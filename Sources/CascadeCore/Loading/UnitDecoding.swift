extension DocumentDecoder {
  static let unitFields = ["unit", "name", "level", "parent", "owner", "cycle", "objectives"]
  static let objectiveFields = [
    "id", "title", "type", "aligns_to", "weight", "rollup", "key_results",
  ]
  static let keyResultFields = [
    "id", "title", "kind", "baseline", "target", "unit", "weight", "due", "contributes_to", "aggregate",
  ]

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
    var objectives: [Objective] = []
    var objectivesMark: Mark?
    var sawUnitKey = false
    var sawName = false
    var sawLevel = false
    var sawCycle = false

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
        parent = try d.identifier(value, field: "parent")
      case "owner":
        owner = try d.text(value, field: "owner")
      case "cycle":
        sawCycle = true
        cycleMark = value.mark
        cycle = try d.cycle(value)
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
      if !sawUnitKey { missing("unit", in: "the plan document", at: start.mark) }
      return nil
    }
    if !sawName { missing("name", in: "unit \(quoted(id))", at: start.mark, subject: id) }
    if !sawLevel { missing("level", in: "unit \(quoted(id))", at: start.mark, subject: id) }
    if !sawCycle { missing("cycle", in: "unit \(quoted(id))", at: start.mark, subject: id) }
    if let level, level != .company, parent == nil, parentMark == nil {
      report(
        SchemaRule.description,
        "unit \(quoted(id)) is \(level.withArticle) and needs a 'parent' (only the company has none)",
        levelMark ?? start.mark, subject: id)
    }
    var unit = Unit(id: id, file: file, level: level, cycle: cycle, name: name)
    unit.mark = start.mark
    unit.idMark = idMark
    unit.levelMark = levelMark ?? start.mark
    unit.parent = parent
    unit.parentMark = parentMark
    unit.owner = owner
    unit.cycleMark = cycleMark ?? start.mark
    unit.objectives = objectives
    unit.objectivesMark = objectivesMark
    return unit
  }

  mutating func cycle(_ e: YAMLEvent) throws(Stop) -> Cycle? {
    if e.kind == .mappingStart {
      var start: Day?
      var end: Day?
      var startMark = e.mark
      try forEachKey(known: ["start", "end"]) { (d, key, value) throws(Stop) in
        switch key.value {
        case "start":
          startMark = value.mark
          start = try d.day(value, field: "start")
        case "end": end = try d.day(value, field: "end")
        default: return false
        }
        return true
      }
      guard let start, let end else {
        report(SchemaRule.description, "a cycle range needs both 'start' and 'end' dates", e.mark)
        return nil
      }
      guard start <= end else {
        report(SchemaRule.description, "the cycle ends (\(end)) before it starts (\(start))", startMark)
        return nil
      }
      return Cycle(start: start, end: end, label: "\(start)..\(end)")
    }
    guard let t = try text(e, field: "cycle") else {
      report(SchemaRule.description, "'cycle' is empty", e.mark)
      return nil
    }
    if let c = Cycle(label: t) { return c }
    report(
      SchemaRule.description,
      "'cycle' must be a year (2027), half (2027-H1), quarter (2027-Q1), month (2027-01) or {start, end}; found \(quoted(t, limit: 30))",
      e.mark)
    return nil
  }

  mutating func objective(_ e: YAMLEvent, unit: String) throws(Stop) -> Objective? {
    guard e.kind == .mappingStart else {
      report(SchemaRule.description, "each objective must be a mapping with 'id' and 'title'", e.mark)
      try skip(e)
      return nil
    }
    var o = Objective(id: "", title: "", mark: e.mark)
    var sawTitle = false
    var sawID = false
    try forEachKey(known: Self.objectiveFields) { (d, key, value) throws(Stop) in
      switch key.value {
      case "id":
        sawID = true
        o.mark = value.mark
        o.id = try d.identifier(value, field: "id") ?? ""
      case "title":
        sawTitle = true
        o.titleMark = value.mark
        o.title = try d.text(value, field: "title") ?? ""
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
    if !sawID { missing("id", in: "an objective", at: e.mark) }
    guard !o.id.isEmpty else { return nil }
    if !sawTitle || o.title.isEmpty {
      missing("title", in: "objective \(quoted(o.id))", at: o.mark, subject: "\(unit)/\(o.id)")
    }
    return o
  }

  mutating func keyResult(_ e: YAMLEvent) throws(Stop) -> KeyResult? {
    guard e.kind == .mappingStart else {
      report(SchemaRule.description, "each key result must be a mapping with 'id' and 'title'", e.mark)
      try skip(e)
      return nil
    }
    var kr = KeyResult(id: "", title: "", mark: e.mark)
    var sawTitle = false
    var sawID = false
    try forEachKey(known: Self.keyResultFields) { (d, key, value) throws(Stop) in
      switch key.value {
      case "id":
        sawID = true
        kr.mark = value.mark
        kr.id = try d.identifier(value, field: "id") ?? ""
      case "title":
        sawTitle = true
        kr.titleMark = value.mark
        kr.title = try d.text(value, field: "title") ?? ""
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
    if !sawID { missing("id", in: "a key result", at: e.mark) }
    guard !kr.id.isEmpty else { return nil }
    if !sawTitle || kr.title.isEmpty {
      missing("title", in: "key result \(quoted(kr.id))", at: kr.mark)
    }
    return kr
  }

  /// Decodes `cascade.yaml` whose root mapping-start has been read.
  mutating func configuration(into config: inout Configuration, ruleIDs: [String]) throws(Stop) {
    try forEachKey(known: ["name", "rules", "limits", "stale_after_days"]) { (d, key, value) throws(Stop) in
      switch key.value {
      case "name":
        config.name = try d.text(value, field: "name")
      case "rules":
        guard value.kind == .mappingStart else {
          d.report(SchemaRule.description, "'rules' must map rule ids to off, info, warning or error", value.mark)
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
            d.report(
              SchemaRule.description,
              "a rule's setting must be off, info, warning or error, found \(quoted(s, limit: 20))", setting.mark)
          }
          return true
        }
      case "limits":
        guard value.kind == .mappingStart else {
          d.report(SchemaRule.description, "'limits' must be a mapping", value.mark)
          try d.skip(value)
          return true
        }
        try d.forEachKey(known: ["objectives_per_unit", "key_results_per_objective"]) { (d, k, v) throws(Stop) in
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
      report(SchemaRule.description, "\(quoted(field)) must be a whole number from 1 to 1000000", e.mark)
      return nil
    }
    return Int(v)
  }
}
