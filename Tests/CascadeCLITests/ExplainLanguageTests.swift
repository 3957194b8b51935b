import Testing

/// `explain`'s refusal is written in the chosen language, with the same "did you mean" as the rules.
@Suite struct ExplainLanguageTests {
  @Test func unknownSubjectInEnglishAndChinese() throws {
    let en = try CLI.run(["explain", "Plans/sales-en", "acme/grow-sale", "--lang", "en"])
    #expect(en.status == 2)
    #expect(
      en.stderr
        == "cascade: 'acme/grow-sale' is not a unit, objective or key result of this plan (did you mean 'acme/grow-sales'?)\n"
    )
    let zh = try CLI.run(["explain", "Plans/sales-en", "acme/grow-sale", "--lang", "zh"])
    #expect(zh.status == 2)
    #expect(zh.stderr == "cascade: 「acme/grow-sale」不是本计划中的单元、目标或关键结果（是否想写「acme/grow-sales」？）\n")
    let unit = try CLI.run(["explain", "Plans/sales-en", "sales-eas", "--lang", "zh"])
    #expect(unit.stderr.contains("（是否想写「sales-east」？）"), "\(unit.stderr)")
  }
}
