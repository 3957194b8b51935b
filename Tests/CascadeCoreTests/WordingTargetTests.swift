import Testing

@testable import CascadeCore

/// `kr-no-target` suggests the target a title states, not its first number.
@Suite struct WordingTargetTests {
  @Test(arguments: [
    ("3 年以上员工离职率低于 10%", "10%"),
    ("将App的30天保留率提高到45%", "45%"),
    ("Reduce mean-time-to-detect from 30 min to 5 min", "5"),
    ("Produce 2 webinars with 500 registrants", "500"),
    ("75% of team members make a handbook edit weekly", "75%"),
    ("3 different customers have together run at least 10 campaigns", "10"),
    ("99th percentile of time to first result is below 3s", "3s"),
    ("三個月運動 900 分鐘", "900 分鐘"),
    ("招募 10 位銷售人員,直客銷售達到 100 萬", "100 萬"),
    ("每月新增50个客户", "50个"),
  ])
  func theTargetIsTheOneTheTitleAnnounces(_ title: String, _ target: String) {
    #expect(Wording.target(in: title)?.text == target, "\(title)")
  }

  /// Quoted text is the title's own, in traditional characters too; a space before a Chinese
  /// unit belongs to the number.
  @Test func traditionalTitlesAreQuotedAsWritten() {
    #expect(Wording.quantity(in: "直客銷售達到 100 萬")?.value == 1_000_000)
    #expect(Wording.quantity(in: "於 2023 年翻新 111 個道路構築物")?.text == "111 個")
    #expect(Wording.quantity(in: "整個組織開發和採用的五個新應用程式")?.text == "五個")
    #expect(Wording.quantity(in: "每個小組至少有兩個成員")?.value == 2)
    #expect(Wording.isVague("加強團隊合作與溝通"))
    #expect(!Wording.isVague("客戶滿意度從 80 分提升到 90 分"))
  }
}

/// References, versions, code and settings of the work are never what a key result measures.
@Suite struct NotAQuantityTests {
  @Test(arguments: [
    "Simplified and improved UX (ipfs-companion/#324 ipfs-companion/#342)",
    "Improve test coverage (#145)",
    "Fix bug #1024 in the parser",
    "Ship Srain 2.0",
    "推出“导师制2.0”",
    "推出导师制2.0",
    "Make `T=13` the default",
    "Set waypoints_total = 5 in config",
    "Implement RFC 7231 caching",
    "Close issue 1234",
  ])
  func isNoQuantity(_ title: String) {
    #expect(Wording.quantity(in: title) == nil, "\(title): \(String(describing: Wording.quantity(in: title)))")
  }

  @Test(arguments: [
    ("Become #1 in the category", "#1"),
    ("Reach 50 customers (#12)", "50"),
    ("满意度评分从4.0提升到4.5", "4.0提升到4.5"),
    ("NPS from 2.0 to 3.5", "2.0 to 3.5"),
    ("Run 3 AMAs", "3"),
    ("Round robin new instances to achieve a 15% response rate", "15%"),
  ])
  func isStillAQuantity(_ title: String, _ text: String) {
    #expect(Wording.quantity(in: title)?.text == text, "\(title)")
  }

  /// In a title that names work, a number after an article sets the work, it is not a target.
  @Test func aParameterOfTheWorkIsNotATarget() {
    #expect(Wording.quantity(in: "Launch a 30% discount campaign") == nil)
    #expect(Wording.quantity(in: "Launch a 30% discount campaign and sign 40 new customers")?.text == "40")
  }
}

/// Numbers read from a title carry binary noise (2.4% to 1.7% reads 1.7000000000000002): the
/// contradiction rule compares them with a tolerance.
@Suite struct TitleNumbersAgreeTests {
  @Test func noiseIsNotAContradiction() {
    #expect(KRTitleContradictsRule.same(1.7000000000000002, 1.7))
    #expect(KRTitleContradictsRule.same(4.6e6, 4.6))
    #expect(!KRTitleContradictsRule.same(2.4, 2.5))
  }
}
