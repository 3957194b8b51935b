// PLACEHOLDER until the wording analyser lands (replaced in the same change set).
public enum Wording {
  public struct Quantity: Equatable, Sendable {
    public var text: String
    public var value: Double?
    public var isPercent: Bool
  }
  public static func quantity(in title: String) -> Quantity? {
    guard let i = title.firstIndex(where: { $0.isNumber }) else { return nil }
    let digits = title[i...].prefix(while: { $0.isNumber || $0 == "." })
    return Quantity(text: String(digits), value: Double(digits), isPercent: false)
  }
  public static func isActivity(_ title: String) -> Bool { title.hasPrefix("Launch") || title.hasPrefix("开展") }
  public static func isComparative(_ title: String) -> Bool { title.hasPrefix("Improve") }
  public static func isVague(_ title: String) -> Bool { quantity(in: title) == nil }
}
