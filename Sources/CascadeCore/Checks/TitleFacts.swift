/// What the wording analysis says of one key result's title, worked out once per key result
/// (in parallel) and shared by kr-vague-wording, kr-no-target, kr-activity and
/// kr-title-contradicts.
public struct TitleFacts: Sendable {
  public var quantity: Wording.Quantity?
  public var isActivity = false
  /// Only worked out for milestones, the one place it is used.
  public var isComparative = false
  /// For kr-title-contradicts, only worked out for a key result it checks (a baseline and
  /// another target, not a milestone): the way the title says the number goes (true: up), nil
  /// when it says neither or both.
  public var saysUp: Bool?
  /// The same: the range the title states (`from 30 to 50`), when the way does not already
  /// contradict the numbers.
  public var range: Wording.Quantity?

  public init(_ kr: KeyResult) {
    guard !kr.title.isEmpty else { return }
    quantity = Wording.quantity(in: kr.title)
    isActivity = Wording.isActivity(kr.title)
    if kr.kind == .milestone { isComparative = Wording.isComparative(kr.title) }
    if let b = kr.baseline, let t = kr.target, b != t, kr.kind != .milestone {
      saysUp = KRTitleContradictsRule.direction(of: kr.title)
      if saysUp == nil || saysUp == (t > b) { range = Wording.range(in: kr.title) }
    }
  }

  init() {}
}
