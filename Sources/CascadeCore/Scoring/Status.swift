/// Where a key result or objective stands against the time elapsed in its cycle.
public enum Status: String, Sendable, CaseIterable, Comparable {
  case notStarted = "not_started"
  case offTrack = "off_track"
  case atRisk = "at_risk"
  case onTrack = "on_track"
  case done

  /// Worst first, for "an objective's status is the worst of its key results'".
  /// not_started counts as worse than on_track but better than at_risk.
  var severity: Int {
    switch self {
    case .offTrack: 0
    case .atRisk: 1
    case .notStarted: 2
    case .onTrack: 3
    case .done: 4
    }
  }

  public static func < (a: Status, b: Status) -> Bool { a.severity < b.severity }

  public var label: String { rawValue.replacingUnderscores }
}

/// End-of-cycle grade bands: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green (score rounded to a tenth).
public enum Grade: String, Sendable {
  case red, yellow, green

  public init(score: Double) {
    let tenth = (score * 10).rounded() / 10
    self = tenth >= 0.7 ? .green : tenth >= 0.4 ? .yellow : .red
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

/// The thresholds of the status rules, in one place.
public enum StatusRule {
  public static let onTrackMargin = 0.15
  public static let atRiskMargin = 0.35
  public static let lowConfidence = 0.5

  /// `done` at progress ≥ 1; `on_track` within 0.15 of the expected progress; `at_risk`
  /// within 0.35; otherwise `off_track`. A latest confidence below 0.5 lowers on_track to at_risk.
  public static func status(progress: Double, expected: Double, confidence: Double?) -> Status {
    // A hair of tolerance so that a progress exactly on a line (0.15 against 0.5 − 0.35, which
    // is 0.15000000000000002 in binary) counts as on it.
    let tolerance = 1e-9
    if progress >= 1 - tolerance { return .done }
    var s: Status =
      progress >= expected - onTrackMargin - tolerance
      ? .onTrack : progress >= expected - atRiskMargin - tolerance ? .atRisk : .offTrack
    if s == .onTrack, let confidence, confidence < lowConfidence { s = .atRisk }
    return s
  }
}
