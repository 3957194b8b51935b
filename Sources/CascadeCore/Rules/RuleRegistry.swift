/// Every rule Cascade has, in the order the README lists them.
public enum RuleRegistry {
  public static let all: [any Rule] = [
    // structure
    YAMLSyntaxRule(), SchemaRule(), UnknownFieldRule(), DuplicateKeyRule(), InputLimitRule(), EmptyFileRule(),
    DuplicateIDRule(), UnitParentMissingRule(), UnitParentCycleRule(), LevelOrderRule(), SuperfluousDisableRule(),
    // alignment
    UnresolvedRefRule(), AlignmentCycleRule(), UnalignedObjectiveRule(), AlignNotUpwardRule(),
    CycleMismatchRule(), UnsupportedObjectiveRule(), SumGapRule(),
    // measurability
    KRNoTargetRule(), KRNoBaselineRule(), KRNoUnitRule(), KRTargetEqualsBaselineRule(),
    KRDirectionMismatchRule(), KRTitleContradictsRule(), KRDueOutsideCycleRule(), KRVagueWordingRule(), KRActivityRule(),
    ObjectiveNoKRsRule(), ObjectiveTooManyKRsRule(), UnitTooManyObjectivesRule(),
    AggregateMismatchRule(), RollupNoChildrenRule(),
    // check-ins
    CheckInSyntaxRule(), CheckInUnknownRefRule(), CheckInValueRule(), CheckInDateRule(), CheckInConfidenceRule(),
    CheckInAggregateRule(), CheckInFileRule(),
  ]

  public static func rule(id: String) -> (any Rule)? {
    all.first { $0.description.id == id }
  }
}
