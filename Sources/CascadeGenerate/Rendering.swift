import CascadeCore

/// Writes one unit as a plan-format v1 YAML document, in the block style people write by hand.
enum Renderer {
  static func render(_ u: UnitModel) -> String {
    var out = ""
    out.reserveCapacity(512 + u.objectives.count * 900)
    out += "unit: \(u.id)\n"
    out += "name: \(scalar(u.name))\n"
    out += "level: \(u.writtenLevel.rawValue)\n"
    if let parent = u.parentID { out += "parent: \(parent)\n" }
    out += "owner: \(scalar(u.owner))\n"
    out += "cycle: \(u.cycle)\n"
    out += "objectives:\n"
    for o in u.objectives {
      out += "  - id: \(o.id)\n"
      out += "    \(o.titleKey): \(scalar(o.title))\n"
      if o.committed { out += "    type: committed\n" }
      if o.alignsTo.count == 1 {
        out += "    aligns_to: \(o.alignsTo[0])\n"
      } else if !o.alignsTo.isEmpty {
        out += "    aligns_to:\n"
        for r in o.alignsTo { out += "      - \(r)\n" }
      }
      guard !o.keyResults.isEmpty else { continue }
      out += "    key_results:\n"
      for kr in o.keyResults {
        out += "      - id: \(kr.id)\n"
        if kr.brokenTitle {
          // An unterminated quote: the rest of the file is swallowed and the parser fails.
          out += "        \(kr.titleKey): \"\(kr.title)\n"
        } else {
          out += "        \(kr.titleKey): \(scalar(kr.title))\n"
        }
        if kr.writesKind { out += "        kind: \(kr.kind.rawValue)\n" }
        if let b = kr.baseline { out += "        baseline: \(Builder.format(b))\n" }
        if let t = kr.target { out += "        target: \(Builder.format(t))\n" }
        if let unit = kr.unit { out += "        unit: \(scalar(unit))\n" }
        if let due = kr.due { out += "        due: \(due)\n" }
        if let c = kr.contributesTo { out += "        contributes_to: \(c)\n" }
      }
    }
    return out
  }

  /// The text as a plain scalar when YAML reads it back as the same string, else double-quoted.
  static func scalar(_ s: String) -> String {
    needsQuotes(s) ? quote(s) : s
  }

  static func needsQuotes(_ s: String) -> Bool {
    let u = s.utf8
    guard let first = u.first, let last = u.last else { return true }
    // Indicators that may not start a plain scalar (and space).
    switch first {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
      UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
      UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
      return true
    default: break
    }
    if last == UInt8(ascii: " ") || last == UInt8(ascii: ":") { return true }
    var previous: UInt8 = 0
    for c in u {
      if c < 0x20 || c == 0x7F { return true }
      if previous == UInt8(ascii: ":") && c == UInt8(ascii: " ") { return true }
      if previous == UInt8(ascii: " ") && c == UInt8(ascii: "#") { return true }
      previous = c
    }
    // Words and numbers that YAML would read as something other than text.
    if u.count <= 5 {
      switch s.lowercased() {
      case "null", "true", "false", "yes", "no", "on", "off", "y", "n": return true
      default: break
      }
    }
    let numeric =
      (first >= 48 && first <= 57) || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
    return numeric && (Double(s) != nil || !u.contains(UInt8(ascii: " ")))
  }

  /// A YAML double-quoted scalar: whatever the text holds stays one string (quotes,
  /// backslashes, line breaks and other control characters escaped).
  static func quote(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where ch.value < 0x20 || ch.value == 0x7F:
        out += "\\x" + (ch.value < 16 ? "0" : "") + String(ch.value, radix: 16)
      default: out.unicodeScalars.append(ch)
      }
    }
    return out + "\""
  }
}
