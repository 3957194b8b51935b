import CascadeCore

/// What `cascade init` writes: a small plan to start from (a company unit with one objective
/// and well-formed key results, `cascade.yaml` with its options as comments, an empty
/// `checkins.csv`, a README for the folder), or one more unit's file for an existing plan,
/// with its parent filled in and, as comments, what it can align to. In English or Chinese.
public enum PlanTemplate {
  /// Where `init` puts the editor's schemas (`cascade schema`), relative to the plan folder;
  /// hidden, so that loading a plan never reads them.
  public static let schemaFolder = PlanLoader.editorFolder
  public static let planSchemaFile = schemaFolder + "/plan.schema.json"
  public static let configurationSchemaFile = schemaFolder + "/config.schema.json"
  /// The first line of a plan file `init` writes: editors that use the YAML language server
  /// read the schema from it (a path relative to the file).
  public static let planModeline = "# yaml-language-server: $schema=\(planSchemaFile)"
  public static let configurationModeline = "# yaml-language-server: $schema=\(configurationSchemaFile)"

  /// The files of a new plan, by name.
  public static func plan(name: String, cycle: String, language: Language) -> [(name: String, text: String)] {
    let zh = language == .zh
    let title = yamlString(name)
    let company =
      zh
      ? """
      \(planModeline)
      # \(comment(name)) \(cycle) 的公司级 OKR。各部门、团队和个人在这个文件夹里各写一个文件，对齐到上级：
      #   cascade init --unit sales --level department --parent company .
      # 检查：cascade validate .    看能对齐什么：cascade refs . --for sales
      unit: company
      name: \(title)
      level: company
      cycle: \(cycle)
      objectives:
        - id: grow-revenue
          title: 提升收入，留住老客户
          type: committed
          key_results:
            - id: revenue
              title: 季度收入从4000万元提升到5000万元
              baseline: 4000
              target: 5000
              unit: 万元
            - id: new-customers
              title: 每月新增50个客户
              baseline: 30
              target: 50
              unit: 个/月
            - id: retention
              title: 客户续约率从85%提升到90%
              baseline: 85
              target: 90
              unit: "%"

      """
      : """
      \(planModeline)
      # \(comment(name)): company OKRs for \(cycle). Each department, team and person adds a file
      # of their own to this folder and aligns it upward:
      #   cascade init --unit sales --level department --parent company .
      # Check the plan: cascade validate .    What a unit can align to: cascade refs . --for sales
      unit: company
      name: \(title)
      level: company
      cycle: \(cycle)
      objectives:
        - id: grow-revenue
          title: Grow revenue with customers who stay
          type: committed
          key_results:
            - id: revenue
              title: Quarterly revenue from 4.0 to 5.0 M
              baseline: 4.0
              target: 5.0
              unit: M
            - id: new-customers
              title: 50 new customers a month
              baseline: 30
              target: 50
              unit: customers/month
            - id: retention
              title: Customer retention from 85% to 90%
              baseline: 85
              target: 90
              unit: "%"

      """
    let configuration =
      zh
      ? """
      \(configurationModeline)
      # Cascade 对这个计划的设置。去掉 # 即可启用。
      language: zh                # Cascade 用中文说话（en：英文）
      # name: \(title)          # 图和报告的标题（默认用公司单元的名称）
      # rules:                    # 每条规则的级别：off、info、warning、error
      #   kr-no-unit: off
      # limits:
      #   objectives_per_unit: 5          # 每个单元最多几个目标
      #   key_results_per_objective: 5    # 每个目标最多几个关键结果
      # stale_after_days: 14      # 多少天没有进展更新算长期未更新

      """
      : """
      \(configurationModeline)
      # Cascade's settings for this plan. Remove a # to turn a setting on.
      language: en                # what Cascade writes for people: en or zh
      # name: \(title)          # the title of diagrams and reports (default: the company's name)
      # rules:                    # per-rule severity: off, info, warning, error
      #   kr-no-unit: off
      # limits:
      #   objectives_per_unit: 5          # unit-too-many-objectives above this
      #   key_results_per_objective: 5    # objective-too-many-krs above this
      # stale_after_days: 14      # a key result without a check-in for longer is stale

      """
    let readme =
      zh
      ? """
      # \(comment(name)) 的 OKR

      这个文件夹是一份 Cascade 计划：每个单元（公司、部门、团队、个人）一个 YAML 文件，
      进展更新写在 `checkins.csv` 里。常用命令：

      ```sh
      cascade validate .                                        # 检查对齐和可衡量性
      cascade init --unit sales --level department --parent company .   # 加一个单元
      cascade refs . --for sales                                # 看 sales 能对齐到哪些目标
      cascade checkin . company/grow-revenue/revenue 4200       # 记录一次进展更新
      cascade status .                                          # 得分和状态
      cascade serve .                                           # 在浏览器里开计划会
      ```

      """
      : """
      # \(comment(name)) OKRs

      This folder is a Cascade plan: one YAML file per unit (the company, departments, teams,
      people), and the check-ins in `checkins.csv`. The commands you will use:

      ```sh
      cascade validate .                                        # alignment and measurability
      cascade init --unit sales --level department --parent company .   # add a unit
      cascade refs . --for sales                                # what sales can align to
      cascade checkin . company/grow-revenue/revenue 4.2        # record a check-in
      cascade status .                                          # scores and status
      cascade serve .                                           # the planning meeting in a browser
      ```

      """
    return [
      ("company.yaml", company), ("cascade.yaml", configuration),
      ("checkins.csv", "date,key_result,value,confidence,note,author\n"), ("README.md", readme),
    ]
  }

