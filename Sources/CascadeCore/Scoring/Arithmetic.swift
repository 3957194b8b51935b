/// Scoring arithmetic that stays finite for every finite input: sums that would pass the
/// largest Double are computed at a smaller scale and, when the result itself is out of range,
/// saturate at ±`Double.greatestFiniteMagnitude` and say so; ratios never divide by zero and
/// never produce NaN or infinity.
public enum Arithmetic {
  static let largest = Double.greatestFiniteMagnitude
  /// 2^64: big values divided by it are exact, and 2^64 values of up to the largest Double
  /// cannot overflow at that scale.
  static let scale = 18_446_744_073_709_551_616.0

  /// The sum of finite values; `overflowed` when the true sum is beyond ±largest (the value is
  /// then that limit, with the sum's sign).
  public static func sum(_ values: [Double]) -> (value: Double, overflowed: Bool) {
    var plain = 0.0
    for v in values { plain += v }
    if plain.isFinite { return (plain, false) }
    var scaled = 0.0
    for v in values { scaled += v / scale }
    let value = scaled * scale
    if value.isFinite { return (value, false) }
    return (scaled < 0 ? -largest : largest, true)
  }

  /// `(current − baseline) / (target − baseline)` for finite values with target ≠ baseline,
  /// clamped to ±largest (a range of 5e-324 makes any ordinary value "infinitely" far).
  static func progress(current: Double, baseline b: Double, target t: Double) -> Double {
    var n = current - b
    var d = t - b
    if !n.isFinite || !d.isFinite {
      // Only reached for values near the largest Double, where halving is exact.
      n = current / 2 - b / 2
      d = t / 2 - b / 2
    }
    let p = n / d
    guard !p.isNaN else { return 0 }
    return min(largest, max(-largest, p))
  }

  /// The weighted mean of scores (each 0...1) with positive finite weights; 0 without items.
  /// Weights so large that they overflow when added, or so small that the products underflow,
  /// are first divided by the largest.
  public static func weightedMean(_ items: [(score: Double, weight: Double)]) -> Double {
    var top = 0.0
    for item in items { top = max(top, item.weight) }
    guard top > 0 else { return 0 }
    let divisor = top > 1e300 || top < 1e-300 ? top : 1
    var total = 0.0
    var weights = 0.0
    for item in items {
      let w = item.weight / divisor
      total += item.score * w
      weights += w
    }
    guard weights > 0, weights.isFinite, total.isFinite else { return 0 }
    return total / weights
  }
}
