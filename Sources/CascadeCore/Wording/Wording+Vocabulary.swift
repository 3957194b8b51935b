extension Wording {
  /// Verb and phrase lists for ``Phrasing``.
  enum Vocabulary {
    // MARK: English

    /// Verbs that name a task or an output rather than a result.
    static let activityVerbs: Set<String> = [
      "launch", "hold", "host", "run", "conduct", "organize", "organise", "implement", "create",
      "build", "develop", "write", "design", "attend", "complete", "deliver", "migrate",
      "introduce", "start", "prepare", "draft", "plan", "research", "review", "visit", "call",
      "send", "publish", "deploy", "hire", "recruit", "ship", "release", "establish", "install",
      "configure", "integrate", "document", "define", "test", "pilot", "train", "perform",
      "execute", "arrange", "schedule", "produce", "redesign", "refactor", "rewrite", "rebuild",
      "replace", "evaluate", "assess", "audit", "analyze", "analyse", "investigate", "explore",
      "study", "interview", "survey", "map", "identify", "submit", "present", "participate",
      "speak", "give", "meet", "contact", "finish", "begin", "initiate", "adopt", "automate",
      "standardize", "standardise", "decommission", "retire", "sunset", "open", "translate",
      "update", "upgrade", "fix", "post", "upload", "learn", "read", "teach", "coach", "mentor",
      "facilitate", "moderate", "sponsor", "do", "hold", "organize", "convene", "email",
      "distribute", "print", "film", "shoot", "setup", "rollout", "kickoff", "draw", "compile",
      "collect", "gather", "install", "purchase", "buy", "procure", "order", "outsource",
      "transition", "move", "port", "rename", "rebrand", "relaunch", "roll",
    ]
    /// Nouns that name a task when a title starts with them (`Migration of …`).
    static let taskNouns: Set<String> = [
      "migration", "implementation", "rollout", "completion", "delivery", "creation",
      "development", "organization", "organisation", "publication", "introduction", "deployment",
      "hiring", "recruitment", "establishment", "installation", "integration", "preparation",
      "execution", "construction", "redesign", "rewrite", "review", "audit", "workshop",
      "workshops", "webinar", "webinars", "training", "trainings", "hackathon", "roadshow",
      "launch", "relaunch", "setup", "kickoff",
    ]
    static let phrasalActivities: Set<String> = [
      "set up", "roll out", "kick off", "carry out", "reach out", "follow up", "spin up",
      "stand up", "write up", "put together", "put in", "work on", "focus on", "look into",
      "start up", "sign off", "hand over", "wrap up", "go live", "switch to", "move to",
      "migrate to",
    ]
    static let phrasalComparatives: Set<String> = [
      "speed up", "ramp up", "scale up", "level up", "step up", "cut down", "bring down",
      "drive down", "drive up", "push up",
    ]
    /// A verb followed by one of these is a metric noun (`Test coverage`, `Build time`).
    static let metricNouns: Set<String> = [
      "coverage", "time", "times", "frequency", "rate", "rates", "adoption", "turnaround",
      "accuracy", "quality", "speed", "duration", "velocity", "success", "completion", "score",
      "scores", "volume", "count", "cost", "costs", "latency", "throughput", "pipeline",
      "efficiency", "satisfaction", "attendance", "participation", "lead", "cycle", "sla",
      "date", "readiness", "reliability", "capacity", "backlog", "failures", "failure", "pass",
      "errors", "queue", "system", "systems", "center", "centre", "cadence", "funnel", "test",
      "tests", "hours", "budget", "spend", "health", "stability", "conversion", "conversions",
      "ratio", "share", "yield", "output", "metrics",
    ]
    /// Results: reaching a state rather than doing a task.
    static let resultVerbs: Set<String> = [
      "achieve", "reach", "hit", "maintain", "keep", "sustain", "get", "gain", "win", "acquire",
      "sign", "close", "retain", "convert", "generate", "earn", "save", "secure", "attain",
      "exceed", "surpass", "eliminate", "prevent", "ensure", "obtain", "sell", "become",
      "remain", "stay", "have", "be", "land", "capture", "resolve", "serve",
      "double", "triple", "halve", "quadruple", "outperform", "beat", "top", "rank", "score",
      "avoid", "zero", "cover", "engage", "activate", "enable", "recover", "onboard",
    ]
    /// Improvement/comparative verbs.
    static let comparativeVerbs: Set<String> = [
      "improve", "increase", "grow", "boost", "enhance", "strengthen", "optimize", "optimise",
      "reduce", "decrease", "lower", "cut", "raise", "lift", "expand", "extend", "accelerate",
      "streamline", "simplify", "maximize", "maximise", "minimize", "minimise", "deepen",
      "broaden", "advance", "drive", "foster", "promote", "elevate", "amplify", "scale",
      "refine", "modernize", "modernise", "shorten", "tighten", "uplift", "bolster",
      "reinforce", "further", "shrink", "diminish", "widen", "intensify", "augment", "better",
      "improves", "speed", "nurture", "cultivate", "step", "ramp", "push", "level", "revamp",
    ]
    /// Comparative words anywhere in a title without a leading task verb.
    static let comparativeWords: Set<String> =
      comparativeVerbs.union([
        "more", "better", "faster", "higher", "lower", "greater", "stronger", "smoother",
        "easier", "quicker", "cheaper", "less", "fewer", "improvement", "improvements",
        "growth", "enhancement", "enhancements", "optimization", "optimisation", "reduction",
        "increase", "deeper", "wider", "broader", "healthier", "leaner", "richer", "sharper",
        "clearer", "simpler", "tighter", "larger", "bigger", "smaller", "shorter", "longer",
        "improved", "increased", "enhanced", "reduced", "optimized", "optimised", "upgraded",
      ])
    /// Leading words that open a time phrase (`In Q1,`, `Each month`).
    static let timeLead: Set<String> = [
      "in", "by", "before", "during", "each", "every", "within", "over", "throughout", "until",
      "till", "from", "after", "starting", "for", "per", "this", "next", "across", "through",
      "at", "on", "once", "twice", "monthly", "weekly", "quarterly", "daily", "annually",
      "yearly", "biweekly", "fortnightly", "bimonthly", "semiannually", "q", "end", "early",
      "late", "mid", "as",
    ]
    /// Prepositions opening an adverbial clause that a comma closes (`For enterprise, …`).
    static let clauseLead: Set<String> = [
      "by", "through", "via", "with", "for", "to", "as", "after", "once", "when", "while",
      "using", "across", "among", "following", "given", "based", "together", "alongside",
    ]
    /// Words a time phrase is made of.
    static let timeWords: Set<String> =
      timeLead.union([
        "the", "end", "of", "start", "beginning", "middle", "month", "months", "week", "weeks",
        "quarter", "quarters", "year", "years", "day", "days", "half", "first", "second",
        "third", "fourth", "last", "sprint", "sprints", "a", "other", "times", "time", "our",
        "fiscal", "calendar", "period", "cycle", "season", "h", "fy",
      ])
    /// Words skipped before the verb (`Successfully launch`, `We will launch`).
    static let fillers: Set<String> = [
      "we", "will", "to", "also", "then", "and", "i", "team", "successfully", "fully",
      "jointly", "must", "should", "shall", "let's", "lets", "please", "actually", "finally",
    ]
    /// Words ending in -ly that are not adverbs.
    static let lyWords: Set<String> = [
      "apply", "supply", "reply", "rely", "comply", "multiply", "ally", "family", "assembly",
      "anomaly", "monopoly", "rally", "italy",
    ]
    static let taskParticiples: Set<String> = [
      "launched", "held", "hosted", "conducted", "organized", "organised", "implemented",
      "created", "built", "developed", "written", "designed", "attended", "completed",
      "delivered", "migrated", "introduced", "started", "kicked", "prepared", "drafted",
      "published", "deployed", "released", "shipped", "established", "installed", "integrated",
      "hired", "recruited", "sent", "submitted", "visited", "interviewed", "performed",
      "executed", "finished", "done", "documented", "defined", "piloted", "rolled", "rewritten",
      "rebuilt", "redesigned", "replaced", "upgraded", "decommissioned", "run", "organised",
      "set", "live",
    ]
    static let participleFollowers: Set<String> = [
      "by", "before", "in", "on", "within", "during", "per", "each", "every", "monthly",
      "weekly", "quarterly", "at", "and", "for", "across", "to", "successfully", "with", "out",
      "off", "up", "this", "next", "until", "end",
    ]
    static let irregular: [String: String] = [
      "held": "hold", "built": "build", "written": "write", "wrote": "write", "ran": "run",
      "sent": "send", "began": "begin", "begun": "begin", "made": "make", "did": "do",
      "done": "do", "gave": "give", "given": "give", "met": "meet", "led": "lead",
      "taught": "teach", "read": "read", "set": "set", "drew": "draw", "drawn": "draw",
      "bought": "buy", "shot": "shoot", "spoke": "speak", "spoken": "speak",
    ]

    // MARK: Chinese

    static let chineseActivityWords = [
      "开展", "举办", "举行", "组织", "召开", "进行", "实施", "推出", "上线", "发布", "制定", "建立",
      "搭建", "开发", "编写", "完成", "参加", "参与", "出席", "策划", "筹备", "部署", "引入", "启动",
      "开通", "撰写", "设计", "拜访", "走访", "回访", "培训", "开设", "研发", "建设", "构建", "打造",
      "编制", "起草", "梳理", "整理", "输出", "制作", "拍摄", "发表", "发送", "招聘", "招募", "邀请",
      "访谈", "调研", "评估", "审核", "审查", "排查", "修订", "更新", "升级", "迁移", "改造", "重构",
      "上架", "投放", "执行", "落实", "宣传", "推广", "召集", "主持", "安排", "规划", "试点", "测试",
      "提交", "交付", "导入", "接入", "对接", "签署", "讲解", "授课", "开课", "学习", "录制", "直播",
      "组建", "成立", "设立", "开放", "外呼", "拨打", "推送", "发放", "变更", "更换", "更名", "更正",
      "编撰", "出版", "翻译", "采购", "购买", "安装", "配置", "集成", "开会", "讲座", "研讨会", "沙龙",
      "答谢会", "宣讲会", "推介会", "路演", "会议", "巡检", "巡查", "盘点", "复盘", "汇报", "面试",
      "写", "做", "办理", "上马", "铺设", "走查", "编排", "录入", "考察", "观摩",
      "研究", "分析", "论证", "验收", "落地", "交流", "宣讲", "演讲", "辅导", "带教", "探访",
      "引进", "拓客", "外访", "路访", "陪访", "巡店", "发起", "开拓",
    ]
    static let chineseActivities = WordList(chineseActivityWords)
    static let chineseResultWords = [
      "新增", "达到", "达成", "实现", "降至", "降到", "签约", "签下", "获得", "获取", "赢得", "突破",
      "超过", "超越", "覆盖", "转化", "留存", "回款", "盈利", "节省", "节约", "增至", "升至", "确保",
      "保证", "保持", "维持", "控制", "成为", "进入", "排名", "位列", "位居", "占比", "占据", "拿下",
      "斩获", "售出", "卖出", "吸引", "积累", "累计", "不低于", "不超过", "低于", "高于", "小于",
      "大于", "少于", "多于", "满足", "零", "杜绝", "消除", "清零", "达", "做到", "闭环", "解决", "关闭",
    ]
    static let chineseResults = WordList(chineseResultWords)
    static let chineseComparativeWords = [
      "提升", "提高", "加强", "改善", "优化", "增强", "增加", "扩大", "促进", "推进", "推动", "深化",
      "完善", "强化", "改进", "降低", "减少", "缩短", "加快", "加速", "提速", "巩固", "拓展", "拓宽",
      "丰富", "健全", "提效", "下降", "扩展", "壮大", "精简", "简化", "降本", "增效", "减低", "更",
      "更加", "更好", "进一步", "越来越", "做好", "做大", "做强", "做优", "改良", "扩充", "充实",
      "拉升", "上调", "下调", "缩减", "削减", "压降", "收窄", "增长", "提振", "激发", "夯实", "规范",
      "改变", "加大", "扩容", "升级为", "压缩",
    ]
    static let chineseComparatives = WordList(chineseComparativeWords)
    /// The first scalars of ``means`` (bit 0), ``chineseActivities`` (bit 1), ``chineseResults``
    /// (bit 2) and ``chineseComparatives`` (bit 3): the lists that can match at that scalar.
    static let verbStarts: ScalarTable = {
      var masks: [Unicode.Scalar: UInt32] = [:]
      let lists = [meansWords, chineseActivityWords, chineseResultWords, chineseComparativeWords]
      for (bit, list) in lists.enumerated() {
        for w in list {
          if let f = w.unicodeScalars.first { masks[f, default: 0] |= 1 << UInt32(bit) }
        }
      }
      return ScalarTable(masks.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, filterBits: 8192)
    }()
    /// Marks the verbs that follow as means (`通过开展培训提升满意度`).
    static let meansWords = ["通过", "借助", "依托", "利用", "依靠", "凭借", "基于"]
    static let means = WordList(meansWords)
    /// A verb followed by these is used as a noun (`开发团队`, `培训满意度`).
    static let nounFollowers = WordList([
      "团队", "人员", "部门", "部", "师", "者", "中心", "小组", "组", "效率", "周期", "成本", "质量",
      "流程", "满意度", "能力", "水平", "体系", "费用", "预算", "资源", "经验", "率", "时长", "进度",
      "系统", "平台", "工具", "度", "情况", "数据", "频率", "频次", "时间", "速度", "覆盖率", "完成率",
      "参与率", "通过率", "合格率", "出勤率", "投入", "产出", "效果", "岗", "经理", "专员", "工程师",
      "负责人", "标准", "规范", "指标", "环境", "服务", "渠道", "成功率", "工作量",
    ])
    /// A result or comparative verb followed by these is a noun (`增长率`, `提升幅度`).
    static let rateFollowers = WordList(["率", "幅度", "空间", "趋势", "潜力"])
    /// Objects that make `完成` a result (`完成销售额500万`).
    static let resultObjects = WordList([
      "销售额", "销售目标", "销售任务", "销售业绩", "业绩", "营收", "收入", "利润", "回款", "目标",
      "指标", "签约额", "交易额", "销量", "任务", "营业额", "产值", "出货", "订单额", "订单",
      "毛利", "净利", "融资",
    ])
  }
}
