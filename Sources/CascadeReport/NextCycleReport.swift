import CascadeCore

/// `cascade next-cycle`: what rolling a plan over changed, and what the team has to decide,
/// as text (grouped, each group cut at ``NextCycleReport/shownPerGroup`` lines) or JSON (every
/// change).
public enum NextCycleReport {
  /// Lines shown per group in text; the rest are counted (JSON lists them all).
  public static let shownPerGroup = 20

  /// How the new plan validated: its counts, nil when it was not checked.
  public typealias Check = LintSummary

  public static func text(_ r: Rollover, output: String, check: Check?, _ p: Presentation) -> String {
    let written = r.files.count
    let changed = r.files.filter(\.changed).count
    var out = p(Messages.heading(from: r.shift.from, to: r.shift.to, output: output, files: written, changed: changed))
    out += "\n"
    for group in Group.allCases {
      let items = r.changes.filter { Group($0.kind) == group }
      guard !items.isEmpty else { continue }
      out += "\n" + p(group.title(r.shift) + Message(en: " (\(items.count))", zh: "（\(items.count)）")) + "\n"
      for c in items.prefix(shownPerGroup) {
        out +=
          "  " + p(line(c.kind)) + "  " + visible(FileSystem.join(output, c.at.file)) + ":\(c.at.line):\(c.at.column)\n"
      }
      if items.count > shownPerGroup { out += "  " + p(Messages.more(items.count - shownPerGroup)) + "\n" }
    }
    if !r.leftBehind.isEmpty {
      let names = r.leftBehind.prefix(5).map { visible($0) }
      out += "\n" + p(Messages.leftBehind(r.leftBehind.count, names, more: r.leftBehind.count > 5)) + "\n"
    }
    if r.before.errors > 0 { out += "\n" + p(Messages.before(r.before)) }
    if let check { out += (r.before.errors > 0 ? " " : "\n") + p(Messages.checked(check, output: output)) + "\n" }
    return out
  }

  public static func json(_ r: Rollover, output: String, check: Check?) -> String {
    var w = JSONWriter()
    w.object { w in
      w.field("from", r.shift.from.label)
      w.field("to", r.shift.to.label)
      w.field("output", output)
      w.key("files")
      w.array(r.files) { w, f in
        w.object { w in
          w.field("path", f.path)
          w.field("changed", f.changed)
        }
      }
      w.key("changes")
      w.array(r.changes) { w, c in
        w.object { w in
          fields(c.kind, &w)
          w.field("file", c.at.file)
          w.field("line", c.at.line)
          w.field("column", c.at.column)
        }
      }
      w.key("left_behind")
      w.array(r.leftBehind) { w, name in w.value(name) }
      w.key("old_validation")
      w.object { w in
        w.field("errors", r.before.errors)
        w.field("warnings", r.before.warnings)
        w.field("infos", r.before.infos)
      }
      if let check {
        w.key("validation")
        w.object { w in
          w.field("errors", check.errors)
          w.field("warnings", check.warnings)
          w.field("infos", check.infos)
        }
      }
    }
    return w.outputLine()
  }

  static func fields(_ kind: Rollover.Change.Kind, _ w: inout JSONWriter) {
    switch kind {
    case .cycle(let unit, let from, let to):
      w.field("kind", "cycle")
      w.field("unit", unit)
      w.field("from", from)
      w.field("to", to)
    case .cycleKept(let unit, let cycle, let checkIns):
      w.field("kind", "cycle_kept")
      w.field("unit", unit)
      w.field("cycle", cycle)
      w.field("check_ins", checkIns)
    case .titleUpdated(let reference, let title, let from, let to):
      w.field("kind", "title_updated")
      w.field("ref", reference)
      w.field("title", title)
      w.field("from", from)
      w.field("to", to)
    case .titleNamesCycle(let reference, let title, let cycle):
      w.field("kind", "title_names_cycle")
      w.field("ref", reference)
      w.field("title", title)
      w.field("cycle", cycle)
    case .dueClamped(let reference, let from, let to):
      w.field("kind", "due_clamped")
      w.field("ref", reference)
      w.field("from", from.description)
      w.field("to", to.description)
    case .baseline(let reference, let from, let to, let day):
      w.field("kind", "baseline")
      w.field("ref", reference)
      w.field("from", from)
      w.field("to", to)
      w.field("last_check_in", day?.description)
    case .noCheckIn(let reference, let baseline):
      w.field("kind", "no_check_in")
      w.field("ref", reference)
      w.field("baseline", baseline)
    case .targetReached(let reference, let final, let target):
      w.field("kind", "target_reached")
      w.field("ref", reference)
      w.field("final", final)
      w.field("target", target)
    case .titleNamesBaseline(let reference, let title, let baseline):
      w.field("kind", "title_names_baseline")
      w.field("ref", reference)
      w.field("title", title)
      w.field("baseline", baseline)
    case .dueMoved(let reference, let from, let to):
      w.field("kind", "due_moved")
      w.field("ref", reference)
      w.field("from", from.description)
      w.field("to", to.description)
    case .dueDropped(let reference, let from):
      w.field("kind", "due_dropped")
      w.field("ref", reference)
      w.field("from", from.description)
    case .milestoneDone(let reference, let title, let day):
      w.field("kind", "milestone_done")
      w.field("ref", reference)
      w.field("title", title)
      w.field("on", day?.description)
    case .notEdited(let subject, let field):
      w.field("kind", "not_edited")
      w.field("subject", subject)
      w.field("field", field)
    }
  }

