import CascadeCore

/// A measure a key result can track, with English and Chinese wording. Titles always carry
/// the numbers written in `baseline` and `target` (or the count of a milestone), so that a
/// clean organisation never trips the vague-wording rule.
struct Metric: Sendable {
  typealias Wording = @Sendable (_ baseline: String, _ target: String) -> String

  let id: String
  let kind: KeyResultKind
  let unit: (en: String, zh: String)
  /// Baseline for increase and decrease, target for stay_above and stay_below, the count for a
  /// milestone; at individual level when `scaled`.
  let range: ClosedRange<Double>
  /// Relative change from baseline to target (increase and decrease).
  let change: ClosedRange<Double>
  /// Whether the value grows with the size of the unit (a department books more than a person).
  let scaled: Bool
  let decimals: Int
  /// Values an increase never goes beyond (100 for most percentages).
  let cap: Double?
  /// Thousands of US dollars, written $120k or $1.4M (万美元 in Chinese); the wording gets
  /// the amounts with their currency.
  let money: Bool
  /// Exact values to choose from instead of `range` (uptime 99.9%).
  let choices: [Double]
  let en: Wording
  let zh: Wording

  init(
    _ id: String, _ kind: KeyResultKind, unit: (String, String), range: ClosedRange<Double>,
    change: ClosedRange<Double> = 0...0, scaled: Bool = false, decimals: Int = 0,
    cap: Double? = nil,
    money: Bool = false, choices: [Double] = [], en: @escaping Wording, zh: @escaping Wording
  ) {
    self.id = id
    self.kind = kind
    self.unit = (unit.0, unit.1)
    self.range = range
    self.change = change
    self.scaled = scaled
    self.decimals = decimals
    self.cap = cap
    self.money = money
    self.choices = choices
    self.en = en
    self.zh = zh
  }

  var isMeasuredChange: Bool { kind == .increase || kind == .decrease }
}

/// A family of objectives (growth, reliability, ...) and the measures that fit them.
struct Theme: Sendable {
  struct Variant: Sendable {
    let id: String
    let en: String
    let zh: String
  }
  let variants: [Variant]
  let metrics: [Metric]
}

enum Vocabulary {
  static let growth = 0
  static let customers = 1
  static let reliability = 2
  static let delivery = 3
  static let efficiency = 4
  static let people = 5
  static let brand = 6
  static let security = 7

