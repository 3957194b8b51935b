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
      let names = r.leftBehind.prefix(5).map { visible($0) }.joined(separator: ", ")
      out += "\n" + p(Messages.leftBehind(r.leftBehind.count, names, more: r.leftBehind.count > 5)) + "\n"
    }
    if let check { out += "\n" + p(Messages.checked(check, output: output)) + "\n" }
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
      if let check {
        w.key("validation")
        w.object { w in
          w.field("errors", check.errors)
          w.field("warnings", check.warnings)
          w.field("infos", check.infos)
        }
      }
    }
    return w.output + "\n"
  }

  static func fields(_ kind: Rollover.Change.Kind, _ w: inout JSONWriter) {
    switch kind {
    case .cycle(let unit, let from, let to):
      w.field("kind", "cycle")
      w.field("unit", unit)
      w.field("from", from)
      w.field("to", to)
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
    case cycles, baselines, reached, noCheckIn, titles, dueMoved, dueDropped, milestones, notEdited

    init(_ kind: Rollover.Change.Kind) {
      switch kind {
      case .cycle: self = .cycles
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
      case .cycles: Message(en: "Cycles moved", zh: "周期已顺延")
      case .baselines:
        Message(
          en: "Baselines set to the final value of \(shift.from.label)",
          zh: "基线已改为 \(Words.cycle(shift.from).zh)的最终值")
      case .reached:
        Message(
          en: "Target already reached: baseline kept, set a new target",
          zh: "已达到目标值：基线未改，请设定新的目标值")
      case .noCheckIn:
        Message(
          en: "No check-in in \(shift.from.label): baseline kept, check it",
          zh: "\(Words.cycle(shift.from).zh)没有进展更新：基线未改，请核对")
      case .titles:
        Message(en: "Titles that still name the old baseline", zh: "标题中仍写着旧的基线")
      case .dueMoved: Message(en: "Due dates moved", zh: "截止日期已顺延")
      case .dueDropped:
        Message(en: "Due dates dropped: outside the new cycle", zh: "截止日期已删除：超出新周期")
      case .milestones:
        Message(
          en: "Milestones done in \(shift.from.label): drop them or keep them",
          zh: "\(Words.cycle(shift.from).zh)已完成的里程碑：请决定删除或保留")
      case .notEdited:
        Message(
          en: "Not changed: written in a form Cascade does not edit, change by hand",
          zh: "未修改：写法 Cascade 无法原位修改，请手动修改")
      }
    }
  }

  static func line(_ kind: Rollover.Change.Kind) -> Message {
    switch kind {
    case .cycle(let unit, let from, let to):
      return .verbatim("\(unit)  \(from) → \(to)")
    case .baseline(let reference, let from, let to, let day):
      let v = "\(reference)  \(NumberFormat.plain(from)) → \(NumberFormat.plain(to))"
      guard let day else { return .verbatim(v) }
      return Message(en: "\(v)  (last check-in \(day))", zh: "\(v)（最后一次进展更新 \(day)）")
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
        zh: "\(reference)  \(quotedZh(title)) 写的是 \(baseline)")
    case .dueMoved(let reference, let from, let to):
      return .verbatim("\(reference)  \(from) → \(to)")
    case .dueDropped(let reference, let from):
      return .verbatim("\(reference)  \(from)")
    case .milestoneDone(let reference, let title, let day):
      let t = Message(en: "\(reference)  \(quoted(title))", zh: "\(reference)  \(quotedZh(title))")
      guard let day else { return t }
      return t + Message(en: " (done \(day))", zh: "（\(day) 完成）")
    case .notEdited(let subject, let field):
      return .verbatim("\(subject)  \(field)")
    }
  }

  enum Messages {
    static func heading(from: Cycle, to: Cycle, output: String, files: Int, changed: Int) -> Message {
      Message(
        en: "Rolled the plan over from \(from.label) to \(to.label) into \(visible(output)): "
          + "\(files) \(files == 1 ? "file" : "files"), \(changed) changed, an empty checkins.csv.",
        zh: "已将计划从 \(Words.cycle(from).zh)顺延到 \(Words.cycle(to).zh)，写入 \(visible(output))："
          + "共 \(files) 个文件，修改了 \(changed) 个，checkins.csv 为空。")
    }

    static func more(_ n: Int) -> Message {
      Message(en: "… and \(n) more (--format json lists all)", zh: "……还有 \(n) 项（--format json 列出全部）")
    }

    static func leftBehind(_ n: Int, _ names: String, more: Bool) -> Message {
      let list = names + (more ? ", …" : "")
      return Message(
        en: "Not copied (not part of the plan): \(n) \(n == 1 ? "file" : "files"): \(list)",
        zh: "未复制（不属于计划）：\(n) 个文件：\(list)")
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
