/// Decodes libyaml events straight into the model, keeping the line and column of every
/// value a diagnostic may point at. No node tree is built: this is the fast path that lets
/// a 10,000-person organisation load in a fraction of a second.
///
/// Hostile input is bounded: aliases are refused (so nothing expands), nesting deeper than
/// `maxDepth` stops the file, scalars over `YAMLReader.maxScalarBytes` are reported and
/// dropped, and no message quotes more than a short prefix of what it found.
struct DocumentDecoder {
  /// Thrown after a fatal diagnostic has been recorded: the rest of the file is skipped.
  struct Stop: Error {}

  static let maxDepth = 32

  let reader: YAMLReader
  let file: String
  var diagnostics: [Diagnostic] = []
  private var depth = 0

  init(reader: YAMLReader, file: String) {
    self.reader = reader
    self.file = file
  }

  // MARK: - Reporting

  mutating func report(_ rule: RuleDescription, _ message: Message, _ mark: Mark, subject: String? = nil) {
    diagnostics.append(Diagnostic(rule, message, at: SourceLocation(file: file, mark: mark), subject: subject))
  }

  @available(*, deprecated, message: "translate the message: Message(en:zh:) in the rule's file")
  mutating func report(_ rule: RuleDescription, _ message: String, _ mark: Mark, subject: String? = nil) {
    report(rule, Message(en: message, zh: message), mark, subject: subject)
  }

  // MARK: - Events

  mutating func next() throws(Stop) -> YAMLEvent {
    var event: YAMLEvent
    do {
      event = try reader.next()
    } catch {
      report(YAMLSyntaxRule.description, error.message, error.mark)
      throw Stop()
    }
    if event.tag != nil { applyTag(&event) }
    switch event.kind {
    case .alias:
      report(
        YAMLSyntaxRule.description,
        "YAML aliases (*name) are not allowed in plans; write the value out", event.mark)
      throw Stop()
    case .mappingStart, .sequenceStart:
      depth += 1
      if depth > DocumentDecoder.maxDepth {
        report(
          InputLimitRule.description,
          "nesting is deeper than \(DocumentDecoder.maxDepth) levels; the rest of the file is skipped",
          event.mark)
        throw Stop()
      }
    case .mappingEnd, .sequenceEnd:
      depth -= 1
    case .scalar where event.length > YAMLReader.maxScalarBytes:
      report(
        InputLimitRule.description,
        "a value of \(event.length) bytes is longer than the limit of \(YAMLReader.maxScalarBytes)",
        event.mark)
    default:
      break
    }
    return event
  }

  // MARK: - Tags

  static let coreTagPrefix = "tag:yaml.org,2002:"
  static let coreTags = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq"

  /// Honours YAML's core tags: `!!str` (and the non-specific `!`) makes a scalar text,
  /// `!!int`, `!!float`, `!!bool` and `!!null` make it that type when its text fits (a
  /// quoted `!!int "5"` is the number 5), `!!map` and `!!seq` must tag a mapping and a list.
  /// Any other tag, and a tag that does not fit its value, is reported; the value is then read
  /// as if untagged. The event's `tag` becomes its short form (`!!str`) for messages.
  mutating func applyTag(_ e: inout YAMLEvent) {
    guard let tag = e.tag else { return }
    let core = tag.hasPrefix(Self.coreTagPrefix) ? String(tag.dropFirst(Self.coreTagPrefix.count)) : nil
    let shown = core.map { "!!" + $0 } ?? tag
    e.tag = shown
    func misfit(_ what: String) {
      report(
        SchemaRule.description, "a value tagged \(shown) must be \(what), found \(describeTagged(e))", e.mark)
    }
    switch (core, e.kind) {
    case (nil, .scalar) where tag == "!", ("str", .scalar):
      e.plain = false
    case ("int", .scalar):
      if let v = Self.parseNumber(e.value), v == v.rounded() { e.plain = true } else { misfit("a whole number") }
    case ("float", .scalar):
      if Self.parseNumber(e.value) != nil { e.plain = true } else { misfit("a finite number") }
    case ("bool", .scalar):
      if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(e.value) {
        e.plain = true
      } else {
        misfit("true or false")
      }
    case ("null", .scalar):
      if ["", "~", "null", "Null", "NULL"].contains(e.value) {
        e.value = ""
        e.plain = true
      } else {
        misfit("empty (null)")
      }
    case ("map", .mappingStart), ("seq", .sequenceStart):
      break
    case ("map", _): misfit("a mapping")
    case ("seq", _): misfit("a list")
    case ("str", _), ("int", _), ("float", _), ("bool", _), ("null", _): misfit("a single value")
    default:
      report(
        SchemaRule.description,
        "unknown tag \(quoted(shown, limit: 30)): plans use only YAML's core tags (\(Self.coreTags)); remove it",
        e.mark)
      e.tag = nil
    }
  }

