import CascadeTestSupport
import Testing

@testable import CascadeCore

/// Issue 8: the one helper that turns a Double from input into text or an Int.
@Suite struct NumberFormatTests {
  /// 5e-324, the smallest positive Double.
  static let tiny = Double.leastNonzeroMagnitude

  @Test func percentagesAreClampedNeverTrap() {
    #expect(NumberFormat.percent(0.6) == "60%")
    #expect(NumberFormat.percent(1.125) == "113%")
    #expect(NumberFormat.percent(-0.5) == "-50%")
    #expect(NumberFormat.percent(99.98) == "9998%")
    #expect(NumberFormat.percent(99.99) == "≥ 9999%")
    #expect(NumberFormat.percent(1e17) == "≥ 9999%")
    #expect(NumberFormat.percent(1e308) == "≥ 9999%")
    #expect(NumberFormat.percent(Double.greatestFiniteMagnitude) == "≥ 9999%")
    #expect(NumberFormat.percent(-1e308) == "≤ -9999%")
    #expect(NumberFormat.percent(.infinity) == "≥ 9999%")
    #expect(NumberFormat.percent(-.infinity) == "≤ -9999%")
    #expect(NumberFormat.percent(.nan) == "?%")
    #expect(NumberFormat.percent(1e-10) == "0%")
    #expect(NumberFormat.percent(Self.tiny) == "0%")
    #expect(NumberFormat.percent(-Self.tiny) == "0%")
    #expect(formatPercent(1e20) == "≥ 9999%")
  }

  @Test func clampedIntStaysInRange() {
    #expect(NumberFormat.clampedInt(4.4, in: 0...10) == 4)
    #expect(NumberFormat.clampedInt(4.5, in: 0...10) == 5)
    #expect(NumberFormat.clampedInt(1e308, in: 0...10) == 10)
    #expect(NumberFormat.clampedInt(-1e308, in: 0...10) == 0)
    #expect(NumberFormat.clampedInt(.infinity, in: 0...10) == 10)
    #expect(NumberFormat.clampedInt(.nan, in: 0...10) == 0)
    #expect(NumberFormat.clampedInt(Self.tiny, in: 0...10) == 0)
    #expect(NumberFormat.clampedInt(1e19, in: Int.min...Int.max) == Int.max)
    #expect(NumberFormat.clampedInt(-1e19, in: Int.min...Int.max) == Int.min)
  }

  @Test func valuesArePrintedFaithfully() {
    #expect(NumberFormat.value(5) == "5")
    #expect(NumberFormat.value(5.678) == "5.68")
    #expect(NumberFormat.value(0.65) == "0.65")
    #expect(NumberFormat.value(-2.5) == "-2.5")
    #expect(NumberFormat.value(1e14) == "100000000000000")
    #expect(NumberFormat.value(1e17) == "1e+17")
    #expect(NumberFormat.value(1e308) == "1e+308")
    #expect(NumberFormat.value(-1e308) == "-1e+308")
    #expect(NumberFormat.value(Double.greatestFiniteMagnitude) == "1.7976931348623157e+308")
    #expect(NumberFormat.value(1e-10) == "1e-10")
    #expect(NumberFormat.value(-1e-10) == "-1e-10")
    #expect(NumberFormat.value(Self.tiny) == "5e-324")
    #expect(NumberFormat.value(0.004) == "0.004")
    #expect(NumberFormat.value(0) == "0")
    #expect(NumberFormat.value(-0.0) == "0")
    #expect(NumberFormat.value(nil) == "–")
    #expect(NumberFormat.value(.nan) == "–")
    #expect(NumberFormat.value(.infinity) == "–")
    #expect(formatValue(1e308) == "1e+308")
  }

  @Test func sumsThatPassTheLargestDoubleSaturateAndSaySo() {
    #expect(Arithmetic.sum([1, 2.5]) == (3.5, false))
    #expect(Arithmetic.sum([1e308, 1e308, -1e308]) == (1e308, false))
    #expect(Arithmetic.sum([1e308, 1e308]) == (Double.greatestFiniteMagnitude, true))
    #expect(Arithmetic.sum([-1e308, -1e308]) == (-Double.greatestFiniteMagnitude, true))
    #expect(Arithmetic.sum([]) == (0, false))
  }

  @Test func progressIsFiniteForEveryFiniteInput() {
    #expect(Arithmetic.progress(current: 42, baseline: 30, target: 50) == 0.6)
    #expect(Arithmetic.progress(current: 1e308, baseline: -1e308, target: 1e308) == 1)
    #expect(Arithmetic.progress(current: -1e308, baseline: -1e308, target: 1e308) == 0)
    #expect(Arithmetic.progress(current: 1e308, baseline: 0, target: Self.tiny) == Double.greatestFiniteMagnitude)
    #expect(Arithmetic.progress(current: -1e308, baseline: 0, target: Self.tiny) == -Double.greatestFiniteMagnitude)
    #expect(Arithmetic.progress(current: 1, baseline: 0, target: 1e-18) == 1 / 1e-18)
    #expect(Arithmetic.progress(current: 1e308, baseline: 1e308, target: -1e308) == 0)
  }

  @Test func weightedMeansSurviveHugeAndTinyWeights() {
    #expect(Arithmetic.weightedMean([(1, 1), (0, 3)]) == 0.25)
    #expect(Arithmetic.weightedMean([(1, 1e308), (0, 1e308)]) == 0.5)
    #expect(Arithmetic.weightedMean([(1, Self.tiny), (0, Self.tiny)]) == 0.5)
    #expect(Arithmetic.weightedMean([(1, 1e308), (0, 1)]) == 1)
    #expect(Arithmetic.weightedMean([]) == 0)
  }
}
