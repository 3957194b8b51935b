import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

@Suite struct TextWrapTests {
  @Test func widths() {
    #expect(TextWrap.width(of: "abc") == 3)
    #expect(TextWrap.width(of: "销售额") == 6)
    #expect(TextWrap.width(of: "２０％") == 6)  // fullwidth forms
    #expect(TextWrap.width(of: "🚀") == 2)
    #expect(TextWrap.width(of: "é") == 1)  // e + combining acute is one character
  }

  @Test func latinBreaksAtSpaces() {
    #expect(TextWrap.wrap("Grow sales 20% next quarter", width: 12) == ["Grow sales", "20% next", "quarter"])
    #expect(TextWrap.wrap("short", width: 28) == ["short"])
    #expect(TextWrap.wrap("exactly ten", width: 11) == ["exactly ten"])
  }

  @Test func wordsShorterThanTheWidthAreNeverSplit() {
    let lines = TextWrap.wrap("Customer satisfaction from 80 to 88 points", width: 14)
    #expect(lines == ["Customer", "satisfaction", "from 80 to 88", "points"])
    for line in lines { #expect(TextWrap.width(of: line) <= 14) }
  }

  @Test func overlongTokenIsHardBroken() {
    #expect(TextWrap.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
    #expect(
      TextWrap.wrap("see https://example.com/a/very/long/path", width: 10)
        == ["see", "https://ex", "ample.com/", "a/very/lon", "g/path"])
  }

  @Test func chineseBreaksBetweenCharactersCountingTwoColumns() {
    let lines = TextWrap.wrap("打造一支让客户信赖的销售队伍", width: 10)
    #expect(lines == ["打造一支让", "客户信赖的", "销售队伍"])
    for line in lines { #expect(TextWrap.width(of: line) <= 10) }
  }

  @Test func mixedTextKeepsNumbersWhole() {
    // "20%" is one word; a break may fall between it and the Chinese characters around it.
    #expect(TextWrap.wrap("下季度销售额增长20%", width: 16) == ["下季度销售额增长", "20%"])
    #expect(TextWrap.wrap("每月新增50个客户", width: 8) == ["每月新增", "50个客户"])
  }

  @Test func closingPunctuationDoesNotStartALine() {
    // "，" may not begin a line, so it stays with the character before it.
    let lines = TextWrap.wrap("销售额增长，客户满意", width: 10)
    #expect(lines == ["销售额增", "长，客户", "满意"])
    #expect(!lines.contains { $0.hasPrefix("，") })
    // And an opening bracket stays with what follows it.
    #expect(!TextWrap.wrap("减少客户投诉（从150次降到120次）", width: 12).contains { $0.hasSuffix("（") })
  }

  @Test func newlinesBreakAndTabsAreSpaces() {
    #expect(TextWrap.wrap("first line\nsecond\tline", width: 40) == ["first line", "second line"])
    #expect(TextWrap.wrap("", width: 10) == [""])
    #expect(TextWrap.wrap("   ", width: 10) == ["   "])  // fits, so it stays as written
    #expect(TextWrap.wrap("  \n ", width: 10) == ["", ""])
  }

  @Test func emojiCountsTwo() {
    #expect(TextWrap.wrap("🚀🚀🚀🚀🚀", width: 6) == ["🚀🚀🚀", "🚀🚀"])
    #expect(TextWrap.width(of: "🚀🚀🚀") == 6)
  }
}

@Suite struct TextWrapTypographyTests {
  @Test func numbersStayWithTheirCounter() {
    #expect(TextWrap.wrap("每季度减少客户投诉20%（从150次降到120次）", width: 20) == ["每季度减少客户投诉", "20%（从150次降到", "120次）"])
  }

  @Test func noLoneCharacterOnTheLastLine() {
    #expect(TextWrap.wrap("完成季度销售额5600万元", width: 20) == ["完成季度销售额", "5600万元"])
    #expect(TextWrap.wrap("打造一支让客户信赖的销售队伍啊", width: 28) == ["打造一支让客户信赖的销售队", "伍啊"])
    #expect(TextWrap.wrap("abcdefghi 字", width: 10) == ["abcdefghi", "字"])  // the word cannot move along
    #expect(TextWrap.wrap("ab cd 字", width: 6) == ["ab", "cd 字"])
  }
}

/// Columns stand for the width the diagram's fonts draw: punctuation and symbols that CJK fonts
/// draw a full em wide count 2, like a Chinese character.
@Suite struct TextWrapFontWidthTests {
  @Test func fullWidthPunctuationCountsTwo() {
    #expect(TextWrap.width(of: "“”‘’") == 8)
    #expect(TextWrap.width(of: "——……") == 8)
    #expect(TextWrap.width(of: "→①℃✔") == 8)
    // Drawn narrow: the middle dot, box drawing, the problem and status symbols.
    #expect(TextWrap.width(of: "·━█●✗⚠≥") == 7)
  }

  @Test func quotedChineseWrapsByItsDrawnWidth() {
    // 他说 and “好” are 4 and 6 columns: together wider than 8.
    #expect(TextWrap.wrap("他说“好”", width: 8) == ["他说", "“好”"])
    let lines = TextWrap.wrap("推出“星辰会员”计划——覆盖全部门店……", width: 16)
    for line in lines { #expect(TextWrap.width(of: line) <= 16, "\(line)") }
    #expect(lines.joined() == "推出“星辰会员”计划——覆盖全部门店……")
  }

  @Test func ideographicSpaceIsAsWideAsACharacter() {
    #expect(TextWrap.width(of: "　") == 2)
    // 销售　增长 is 10 columns: it does not fit in 9.
    #expect(TextWrap.wrap("销售　增长", width: 9) == ["销售", "增长"])
  }

  /// What Graphviz (through Pango) measures agrees with the columns: a 1-column character is
  /// drawn narrower than a Chinese one, a 2-column character about as wide.
  @Test func columnsMatchWhatGraphvizMeasures() throws {
    let samples = Array("a0M·━█●✗⚠≥销，「“”—…→①℃✔")
    var dot = "digraph { node [shape=plaintext, fontsize=12, margin=0, fontname=\"\(Style.fontName)\"];\n"
    for (i, c) in samples.enumerated() {
      dot += "n\(i) [label=\"\(String(repeating: String(c), count: 10))\"];\n"
    }
    dot += "}\n"
    let json = try Graphviz.render(dot: dot, layout: .dot, format: .json)
    let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
    let nodes = try #require(object?["objects"] as? [[String: Any]])
    for node in nodes {
      let draw = try #require(node["_ldraw_"] as? [[String: Any]])
      let text = try #require(draw.first { $0["op"] as? String == "T" })
      let label = try #require(text["text"] as? String)
      let width = try #require(text["width"] as? Double)
      let character = try #require(label.first)
      let em = width / 10 / 12
      if TextWrap.width(of: character) == 2 {
        #expect(em > 0.95, "\(character) is drawn \(em) em wide but counts 2 columns")
      } else {
        #expect(em < 0.9, "\(character) is drawn \(em) em wide but counts 1 column")
      }
    }
  }
}
