import CascadeCore
import CascadeServe

/// Check-ins from the meeting page: the same check and locked append as `cascade checkin`.
enum CheckinRecorder {
  static func record(
    _ request: CheckInRequest, plan: String, day: @Sendable () -> Day, language: LanguageOption
  ) -> CheckInOutcome {
    do {
      let recorded = try CheckinCommand.record(
        plan: plan, reference: request.ref, value: request.value, day: day(), confidence: request.confidence,
        note: request.note, author: request.author, language: language)
      return .recorded(recorded.confirmation)
    } catch let failure as CLIFailure {
      return .refused(failure.lines.map { oneLine($0) }.joined(separator: " "))
    } catch {
      return .refused(oneLine("cascade: \(error)"))
    }
  }
}
