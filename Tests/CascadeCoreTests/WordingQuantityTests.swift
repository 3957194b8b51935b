import CascadeCore
import CascadeTestSupport
import Testing

/// One expected extraction: the title, the matched text, its value and whether it is a percentage.
struct QuantityCase: Sendable, CustomTestStringConvertible {
  let title: String
  let text: String
  let value: Double?
  let percent: Bool

  init(_ title: String, _ text: String, _ value: Double?, percent: Bool = false) {
    self.title = title
    self.text = text
    self.value = value
    self.percent = percent
  }

  var testDescription: String { title }
}

@Suite("Quantity extraction")
struct QuantityTests {
  static let extractions: [QuantityCase] = [
    // English digits, separators, suffixes, currencies.
    QuantityCase("Reduce churn to 3%", "3%", 3, percent: true),
    QuantityCase("Increase revenue to $2M", "$2M", 2_000_000),
    QuantityCase("Grow ARR to $1.2M", "$1.2M", 1_200_000),
    QuantityCase("Revenue ¥3.5M", "¥3.5M", 3_500_000),
    QuantityCase("Revenue of €2.5m", "€2.5m", 2_500_000),
    QuantityCase("£500k in savings", "£500k", 500_000),
    QuantityCase("Achieve 2.5k signups", "2.5k", 2500),
    QuantityCase("Sign 1,200 customers", "1,200", 1200),
    QuantityCase("Reach 1,200,000 downloads", "1,200,000", 1_200_000),
    QuantityCase("Reach 50 000 users", "50 000", 50_000),
    QuantityCase("Reach １,２００ users", "１,２００", 1200),
    QuantityCase("Hit 99.9% uptime", "99.9%", 99.9, percent: true),
    QuantityCase("Maintain uptime ≥ 99.95%", "99.95%", 99.95, percent: true),
    QuantityCase("Keep p95 latency under 200ms", "200ms", 200),
    QuantityCase("Respond in 1h", "1h", 1),
    QuantityCase("Respond within 24 hours", "24", 24),
    QuantityCase("Cut costs by 15 percent", "15 percent", 15, percent: true),
    QuantityCase("Grow by 12 per cent", "12 per cent", 12, percent: true),
    QuantityCase("Cut defects 40 pct", "40 pct", 40, percent: true),
    QuantityCase("Lift conversion 2pp", "2pp", 2, percent: true),
    QuantityCase("Add 3 percentage points to margin", "3 percentage points", 3, percent: true),
    QuantityCase("Raise NPS by +10", "+10", 10),
    QuantityCase("Lower churn -2pp", "-2pp", -2, percent: true),
    QuantityCase("Grow revenue 3x", "3x", 3),
    QuantityCase("Get 3× more leads", "3×", 3),
    QuantityCase("Grow leads x3", "x3", 3),
    QuantityCase("Grow signups 4 times", "4 times", 4),
    QuantityCase("Raise $5 million", "$5 million", 5_000_000),
    QuantityCase("Reach 1.5 billion impressions", "1.5 billion", 1_500_000_000),
    QuantityCase("Top 3 in customer satisfaction", "3", 3),
    QuantityCase("Rank top3 in the app store", "top3", 3),
    QuantityCase("Be #1 in the category", "#1", 1),
    QuantityCase("Achieve 4.5/5 rating", "4.5/5", 4.5),
    QuantityCase("Achieve CSAT of 4.6", "4.6", 4.6),
    QuantityCase("Reach NPS 45", "45", 45),
    QuantityCase("Reduce P2 backlog below 50", "50", 50),
    QuantityCase("Sign 2000 customers", "2000", 2000),
    QuantityCase("Reach at least 2000 in 2026", "2000", 2000),
    QuantityCase("Finish 1st in the league", "1st", 1),
    // Ranges: the value is the target (the end).
    QuantityCase("Increase NPS from 30 to 50", "30 to 50", 50),
    QuantityCase("Reduce churn from 5% to 3%", "5% to 3%", 3, percent: true),
    QuantityCase("Increase MRR from $50k to $80k", "$50k to $80k", 80_000),
    QuantityCase("Grow MAU 30→50k", "30→50k", 50_000),
    QuantityCase("Grow MAU 30 -> 50k", "30 -> 50k", 50_000),
    QuantityCase("Raise coverage 30-50%", "30-50%", 50, percent: true),
    QuantityCase("Cut build time from 20min to 5min", "20min to 5min", 5),
    // Spelled-out English.
    QuantityCase("Hire twenty-five engineers", "twenty-five", 25),
    QuantityCase("Reach one million users", "one million", 1_000_000),
    QuantityCase("Reach a hundred customers", "a hundred", 100),
    QuantityCase("Sign a dozen partners", "a dozen", 12),
    QuantityCase("Win two hundred and fifty deals", "two hundred and fifty", 250),
    QuantityCase("Onboard forty new clients", "forty", 40),
    QuantityCase("Publish twelve articles", "twelve", 12),
    QuantityCase("Cut incidents by fifty percent", "fifty percent", 50, percent: true),
    QuantityCase("Hire three thousand drivers", "three thousand", 3000),
    QuantityCase("Zero P1 bugs", "Zero", 0),
    QuantityCase("Reach inbox zero", "zero", 0),
    QuantityCase("Launch one new product", "one", 1),
    QuantityCase("Grow revenue tenfold", "tenfold", 10),
    QuantityCase("Double the revenue", "Double", nil),
    QuantityCase("Revenue doubles", "doubles", nil),
    QuantityCase("Triple active users", "Triple", nil),
    QuantityCase("Halve the onboarding time", "Halve", nil),
    QuantityCase("Cut response time in half", "half", nil),
    QuantityCase("Achieve double-digit growth", "double-digit", nil),
    QuantityCase("Keep churn in the single digits", "single digits", nil),
    // Chinese with digits.
    QuantityCase("每月新增50个客户", "50个", 50),
    QuantityCase("每月完成10次销售培训", "10次", 10),
    QuantityCase("每月销售产品200件", "200件", 200),
    QuantityCase("客户满意度提高10%", "10%", 10, percent: true),
    QuantityCase("NPS提升到45", "45", 45),
    QuantityCase("Q1签约3家KA客户", "3家", 3),
    QuantityCase("销售额达到500万", "500万", 5_000_000),
    QuantityCase("用户数突破1.2万", "1.2万", 12_000),
    QuantityCase("年度营收超过1.2亿元", "1.2亿元", 120_000_000),
    QuantityCase("营收达到￥300万", "￥300万", 3_000_000),
    QuantityCase("GMV 5亿", "5亿", 500_000_000),
    QuantityCase("签约3千家门店", "3千家", 3000),
    QuantityCase("签约1,200家客户", "1,200家", 1200),
    QuantityCase("签约５０家客户", "５０家", 50),
    QuantityCase("提升至８５％", "８５％", 85, percent: true),
    QuantityCase("提升3个百分点", "3个百分点", 3, percent: true),
    QuantityCase("市场份额提升到3成", "3成", 30, percent: true),
    QuantityCase("从30%提升到50%", "30%提升到50%", 50, percent: true),
    QuantityCase("交付周期由10天缩短为5天", "10天缩短为5天", 5),
    QuantityCase("24小时内响应", "24小时", 24),
    QuantityCase("响应时间不超过2小时", "2小时", 2),
    QuantityCase("客诉量控制在10件以内", "10件", 10),
    QuantityCase("客户流失率降低到5%以下", "5%", 5, percent: true),
    QuantityCase("用户数达到2000", "2000", 2000),
    QuantityCase("签约500多家客户", "500多家", 500),
    // Chinese numerals.
    QuantityCase("组织两次客户答谢会", "两次", 2),
    QuantityCase("两百次回访", "两百次", 200),
    QuantityCase("五十家门店", "五十家", 50),
    QuantityCase("提升百分之二十", "百分之二十", 20, percent: true),
    QuantityCase("合格率达到百分之九十九点五", "百分之九十九点五", 99.5, percent: true),
    QuantityCase("市场份额达到三成", "三成", 30, percent: true),
    QuantityCase("两成客户续约", "两成", 20, percent: true),
    QuantityCase("九成客户满意", "九成", 90, percent: true),
    QuantityCase("百分百覆盖", "百分百", 100, percent: true),
    QuantityCase("百分之百满意", "百分之百", 100, percent: true),
    QuantityCase("用户规模达到一千万", "一千万", 10_000_000),
    QuantityCase("千万用户", "千万", 10_000_000),
    QuantityCase("营收三千五百万", "三千五百万", 35_000_000),
    QuantityCase("营收三千五", "三千五", 3500),
    QuantityCase("两万五千名用户", "两万五千名", 25_000),
    QuantityCase("一百零五家门店", "一百零五家", 105),
    QuantityCase("收入一亿两千万", "一亿两千万", 120_000_000),
    QuantityCase("十五个城市", "十五个", 15),
    QuantityCase("签约十家客户", "十家", 10),
    QuantityCase("二十多家客户", "二十多家", 20),
    QuantityCase("三百余场直播", "三百余场", 300),
    QuantityCase("每周三次回访", "三次", 3),
    // A lone 一 is the article "a" (上线一个新平台), but not after 每 or a threshold word.
    QuantityCase("每月新增一个渠道", "一个", 1),
    QuantityCase("每周发布一次", "一次", 1),
    QuantityCase("停机时间不超过一次", "一次", 1),
    QuantityCase("每個小組至少有兩個成員", "兩個", 2),
    QuantityCase("整個組織採用五個新應用程式", "五個", 5),
    QuantityCase("成为行业第一", "第一", 1),
    QuantityCase("获得第一名", "第一名", 1),
    QuantityCase("进入行业前三", "前三", 3),
    QuantityCase("进入前十名", "前十名", 10),
    QuantityCase("实现零事故", "零", 0),
    QuantityCase("营收翻一番", "翻一番", nil),
    QuantityCase("成本减半", "减半", nil),
    QuantityCase("销量翻倍", "翻倍", nil),
    QuantityCase("一半以上的员工参加培训", "一半", nil),
    QuantityCase("业绩增长一倍", "一倍", 1),
    QuantityCase("三天内完成交付", "三天", 3),
    QuantityCase("五星好评", "五星", 5),
    QuantityCase("从三成提升到五成", "三成提升到五成", 50, percent: true),
  ]

