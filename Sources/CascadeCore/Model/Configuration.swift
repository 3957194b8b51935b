/// Settings from `cascade.yaml` at a plan's root.
public struct Configuration: Sendable {
  /// Severity overrides by rule id; `nil` value means the rule is off.
  public var severities: [String: Severity?]
  public var maxObjectivesPerUnit: Int
  public var maxKeyResultsPerObjective: Int
  /// A key result with no check-in for longer than this is stale.
  public var staleAfterDays: Int
  /// The plan's display name (diagram titles); nil means the company unit's name.
  public var name: String?
  /// The language of what Cascade writes for people (`language:`); nil: the command line decides.
  public var language: Language?

  public init() {
    severities = [:]
    maxObjectivesPerUnit = 5
    maxKeyResultsPerObjective = 5
    staleAfterDays = 14
  }

  /// The severity a rule reports at, or nil when it is turned off.
  public func severity(for rule: String, default value: Severity) -> Severity? {
    if let override = severities[rule] { return override }
    return value
  }
}
