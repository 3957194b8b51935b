import CascadeCore
import CascadeTestSupport
import Testing

@Suite("Codes, dates and special forms")
struct EdgeCaseTests {
  static let extractions: [QuantityCase] = [
    QuantityCase("获得第3名", "第3名", 3),
    QuantityCase("双11销售额破亿", "破亿", 100_000_000),
    QuantityCase("618大促GMV达到5000万", "5000万", 50_000_000),
    QuantityCase("30-day retention to 40%", "40%", 40, percent: true),
    QuantityCase("Ten-minute onboarding", "Ten", 10),
    QuantityCase("Five-star rating", "Five", 5),
    QuantityCase("提升NPS至45分", "45分", 45),
    QuantityCase("Reach 1M users", "1M", 1_000_000),
    QuantityCase("Handle 10,000 requests/s", "10,000", 10_000),
    QuantityCase("Hold 3 100-person events", "3", 3),
    QuantityCase("Planned downtime under 4 hours", "4", 4),
    QuantityCase("交付准时率95%以上", "95%", 95, percent: true),
    QuantityCase("人均产值提升15%", "15%", 15, percent: true),
    QuantityCase("客单价提升到300元", "300元", 300),
    QuantityCase("做到零投诉", "零", 0),
    QuantityCase("Keep tickets under 100/week", "100", 100),
    QuantityCase("Reduce time-to-hire to 30 days", "30", 30),
    QuantityCase("从百分之二十提升到百分之三十", "百分之二十提升到百分之三十", 30, percent: true),
    QuantityCase("提升百分之20", "百分之20", 20, percent: true),
    QuantityCase("过半客户续约", "过半", nil),
    QuantityCase("实现两位数增长", "两位数", nil),
    QuantityCase("完成2轮融资", "2轮", 2),
    QuantityCase("Weekly active users reach 10k", "10k", 10_000),
    QuantityCase("Median time to first response under 1 hour", "1", 1),
    QuantityCase("Churn below 2% monthly", "2%", 2, percent: true),
  ]

  @Test(arguments: extractions)
  func extractsSpecialForms(_ c: QuantityCase) {
    let q = Wording.quantity(in: c.title)
    #expect(q?.text == c.text)
    #expect(q?.value == c.value)
    #expect(q?.isPercent == c.percent)
  }

  static let notQuantities: [String] = [
    "Start standups at 10:00",
    "7×24小时服务",
    "提供7x24小时支持",
    "第2阶段上线",
    "第3季度",
    "3rd-party integrations",
    "S&P 500 clients",
    "两个月内上线",
    "一年内完成",
    "3月内完成",
    "3号线开通",
    "5G网络建设",
    "4S店覆盖",
    "1对1辅导",
    "Q1-Q2 roadmap",
    "K8s migration",
    "i18n support",
    "May 2026 release",
    "Grow by May",
    "Week 3 retention",
    "启动二期项目",
    "通过等保三级认证",
    "十四五规划落地",
    "Tier 1 customer coverage",
    "Level 3 support for KA",
    "Achieve product-market fit",
    "Lead the industry in NPS",
  ]

  @Test(arguments: notQuantities)
  func ignoresCodesAndDates(_ title: String) {
    #expect(Wording.quantity(in: title) == nil)
  }

  @Test func activityAndQuantityAreIndependent() {
    // An activity may state a quantity, and a result may state none.
    #expect(Wording.isActivity("Hold 3 workshops") && !Wording.isVague("Hold 3 workshops"))
    #expect(Wording.isActivity("开展销售培训") && Wording.isVague("开展销售培训"))
    #expect(!Wording.isActivity("Improve team morale") && Wording.isVague("Improve team morale"))
    #expect(!Wording.isActivity("Reduce churn to 3%") && !Wording.isVague("Reduce churn to 3%"))
  }

  @Test func milestoneWordedAsBareComparativeIsDetectable() {
    // kr-vague-wording for milestones: comparative wording and no quantity.
    for title in ["Improve onboarding", "优化审批流程", "提升客户体验", "Better reporting"] {
      #expect(Wording.isComparative(title) && Wording.quantity(in: title) == nil)
    }
    for title in ["Launch the new portal", "上线新版CRM", "Migrate billing to Stripe"] {
      #expect(!Wording.isComparative(title))
    }
  }
}

@Suite("Scale")
struct ScaleTests {
  /// Runs the scanners over 100,000 generated titles to catch anything super-linear.
  @Test func handlesManyTitles() {
    let verbs = [
      "Launch", "Improve", "Reduce", "Hold", "Grow", "每月完成", "提升", "开展", "签约", "Migrate",
    ]
    let objects = [
      "the new portal", "customer churn", "3 workshops", "revenue to $2M", "客户满意度到95%",
      "10次销售培训", "两百家门店", "NPS from 30 to 45", "Windows 11 rollout", "百分之二十",
    ]
    let suffixes = ["", " by Q3", " in 2027", "（2026年）", " within 24 hours", "，每月复盘"]
    var quantities = 0
    var activities = 0
    var comparatives = 0
    for i in 0..<100_000 {
      let title =
        verbs[i % verbs.count] + " " + objects[(i / 10) % objects.count]
        + suffixes[(i / 100) % suffixes.count] + (i % 7 == 0 ? " #\(i)" : "")
      if Wording.quantity(in: title) != nil { quantities += 1 }
      if Wording.isActivity(title) { activities += 1 }
      if Wording.isComparative(title) { comparatives += 1 }
    }
    #expect(quantities > 10_000 && quantities < 100_000)
    #expect(activities > 10_000 && activities < 100_000)
    #expect(comparatives > 10_000 && comparatives < 100_000)
  }

  /// Very long titles stay linear (a pathological repeat of nouns, verbs and numerals).
  @Test func handlesLongTitles() {
    let unit = "开发团队开发团队一些三五 Improve one of the P1 x3 2026 "
    let long = String(repeating: unit, count: 2_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      _ = Wording.quantity(in: long)
      _ = Wording.isActivity(long)
      _ = Wording.isComparative(long)
    }
    #expect(elapsed < .seconds(10))
  }
}
