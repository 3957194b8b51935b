/// What kind of period a cycle is, as its label tells.
public enum CyclePeriod: Sendable, Equatable {
  case year, half, quarter, month
  /// An explicit `start`/`end` range.
  case range

  /// Months in the period; nil for a range.
  public var months: Int? {
    switch self {
    case .year: 12
    case .half: 6
    case .quarter: 3
    case .month: 1
    case .range: nil
    }
  }
}

extension Cycle {
  public var period: CyclePeriod {
    let u = Array(label.utf8)
    if u.count == 4 { return .year }
    guard u.count == 7, Cycle(label: label) != nil else { return .range }
    switch u[5] | 0x20 {
    case UInt8(ascii: "h"): return .half
    case UInt8(ascii: "q"): return .quarter
    default: return .month
    }
  }

  /// The cycle's first month counted from year 0 (`year * 12 + month - 1`).
  var monthNumber: Int {
    let (y, m, _) = start.components
    return y * 12 + m - 1
  }

  /// The calendar period of `kind` holding the month `number` (`year * 12 + month - 1`); nil
  /// for a range or a year outside 1...9999.
  static func calendar(_ kind: CyclePeriod, holdingMonth number: Int) -> Cycle? {
    guard let months = kind.months, number >= 12, number < 10000 * 12 else { return nil }
    let year = number / 12
    let index = (number % 12) / months
    let y = Day.pad(year, 4)
    switch kind {
    case .year: return Cycle(label: y)
    case .half: return Cycle(label: "\(y)-H\(index + 1)")
    case .quarter: return Cycle(label: "\(y)-Q\(index + 1)")
    case .month: return Cycle(label: "\(y)-\(Day.pad(index + 1, 2))")
    case .range: return nil
    }
  }

  /// True when the cycle starts on a month's first day and ends on a month's last day (every
  /// calendar period does; a range `2027-01-01..2027-03-31` does too).
  var isMonthAligned: Bool {
    let (_, _, first) = start.components
    let (y, m, last) = end.components
    return first == 1 && last == Day.daysIn(month: m, year: y)
  }

  /// The month of the cycle's last day, counted as ``monthNumber`` counts.
  var endMonthNumber: Int {
    let (y, m, _) = end.components
    return y * 12 + m - 1
  }

  /// The range of whole months from month `first` to month `last` (counted from year 0); nil
  /// outside years 1...9999.
  static func months(_ first: Int, _ last: Int) -> Cycle? {
    guard first >= 12, last < 10000 * 12, first <= last,
      let s = Day(year: first / 12, month: first % 12 + 1, day: 1),
      let e = Day(year: last / 12, month: last % 12 + 1, day: Day.daysIn(month: last % 12 + 1, year: last / 12))
    else { return nil }
    return Cycle(start: s, end: e, label: "\(s)..\(e)")
  }

  /// The cycle that follows this one: the next quarter of a quarter, the next year of a year;
  /// for a range of whole months the same number of months after it, for another range the
  /// range of the same length from the day after it ends. Nil past 9999.
  public var successor: Cycle? {
    if let months = period.months { return Cycle.calendar(period, holdingMonth: monthNumber + months) }
    if isMonthAligned {
      let count = endMonthNumber - monthNumber + 1
      return Cycle.months(endMonthNumber + 1, endMonthNumber + count)
    }
    let start = end + 1
    let last = start + (length - 1)
    guard last.components.year <= 9999 else { return nil }
    return Cycle(start: start, end: last, label: "\(start)..\(last)")
  }
}

/// How a plan moves from one cycle to the next: the plan's main cycle from `from` to `to`, and
/// every other cycle and date by the same step.
public struct CycleShift: Sendable {
  public let from: Cycle
  public let to: Cycle
  /// Months between the two cycles' starts, when both are whole months (calendar periods, or
  /// ranges from a month's first day to a month's last).
  let months: Int?
  /// Days between the two cycles' starts.
  let days: Int

  public init(from: Cycle, to: Cycle) {
    self.from = from
    self.to = to
    months = from.isMonthAligned && to.isMonthAligned ? to.monthNumber - from.monthNumber : nil
    days = to.start - from.start
  }

  /// A unit's cycle in the next plan: the new main cycle for the old one; unchanged when it
  /// already holds the new main cycle (a year around its quarters); a longer calendar period
  /// becomes the one of its kind holding the new cycle's start; one as long or shorter, or a
  /// range, moves by the same step. Nil when the result is not a real cycle (past year 9999).
  public func moved(_ cycle: Cycle) -> Cycle? {
    if cycle == from { return to }
    if cycle.contains(to) { return cycle }
    if let months, let own = cycle.period.months {
      let toMonths = to.endMonthNumber - to.monthNumber + 1
      if own > toMonths { return Cycle.calendar(cycle.period, holdingMonth: to.monthNumber) }
      return Cycle.calendar(cycle.period, holdingMonth: cycle.monthNumber + months)
    }
    if let months, cycle.isMonthAligned {
      return Cycle.months(cycle.monthNumber + months, cycle.endMonthNumber + months)
    }
    let start = cycle.start + days
    let end = cycle.end + days
    guard (1...9999).contains(start.components.year), (1...9999).contains(end.components.year) else { return nil }
    return Cycle(start: start, end: end, label: "\(start)..\(end)")
  }

  /// A due date in the next plan: moved by whole months between calendar cycles (the last day
  /// of a month stays the last day: 2027-03-31 becomes 2027-06-30), else by days. Nil past 9999.
  public func moved(_ day: Day) -> Day? {
    guard let months else {
      let moved = day + days
      return (1...9999).contains(moved.components.year) ? moved : nil
    }
    let (y, m, d) = day.components
    let number = y * 12 + (m - 1) + months
    guard number >= 12, number < 10000 * 12 else { return nil }
    let year = number / 12
    let month = number % 12 + 1
    let last = Day.daysIn(month: month, year: year)
    let wasLast = d == Day.daysIn(month: m, year: y)
    return Day(year: year, month: month, day: wasLast ? last : min(d, last))
  }
}