  /// One more unit's file: `id` below `parent` (a unit of `result`), in the parent's cycle, with
  /// one objective aligned to the parent's first objective and one measurable key result to
  /// replace, and as comments the references it can align to (its chain up, at most
  /// `maxListed` lines).
  public static func unit(
    id: String, name: String, level: Level, parent: Int, _ result: LintResult, language: Language,
    modeline: Bool = false
  ) -> String {
    let index = result.index
    let zh = language == .zh
    let top = index.unit(parent)
    var listed: [String] = []
    var target: String?
    for a in [parent] + index.ancestors(of: parent) {
      let unit = index.unit(a)
      for oi in unit.objectives.indices {
        let o = ObjectiveAddress(unit: a, objective: oi)
        if target == nil { target = index.reference(o) }
        listed.append("#   \(index.reference(o))  \(comment(unit.objectives[oi].title))")
        for k in unit.objectives[oi].keyResults.indices {
          listed.append(
            "#     \(index.reference(o, keyResult: k))  \(comment(unit.objectives[oi].keyResults[k].title))")
        }
      }
    }
    if listed.count > maxListed {
      listed = Array(listed.prefix(maxListed))
      listed.append(zh ? "#   ……其余的：cascade refs . --for \(id)" : "#   … the rest: cascade refs . --for \(id)")
    }
    var out = modeline ? planModeline + "\n" : ""
    out +=
      zh
      ? "# \(comment(name)) 的 OKR。可以对齐到（aligns_to: 写目标，contributes_to: 写关键结果）：\n"
      : "# \(comment(name))'s OKRs. What they can align to (objectives under aligns_to:, key results under contributes_to:):\n"
    out +=
      listed.isEmpty
      ? (zh ? "#   （上级还没有目标）\n" : "#   (nothing yet: the units above have no objectives)\n")
      : listed.joined(separator: "\n") + "\n"
    out += "unit: \(id)\nname: \(yamlString(name))\nlevel: \(level.rawValue)\nparent: \(top.id)\n"
    out += "cycle: \(top.cycle?.label ?? "")\n"
    out += "objectives:\n  - id: first-objective\n"
    out +=
      zh
      ? "    title: 把这里换成\(comment(name))想要达成的目标\n" : "    title: Replace with what \(comment(name)) wants to achieve\n"
    if let target { out += "    aligns_to: \(target)\n" }
    out += "    key_results:\n      - id: first-result\n"
    out +=
      zh
      ? "        title: 每月合格线索从100条增加到150条    # 换成你们自己的数字\n        baseline: 100\n        target: 150\n        unit: 条/月\n"
      : "        title: Qualified leads from 100 to 150 a month    # replace with your own number\n        baseline: 100\n        target: 150\n        unit: leads/month\n"
    return out
  }

  /// Reference lines written as comments into a new unit's file.
  public static let maxListed = 40

  /// Text on one comment line: no line breaks, no control characters, at most 120 characters.
  static func comment(_ text: String) -> String {
    let flat = String(visible(text).prefix(120))
    return flat
  }

  /// A YAML double-quoted scalar: whatever the name holds stays a string.
  static func yamlString(_ text: String) -> String { Renderer.quote(text) }
}
