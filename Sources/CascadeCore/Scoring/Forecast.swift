/// A least-squares line through (day, value) points, projected to a day.
public enum Forecast {
  /// Nil with fewer than two distinct days, and when the line reaches beyond the largest Double
  /// by that day. Very large (or very small) values are divided by the largest of them first, so no
  /// sum overflows.
  public static func project(_ points: [(day: Day, value: Double)], to day: Day) -> Double? {
    guard points.count >= 2 else { return nil }
    var top = 0.0
    for p in points { top = max(top, abs(p.value)) }
    guard top.isFinite else { return nil }
    guard top > 1e150 || (top > 0 && top < 1e-150) else { return line(points, to: day, scale: 1) }
    guard let scaled = line(points, to: day, scale: top) else { return nil }
    let value = scaled * top
    return value.isFinite ? value : nil
  }

  private static func line(_ points: [(day: Day, value: Double)], to day: Day, scale: Double) -> Double? {
    // Centre x on the first day to keep the sums well conditioned.
    let x0 = Double(points[0].day.ordinal)
    let n = Double(points.count)
    var sx = 0.0
    var sy = 0.0
    for p in points {
      sx += Double(p.day.ordinal) - x0
      sy += p.value / scale
    }
    let mx = sx / n
    let my = sy / n
    var sxx = 0.0
    var sxy = 0.0
    for p in points {
      let dx = Double(p.day.ordinal) - x0 - mx
      sxx += dx * dx
      sxy += dx * (p.value / scale - my)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    let value = my + slope * (Double(day.ordinal) - x0 - mx)
    return value.isFinite ? value : nil
  }
}
