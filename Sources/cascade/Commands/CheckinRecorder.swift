import CascadeCore
import CascadeServe

/// Check-ins from the meeting page: the same validation and locked append as `cascade checkin`.
enum CheckinRecorder {
  static func record(_ request: CheckInRequest, paths: [String], language: LanguageOption) -> CheckInOutcome {
    .refused("not yet")
  }
}
