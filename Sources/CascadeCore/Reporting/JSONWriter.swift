/// A small streaming JSON writer: deterministic key order, correct string escaping, and no
/// Foundation (JSONEncoder is slow on Linux and reorders keys).
public struct JSONWriter {
  public private(set) var output = ""
  private var needsComma = [false]
  private var afterKey = false

  public init() {}

  private mutating func separator() {
    if afterKey {
      afterKey = false
      return
    }
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = true
  }

  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    separator()
    output += "{"
    needsComma.append(false)
    body(&self)
    needsComma.removeLast()
    output += "}"
  }

  public mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
    separator()
    output += "["
    needsComma.append(false)
    for item in items { body(&self, item) }
    needsComma.removeLast()
    output += "]"
  }

  public mutating func key(_ k: String) {
    separator()
    string(k)
    output += ":"
    afterKey = true
  }

  public mutating func value(_ s: String?) {
    separator()
    if let s { string(s) } else { output += "null" }
  }

  public mutating func value(_ n: Int) {
    separator()
    output += String(n)
  }

  public mutating func value(_ d: Double?) {
    separator()
    guard let d, d.isFinite else {
      output += "null"
      return
    }
    output += d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
  }

  public mutating func value(_ b: Bool) {
    separator()
    output += b ? "true" : "false"
  }

  public mutating func field(_ k: String, _ v: String?) {
    key(k)
    value(v)
  }

  public mutating func field(_ k: String, _ v: Int) {
    key(k)
    value(v)
  }

  public mutating func field(_ k: String, _ v: Double?) {
    key(k)
    value(v)
  }

  public mutating func field(_ k: String, _ v: Bool) {
    key(k)
    value(v)
  }

  private mutating func string(_ s: String) {
    output += "\""
    // Most strings need no escaping: append them whole. 0xE2 starts U+2028 and U+2029.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
      output += s
      output += "\""
      return
    }
    for u in s.unicodeScalars {
      switch u {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
        let hex = String(u.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(u)
      }
    }
    output += "\""
  }
}
