/// The one place a `Double` from a plan or checkins.csv becomes text or an `Int`. Every finite
/// Double is accepted (1e308, 5e-324, a progress of 1e20); none traps, none prints `inf` or `nan`.
public enum NumberFormat {
  /// Percentages beyond ±9999% are shown as `≥ 9999%` / `≤ -9999%`.
  public static let percentLimit = 9999

  /// `v` rounded to the nearest integer and clamped to `range`; NaN gives the lower bound.
  /// Use this instead of `Int(_:)` on any Double that came from input.
  public static func clampedInt(_ v: Double, in range: ClosedRange<Int>) -> Int {
    guard !v.isNaN else { return range.lowerBound }
    let r = v.rounded()
    if r <= Double(range.lowerBound) { return range.lowerBound }
    if r >= Double(range.upperBound) { return range.upperBound }
    return Int(r)
  }

  /// A fraction as a whole percentage: `60%`, `112%`, `≥ 9999%`, `≤ -9999%`; `?%` for NaN.
  public static func percent(_ fraction: Double) -> String {
    guard !fraction.isNaN else { return "?%" }
    let limit = Double(percentLimit)
    let p = (fraction * 100).rounded()
    if p >= limit { return "≥ \(percentLimit)%" }
    if p <= -limit { return "≤ -\(percentLimit)%" }
    return "\(Int(p))%"
  }

  /// A value as a plan writes it, exact where a report rounds: an integer without a fraction,
  /// else the shortest decimal that reads back as the value rounded to 9 decimals (sums of
  /// check-ins carry binary noise: 2.66 + 2.06 is 4.720000000000001). `–` for nil and for a
  /// non-finite value.
  public static func plain(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "–" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    let r = abs(v) < 1e6 ? (v * 1e9).rounded() / 1e9 : v
    if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
    return String(r)
  }

  /// A value for reports: at most two decimals and no trailing zeros (`5`, `0.65`, `5.67`);
  /// beyond 10^15, and for a non-zero value that two decimals would show as 0, the shortest
  /// form that reads back as the same Double (`1e+308`, `1e-10`, `5e-324`). `–` for nil and
  /// for a non-finite value.
  public static func value(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "–" }
    if abs(v) >= 1e15 { return String(v) }
    let r = (v * 100).rounded() / 100
    if r == 0 && v != 0 { return String(v) }
    if r == r.rounded() { return String(Int64(r)) }
    var s = String(r)
    if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 3 {
      s = String(s[..<s.index(dot, offsetBy: 3)])
    }
    return s
  }
}

/// Shared number formatting for reports: at most two decimals, no trailing zeros (see
/// ``NumberFormat/value(_:)``).
public func formatValue(_ v: Double?) -> String { NumberFormat.value(v) }

/// `60%`, clamped to `≥ 9999%` / `≤ -9999%` (see ``NumberFormat/percent(_:)``).
public func formatPercent(_ v: Double) -> String { NumberFormat.percent(v) }
