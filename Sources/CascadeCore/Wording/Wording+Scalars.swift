extension Wording {
  /// Scalar classification used by the scanners. ASCII-only where letters are concerned.
  enum Scalars {
    /// Value of an ASCII or full-width digit.
    @inline(__always)
    static func digit(_ c: Unicode.Scalar) -> Int? {
      let v = c.value
      if v &- 0x30 < 10 { return Int(v &- 0x30) }
      if v &- 0xFF10 < 10 { return Int(v &- 0xFF10) }
      return nil
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool { digit(c) != nil }

    @inline(__always)
    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value &- 0x30 < 10 }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      return (v &- 0x41 < 26) || (v &- 0x61 < 26)
    }

    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.value &- 0x41 < 26 }

    @inline(__always)
    static func isLower(_ c: Unicode.Scalar) -> Bool { c.value &- 0x61 < 26 }

    @inline(__always)
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isASCIIDigit(c) }

    @inline(__always)
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
      isUpper(c) ? Unicode.Scalar(UInt8(c.value + 32)) : c
    }

    /// CJK unified ideographs (basic block and extension A) plus `〇`.
    @inline(__always)
    static func isHan(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      return (v &- 0x4E00 < 0x5200) || (v &- 0x3400 < 0x19C0) || v == 0x3007
    }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      return v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x3000 || v == 0x202F
        || (v &- 0x2000 < 0x0C)
    }

    @inline(__always)
    static func isCurrency(_ c: Unicode.Scalar) -> Bool {
      switch c {
      case "$", "€", "£", "¥", "￥", "₹", "₩", "₽", "＄": return true
      default: return false
      }
    }
  }

  /// A list of words (Chinese phrases, mostly) matched by longest prefix at a scalar index.
  struct WordList: Sendable {
    private let byFirst: [Unicode.Scalar: [[Unicode.Scalar]]]

    init(_ words: [String]) {
      var map: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
      for w in words {
        let scalars = Array(w.unicodeScalars)
        guard let f = scalars.first else { continue }
        map[f, default: []].append(scalars)
      }
      for (k, v) in map { map[k] = v.sorted { $0.count > $1.count } }
      byFirst = map
    }

    /// Length of the longest entry that occurs in `s` at `i`, or 0.
    func match(_ s: [Unicode.Scalar], at i: Int) -> Int {
      guard i < s.count, let candidates = byFirst[s[i]] else { return 0 }
      outer: for w in candidates {
        guard i + w.count <= s.count else { continue }
        var k = 1
        while k < w.count {
          if s[i + k] != w[k] { continue outer }
          k += 1
        }
        return w.count
      }
      return 0
    }
  }
}