  static let themes: [Theme] = [
    Theme(
      variants: [
        .init(id: "grow-revenue", en: "Grow revenue in our core markets", zh: "扩大核心市场收入"),
        .init(id: "win-customers", en: "Win more customers than ever before", zh: "赢得更多新客户"),
        .init(id: "expand-accounts", en: "Expand the accounts we already have", zh: "深耕现有客户"),
      ],
      metrics: [
        Metric(
          "bookings", .increase, unit: ("$k", "万美元"), range: 40...120, change: 0.15...0.4,
          scaled: true,
          money: true, en: { "Grow quarterly bookings from \($0) to \($1)" },
          zh: { "季度签约额从\($0)增长到\($1)" }),
        Metric(
          "pipeline", .increase, unit: ("deals", "个"), range: 8...20, change: 0.3...0.6,
          scaled: true,
          en: { "Grow qualified pipeline from \($0) to \($1) deals" },
          zh: { "合格商机从\($0)个增加到\($1)个" }),
        Metric(
          "new-customers", .increase, unit: ("customers/month", "个/月"), range: 3...8,
          change: 0.3...0.7,
          scaled: true, en: { "Win \($1) new customers a month, up from \($0)" },
          zh: { _, t in "每月新增\(t)个客户" }),
        Metric(
          "win-rate", .increase, unit: ("%", "%"), range: 15...30, change: 0.15...0.4, cap: 60,
          en: { "Raise win rate from \($0)% to \($1)%" }, zh: { "赢单率从\($0)%提高到\($1)%" }),
        Metric(
          "sales-cycle", .decrease, unit: ("days", "天"), range: 40...90, change: 0.15...0.35,
          en: { "Cut the average sales cycle from \($0) to \($1) days" },
          zh: { "平均销售周期从\($0)天缩短到\($1)天" }),
        Metric(
          "pilots", .milestone, unit: ("", ""), range: 2...5,
          en: { n, _ in "Sign the \(n) pilot contracts" }, zh: { n, _ in "签下\(n)份试点合同" }),
      ]),
    Theme(
      variants: [
        .init(id: "delight-customers", en: "Make customers love our product", zh: "让客户爱上我们的产品"),
        .init(id: "keep-customers", en: "Keep every customer we win", zh: "留住每一位客户"),
      ],
      metrics: [
        Metric(
          "nps", .increase, unit: ("points", "分"), range: 20...40, change: 0.15...0.4, cap: 80,
          en: { "Lift NPS from \($0) to \($1)" }, zh: { "NPS从\($0)分提升到\($1)分" }),
        Metric(
          "csat", .stayAbove, unit: ("%", "%"), range: 85...95,
          en: { _, t in "Keep customer satisfaction at or above \(t)%" },
          zh: { _, t in "客户满意度保持在\(t)%以上" }),
        Metric(
          "churn", .decrease, unit: ("%", "%"), range: 2...4.5, change: 0.2...0.4, decimals: 1,
          en: { "Reduce monthly churn from \($0)% to \($1)%" }, zh: { "月流失率从\($0)%降到\($1)%" }),
        Metric(
          "first-response", .stayBelow, unit: ("hours", "小时"), range: 2...8,
          en: { _, t in "Answer every new ticket within \(t) hours" },
          zh: { _, t in "新工单首次响应不超过\(t)小时" }),
        Metric(
          "tickets", .decrease, unit: ("tickets/month", "张/月"), range: 40...120, change: 0.15...0.3,
          scaled: true,
          en: { "Cut support tickets from \($0) to \($1) a month" }, zh: { "每月工单量从\($0)张降到\($1)张" }),
        Metric(
          "renewals", .increase, unit: ("%", "%"), range: 80...90, change: 0.03...0.08, cap: 98,
          en: { "Raise the renewal rate from \($0)% to \($1)%" }, zh: { "续约率从\($0)%提高到\($1)%" }),
        Metric(
          "references", .milestone, unit: ("", ""), range: 3...6,
          en: { n, _ in "\(n) customers agree to be public references" },
          zh: { n, _ in "\(n)家客户同意作为公开案例" }),
      ]),
    Theme(
      variants: [
        .init(
          id: "reliable-platform", en: "Make the platform fast and dependable", zh: "打造快速稳定的平台"),
        .init(id: "no-outages", en: "Customers never notice an outage", zh: "让客户感受不到故障"),
      ],
      metrics: [
        Metric(
          "latency", .decrease, unit: ("ms", "毫秒"), range: 500...900, change: 0.3...0.5,
          en: { "Cut p95 latency from \($0) ms to \($1) ms" }, zh: { "p95延迟从\($0)毫秒降到\($1)毫秒" }),
        Metric(
          "uptime", .stayAbove, unit: ("%", "%"), range: 99.5...99.95,
          choices: [99.5, 99.9, 99.95],
          en: { _, t in "Keep uptime at or above \(t)%" }, zh: { _, t in "系统可用性保持在\(t)%以上" }),
        Metric(
          "incidents", .decrease, unit: ("incidents/quarter", "次/季度"), range: 4...12,
          change: 0.4...0.7,
          en: { "Reduce sev-1 incidents from \($0) to \($1) a quarter" },
          zh: { "一级故障从每季度\($0)次降到\($1)次" }),
        Metric(
          "mttr", .decrease, unit: ("minutes", "分钟"), range: 60...180, change: 0.3...0.6,
          en: { "Bring mean time to recovery down from \($0) to \($1) minutes" },
          zh: { "平均恢复时间从\($0)分钟缩短到\($1)分钟" }),
        Metric(
          "error-rate", .stayBelow, unit: ("%", "%"), range: 0.1...0.5, decimals: 1,
          en: { _, t in "Keep the error rate at or below \(t)%" }, zh: { _, t in "错误率不高于\(t)%" }),
        Metric(
          "new-cluster", .milestone, unit: ("", ""), range: 3...6,
          en: { n, _ in "All \(n) billing services running on the new cluster" },
          zh: { n, _ in "\(n)个计费服务全部运行在新集群上" }),
      ]),
    Theme(
      variants: [
        .init(id: "ship-faster", en: "Ship value to customers faster", zh: "更快地交付价值"),
        .init(id: "release-confidently", en: "Release with confidence", zh: "放心发布每一个版本"),
      ],
      metrics: [
        Metric(
          "lead-time", .decrease, unit: ("days", "天"), range: 4...10, change: 0.3...0.6,
          en: { "Cut lead time for changes from \($0) to \($1) days" },
          zh: { "需求交付周期从\($0)天缩短到\($1)天" }),
        Metric(
          "deploys", .increase, unit: ("deploys/week", "次/周"), range: 5...15, change: 0.5...1.0,
          en: { "Raise deployments from \($0) to \($1) a week" }, zh: { "每周部署次数从\($0)次增加到\($1)次" }),
        Metric(
          "change-failure", .stayBelow, unit: ("%", "%"), range: 8...15,
          en: { _, t in "Keep the change failure rate at or below \(t)%" },
          zh: { _, t in "变更失败率不高于\(t)%" }),
        Metric(
          "coverage", .increase, unit: ("%", "%"), range: 50...70, change: 0.1...0.25, cap: 95,
          en: { "Lift test coverage from \($0)% to \($1)%" }, zh: { "测试覆盖率从\($0)%提升到\($1)%" }),
        Metric(
          "review-time", .decrease, unit: ("hours", "小时"), range: 20...48, change: 0.3...0.5,
          en: { "Shrink code review wait from \($0) to \($1) hours" },
          zh: { "代码评审等待时间从\($0)小时缩短到\($1)小时" }),
        Metric(
          "beta", .milestone, unit: ("", ""), range: 3...8,
          en: { n, _ in "Version 3 in the hands of \(n) beta customers" },
          zh: { n, _ in "\(n)家客户用上第3版" }),
      ]),
    Theme(
      variants: [
        .init(id: "spend-wisely", en: "Spend every dollar wisely", zh: "把每一分钱花在刀刃上"),
        .init(id: "lean-operations", en: "Keep operations lean and simple", zh: "精简高效地运营"),
      ],
      metrics: [
        Metric(
          "cloud-cost", .decrease, unit: ("$k/month", "万美元/月"), range: 20...60, change: 0.1...0.25,
          scaled: true,
          money: true, en: { "Cut cloud spend from \($0) to \($1) a month" },
          zh: { "每月云成本从\($0)降到\($1)" }),
        Metric(
          "cost-per-order", .decrease, unit: ("USD", "美元"), range: 4...9, change: 0.1...0.2,
          decimals: 1,
          en: { "Bring cost per order from $\($0) to $\($1)" }, zh: { "单笔订单成本从\($0)美元降到\($1)美元" }),
        Metric(
          "automation", .increase, unit: ("%", "%"), range: 30...55, change: 0.3...0.6, cap: 95,
          en: { "Raise invoice automation from \($0)% to \($1)%" },
          zh: { "发票处理自动化率从\($0)%提高到\($1)%" }),
        Metric(
          "budget", .stayBelow, unit: ("% of budget", "%"), range: 100...100, choices: [100],
          en: { _, t in "Keep spending at or below \(t)% of budget" },
          zh: { _, t in "支出不超过预算的\(t)%" }),
        Metric(
          "close-days", .decrease, unit: ("days", "天"), range: 8...12, change: 0.3...0.5,
          en: { "Shorten the month-end close from \($0) to \($1) days" },
          zh: { "月末结账从\($0)天缩短到\($1)天" }),
        Metric(
          "vendors", .milestone, unit: ("", ""), range: 2...3,
          en: { n, _ in "Down to \(n) analytics vendors, contracts signed" },
          zh: { n, _ in "数据分析供应商精简到\(n)家" }),
      ]),
    Theme(
      variants: [
        .init(id: "great-team", en: "Build a team people want to join", zh: "打造人人想加入的团队"),
        .init(id: "grow-skills", en: "Help everyone grow their skills", zh: "帮助每个人成长"),
      ],
      metrics: [
        Metric(
          "engagement", .increase, unit: ("points", "分"), range: 65...75, change: 0.05...0.12,
          cap: 95,
          en: { "Raise the engagement score from \($0) to \($1)" }, zh: { "员工敬业度从\($0)分提升到\($1)分" }),
        Metric(
          "attrition", .stayBelow, unit: ("%", "%"), range: 4...8,
          en: { _, t in "Keep regretted attrition at or below \(t)%" },
          zh: { _, t in "核心人才流失率不高于\(t)%" }),
        Metric(
          "hires", .increase, unit: ("hires", "人"), range: 1...3, change: 0.5...1.0, scaled: true,
          en: { "\($1) great hires this quarter, up from \($0)" },
          zh: { "本季度新入职\($1)名优秀员工，上季度\($0)名" }),
        Metric(
          "time-to-hire", .decrease, unit: ("days", "天"), range: 35...60, change: 0.2...0.35,
          en: { "Cut time to hire from \($0) to \($1) days" }, zh: { "招聘周期从\($0)天缩短到\($1)天" }),
        Metric(
          "certified", .increase, unit: ("%", "%"), range: 30...50, change: 0.4...0.8, cap: 100,
          en: { "\($1)% of the team certified, up from \($0)%" }, zh: { "团队认证比例从\($0)%提高到\($1)%" }),
        Metric(
          "onboarding", .milestone, unit: ("", ""), range: 2...6,
          en: { n, _ in "All \(n) new joiners productive within 30 days" },
          zh: { n, _ in "\(n)名新员工30天内独立上岗" }),
      ]),
    Theme(
      variants: [
        .init(id: "grow-brand", en: "Become the name buyers remember", zh: "让客户记住我们的品牌"),
        .init(id: "demand-engine", en: "Build a steady demand engine", zh: "建立稳定的获客引擎"),
      ],
      metrics: [
        Metric(
          "mqls", .increase, unit: ("leads", "条"), range: 30...80, change: 0.3...0.5, scaled: true,
          en: { "Grow marketing-qualified leads from \($0) to \($1)" },
          zh: { "市场合格线索从\($0)条增加到\($1)条" }),
        Metric(
          "traffic", .increase, unit: ("k visits/month", "千次/月"), range: 5...15, change: 0.2...0.5,
          scaled: true,
          en: { "Raise website visits from \($0)k to \($1)k a month" },
          zh: { "官网月访问量从\($0)千次增长到\($1)千次" }),
        Metric(
          "conversion", .increase, unit: ("%", "%"), range: 8...15, change: 0.2...0.5, cap: 60,
          en: { "Lift trial-to-paid conversion from \($0)% to \($1)%" },
          zh: { "试用转付费率从\($0)%提升到\($1)%" }),
        Metric(
          "cac", .decrease, unit: ("USD", "美元"), range: 600...1200, change: 0.1...0.25,
          en: { "Bring customer acquisition cost from $\($0) to $\($1)" },
          zh: { "获客成本从\($0)美元降到\($1)美元" }),
        Metric(
          "share-of-voice", .increase, unit: ("%", "%"), range: 10...20, change: 0.2...0.5, cap: 50,
          en: { "Grow share of voice from \($0)% to \($1)%" }, zh: { "品牌声量占比从\($0)%提升到\($1)%" }),
        Metric(
          "case-studies", .milestone, unit: ("", ""), range: 3...5,
          en: { n, _ in "Win \(n) new customer case studies for the website" },
          zh: { n, _ in "官网客户案例新增\(n)篇" }),
      ]),
    Theme(
      variants: [
        .init(id: "stay-secure", en: "Keep customer data safe", zh: "守护客户数据安全"),
        .init(id: "secure-by-default", en: "Make security the default", zh: "让安全成为默认"),
      ],
      metrics: [
        Metric(
          "vulns", .decrease, unit: ("vulnerabilities", "个"), range: 15...40, change: 0.5...0.8,
          en: { "Cut open critical vulnerabilities from \($0) to \($1)" },
          zh: { "未修复的严重漏洞从\($0)个降到\($1)个" }),
        Metric(
          "fix-time", .stayBelow, unit: ("days", "天"), range: 7...14,
          en: { _, t in "Critical vulnerabilities fixed within \(t) days, every time" },
          zh: { _, t in "严重漏洞\(t)天内修复" }),
        Metric(
          "phishing", .stayBelow, unit: ("%", "%"), range: 2...5,
          en: { _, t in "Keep the phishing-test click rate at or below \(t)%" },
          zh: { _, t in "钓鱼演练点击率不高于\(t)%" }),
        Metric(
          "mfa", .increase, unit: ("%", "%"), range: 70...90, change: 0.05...0.2, cap: 100,
          en: { "Raise MFA adoption from \($0)% to \($1)%" }, zh: { "多因素认证覆盖率从\($0)%提高到\($1)%" }),
        Metric(
          "secrets", .decrease, unit: ("secrets", "个"), range: 20...60, change: 0.5...0.8,
          en: { "Reduce hard-coded secrets from \($0) to \($1)" },
          zh: { "代码中的硬编码密钥从\($0)个降到\($1)个" }),
        Metric(
          "audit", .milestone, unit: ("", ""), range: 2...2,
          en: { _, _ in "SOC 2 Type 2 report issued with 0 major findings" },
          zh: { _, _ in "SOC 2二类审计报告出具，重大问题0项" }),
      ]),
  ]

