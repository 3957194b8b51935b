/// What the wording analysis says of one key result's title, worked out once per key result
/// (in parallel) and shared by kr-vague-wording, kr-no-target and kr-activity.
public struct TitleFacts: Sendable {
  public var quantity: Wording.Quantity?
  public var isActivity = false
  /// Only worked out for milestones, the one place it is used.
  public var isComparative = false

  public init(_ kr: KeyResult) {
    guard !kr.title.isEmpty else { return }
    quantity = Wording.quantity(in: kr.title)
    isActivity = Wording.isActivity(kr.title)
    if kr.kind == .milestone { isComparative = Wording.isComparative(kr.title) }
  }

  init() {}
}
