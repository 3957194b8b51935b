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