  @Test(arguments: extractions)
  func extractsTextAndValue(_ c: QuantityCase) {
    let q = Wording.quantity(in: c.title)
    #expect(q?.text == c.text)
    #expect(q?.value == c.value)
    #expect(q?.isPercent == c.percent)
    #expect(!Wording.isVague(c.title))
  }

  /// Titles that state no quantity: vague unless they are milestones.
  static let vague: [String] = [
    "Improve team morale",
    "Grow engagement with the community",
    "Launch the new portal",
    "Improve onboarding",
    "Become one of the top vendors",
    "One of our top priorities",
    "No one left behind",
    "Someone owns every service",
    "Everyone completes security training",
    "Anyone can deploy",
    "One team, one voice",
    "Build a one-stop portal",
    "Roll out two-factor authentication",
    "Adopt zero trust architecture",
    "Ship in Q3",
    "Launch by Q3 2026",
    "Launch in 2026",
    "Close the books by end of 2026",
    "Plan for H1 2027",
    "Grow 2026 pipeline",
    "Deliver the 2026 roadmap",
    "Deliver by March 31",
    "Deliver by 31 March 2026",
    "Deliver by March 31st",
    "By 6/30 deliver the report",
    "Complete by 2026/06/30",
    "2026-06-30 deadline",
    "H2 2026 revenue target",
    "FY26 planning",
    "In the first half, launch the app",
    "Ship the 2nd half roadmap",
    "Windows 11 migration",
    "Migrate to GPT-4",
    "Sell iPhone 15 in 4G markets",
    "Migrate to Python 3",
    "Upgrade to Java 21",
    "Support iOS 17 and Android 14",
    "Fix P1 bugs",
    "Staff L3 support",
    "Achieve SOC 2 compliance",
    "ISO 27001 certification",
    "Obtain PCI DSS 4.0 certification",
    "Serve 24/7 support",
    "Use COVID-19 data",
    "Support 5G rollout",
    "Build 3D models",
    "Enable 2FA for all users",
    "Open at 9am daily",
    "Ship v2.0 to beta users",
    "Complete migration within 3 months",
    "Launch in 2 weeks",
    "Double down on enterprise",
    "Double-check all invoices",
    "Grow hundreds of communities",
    "Sign dozens of partners",
    "Get more customers",
    "Focus on KA accounts",
    // Chinese.
    "加强品牌影响力",
    "改善内部流程",
    "优化审批流程",
    "开展销售培训",
    "每月召开客户会议",
    "2027年完成上市",
    "二〇二六年完成上市",
    "第一季度完成系统上线",
    "一季度完成系统上线",
    "十二月底前完成",
    "三月份上线",
    "6月30日前完成迁移",
    "3月底完成迁移",
    "3个月内完成迁移",
    "两周内上线",
    "前两周完成",
    "第二阶段上线",
    "第三方支付接入",
    "第一时间响应客户",
    "星期三例会",
    "周三例会",
    "大家一起努力",
    "保持一致",
    "一流的服务",
    "服务一些客户",
    "一定要完成",
    "一直保持领先",
    "服务一般客户",
    "唯一的供应商",
    "一切为了客户",
    "同一标准",
    "了解一下",
    "一贯的品质",
    "一站式服务",
    "四处推广",
    "与九州通合作",
    "一体化平台",
    "一线城市",
    "进一步提升一线城市覆盖率",
    "万一出错",
    "千万不要延期",
    "十分满意",
    "三思而后行",
    "统一成本核算",
    "一成不变的流程",
    "三五成群",
    "万无一失地完成上线",
    "进一步优化流程",
    "上线一个新平台",
    "一次性解决",
    "二次开发",
    "几十家客户",
    "数百家门店",
    "上千个客户",
    "十几个项目",
    "零售渠道拓展",
    "零基础培训",
    "双十一大促",
    "每月拜访重点客户",
  ]

  @Test(arguments: vague)
  func findsNoQuantity(_ title: String) {
    #expect(Wording.quantity(in: title) == nil)
    #expect(Wording.isVague(title))
  }

  @Test func emptyAndPunctuationTitles() {
    #expect(Wording.quantity(in: "") == nil)
    #expect(Wording.quantity(in: "   ") == nil)
    #expect(Wording.quantity(in: "—") == nil)
    #expect(Wording.quantity(in: "%") == nil)
    #expect(Wording.quantity(in: "$") == nil)
  }

  @Test func returnsTheFirstQuantity() {
    let q = Wording.quantity(in: "Hold 3 workshops for 200 customers")
    #expect(q?.text == "3")
    let zh = Wording.quantity(in: "Q1完成3场路演，签约20家客户")
    #expect(zh?.text == "3场")
  }

  @Test func textIsCappedAtFortyScalars() {
    let long =
      "Grow from 1,000,000,000,000,000,000,000,000 to 2,000,000,000,000,000,000,000,000 users"
    let q = Wording.quantity(in: long)
    #expect(q != nil)
    #expect((q?.text.unicodeScalars.count ?? 0) <= 40)
  }
}
