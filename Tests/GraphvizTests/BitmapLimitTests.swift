import Foundation
import Testing

@testable import Graphviz

/// A PNG larger than a bitmap can be (32,767 px a side) is rendered at a lower resolution that
/// fits, and the output says so; cairo's own scaling (which tells only stderr) never happens.
@Suite struct BitmapLimitTests {
  static func width(_ png: [UInt8]) -> Int { png[16..<20].reduce(0) { $0 << 8 | Int($1) } }

  @Test func aTooWideDrawingIsShrunkToFitAndSaysByHowMuch() throws {
    // 40,000 points wide (about 53,000 px at 96 dpi).
    let dot = "digraph { a [shape=box, width=555, height=0.5, label=\"wide\"] }"
    let output = try Graphviz.renderWithWarnings(dot: dot, format: .png)
    let shrunk = try #require(output.shrunk)
    #expect(shrunk.width > 50_000 && shrunk.width < 56_000, "\(shrunk)")
    #expect(shrunk.scale > 0.55 && shrunk.scale < 0.65)
    let width = Self.width(output.bytes)
    #expect(width <= Graphviz.maxBitmapSide && width > 31_000, "\(width)")
  }

  @Test func aDrawingThatFitsIsLeftAlone() throws {
    let output = try Graphviz.renderWithWarnings(dot: "digraph { a -> b }", format: .png)
    #expect(output.shrunk == nil)
    // SVG and PDF have no such limit.
    let dot = "digraph { a [shape=box, width=555, height=0.5] }"
    #expect(try Graphviz.renderWithWarnings(dot: dot, format: .svg).shrunk == nil)
  }
}