  /// Department kinds: folder slug, display name, the theme the department owns.
  static let functions: [(slug: String, name: String, theme: Int)] = [
    ("sales", "Sales", growth), ("platform", "Platform", reliability),
    ("marketing", "Marketing", brand),
    ("support", "Customer Support", customers), ("product", "Product Engineering", delivery),
    ("finance", "Finance", efficiency), ("people", "People", people),
    ("security", "Security", security),
    ("success", "Customer Success", customers), ("infra", "Infrastructure", reliability),
    ("partners", "Partnerships", growth), ("mobile", "Mobile", delivery),
    ("operations", "Operations", efficiency),
    ("data", "Data", delivery), ("growth", "Growth", brand),
  ]

  static let regions = [
    "EMEA", "Americas", "APAC", "Nordics", "DACH", "Iberia", "Benelux", "India", "Japan", "Brazil",
    "Canada", "ANZ",
  ]

  static let companies: [(id: String, name: String)] = [
    ("northwind", "Northwind Traders"), ("acme", "Acme Corp"), ("globex", "Globex"),
    ("initech", "Initech"),
    ("umbrella", "Umbrella Systems"), ("hooli", "Hooli"), ("stark", "Stark Industries"),
    ("wayne", "Wayne Enterprises"),
    ("tyrell", "Tyrell Corporation"), ("cyberdyne", "Cyberdyne Systems"),
  ]

