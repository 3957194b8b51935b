/// A planning period: a year, half, quarter, month, or an explicit range of days.
public struct Cycle: Hashable, Sendable, CustomStringConvertible {
  public let start: Day
  public let end: Day
  /// How the plan wrote it: `2027-Q1`, or `2027-01-01..2027-03-31` for explicit ranges.
  public let label: String

  public init(start: Day, end: Day, label: String) {
    self.start = start
    self.end = end
    self.label = label
  }

  public var description: String { label }

  public func contains(_ day: Day) -> Bool { start <= day && day <= end }
  public func contains(_ other: Cycle) -> Bool { start <= other.start && other.end <= end }

  /// Days in the cycle, counting both ends.
  public var length: Int { end - start + 1 }

  /// Parses `2027`, `2027-H1`, `2027-Q1`, `2027-01` (case-insensitive letters).
  public init?(label text: String) {
    let u = Array(text.utf8)
    guard u.count >= 4, let year = Cycle.number(u[0..<4]), year >= 1 else { return nil }
    let rest = u[4...]
    var first = 1
    var last = 12
    if rest.isEmpty {
      // the whole year
    } else {
      guard rest.count >= 3, rest.first == UInt8(ascii: "-") else { return nil }
      let tag = rest.dropFirst()
      let letter = tag.first.map { $0 | 0x20 }  // ASCII lower-case
      if letter == UInt8(ascii: "h"), tag.count == 2, let h = Cycle.number(tag.dropFirst()), (1...2).contains(h) {
        first = (h - 1) * 6 + 1
        last = first + 5
      } else if letter == UInt8(ascii: "q"), tag.count == 2, let q = Cycle.number(tag.dropFirst()),
        (1...4).contains(q)
      {
        first = (q - 1) * 3 + 1
        last = first + 2
      } else if tag.count == 2, let m = Cycle.number(tag), (1...12).contains(m) {
        first = m
        last = m
      } else {
        return nil
      }
    }
    guard let s = Day(year: year, month: first, day: 1),
      let e = Day(year: year, month: last, day: Day.daysIn(month: last, year: year))
    else { return nil }
    self.init(start: s, end: e, label: text.uppercased())
  }

  private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
    var v = 0
    for c in bytes {
      guard c >= 48, c <= 57 else { return nil }
      v = v * 10 + Int(c - 48)
    }
    return bytes.isEmpty ? nil : v
  }
}