  private func describeTagged(_ e: YAMLEvent) -> String {
    switch e.kind {
    case .mappingStart: "a mapping"
    case .sequenceStart: "a list"
    default: quoted(e.value, limit: 30)
    }
  }

  /// Consumes the rest of a value whose first event is `first`.
  mutating func skip(_ first: YAMLEvent) throws(Stop) {
    guard first.isCollectionStart else { return }
    var level = 1
    while level > 0 {
      let e = try next()
      switch e.kind {
      case .mappingStart, .sequenceStart: level += 1
      case .mappingEnd, .sequenceEnd: level -= 1
      case .streamEnd: return
      default: break
      }
    }
  }

  /// Walks a mapping whose start event has been read. `body` gets each key and the first
  /// event of its value, must consume the value, and returns false for an unknown key (which
  /// is then reported and skipped). Duplicate and non-scalar keys are reported here.
  mutating func forEachKey(
    known: [String], _ body: (inout DocumentDecoder, YAMLEvent, YAMLEvent) throws(Stop) -> Bool
  ) throws(Stop) {
    // Duplicate detection without a heap allocation per mapping: known keys are tracked by
    // position (bit mask plus the first mark on the stack); unknown keys, rare, in an array.
    try withUnsafeTemporaryAllocation(of: Mark.self, capacity: max(known.count, 1)) { (firstMarks) throws(Stop) in
      var seenKnown: UInt64 = 0
      var seenOther: [(String, Mark)] = []
      // Past a few unknown keys, a dictionary: a mapping of 100,000 unknown keys was quadratic.
      var seenOtherByName: [String: Mark] = [:]
      while true {
        let key = try next()
        if key.kind == .mappingEnd || key.kind == .streamEnd { return }
        guard key.kind == .scalar else {
          report(SchemaRule.description, "keys must be plain text, not a list or mapping", key.mark)
          try skip(key)
          try skip(try next())
          continue
        }
        let value = try next()
        var first: Mark?
        if let k = known.firstIndex(of: key.value), k < 64 {
          if seenKnown & (1 << UInt64(k)) != 0 {
            first = firstMarks[k]
          } else {
            seenKnown |= 1 << UInt64(k)
            firstMarks[k] = key.mark
          }
        } else if seenOther.count < 16 {
          if let f = seenOther.first(where: { $0.0 == key.value }) {
            first = f.1
          } else {
            seenOther.append((key.value, key.mark))
          }
        } else {
          if seenOtherByName.isEmpty { for (name, mark) in seenOther { seenOtherByName[name] = mark } }
          if let f = seenOtherByName[key.value] {
            first = f
          } else {
            seenOtherByName[key.value] = key.mark
          }
        }
        if let first {
          report(
            DuplicateKeyRule.description,
            "duplicate key \(quoted(key.value)); the first is at line \(first.line)", key.mark)
          try skip(value)
          continue
        }
        if try !body(&self, key, value) {
          report(
            UnknownFieldRule.description,
            "unknown field \(quoted(key.value))\(Suggestion.hint(for: key.value, in: known))", key.mark)
          try skip(value)
        }
      }
    }
  }

  // MARK: - Typed values

  private static func describe(_ e: YAMLEvent) -> String {
    switch e.kind {
    case .mappingStart: "a mapping"
    case .sequenceStart: "a list"
    default: "nothing"
    }
  }

  /// Text, or nil (reported) when the value is a collection; nil silently for null.
  mutating func text(_ e: YAMLEvent, field: String) throws(Stop) -> String? {
    if e.kind == .scalar { return e.isNull ? nil : e.value }
    report(SchemaRule.description, "\(quoted(field)) must be text, not \(Self.describe(e))", e.mark)
    try skip(e)
    return nil
  }

