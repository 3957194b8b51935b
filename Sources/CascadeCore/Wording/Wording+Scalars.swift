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

    /// True when `s[a..<b]` in lower case ends with the lower-case ASCII `suffix`.
    @inline(__always)
    static func hasSuffix(_ s: Text, _ a: Int, _ b: Int, _ suffix: StaticString) -> Bool {
      let m = suffix.utf8CodeUnitCount
      guard b - a >= m else { return false }
      let p = suffix.utf8Start
      for k in 0..<m where lower(s[b - m + k]).value != UInt32(p[k]) { return false }
      return true
    }

    /// True when `s[a..<b]` in lower case starts with the lower-case ASCII `prefix`.
    @inline(__always)
    static func hasPrefix(_ s: Text, _ a: Int, _ b: Int, _ prefix: StaticString) -> Bool {
      let m = prefix.utf8CodeUnitCount
      guard b - a >= m else { return false }
      let p = prefix.utf8Start
      for k in 0..<m where lower(s[a + k]).value != UInt32(p[k]) { return false }
      return true
    }

    /// End of the run of ASCII letters (and digits too when `digits`) starting at `i`, read from
    /// the lower-case bytes eight at a time; `sawDigit` tells whether the run has a digit.
    @inline(__always)
    static func runEnd(_ low: LowerBytes, from i: Int, digits: Bool) -> (end: Int, sawDigit: Bool) {
      let high: UInt64 = 0x8080_8080_8080_8080
      var k = i
      var sawDigit: UInt64 = 0
      while true {
        let x = UnsafeRawPointer(low + k).loadUnaligned(as: UInt64.self)
        let x7 = x & 0x7F7F_7F7F_7F7F_7F7F
        // Per byte, bit 7 set when: a–z, 0–9 (no carries: every sum stays below 0x100).
        let letter = (x7 &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x7 &+ 0x0505_0505_0505_0505)
        let digit = digits ? (x7 &+ 0x5050_5050_5050_5050) & ~(x7 &+ 0x4646_4646_4646_4646) : 0
        let run = (letter | digit) & ~x & high
        let stop = ~run & high
        if stop != 0 {
          let before = (stop & (0 &- stop)) &- 1  // the bytes before the first stop
          sawDigit |= digit & ~x & high & before
          return (k &+ stop.trailingZeroBitCount >> 3, sawDigit != 0)
        }
        sawDigit |= digit & ~x & high
        k &+= 8
      }
    }

    /// The byte of a scalar in ``Wording/LowerBytes``.
    @inline(__always)
    static func lowerByte(_ v: UInt32) -> UInt8 {
      if v &- 0x41 < 26 { return UInt8(v | 0x20) }
      return v < 0x80 && v != 0 ? UInt8(v) : 0xFF
    }

    /// Decodes well-formed UTF-8 (a Swift string's storage) into `out` and `lower`; returns the
    /// scalar count.
    @inline(__always)
    static func decode(
      _ u: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<Unicode.Scalar>,
      lower: UnsafeMutablePointer<UInt8>
    ) -> Int {
      guard let base = u.baseAddress else { return 0 }
      let count = u.count
      var i = 0
      var n = 0
      while i < count {
        // Eight ASCII bytes at a time (no NUL: that one maps to 0xFF below).
        if i &+ 8 <= count {
          let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          let high: UInt64 = 0x8080_8080_8080_8080
          let nul = (x &- 0x0101_0101_0101_0101) & ~x & high
          if x & high == 0 && nul == 0 {
            let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(x, to: SIMD8<UInt8>.self))
            UnsafeMutableRawPointer(out + n).storeBytes(of: wide, as: SIMD8<UInt32>.self)
            // Per byte: at least "A" and not past "Z" sets bit 7; moved to bit 5 that lowers it.
            let upper = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & high
            UnsafeMutableRawPointer(lower + n).storeBytes(of: x | (upper >> 2), as: UInt64.self)
            i &+= 8
            n &+= 8
            continue
          }
        }
        // One scalar at a time until an ASCII byte starts a full chunk again (CJK runs stay here).
        repeat {
          let b0 = UInt32(base[i])
          var v: UInt32
          if b0 < 0x80 {
            v = b0
            i &+= 1
          } else if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
            i &+= 2
          } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
            i &+= 3
          } else {
            v =
              (b0 & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6
              | UInt32(base[i + 3] & 0x3F)
            i &+= 4
          }
          // Traditional characters are read as the simplified ones the tables hold.
          if v >= 0x4E00 { v = Traditional.fold(v) }
          (out + n).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
          lower[n] = lowerByte(v)
          n &+= 1
        } while i < count && (base[i] >= 0x80 || i &+ 8 > count)
      }
      return n
    }

    @inline(__always)
    static func isCurrency(_ c: Unicode.Scalar) -> Bool {
      switch c {
      case "$", "€", "£", "¥", "￥", "₹", "₩", "₽", "＄": return true
      default: return false
      }
    }
  }

  /// A title's scalars in a buffer that lives for one call (on the stack for ordinary titles).
  typealias Text = UnsafeBufferPointer<Unicode.Scalar>

  /// The title once more, one byte per scalar: ASCII in lower case, anything else `0xFF`; readable
  /// 16 bytes past the end, so that ``WordKey`` can load any word of up to 16 bytes at once.
  typealias LowerBytes = UnsafePointer<UInt8>

  /// Calls `body` with the scalars of `title` and their lower-case bytes, decoded straight from
  /// its UTF-8 without allocating (titles up to about 200 scalars fit in the stack buffer).
  @inline(__always)
  static func withScalars<R>(of title: String, _ body: (Text, LowerBytes) -> R) -> R {
    if let r = title.utf8.withContiguousStorageIfAvailable({ withScalars(utf8: $0, body) }) {
      return r
    }
    var native = title
    native.makeContiguousUTF8()
    if let r = native.utf8.withContiguousStorageIfAvailable({ withScalars(utf8: $0, body) }) { return r }
    return Array(title.utf8).withUnsafeBufferPointer { withScalars(utf8: $0, body) }
  }

  @inline(__always)
  private static func withScalars<R>(
    utf8 u: UnsafeBufferPointer<UInt8>, _ body: (Text, LowerBytes) -> R
  ) -> R {
    let count = u.count
    let scalarBytes = count * 4
    return withTemporaryBytes(scalarBytes + count + 16) { raw in
      let out = raw.bindMemory(to: Unicode.Scalar.self, capacity: count)
      let lower = (raw + scalarBytes).bindMemory(to: UInt8.self, capacity: count + 16)
      let n = Scalars.decode(u, into: out, lower: lower)
      (lower + n).initialize(repeating: 0, count: 16)
      return body(Text(start: out, count: n), LowerBytes(lower))
    }
  }

  /// Copies `array` into memory that is never freed: the tables below are built once, live as
  /// long as the process, and are read through plain pointers (no reference counting).
  static func immortal<T>(_ array: [T]) -> UnsafePointer<T> {
    let p = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
    p.initialize(from: array, count: array.count)
    return UnsafePointer(p)
  }

  /// A table from a scalar to a 32-bit payload: open addressing behind a bit-per-scalar
  /// pre-filter (1,024 bits unless more are asked for), so most scalars are rejected with one load.
  struct ScalarTable: @unchecked Sendable {
    private let filter: UnsafePointer<UInt64>
    private let filterMask: UInt32
    private let keys: UnsafePointer<UInt32>
    private let values: UnsafePointer<UInt32>
    private let mask: Int
    private let shift: UInt32

    init(_ pairs: [(key: Unicode.Scalar, value: UInt32)], filterBits: Int = 1024) {
      precondition(filterBits >= 64 && filterBits & (filterBits - 1) == 0)
      var bits: UInt32 = 4
      while (1 << bits) < pairs.count * 3 { bits += 1 }
      let size = 1 << Int(bits)
      let filterMask = UInt32(filterBits - 1)
      var filter = [UInt64](repeating: 0, count: filterBits / 64)
      var keys = [UInt32](repeating: 0, count: size)
      var values = [UInt32](repeating: 0, count: size)
      let shift = 32 - bits
      for (k, v) in pairs {
        let key = k.value
        precondition(key != 0)
        filter[Int((key & filterMask) >> 6)] |= 1 << UInt64(key & 63)
        var slot = Int((key &* 0x9E37_79B1) >> shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (size - 1) }
        keys[slot] = key
        values[slot] = v
      }
      self.filter = immortal(filter)
      self.filterMask = filterMask
      self.keys = immortal(keys)
      self.values = immortal(values)
      self.mask = size - 1
      self.shift = shift
    }

    /// The payload stored for `c`, nil if none.
    @inline(__always)
    func value(_ c: Unicode.Scalar) -> UInt32? {
      let key = c.value
      guard filter[Int((key & filterMask) >> 6)] & (1 << UInt64(key & 63)) != 0 else { return nil }
      var slot = Int((key &* 0x9E37_79B1) >> shift)
      while true {
        let k = keys[slot]
        if k == key { return values[slot] }
        if k == 0 { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  /// A list of words (Chinese phrases, mostly) matched by longest prefix at a scalar index.
  struct WordList: @unchecked Sendable {
    /// First scalar → `start << 16 | count` into `entries`, longest first.
    private let byFirst: ScalarTable
    /// Each entry is `offset << 8 | length` into `chars`.
    private let entries: UnsafePointer<UInt32>
    private let chars: UnsafePointer<Unicode.Scalar>

    init(_ words: [String]) {
      var map: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
      var order: [Unicode.Scalar] = []
      for w in words {
        let scalars = Array(w.unicodeScalars)
        guard let f = scalars.first else { continue }
        if map[f] == nil { order.append(f) }
        map[f, default: []].append(scalars)
      }
      var pairs: [(key: Unicode.Scalar, value: UInt32)] = []
      var entries: [UInt32] = []
      var chars: [Unicode.Scalar] = []
      for f in order {
        // Longest first; the order of equal lengths does not matter (only the length is returned).
        let list = map[f, default: []].sorted { $0.count > $1.count }
        pairs.append((f, UInt32(entries.count) << 16 | UInt32(list.count)))
        for w in list {
          entries.append(UInt32(chars.count) << 8 | UInt32(w.count))
          chars.append(contentsOf: w)
        }
      }
      byFirst = ScalarTable(pairs)
      self.entries = Wording.immortal(entries)
      self.chars = Wording.immortal(chars)
    }

    /// Length of the longest entry that occurs in `s` at `i`, or 0.
    @inline(__always)
    func match(_ s: Wording.Text, at i: Int) -> Int {
      guard i < s.count, let slot = byFirst.value(s[i]) else { return 0 }
      return longest(s, at: i, slot)
    }

    private func longest(_ s: Wording.Text, at i: Int, _ slot: UInt32) -> Int {
      let start = Int(slot >> 16)
      let n = s.count
      outer: for e in start..<start + Int(slot & 0xFFFF) {
        let off = Int(entries[e] >> 8)
        let len = Int(entries[e] & 0xFF)
        guard i + len <= n else { continue }
        var k = 1
        while k < len {
          if s[i + k] != chars[off + k] { continue outer }
          k += 1
        }
        return len
      }
      return 0
    }

    /// True when `s[a..<b]` is one of the words.
    func contains(_ s: Wording.Text, from a: Int, to b: Int) -> Bool {
      guard a < b, let slot = byFirst.value(s[a]) else { return false }
      let start = Int(slot >> 16)
      for e in start..<start + Int(slot & 0xFFFF) {
        let off = Int(entries[e] >> 8)
        guard Int(entries[e] & 0xFF) == b - a else { continue }
        var k = 1
        while k < b - a, s[a + k] == chars[off + k] { k += 1 }
        if k == b - a { return true }
      }
      return false
    }
  }
}

/// `body` with the start of a temporary buffer of `byteCount` bytes (16-byte aligned), on the
/// stack when it fits. Swift never gives a nil base for a non-empty allocation; the heap
/// fallback keeps this path, which every title takes, free of force-unwraps.
@inline(__always)
func withTemporaryBytes<R>(_ byteCount: Int, _ body: (UnsafeMutableRawPointer) -> R) -> R {
  let size = max(byteCount, 16)
  return withUnsafeTemporaryAllocation(byteCount: size, alignment: 16) { raw in
    if let base = raw.baseAddress { return body(base) }
    let heap = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    defer { heap.deallocate() }
    return body(heap)
  }
}