  /// The groups of the text report, in the order a team reads them: what moved, then what it
  /// has to decide.
  enum Group: CaseIterable {
    case cycles, kept, baselines, titlesUpdated, reached, noCheckIn, titles, cycleTitles, dueMoved, dueDropped,
      milestones,
      notEdited

    init(_ kind: Rollover.Change.Kind) {
      switch kind {
      case .cycle: self = .cycles
      case .cycleKept: self = .kept
      case .titleNamesCycle: self = .cycleTitles
      case .titleUpdated: self = .titlesUpdated
      case .dueClamped: self = .dueDropped
      case .baseline: self = .baselines
      case .targetReached: self = .reached
      case .noCheckIn: self = .noCheckIn
      case .titleNamesBaseline: self = .titles
      case .dueMoved: self = .dueMoved
      case .dueDropped: self = .dueDropped
      case .milestoneDone: self = .milestones
      case .notEdited: self = .notEdited
      }
    }

    func title(_ shift: CycleShift) -> Message {
      switch self {
      case .cycles: Message(en: "Cycles moved", zh: "周期已更新")
      case .kept:
        Message(
          en: "Kept their cycle, which holds \(shift.to.label): baselines, due dates and check-ins kept",
          zh: "周期包含 \(NextCycleReport.zhCycle(shift.to.label))，保持不变：基线、截止日期和进展更新都保留")
      case .titlesUpdated:
        Message(
          en: "Titles whose “from … to …” now starts at the new baseline",
          zh: "标题中的“从……到……”已改为从新基线开始")
      case .cycleTitles:
        Message(
          en: "Titles that still name \(shift.from.label)", zh: "标题中仍写着 \(NextCycleReport.zhCycle(shift.from.label))")
      case .baselines:
        Message(
          en: "Baselines set to the final value of \(shift.from.label)",
          zh: "基线已改为 \(NextCycleReport.zhCycle(shift.from.label))的最终值")
      case .reached:
        Message(
          en: "Target already reached: baseline kept, set a new target",
          zh: "已达到目标值：基线未改，请设定新的目标值")
      case .noCheckIn:
        Message(
          en: "No check-in in \(shift.from.label): baseline kept, check it",
          zh: "\(NextCycleReport.zhCycle(shift.from.label))没有进展更新：基线未改，请核对")
      case .titles:
        Message(en: "Titles that still name the old baseline", zh: "标题中仍写着旧的基线")
      case .dueMoved: Message(en: "Due dates moved", zh: "截止日期已顺延")
      case .dueDropped:
        Message(
          en: "Due dates outside the new cycle: dropped (or set to its last day where they cannot go)",
          zh: "超出新周期的截止日期：已删除（无法删除的改为周期最后一天）")
      case .milestones:
        Message(
          en: "Milestones done in \(shift.from.label): drop them or keep them",
          zh: "\(NextCycleReport.zhCycle(shift.from.label))已完成的里程碑：请决定删除或保留")
      case .notEdited:
        Message(
          en: "Not changed: written in a form Cascade does not edit, change by hand",
          zh: "以下数值的写法 Cascade 无法自动修改，请手动修改")
      }
    }
  }

