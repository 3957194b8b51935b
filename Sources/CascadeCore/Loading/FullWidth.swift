import CYAML

/// The characters a Chinese keyboard types in full-width mode where YAML or a number needs
/// their ASCII counterparts. Found only after something failed: a YAML error, a key that
/// starts with an ideographic space, a number or reference that does not parse.
enum FullWidthCharacter: CaseIterable {
  case colon, comma, ideographicSpace, minus

  var scalar: Unicode.Scalar {
    switch self {
    case .colon: "\u{FF1A}"
    case .comma: "\u{FF0C}"
    case .ideographicSpace: "\u{3000}"
    case .minus: "\u{FF0D}"
    }
  }

  var utf8: [UInt8] { Array(String(scalar).utf8) }

  /// What YAML needs instead.
  var replacement: [UInt8] {
    switch self {
    case .colon: Array(": ".utf8)
    case .comma: Array(", ".utf8)
    case .ideographicSpace: [0x20]
    case .minus: [0x2D]
    }
  }

  static func at(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> FullWidthCharacter? {
    guard i + 2 < bytes.count, bytes[i] == 0xEF || bytes[i] == 0xE3 else { return nil }
    for c in allCases {
      let u = c.utf8
      if bytes[i] == u[0], bytes[i + 1] == u[1], bytes[i + 2] == u[2] { return c }
    }
    return nil
  }

  /// Quick test: does the file hold any of these characters at all?
  static func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i + 2 < bytes.count {
      if bytes[i] == 0xEF || bytes[i] == 0xE3, at(i, in: bytes) != nil { return true }
      i += 1
    }
    return false
  }
}

/// One full-width character replaced by what YAML needs, so that the rest of the file is
/// read as the author meant it; positions in the repaired text map back with ``Shift``.
struct FullWidthRepair {
  var character: FullWidthCharacter
  /// Where the character starts in the text being read, and its length in bytes there.
  var byte: Int
  var length: Int
  var replacement: [UInt8]
  /// Its position in the text being read (before ``YAMLReader/Shift`` mapping).
  var line: Int
  var column: Int
  /// Its position in the file as the user wrote it.
  var original: Mark
  /// For a colon: the line as it should be (`owner: 马丽`), for the message; short, visible.
  var example: String? = nil

  /// `key: value` of the line holding a full-width colon at `byte`: the key without its
  /// indentation or list dash, the value cut to 20 characters. nil when either is empty.
  static func colonExample(at byte: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard byte >= 0, byte + 3 <= bytes.count else { return nil }
    var start = byte
    while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D, byte - start < 200 { start -= 1 }
    var end = byte + 3
    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D, end - byte < 200 { end += 1 }
    var key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<byte]), as: UTF8.self)
      .trimmingCharacters(in: " \t\u{3000}")
    if key.hasPrefix("- ") { key = String(key.dropFirst(2)).trimmingCharacters(in: " \t\u{3000}") }
    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(byte + 3)..<end]), as: UTF8.self)
      .trimmingCharacters(in: " \t\u{3000}")
    guard !key.isEmpty, !value.isEmpty, key.count <= 40 else { return nil }
    return visible(key) + ": " + visible(value.prefix(20))
  }

  /// Characters added: the replacement's length minus the replaced characters'.
  var delta: Int { replacement.count - length / 3 }

  func apply(_ bytes: [UInt8]) -> [UInt8] {
    var out = Array(bytes[0..<byte])
    out += replacement
    out += bytes[(byte + length)...]
    return out
  }
}

enum FullWidthCulprit {
  /// The full-width character before (or on the line of) the libyaml error at character
  /// `errorIndex` whose replacement lets libyaml read further: it caused the error.
  static func find(
    before errorIndex: Int, in bytes: UnsafeBufferPointer<UInt8>, table: LineTable
  ) -> FullWidthRepair? {
    guard FullWidthCharacter.occurs(in: bytes) else { return nil }
    let errorMark = table.mark(characterIndex: errorIndex)
    let nextLine = Int(errorMark.line)
    let end = nextLine < table.byteStarts.count ? table.byteStarts[nextLine] : bytes.count
    var candidates: [(Int, FullWidthCharacter)] = []
    var i = 0
    while i < min(end, bytes.count) {
      if let c = FullWidthCharacter.at(i, in: bytes) {
        candidates.append((i, c))
        i += 3
      } else {
        i += 1
      }
    }
    for (byte, c) in candidates.reversed().prefix(16) {
      for replacement in replacements(for: c, at: byte, in: bytes) {
        var copy = Array(bytes[0..<byte])
        copy += replacement.bytes
        copy += bytes[(byte + replacement.length)...]
        let delta = replacement.bytes.count - replacement.length / 3
        guard LineBreakCharacter.parsesPast(errorIndex + delta, copy) else { continue }
        let mark = table.mark(byteOffset: byte, in: bytes)
        let repair = FullWidthRepair(
          character: c, byte: byte, length: replacement.length, replacement: replacement.bytes,
          line: Int(mark.line), column: Int(mark.column), original: mark,
          example: c == .colon ? FullWidthRepair.colonExample(at: byte, in: bytes) : nil)
        return repair
      }
    }
    return nil
  }

  /// The replacements to try for `c` at `byte`: a run of ideographic spaces that indents a
  /// line becomes two spaces each (their width on screen), else one each.
  static func replacements(
    for c: FullWidthCharacter, at byte: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> [(bytes: [UInt8], length: Int)] {
    guard c == .ideographicSpace, isIndentation(byte, in: bytes) else { return [(c.replacement, 3)] }
    var n = 0
    while FullWidthCharacter.at(byte + 3 * n, in: bytes) == .ideographicSpace { n += 1 }
    return [
      ([UInt8](repeating: 0x20, count: 2 * n), 3 * n),
      ([UInt8](repeating: 0x20, count: n), 3 * n),
    ]
  }

  /// True when only spaces and list dashes come between the line's start and `byte`.
  static func isIndentation(_ byte: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = byte - 1
    while i >= 0 {
      switch bytes[i] {
      case 0x0A: return true
      case 0x20, 0x2D: i -= 1
      default: return false
      }
    }
    return true
  }
}

extension String {
  /// Without the leading and trailing characters of `set`.
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