  static let codenames = [
    "Atlas", "Beacon", "Comet", "Delta", "Ember", "Falcon", "Glacier", "Harbor", "Iris", "Juniper",
    "Kestrel", "Lumen",
    "Meridian", "Nimbus", "Orion", "Pioneer", "Quartz", "Raven", "Summit", "Tidal", "Umber",
    "Vertex", "Willow", "Xenon",
    "Yarrow", "Zephyr", "Aurora", "Borealis", "Cobalt", "Drift", "Echo", "Fjord", "Granite",
    "Helix", "Indigo", "Jade",
  ]

  static let firstNames = [
    "Maria", "James", "Aisha", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Olivia", "Liam", "Amara",
    "Kenji", "Priya",
    "Diego", "Chloe", "Ethan", "Fatima", "Hugo", "Ines", "Jonas", "Keira", "Leo", "Maya", "Nikolai",
    "Oscar", "Paula",
    "Rafael", "Sara", "Tomas", "Uma", "Victor", "Wen", "Yusuf", "Zoe", "Arjun", "Bianca", "Carlos",
    "Daria", "Elif",
    "Felix", "Grace", "Hamid", "Ingrid", "Jamal", "Kofi", "Lena", "Marco", "Nadia", "Omar", "Petra",
    "Quinn", "Rosa",
    "Samir", "Tara", "Ulrich", "Vera", "Will", "Ximena", "Yara", "Zaid",
  ]

