/// A unit's name or an objective's title written where an id belongs (`parent: 销售部`,
/// `aligns_to: 成为华东地区第一`): the decoder keeps it as written, and the rules, which see
/// the whole plan, say which id was meant (unit-parent-missing, unresolved-ref).
extension Reference {
  /// Text with a character no id has (a Chinese name, say) and no `/`: a name or a title, not
  /// a mistyped id or reference. Full-width ASCII forms (`ｓａｌｅｓ`, `，`) and the
  /// ideographic space are left to the decoder, which names the character to type instead.
  public static func looksLikeName(_ text: String) -> Bool {
    var nonASCII = false
    for u in text.unicodeScalars {
      if u == "/" || u.value == 0x3000 || (0xFF01...0xFF5E).contains(u.value) { return false }
      if !u.isASCII { nonASCII = true }
    }
    return nonASCII
  }

  /// A name or title written as a reference: it resolves to nothing, and `unit` holds the text.
  public init(name: String, mark: Mark) {
    self.init(unit: name, objective: "", keyResult: nil, mark: mark)
  }

  /// True for ``init(name:mark:)``: no parsed reference has an empty objective.
  public var isName: Bool { objective.isEmpty }
}

extension DocumentDecoder {
  /// An id, or a name written where the id belongs (see ``Reference/looksLikeName(_:)``).
  mutating func identifierOrName(_ e: YAMLEvent, field: String) throws(Stop) -> String? {
    if e.kind == .scalar, !e.isNull, Reference.looksLikeName(e.value) { return e.value }
    return try identifier(e, field: field)
  }
}