  static func line(_ kind: Rollover.Change.Kind) -> Message {
    switch kind {
    case .cycle(let unit, let from, let to):
      return Message(en: "\(unit)  \(from) → \(to)", zh: "\(unit)  \(zhCycle(from)) → \(zhCycle(to))")
    case .cycleKept(let unit, let cycle, let checkIns):
      return Message(
        en: "\(unit)  \(cycle), \(checkIns) \(checkIns == 1 ? "check-in" : "check-ins") kept",
        zh: "\(unit)  \(zhCycle(cycle))，保留 \(checkIns) 条进展更新")
    case .titleUpdated(let reference, let title, let from, let to):
      return Message(
        en: "\(reference)  \(quoted(title)): \(from) → \(to)", zh: "\(reference)  \(quotedZh(title))：\(from) → \(to)")
    case .titleNamesCycle(let reference, let title, let cycle):
      return Message(
        en: "\(reference)  \(quoted(title)) says \(cycle)", zh: "\(reference)  \(quotedZh(title))写的是 \(cycle)")
    case .dueClamped(let reference, let from, let to):
      return Message(
        en: "\(reference)  \(from) → \(to) (the cycle's last day: due is the first key, cannot be removed)",
        zh: "\(reference)  \(from) → \(to)（周期最后一天：due 是该关键结果的第一个字段，无法删除）")
    case .baseline(let reference, let from, let to, let day):
      let v = "\(reference)  \(NumberFormat.plain(from)) → \(NumberFormat.plain(to))"
      guard let day else { return .verbatim(v) }
      return Message(en: "\(v)  (last check-in \(day))", zh: "\(v)（最近一次进展更新：\(day)）")
    case .noCheckIn(let reference, let baseline):
      return Message(
        en: "\(reference)  baseline \(NumberFormat.plain(baseline))",
        zh: "\(reference)  基线 \(NumberFormat.plain(baseline))")
    case .targetReached(let reference, let final, let target):
      return Message(
        en: "\(reference)  final \(NumberFormat.plain(final)), target \(NumberFormat.plain(target))",
        zh: "\(reference)  最终值 \(NumberFormat.plain(final))，目标值 \(NumberFormat.plain(target))")
    case .titleNamesBaseline(let reference, let title, let baseline):
      return Message(
        en: "\(reference)  \(quoted(title)) says \(baseline)",
        zh: "\(reference)  \(quotedZh(title))写的是 \(baseline)")
    case .dueMoved(let reference, let from, let to):
      return .verbatim("\(reference)  \(from) → \(to)")
    case .dueDropped(let reference, let from):
      return .verbatim("\(reference)  \(from)")
    case .milestoneDone(let reference, let title, let day):
      let t = Message(en: "\(reference)  \(quoted(title))", zh: "\(reference)  \(quotedZh(title))")
      guard let day else { return t }
      return t + Message(en: " (done \(day))", zh: "（\(day) 完成）")
    case .notEdited(let subject, let field):
      let zh = ["baseline": "基线", "due": "截止日期", "cycle": "周期"][field] ?? field
      return Message(en: "\(subject)  \(field)", zh: "\(subject)  \(zh)（\(field)）")
    }
  }

  /// A cycle label in Chinese (`2027 年第二季度`; a range as `2027-01-01 至 2027-03-31`).
  static func zhCycle(_ label: String) -> String {
    let parts = label.components(separatedBy: "..")
    if parts.count == 2 { return "\(parts[0]) 至 \(parts[1])" }
    return Cycle(label: label).map { Words.cycle($0).zh } ?? label
  }

  /// The cycle in a Chinese sentence, with spaces around it.
  static func zhCycleWords(_ c: Cycle) -> String { " " + zhCycle(c.label) }

  enum Messages {
    static func heading(from: Cycle, to: Cycle, output: String, files: Int, changed: Int) -> Message {
      Message(
        en: "Rolled the plan over from \(from.label) to \(to.label) into \(visible(output)): "
          + "\(files) \(files == 1 ? "file" : "files"), \(changed) changed (checkins.csv among them).",
        zh: "已根据\(zhCycleWords(from))的计划生成\(zhCycleWords(to))的计划，写入 \(visible(output))："
          + "共 \(files) 个文件，其中 \(changed) 个有改动（含 checkins.csv）。")
    }

    static func more(_ n: Int) -> Message {
      Message(en: "… and \(n) more (--format json lists all)", zh: "……还有 \(n) 项（--format json 列出全部）")
    }

    static func leftBehind(_ n: Int, _ names: [String], more: Bool) -> Message {
      Message(
        en: "Not copied (not part of the plan): \(n) \(n == 1 ? "file" : "files"): "
          + names.joined(separator: ", ") + (more ? ", …" : ""),
        zh: "有 \(n) 个文件不属于计划，未复制：" + names.joined(separator: "、") + (more ? "……" : ""))
    }

    static func before(_ s: LintSummary) -> Message {
      Message(
        en: "The old plan has \(s.errors) \(s.errors == 1 ? "error" : "errors"); the new one carries them over.",
        zh: "旧计划有 \(s.errors) 个错误，新计划会原样带上。")
    }

    static func checked(_ s: LintSummary, output: String) -> Message {
      if s.errors == 0 && s.warnings == 0 {
        return Message(en: "The new plan validates clean.", zh: "新计划校验通过，没有错误或警告。")
      }
      let out = visible(output)
      return Message(
        en: "The new plan has \(s.errors) \(s.errors == 1 ? "error" : "errors") and \(s.warnings) "
          + "\(s.warnings == 1 ? "warning" : "warnings"): run cascade validate \(out)",
        zh: "新计划有 \(s.errors) 个错误、\(s.warnings) 个警告：请运行 cascade validate \(out)")
    }
  }
}