  /// A finite number written as a plain scalar.
  mutating func number(_ e: YAMLEvent, field: String) throws(Stop) -> Double? {
    guard e.kind == .scalar else {
      report(SchemaRule.description, "\(quoted(field)) must be a number, not \(Self.describe(e))", e.mark)
      try skip(e)
      return nil
    }
    if e.isNull { return nil }
    if let v = DocumentDecoder.parseNumber(e.value), e.plain { return v }
    var hint = ""
    if !e.plain, DocumentDecoder.parseNumber(e.value) != nil {
      hint = e.tag == "!!str" || e.tag == "!" ? "; remove the \(e.tag ?? "") tag" : "; remove the quotes"
    } else if e.value.hasSuffix("%"), DocumentDecoder.parseNumber(String(e.value.dropLast())) != nil {
      hint = "; write the number alone and put % in 'unit'"
    }
    report(
      SchemaRule.description, "\(quoted(field)) must be a number, found \(quoted(e.value, limit: 30))\(hint)",
      e.mark)
    return nil
  }

  static func parseNumber(_ text: String) -> Double? {
    var t = text
    if t.utf8.contains(UInt8(ascii: "_")) { t.removeAll { $0 == "_" } }
    guard let first = t.utf8.first,
      (first >= 48 && first <= 57) || first == 45 || first == 43 || first == 46,
      t.utf8.count <= 64,
      !t.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "p") })
    else { return nil }
    guard let v = Double(t), v.isFinite else { return nil }
    return v
  }

  mutating func day(_ e: YAMLEvent, field: String) throws(Stop) -> Day? {
    guard let t = try text(e, field: field) else { return nil }
    if let d = Day(iso: t) { return d }
    report(
      SchemaRule.description,
      "\(quoted(field)) must be a date written YYYY-MM-DD, found \(quoted(t, limit: 30))", e.mark)
    return nil
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ e: YAMLEvent, field: String, as: T.Type
  ) throws(Stop) -> T? where T.RawValue == String {
    guard let t = try text(e, field: field) else { return nil }
    if let v = T(rawValue: t) { return v }
    let names = T.allCases.map(\.rawValue)
    report(
      SchemaRule.description,
      "\(quoted(field)) must be one of \(names.joined(separator: ", ")), found \(quoted(t, limit: 30))"
        + Suggestion.hint(for: t, in: names), e.mark)
    return nil
  }

  mutating func identifier(_ e: YAMLEvent, field: String) throws(Stop) -> String? {
    guard let t = try text(e, field: field) else { return nil }
    if Identifier.isValid(t) { return t }
    report(
      SchemaRule.description,
      "\(quoted(field)) \(quoted(t, limit: 40)) is not a valid id: use lowercase letters, digits, '-', '_' and '.'",
      e.mark)
    return nil
  }

  /// One reference or a list of them.
  mutating func references(_ e: YAMLEvent, field: String) throws(Stop) -> [Reference] {
    var out: [Reference] = []
    func one(_ d: inout DocumentDecoder, _ item: YAMLEvent) throws(Stop) {
      guard let t = try d.text(item, field: field) else { return }
      if Reference.looksLikeName(t) {
        out.append(Reference(name: t, mark: item.mark))
        return
      }
      if let r = Reference(parsing: t, mark: item.mark) {
        out.append(r)
      } else {
        d.report(
          SchemaRule.description,
          "\(quoted(t, limit: 40)) is not a reference: write unit/objective or unit/objective/key-result with ids in lowercase letters, digits, '-', '_' and '.'",
          item.mark)
      }
    }
    if e.kind == .sequenceStart {
      while true {
        let item = try next()
        if item.kind == .sequenceEnd || item.kind == .streamEnd { break }
        try one(&self, item)
      }
    } else {
      try one(&self, e)
    }
    return out
  }

  /// Calls `body` with the first event of each item of a list.
  mutating func forEachItem(
    _ e: YAMLEvent, field: String, _ body: (inout DocumentDecoder, YAMLEvent) throws(Stop) -> Void
  ) throws(Stop) {
    guard e.kind == .sequenceStart else {
      if !e.isNull {
        report(SchemaRule.description, "\(quoted(field)) must be a list", e.mark)
        try skip(e)
      }
      return
    }
    while true {
      let item = try next()
      if item.kind == .sequenceEnd || item.kind == .streamEnd { return }
      try body(&self, item)
    }
  }

  mutating func positiveWeight(_ e: YAMLEvent) throws(Stop) -> Double? {
    guard let w = try number(e, field: "weight") else { return nil }
    guard w > 0 else {
      report(SchemaRule.description, "'weight' must be greater than 0", e.mark)
      return nil
    }
    return w
  }

  mutating func missing(_ field: String, in what: String, at mark: Mark, subject: String? = nil) {
    report(SchemaRule.description, "\(what) is missing required field \(quoted(field))", mark, subject: subject)
  }
}
