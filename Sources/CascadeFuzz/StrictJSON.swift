/// A validator for RFC 8259 JSON, stricter than Foundation's parser (which accepts trailing
/// commas and other JSON5 forms): what Cascade writes must parse in any JSON parser.
public enum StrictJSON {
  /// Nil when `bytes` is one valid JSON text; otherwise what is wrong and at which byte.
  public static func problem(in bytes: [UInt8]) -> String? {
    var p = Parser(bytes: bytes)
    do throws(Parser.Failure) {
      p.skipSpace()
      try p.value(depth: 0)
      p.skipSpace()
      if p.i != bytes.count { throw Parser.Failure(reason: "text after the value", offset: p.i) }
      return nil
    } catch {
      return "\(error.reason) at byte \(error.offset)"
    }
  }

  struct Parser {
    struct Failure: Error {
      var reason: String
      var offset: Int
    }

    let bytes: [UInt8]
    var i = 0

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    func fail(_ reason: String) -> Failure { Failure(reason: reason, offset: i) }

    mutating func skipSpace() {
      while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
    }

    mutating func expect(_ word: String) throws(Failure) {
      for c in word.utf8 {
        guard peek == c else { throw fail("expected \(word)") }
        i += 1
      }
    }

    mutating func value(depth: Int) throws(Failure) {
      guard depth < 512 else { throw fail("nested too deep") }
      guard let c = peek else { throw fail("a value is missing") }
      switch c {
      case UInt8(ascii: "{"):
        try members(closing: "}") { (p) throws(Failure) in
          guard p.peek == UInt8(ascii: "\"") else { throw p.fail("expected a key") }
          try p.string()
          p.skipSpace()
          try p.expect(":")
          p.skipSpace()
          try p.value(depth: depth + 1)
        }
      case UInt8(ascii: "["):
        try members(closing: "]") { (p) throws(Failure) in try p.value(depth: depth + 1) }
      case UInt8(ascii: "\""): try string()
      case UInt8(ascii: "t"): try expect("true")
      case UInt8(ascii: "f"): try expect("false")
      case UInt8(ascii: "n"): try expect("null")
      default: try number()
      }
    }

    /// An object's or array's members after its opening bracket: none, or `member` separated by
    /// commas, then `closing`.
    mutating func members(closing: String, _ member: (inout Parser) throws(Failure) -> Void) throws(Failure) {
      i += 1
      skipSpace()
      if peek == closing.utf8.first {
        i += 1
        return
      }
      while true {
        skipSpace()
        try member(&self)
        skipSpace()
        guard peek == UInt8(ascii: ",") else { break }
        i += 1
      }
      try expect(closing)
    }

    mutating func string() throws(Failure) {
      i += 1
      while let c = peek {
        switch c {
        case UInt8(ascii: "\""):
          i += 1
          return
        case UInt8(ascii: "\\"):
          i += 1
          guard let e = peek else { throw fail("unterminated escape") }
          i += 1
          switch e {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            continue
          case UInt8(ascii: "u"):
            for _ in 0..<4 {
              guard let h = peek, isHex(h) else { throw fail("bad \\u escape") }
              i += 1
            }
          default: throw fail("unknown escape")
          }
        case 0x00..<0x20: throw fail("raw control character U+\(String(c, radix: 16, uppercase: true)) in a string")
        default: i += 1
        }
      }
      throw fail("unterminated string")
    }

    func isHex(_ c: UInt8) -> Bool {
      (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }

    mutating func digits() -> Int {
      let start = i
      while let c = peek, (0x30...0x39).contains(c) { i += 1 }
      return i - start
    }

    mutating func number() throws(Failure) {
      if peek == UInt8(ascii: "-") { i += 1 }
      if peek == UInt8(ascii: "0") {
        i += 1
      } else if digits() == 0 {
        throw fail("not a value")
      }
      if peek == UInt8(ascii: ".") {
        i += 1
        guard digits() > 0 else { throw fail("a fraction needs digits") }
      }
      if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
        i += 1
        if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { throw fail("an exponent needs digits") }
      }
    }
  }
}
