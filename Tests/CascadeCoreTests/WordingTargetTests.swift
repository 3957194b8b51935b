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
    // The main result comes first; numbers that qualify it do not compete.
    ("将系统QPS提升至10万,故障恢复时间(MTTR)≤5分钟", "10万"),
    ("200k views per 30 days of Node.js Collection articles (current is 125k)", "200k"),
    ("完成 1 次跨区域演练（RTO < 5min）", "1 次"),
    ("内部人才晋升率提升至30%,较去年增长10%,其中业务部门晋升占比不低于70%", "30%"),
    ("There are at least 10 builders, with at least 2 in a full time capacity", "10"),
    ("20 Content Creator profiles which add at least one content item", "20"),
    ("Add 3 pages. At least two of which are mobile oriented.", "3"),
    ("Hire +2 CEs by June 30, and up to 5 if hiring targets are expanded", "+2"),
    ("100% at 70% of quota", "100%"),
    ("確保 95% 的搜尋結果在 0.5 秒內載入完成", "95%"),
    ("給 10+ 線下展覽投稿，給 5+ 線上展覽投稿", "10+"),
    ("節選5個生育期耐水性可達60%以上之大豆品種", "5個"),
    // A measure word after a percentage is the next word: the quote is the number and its unit.
    ("获得50%支持率", "50%"),
    ("活动参与率达到30％场次", "30％"),
    ("Add 30 Fortune 500 companies", "30"),
    // In a title that names work, the clause after the work states its result.
    ("舉辦 5 次加盟店促銷,貢獻總銷售目標的 30%", "30%"),
    ("完成至少3个个人项目,每个项目的代码质量评分不低于4.5分", "4.5分"),
  ])
  func theTargetIsTheOneTheTitleAnnounces(_ title: String, _ target: String) {
    #expect(Wording.target(in: title)?.text == target, "\(title)")
  }

  /// Decimals are read exactly as a double can hold them: 0.75, not 0.7500000000000001.
  @Test(arguments: [
    ("Reduce errors from 1% down to 0.75%", 0.75), ("NPS 4.6", 4.6), ("延迟降到 0.3 秒", 0.3), ("达到 1,234.56 万", 12_345_600),
  ])
  func decimalsAreExact(_ title: String, _ value: Double) {
    #expect(
      Wording.target(in: title)?.value == value, "\(title): \(String(describing: Wording.target(in: title)?.value))")
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

/// Doubling and halving set the target as a multiple of the baseline: `kr-no-target` works it
/// out when the baseline is given, and says how when it is not.
@Suite struct MultipleOfTheBaselineTests {
  @Test(arguments: [
    ("Double the pipeline", 2.0), ("Halve the build time", 0.5), ("营收翻一番", 2), ("营收翻两番", 4),
    ("客訴處理時長減半", 0.5), ("用户数增加一倍", 2), ("退货率降低一半", 0.5),
    ("Grow weekly active teams 3x", 3), ("Reach 3 times the users", 3),
  ])
  func theFactorIsRead(_ title: String, _ factor: Double) {
    #expect(Wording.target(in: title)?.factor == factor, "\(title)")
  }

  @Test(arguments: ["一半的客户完成续约", "Raise conversion to 50%", "Sign 3 partners", "double-check every invoice"])
  func noFactor(_ title: String) {
    #expect(Wording.target(in: title)?.factor == nil, "\(title)")
  }

  @Test func theSuggestionIsWorkedOut() {
    func message(_ kr: String) -> (en: String, zh: String)? {
      let result = SuppressionTests.lint(Examples.withTeam(kr: kr))
      return result.diagnostics.first { $0.rule == "kr-no-target" }.map { ($0.message.en, $0.message.zh) }
    }
    let doubled = message("      - {id: c, title: Double the pipeline, baseline: 30, unit: deals}")
    #expect(doubled?.en.hasSuffix("add target: 60 (2 × baseline 30)") == true, "\(String(describing: doubled))")
    let halved = message("      - {id: c, title: 客诉处理时长减半, baseline: 30, unit: 小时}")
    #expect(halved?.zh.hasSuffix("请添加 target: 15（基线值 30 的一半）") == true, "\(String(describing: halved))")
    let unknown = message("      - {id: c, title: Halve the build time, unit: min}")
    #expect(unknown?.en.contains("add target: baseline / 2, and baseline:") == true, "\(String(describing: unknown))")
  }
}

/// `all`, `every`, `no`, `所有`, `每个` leading a checkable title are a threshold.
@Suite struct EveryOneOrNoneTests {
  @Test(arguments: [
    ("Every service has an on-call runbook", 100.0), ("All production databases are backed up daily", 100),
    ("Ensure that each release has signed notes", 100), ("No customer data leaves the EU", 0),
    ("确保所有门店接入新收银系统", 100), ("每个团队都有值班手册", 100), ("所有門市接入新收銀系統", 100),
  ])
  func isAThreshold(_ title: String, _ value: Double) {
    #expect(Wording.quantity(in: title)?.value == value, "\(title)")
    #expect(Wording.target(in: title)?.value == value, "\(title)")
  }

  @Test(arguments: [
    "All teams are happier", "所有员工更加积极", "Improve all processes", "每个月都要更好", "Every week, review the funnel",
    "No more silos", "全部优化",
  ])
  func isNot(_ title: String) {
    #expect(Wording.quantity(in: title) == nil, "\(title): \(String(describing: Wording.quantity(in: title)))")
  }
}
