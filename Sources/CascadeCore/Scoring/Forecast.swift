/// A least-squares line through (day, value) points, projected to a day.
public enum Forecast {
  /// Nil with fewer than two distinct days.
  public static func project(_ points: [(day: Day, value: Double)], to day: Day) -> Double? {
    guard points.count >= 2 else { return nil }
    // Centre x on the first day to keep the sums well conditioned.
    let x0 = Double(points[0].day.ordinal)
    let n = Double(points.count)
    var sx = 0.0
    var sy = 0.0
    for p in points {
      sx += Double(p.day.ordinal) - x0
      sy += p.value
    }
    let mx = sx / n
    let my = sy / n
    var sxx = 0.0
    var sxy = 0.0
    for p in points {
      let dx = Double(p.day.ordinal) - x0 - mx
      sxx += dx * dx
      sxy += dx * (p.value - my)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    return my + slope * (Double(day.ordinal) - x0 - mx)
  }
}
