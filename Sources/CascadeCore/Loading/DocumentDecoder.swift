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
  /// A full-width character that broke the file's structure, reported (``repairDiagnostic``):
  /// the loader reads the file again with it replaced, so that one mistake gives one diagnostic.
  private(set) var repair: FullWidthRepair?
  private(set) var repairDiagnostic: Diagnostic?

  init(reader: YAMLReader, file: String) {
    self.reader = reader
    self.file = file
  }

  // MARK: - Reporting

  mutating func report(_ rule: RuleDescription, _ message: Message, _ mark: Mark, subject: String? = nil) {
    diagnostics.append(Diagnostic(rule, message, at: SourceLocation(file: file, mark: mark), subject: subject))
  }

  /// Reports a full-width character that breaks the YAML structure, to be repaired.
  mutating func report(_ repair: FullWidthRepair) {
    let message = YAMLSyntaxRule.fullWidth(repair.character, at: repair.original, example: repair.example)
    report(YAMLSyntaxRule.description, message, repair.original)
    self.repair = repair
    repairDiagnostic = diagnostics.last
  }

  /// For a plain scalar found where a mapping belongs (`owner：马丽`, `- id：grow`): the
  /// full-width colon that should have made it a key and value, reported; true when found.
  mutating func reportFullWidthColon(in e: YAMLEvent) -> Bool {
    guard e.kind == .scalar, e.plain, let k = e.value.unicodeScalars.firstIndex(of: "\u{FF1A}") else { return false }
    let offset = e.value.unicodeScalars.distance(from: e.value.unicodeScalars.startIndex, to: k)
    guard let r = reader.repair(.colon, atCharacter: e.index + offset) else { return false }
    report(r)
    return true
  }

  // MARK: - Events

  mutating func next() throws(Stop) -> YAMLEvent {
    var event: YAMLEvent
    do {
      event = try reader.next()
    } catch {
      if let repair = error.repair {
        report(repair)
      } else {
        report(YAMLSyntaxRule.description, error.message, error.mark)
      }
      throw Stop()
    }
    if event.tag != nil { applyTag(&event) }
    switch event.kind {
    case .alias:
      report(YAMLSyntaxRule.description, YAMLSyntaxRule.alias, event.mark)
      throw Stop()
    case .mappingStart, .sequenceStart:
      depth += 1
      if depth > DocumentDecoder.maxDepth {
        report(InputLimitRule.description, InputLimitRule.nestingTooDeep(DocumentDecoder.maxDepth), event.mark)
        throw Stop()
      }
    case .mappingEnd, .sequenceEnd:
      depth -= 1
    case .scalar where event.length > YAMLReader.maxScalarBytes:
      report(
        InputLimitRule.description, InputLimitRule.valueTooLong(event.length, limit: YAMLReader.maxScalarBytes),
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
    func misfit(_ what: Message) {
      report(SchemaRule.description, SchemaRule.tagMisfit(shown, mustBe: what, found: describeTagged(e)), e.mark)
    }
    switch (core, e.kind) {
    case (nil, .scalar) where tag == "!", ("str", .scalar):
      e.plain = false
    case ("int", .scalar):
      if let v = Self.parseNumber(e.value), v == v.rounded() { e.plain = true } else { misfit(SchemaRule.aWholeNumber) }
    case ("float", .scalar):
      if Self.parseNumber(e.value) != nil { e.plain = true } else { misfit(SchemaRule.aFiniteNumber) }
    case ("bool", .scalar):
      if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(e.value) {
        e.plain = true
      } else {
        misfit(SchemaRule.trueOrFalse)
      }
    case ("null", .scalar):
      if ["", "~", "null", "Null", "NULL"].contains(e.value) {
        e.value = ""
        e.plain = true
      } else {
        misfit(SchemaRule.emptyNull)
      }
    case ("map", .mappingStart), ("seq", .sequenceStart):
      break
    case ("map", _): misfit(SchemaRule.aMapping)
    case ("seq", _): misfit(SchemaRule.aList)
    case ("str", _), ("int", _), ("float", _), ("bool", _), ("null", _): misfit(SchemaRule.aSingleValue)
    default:
      report(SchemaRule.description, SchemaRule.unknownTag(shown, coreTags: Self.coreTags), e.mark)
      e.tag = nil
    }
  }

  private func describeTagged(_ e: YAMLEvent) -> Message {
    switch e.kind {
    case .mappingStart: SchemaRule.aMapping
    case .sequenceStart: SchemaRule.aList
    default: SchemaRule.value(e.value)
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
          report(SchemaRule.description, SchemaRule.keysMustBePlain, key.mark)
          try skip(key)
          try skip(try next())
          continue
        }
        // An ideographic space that indents a line starts the key: the line belongs elsewhere.
        if key.plain, key.value.unicodeScalars.first == "\u{3000}",
          let r = reader.repair(.ideographicSpace, atCharacter: key.index)
        {
          report(r)
          throw Stop()
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
          report(DuplicateKeyRule.description, DuplicateKeyRule.duplicate(key.value, firstLine: first.line), key.mark)
          try skip(value)
          continue
        }
        if try !body(&self, key, value) {
          report(UnknownFieldRule.description, UnknownFieldRule.unknown(key.value, known: known), key.mark)
          try skip(value)
        }
      }
    }
  }

  // MARK: - Typed values

  private static func describe(_ e: YAMLEvent) -> Message {
    switch e.kind {
    case .mappingStart: SchemaRule.aMapping
    case .sequenceStart: SchemaRule.aList
    default: SchemaRule.nothing
    }
  }

  /// Text, or nil (reported) when the value is a collection; nil silently for null.
  mutating func text(_ e: YAMLEvent, field: String) throws(Stop) -> String? {
    if e.kind == .scalar { return e.isNull ? nil : e.value }
    report(SchemaRule.description, SchemaRule.mustBeText(field, not: Self.describe(e)), e.mark)
    try skip(e)
    return nil
  }

  /// A finite number written as a plain scalar.
  mutating func number(_ e: YAMLEvent, field: String) throws(Stop) -> Double? {
    guard e.kind == .scalar else {
      report(SchemaRule.description, SchemaRule.mustBeNumber(field, not: Self.describe(e)), e.mark)
      try skip(e)
      return nil
    }
    if e.isNull { return nil }
    if let v = DocumentDecoder.parseNumber(e.value), e.plain { return v }
    if let typo = Self.fullWidthNumber(e.value) {
      // Reported, and read as meant: one mistake, one diagnostic (no missing target after it).
      let mark = Mark(line: Int(e.mark.line), column: Int(e.mark.column) + typo.offset + (e.plain ? 0 : 1))
      report(
        SchemaRule.description,
        SchemaRule.numberFullWidth(
          field, e.value, character: typo.character, at: mark, fix: typo.ascii),
        mark)
      return typo.value
    }
    var hint = Message.empty
    if !e.plain, DocumentDecoder.parseNumber(e.value) != nil {
      hint = e.tag == "!!str" || e.tag == "!" ? SchemaRule.removeTag(e.tag ?? "") : SchemaRule.removeQuotes
    } else if e.value.hasSuffix("%"), DocumentDecoder.parseNumber(String(e.value.dropLast())) != nil {
      hint = SchemaRule.percentInUnit
    }
    report(SchemaRule.description, SchemaRule.numberFound(field, e.value, hint: hint), e.mark)
    return nil
  }

  /// A number typed with full-width characters (`40％`, `１２０`, `1，000`, `－5`, an
  /// ideographic space): the first such character, its offset in the text, the number as it
  /// should be written (without the percent sign) and its value; nil for anything else.
  static func fullWidthNumber(_ text: String) -> (character: Character, offset: Int, ascii: String, value: Double)? {
    var ascii = ""
    var first: (Character, Int)?
    for (i, u) in text.unicodeScalars.enumerated() {
      var mapped: String?
      switch u.value {
      case 0xFF10...0xFF19: mapped = String(Character(Unicode.Scalar(UInt8(u.value - 0xFF10 + 0x30))))
      case 0xFF05, 0xFF0C, 0x3000: mapped = ""
      case 0xFF0D: mapped = "-"
      case 0xFF0E: mapped = "."
      case 0xFF0B: mapped = "+"
      default: break
      }
      if let mapped {
        if first == nil { first = (Character(u), i) }
        ascii += mapped
      } else {
        ascii.unicodeScalars.append(u)
      }
    }
    guard let first, let v = parseNumber(ascii) else { return nil }
    return (first.0, first.1, ascii, v)
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
    report(SchemaRule.description, SchemaRule.dateFound(field, t), e.mark)
    return nil
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ e: YAMLEvent, field: String, as: T.Type
  ) throws(Stop) -> T? where T.RawValue == String {
    guard let t = try text(e, field: field) else { return nil }
    if let v = T(rawValue: t) { return v }
    let names = T.allCases.map(\.rawValue)
    report(SchemaRule.description, SchemaRule.choiceFound(field, names: names, t), e.mark)
    return nil
  }

  mutating func identifier(_ e: YAMLEvent, field: String) throws(Stop) -> String? {
    guard let t = try text(e, field: field) else { return nil }
    if Identifier.isValid(t) { return t }
    report(SchemaRule.description, SchemaRule.invalidID(field, t), e.mark)
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
      } else if let k = t.unicodeScalars.firstIndex(of: "\u{FF0C}"),
        case let parts = t.split(separator: "\u{FF0C}").map({ $0.trimmingSpaces }),
        case let refs = parts.compactMap({ Reference(parsing: $0, mark: item.mark) }), refs.count == parts.count
      {
        // `[sales/grow，sales/keep]`: one diagnostic, and the references read as meant.
        let offset = t.unicodeScalars.distance(from: t.unicodeScalars.startIndex, to: k)
        let mark = Mark(line: Int(item.mark.line), column: Int(item.mark.column) + offset + (item.plain ? 0 : 1))
        d.report(
          SchemaRule.description, SchemaRule.referencesFullWidthComma(t, at: mark), mark)
        out += refs
      } else {
        d.report(SchemaRule.description, SchemaRule.notAReference(t), item.mark)
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
        report(SchemaRule.description, SchemaRule.mustBeList(field), e.mark)
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
      report(SchemaRule.description, SchemaRule.weightPositive, e.mark)
      return nil
    }
    return w
  }

  mutating func missing(_ field: String, in what: Message, at mark: Mark, subject: String? = nil) {
    report(SchemaRule.description, SchemaRule.missing(field, in: what), mark, subject: subject)
  }
}

extension Substring {
  /// Without leading and trailing spaces, ASCII or ideographic.
  fileprivate var trimmingSpaces: String {
    var s = self
    while let f = s.first, f == " " || f == "\u{3000}" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\u{3000}" { s = s.dropLast() }
    return String(s)
  }
}
