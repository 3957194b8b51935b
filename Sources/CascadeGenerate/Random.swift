/// SplitMix64 (Steele, Lea and Flood): a small, fast, seedable generator. Swift's own
/// `SystemRandomNumberGenerator` cannot be seeded, and the generator must give the same
/// organisation for the same seed on every platform and release.
public struct SplitMix64: Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// An independent stream for one part of the organisation: `seed` mixed with `a` and `b`.
  init(seed: UInt64, _ a: UInt64, _ b: UInt64 = 0) {
    var s = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C909)
    var t = SplitMix64(seed: s.next() ^ a &* 0x9E37_79B9_7F4A_7C15)
    state = t.next() ^ b &* 0xBF58_476D_1CE4_E5B9
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<n` (n > 0), by the multiply-high method.
  mutating func int(_ n: Int) -> Int {
    precondition(n > 0)
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(range.upperBound - range.lowerBound + 1)
  }

  /// A number in `0..<1` with 53 random bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  mutating func double(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + unit() * (range.upperBound - range.lowerBound)
  }

  mutating func chance(_ p: Double) -> Bool { unit() < p }

  mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

  /// Fisher–Yates.
  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      let j = int(i + 1)
      if i != j { items.swapAt(i, j) }
    }
  }
}
