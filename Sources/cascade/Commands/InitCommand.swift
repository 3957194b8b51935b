import ArgumentParser
import CascadeCore
import CascadeGenerate
import CascadeReport
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Start a plan, or add one unit's file to a plan.",
    discussion: """
      Without --unit: writes company.yaml (a company unit with one objective and three key \
      results), cascade.yaml (its options as comments), an empty checkins.csv and a README \
      into the folder. With --unit: adds that unit's file to the plan in the folder, its parent \
      filled in and what it can align to listed as comments. The result validates clean; \
      nothing that exists is overwritten (exit 2).

      Examples:
        cascade init okrs --name "Acme" --cycle 2027-Q2 --lang zh
        cascade init okrs --unit sales --level department --parent company
      """)

  @Argument(help: "The plan folder (created if missing).", completion: .directory)
  var directory: String = "."

  @Option(help: "The company's name (a new plan) or the unit's name (with --unit).")
  var name: String?

  @Option(help: "The cycle of a new plan, e.g. 2027-Q2, 2027-H1, 2027 (default: this quarter).")
  var cycle: String?

  @Option(help: "Add this unit (its id) to the plan in the folder.")
  var unit: String?

  @Option(help: "With --unit: its level (company, department, team, individual).")
  var level: Level?

  @Option(help: "With --unit: the id of the unit above it.")
  var parent: String?

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if unit == nil, level != nil || parent != nil { throw ValidationError("--level and --parent go with --unit") }
    if let unit {
      guard Identifier.isValid(unit) else {
        throw ValidationError("--unit takes an id: lower-case letters, digits, '-', '_' and '.'")
      }
      guard level != nil, parent != nil else { throw ValidationError("--unit needs --level and --parent") }
      if cycle != nil { throw ValidationError("a unit takes its parent's cycle: --cycle goes with a new plan") }
    }
    if let cycle, Cycle(label: cycle) == nil {
      throw ValidationError("--cycle takes 2027, 2027-H1, 2027-Q2 or 2027-04")
    }
  }

  mutating func run() throws {
    if let unit, let level, let parent {
      try addUnit(unit, level: level, parent: parent)
    } else {
      try newPlan()
    }
  }

  func newPlan() throws {
    let lang = language.language()
    let (year, month, _) = Day.today.components
    let cycle = (self.cycle.flatMap { Cycle(label: $0)?.label }) ?? "\(year)-Q\((month - 1) / 3 + 1)"
    let name = self.name ?? (lang == .zh ? "我们公司" : "Our company")
    let files =
      PlanTemplate.plan(name: name, cycle: cycle, language: lang) + [
        (PlanTemplate.planSchemaFile, PlanSchema.plan(lang)),
        (PlanTemplate.configurationSchemaFile, PlanSchema.configuration(lang)),
      ]
    if mkdir(directory, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(quoted(directory)): \(String(cString: strerror(errno)))")
    }
    let taken = files.map(\.name).filter { FileSystem.kind(of: FileSystem.join(directory, $0)) != .missing }
    guard taken.isEmpty else {
      throw CLIFailure(
        message: Message(
          en:
            "cascade: \(taken.map { quoted($0) }.joined(separator: ", ")) already \(taken.count == 1 ? "exists" : "exist") "
            + "in \(quoted(directory)); init overwrites nothing",
          zh: "cascade: \(quotedZh(directory))里已经有\(taken.map { quotedZh($0) }.joined(separator: "、"))；init 不会覆盖任何文件"
        ).text(lang))
    }
    let schemas = FileSystem.join(directory, PlanTemplate.schemaFolder)
    if mkdir(schemas, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(quoted(schemas)): \(String(cString: strerror(errno)))")
    }
    for file in files {
      try create(file.text, FileSystem.join(directory, file.name))
    }
    try Terminal.write(
      Message(
        en:
          "wrote a plan for \(name) (\(cycle)) in \(visible(directory)): company.yaml, cascade.yaml, checkins.csv, README.md, "
          + "and the editor's schemas in .cascade/ (see the README's Editors section)\n"
          + "next: cascade validate \(visible(directory)); add a unit with cascade init \(visible(directory)) --unit ID --level department --parent company\n",
        zh: "已在 \(visible(directory)) 写好 \(name)（\(cycle)）的计划：company.yaml、cascade.yaml、checkins.csv、README.md，"
          + "以及 .cascade/ 中供编辑器使用的 schema（见 README 的 Editors 一节）\n"
          + "下一步：cascade validate \(visible(directory))；加一个单元：cascade init \(visible(directory)) --unit ID --level department --parent company\n"
      ).text(lang))
  }

  func addUnit(_ id: String, level: Level, parent: String) throws {
    let result = try loadPlan([directory], language.language())
    let lang = language.language(plan: result.plan.configuration)
    let p = try unitIndex(parent, in: result, lang)
    if result.index.unitByID[id] != nil {
      throw CLIFailure(
        message: Message(
          en: "cascade: the plan already has a unit \(quoted(id)); init overwrites nothing",
          zh: "cascade: 计划中已经有单元\(quotedZh(id))；init 不会覆盖任何内容"
        ).text(lang))
    }
    let path = FileSystem.join(directory, id + ".yaml")
    // The editor's schema line, when the plan has the schema (`init` wrote it).
    let modeline = FileSystem.kind(of: FileSystem.join(directory, PlanTemplate.planSchemaFile)) == .file
    let text = PlanTemplate.unit(
      id: id, name: name ?? id, level: level, parent: p, result, language: lang, modeline: modeline)
    try create(text, path)
    // The new file must be clean (the plan around it is the team's business).
    let after = try loadPlan([directory], lang)
    let problems = after.diagnostics.filter { $0.location.file.hasSuffix("/" + id + ".yaml") && $0.severity != .info }
    if let first = problems.first {
      unlink(path)
      throw CLIFailure(
        message: "cascade: the new unit would not validate: \(visible(first.message.text(lang))) [\(first.rule)]")
    }
    try Terminal.write(
      Message(
        en:
          "wrote \(visible(path)): \(id) below \(parent); edit its objective and key result, then cascade validate \(visible(directory))\n",
        zh: "已写好 \(visible(path))：\(id) 在 \(parent) 之下；改好其中的目标和关键结果后运行 cascade validate \(visible(directory))\n"
      ).text(lang))
  }

  func create(_ text: String, _ path: String) throws {
    do {
      try FileOutput.create(Array(text.utf8), at: path)
    } catch {
      throw CLIFailure(message: "cascade: cannot write \(path): \(error)")
    }
  }
}