  static let lastNames = [
    "Garcia", "Smith", "Khan", "Muller", "Rossi", "Silva", "Johnson", "Nguyen", "Kowalski",
    "Tanaka", "Okafor", "Patel",
    "Lopez", "Dubois", "Andersen", "Cohen", "Haddad", "Ivanova", "Jensen", "Kim", "Larsen",
    "Moreau", "Novak", "Olsen",
    "Park", "Quintero", "Reyes", "Schmidt", "Torres", "Ueda", "Varga", "Weber", "Yilmaz", "Zhang",
    "Alvarez", "Becker",
    "Costa", "Diaz", "Eriksson", "Fischer", "Gonzalez", "Hansen", "Ito", "Jovanovic", "Kaur",
    "Lindqvist", "Mensah",
    "Nakamura", "Ortiz", "Petrov", "Ramos", "Sato", "Tran", "Usman", "Vogel", "Wagner", "Xu",
    "Young", "Zimmermann",
    "Chen",
  ]

  static let chineseSurnames = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高",
  ]

  static let chineseGivenNames = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华",
    "平",
    "刚", "桂英", "建华", "文", "晨", "欣怡", "子涵", "浩然", "雨轩", "思远",
  ]

  /// Key result titles that state no quantity, for the vague-wording mistake.
  static let vagueEnglish = [
    "Improve customer happiness", "Improve team morale", "Improve collaboration between teams",
    "Improve code quality", "Improve our brand image",
  ]
  static let vagueChinese = ["加强团队协作", "加强品牌影响力", "提升客户体验", "提高工作效率"]
}
