#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The next cycle's plan, made from this one: every unit's cycle moved, each increase or
/// decrease key result's baseline set to its final value, due dates moved, an empty
/// checkins.csv. Values are changed in place, at the positions the loader recorded, so every
/// comment, blank line, key order and quoting in the files stays as written.
public struct Rollover: Sendable {
  /// A file of the new plan, by its path relative to the plan's folder.
  public struct File: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// False when the file is copied as it was.
    public var changed: Bool
  }

  /// What changed, or what the team has to decide, in plan order, at its place in the new file.
  public struct Change: Sendable {
    public var kind: Kind
    /// In the new plan: the path relative to its folder, the line as it is there.
    public var at: SourceLocation

    public enum Kind: Sendable {
      case cycle(unit: String, from: String, to: String)
      /// A longer cycle that holds the new one (a company's year around its quarters): the unit,
      /// its baselines, due dates and check-ins stay as they are.
      case cycleKept(unit: String, cycle: String, checkIns: Int)
      case baseline(reference: String, from: Double, to: Double, lastCheckIn: Day?)
      /// An increase or decrease key result without a check-in in the cycle: its baseline stays.
      case noCheckIn(reference: String, baseline: Double?)
      /// The final value reached the target: the baseline stays, for the team to set a new target.
      case targetReached(reference: String, final: Double, target: Double)
      /// The title still names the old baseline.
      case titleNamesBaseline(reference: String, title: String, baseline: String)
      /// The title's `from X to Y` named the old baseline: X is now the new one (`title` is the
      /// old title), so that title and numbers agree (rule kr-title-contradicts).
      case titleUpdated(reference: String, title: String, from: String, to: String)
      /// The title (of an objective or key result) still names the old cycle.
      case titleNamesCycle(reference: String, title: String, cycle: String)
      case dueMoved(reference: String, from: Day, to: Day)
      /// The moved date falls outside the unit's new cycle, so the `due:` line is dropped.
      case dueDropped(reference: String, from: Day)
      /// The moved date falls outside the new cycle and `due:` cannot be removed where it is
      /// written (the first key of its key result): it is set to the cycle's last day.
      case dueClamped(reference: String, from: Day, to: Day)
      /// A milestone done in this cycle, for the team to drop or keep.
      case milestoneDone(reference: String, title: String, on: Day?)
      /// A value that could not be changed in place (written in a form Cascade does not edit).
      case notEdited(subject: String, field: String)
    }

    /// The same change placed in the new file: at `path`, its line moved up past removed lines
    /// (`dropped`, sorted).
    func moved(to path: String, droppingLines dropped: [Int]) -> Change {
      var lo = 0
      var hi = dropped.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if dropped[mid] < at.line { lo = mid + 1 } else { hi = mid }
      }
      return Change(kind: kind, at: SourceLocation(file: path, mark: Mark(line: at.line - lo, column: at.column)))
    }
  }

  public var shift: CycleShift
  public var files: [File]
  public var changes: [Change]
  /// Files in the plan's folder that are not part of the new plan (pictures, notes, hidden files).
  public var leftBehind: [String]
  /// The old plan's problems: a plan with errors rolls over with them.
  public var before: LintSummary
}

public struct RolloverError: Error, Sendable {
  public var message: Message
}

public enum NextCycle {
  /// Plans the roll-over of a loaded and checked plan whose units live in its folder `root`.
  /// `to` is the new main cycle; nil means the one after the plan's. Reads the plan's files
  /// again to edit them; nothing is written.
  public static func roll(_ result: LintResult, root: String, to: Cycle?) throws(RolloverError) -> Rollover {
    let plan = result.plan
    guard let from = mainCycle(plan) else {
      throw RolloverError(
        message: Message(
          en: "no unit has a valid cycle to move from", zh: "没有任何单元写有有效的周期，无从顺延"))
    }
    guard let to = to ?? from.successor else {
      throw RolloverError(message: Message(en: "there is no cycle after \(from)", zh: "\(from) 之后没有周期"))
    }
    guard to.start > from.end else {
      throw RolloverError(
        message: Message(
          en: "the new cycle \(to) does not start after the plan's cycle \(from) ends (\(from.end))",
          zh: "新周期 \(to) 须在计划当前周期 \(from) 结束（\(from.end)）之后开始"))
    }
    let shift = CycleShift(from: from, to: to)
    let card = Scorer.score(result, asOf: from.end)
    let index = result.index

    var unitsByFile: [String: [Int]] = [:]
    for (ui, u) in plan.units.enumerated() { unitsByFile[u.file, default: []].append(ui) }

    var files: [Rollover.File] = []
    var changes: [Rollover.Change] = []
    var planFiles = Set<String>()
    var keptUnits = Set<Int>()
    for file in plan.files {
      guard let relative = relativePath(file, root: root) else {
        throw RolloverError(
          message: Message(
            en: "\(file) is outside the plan folder \(root); next-cycle rolls over one plan folder",
            zh: "\(file) 不在计划文件夹 \(root) 中；next-cycle 只顺延一个计划文件夹"))
      }
      planFiles.insert(relative)
      let bytes: [UInt8]
      do { bytes = try FileSystem.read(file) } catch { throw RolloverError(message: error.message) }
      var editor = FileEditor(source: SourceText(bytes), file: file)
      for ui in unitsByFile[file] ?? [] {
        editor.roll(unit: ui, index: index, card: card, shift: shift)
        if editor.keptCycle { keptUnits.insert(ui) }
      }
      if let stuck = editor.stuck {
        throw RolloverError(
          message: Message(
            en: "\(file):\(stuck.mark.line):\(stuck.mark.column): cannot change \(stuck.unit)'s cycle where it is "
              + "written; write it as cycle: \(stuck.from) (or a start/end mapping of plain dates) and run "
              + "next-cycle again; nothing was written",
            zh: "\(file):\(stuck.mark.line):\(stuck.mark.column)：无法原位修改单元 \(stuck.unit) 的周期；"
              + "请写成 cycle: \(stuck.from)（或由普通日期组成的 start/end 映射）后再运行 next-cycle；未写入任何文件"))
      }
      let dropped = editor.droppedLines.sorted()
      changes += editor.changes.map { $0.moved(to: relative, droppingLines: dropped) }
      guard let edited = editor.edits.applied(to: bytes) else { throw readBackFailure(file) }
      try verify(edited, against: editor.expected, file: file, original: bytes)
      files.append(Rollover.File(path: relative, bytes: edited, changed: edited != bytes))
    }
    // Copied as they are: the settings, the folder's README (`init` writes one), the editor's
    // files (the schemas `init` wrote, which the files' schema lines point at).
    var copies = [PlanLoader.configurationFile, "README.md"].map { FileSystem.join(root, $0) }
    let editorFolder = FileSystem.join(root, PlanLoader.editorFolder)
    if FileSystem.kind(of: editorFolder) == .directory {
      var found: [String] = []
      FileSystem.walk(editorFolder) { found.append($0) }
      copies += found.sorted()
    }
    for path in copies where FileSystem.kind(of: path) == .file {
      guard let relative = relativePath(path, root: root) else { continue }
      let bytes: [UInt8]
      do { bytes = try FileSystem.read(path) } catch { throw RolloverError(message: error.message) }
      guard bytes.count <= PlanLoader.maxFileBytes else {
        throw RolloverError(
          message: Message(
            en: "\(path) is larger than 16 MiB: not a file next-cycle copies",
            zh: "\(path) 超过 16 MiB：next-cycle 不复制这样的文件"))
      }
      files.append(Rollover.File(path: relative, bytes: bytes, changed: false))
      planFiles.insert(relative)
    }
    // The check-ins of units whose cycle stays, as they were; none of the others.
    var kept = CheckInLog.header.joined(separator: ",") + "\n"
    var keptCount: [Int: Int] = [:]
    if !keptUnits.isEmpty {
      for c in result.checkIns.entries where keptUnits.contains(c.keyResult.objective.unit) {
        let reference = index.reference(c.keyResult.objective, keyResult: c.keyResult.keyResult)
        kept += CSV.encodeRow([
          c.date.description, reference, NumberFormat.plain(c.value), c.confidence.map { NumberFormat.plain($0) } ?? "",
          result.checkIns.note(of: c), result.checkIns.author(of: c),
        ])
        keptCount[c.keyResult.objective.unit, default: 0] += 1
      }
    }
    changes = changes.map { c in
      guard case .cycleKept(let unit, let cycle, _) = c.kind, let ui = index.unitByID[unit] else { return c }
      return Rollover.Change(kind: .cycleKept(unit: unit, cycle: cycle, checkIns: keptCount[ui] ?? 0), at: c.at)
    }
    files.append(Rollover.File(path: PlanLoader.checkInsFile, bytes: Array(kept.utf8), changed: true))
    planFiles.insert(PlanLoader.checkInsFile)

    var leftBehind: [String] = []
    FileSystem.walk(root) { path in
      if let r = relativePath(path, root: root), !planFiles.contains(r) { leftBehind.append(r) }
    }
    leftBehind += hiddenEntries(root).filter { $0 != PlanLoader.editorFolder }
    return Rollover(
      shift: shift, files: files, changes: changes, leftBehind: leftBehind.sorted(), before: result.summary)
  }

  static func readBackFailure(_ file: String) -> RolloverError {
    RolloverError(
      message: Message(
        en: "\(file): the edited file did not read back as intended; nothing was written",
        zh: "\(file)：修改后的文件读回与预期不符；未写入任何文件"))
  }

  /// The hidden entries (`.git`, `.vscode`, `.gitignore`) at the top of `root`.
  static func hiddenEntries(_ root: String) -> [String] {
    guard let dir = FileSystem.withSystemPath(root, { opendir($0) }) else { return [] }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        FileSystem.displayPath(Array(raw.prefix(while: { $0 != 0 })))
      }
      if name.hasPrefix("."), name != ".", name != ".." { out.append(name) }
    }
    return out
  }

  /// The cycle most units have; on a tie, the first unit's of those.
  static func mainCycle(_ plan: Plan) -> Cycle? {
    var counts: [Cycle: Int] = [:]
    var best: (cycle: Cycle, count: Int)?
    for u in plan.units {
      guard let c = u.cycle else { continue }
      let n = counts[c, default: 0] + 1
      counts[c] = n
      if n > best?.count ?? 0 { best = (c, n) }
    }
    return best?.cycle
  }

  static func relativePath(_ path: String, root: String) -> String? {
    if root == "." || root == "./" {
      var p = Substring(path)
      while p.hasPrefix("./") { p = p.dropFirst(2) }
      return p.hasPrefix("/") || p.hasPrefix("../") ? nil : String(p)
    }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
    return String(path.dropFirst(prefix.count))
  }

  /// Decodes the edited file and checks that every unit, objective and key result is still
  /// there with exactly the values the edits meant, and that it reports no new problem.
  static func verify(_ edited: [UInt8], against expected: [ExpectedUnit], file: String, original: [UInt8])
    throws(RolloverError)
  {
    let before = PlanLoader.decodeUnits(original, file: file)
    let after = PlanLoader.decodeUnits(edited, file: file)
    let fail = readBackFailure(file)
    guard after.units.count == expected.count, after.diagnostics.count <= before.diagnostics.count else { throw fail }
    for (u, e) in zip(after.units, expected) {
      guard u.id == e.id, u.cycle == e.cycle, u.objectives.count == e.keyResults.count else { throw fail }
      for (o, krs) in zip(u.objectives, e.keyResults) {
        guard o.keyResults.count == krs.count else { throw fail }
        for (kr, want) in zip(o.keyResults, krs) where kr.baseline != want.baseline || kr.due != want.due {
          throw fail
        }
      }
    }
  }

  struct ExpectedUnit {
    var id: String
    var cycle: Cycle?
    var keyResults: [[(baseline: Double?, due: Day?)]]
  }

  /// Finds and records the edits of one file.
  struct FileEditor {
    let source: SourceText
    let file: String
    var edits = SourceEdits()
    var changes: [Rollover.Change] = []
    var expected: [ExpectedUnit] = []
    /// Lines removed (dropped `due:` lines).
    var droppedLines: [Int] = []
    /// The last unit rolled kept its cycle (a longer one around the new cycle).
    var keptCycle = false
    /// The first unit whose cycle had to move but could not be changed where it is written.
    var stuck: (unit: String, from: String, mark: Mark)?

    init(source: SourceText, file: String) {
      self.source = source
      self.file = file
    }

    mutating func note(_ kind: Rollover.Change.Kind, _ mark: Mark) {
      changes.append(Rollover.Change(kind: kind, at: SourceLocation(file: file, mark: mark)))
    }

    /// Everything of unit `ui` as it is, for the read-back check.
    func unchanged(_ u: Unit) -> ExpectedUnit {
      ExpectedUnit(
        id: u.id, cycle: u.cycle, keyResults: u.objectives.map { $0.keyResults.map { ($0.baseline, $0.due) } })
    }

    /// A unit whose cycle moves gets its new cycle, baselines and due dates (moved by its own
    /// step); one whose cycle stays (a year around the new quarter) keeps everything, its
    /// check-ins too.
    mutating func roll(unit ui: Int, index: PlanIndex, card: Scorecard, shift: CycleShift) {
      let u = index.plan.units[ui]
      keptCycle = false
      guard let old = u.cycle else {
        expected.append(unchanged(u))
        return
      }
      guard let moved = shift.moved(old), moved != old else {
        if shift.moved(old) == old {
          keptCycle = true
          note(.cycleKept(unit: u.id, cycle: old.label, checkIns: 0), u.cycleMark)
        } else if stuck == nil {
          stuck = (u.id, old.label, u.cycleMark)
        }
        expected.append(unchanged(u))
        return
      }
      guard editCycle(old, to: moved, unit: u) else {
        if stuck == nil { stuck = (u.id, old.label, u.cycleMark) }
        expected.append(unchanged(u))
        return
      }
      note(.cycle(unit: u.id, from: old.label, to: moved.label), u.cycleMark)
      let own = CycleShift(from: old, to: moved)
      let names = CycleNames(old)
      var expectedKRs: [[(baseline: Double?, due: Day?)]] = []
      for (oi, o) in u.objectives.enumerated() {
        let address = ObjectiveAddress(unit: ui, objective: oi)
        if let named = names.mentioned(in: o.title) {
          note(.titleNamesCycle(reference: index.reference(address), title: o.title, cycle: named), o.titleMark)
        }
        var row: [(baseline: Double?, due: Day?)] = []
        for (ki, kr) in o.keyResults.enumerated() {
          let reference = index.reference(address, keyResult: ki)
          let score = card.score(of: KeyResultAddress(address, ki))
          let baseline = rollBaseline(kr, reference: reference, score: score)
          let due = rollDue(kr, reference: reference, shift: own, cycle: moved)
          if let named = names.mentioned(in: kr.title) {
            note(.titleNamesCycle(reference: reference, title: kr.title, cycle: named), kr.titleMark)
          }
          if kr.effectiveKind == .milestone, let current = score?.current, current >= 1 {
            note(.milestoneDone(reference: reference, title: kr.title, on: score?.lastCheckIn), kr.mark)
          }
          row.append((baseline, due))
        }
        expectedKRs.append(row)
      }
      expected.append(ExpectedUnit(id: u.id, cycle: moved, keyResults: expectedKRs))
    }

    /// The cycle written as a label (`cycle: 2027-Q1`) is replaced; a range's start and end
    /// days are replaced where the loader saw them.
    mutating func editCycle(_ old: Cycle, to new: Cycle, unit u: Unit) -> Bool {
      if let marks = u.cycleRangeMarks {
        guard new.period == .range,
          let s = source.offset(of: marks.start), let sv = source.scalar(at: s),
          Day(iso: source.text(sv.range)) == old.start,
          let e = source.offset(of: marks.end), let ev = source.scalar(at: e),
          Day(iso: source.text(ev.range)) == old.end
        else { return false }
        return edits.replace(sv.range, with: "\(new.start)") && edits.replace(ev.range, with: "\(new.end)")
      }
      guard let offset = source.offset(of: u.cycleMark), let scalar = source.scalar(at: offset),
        Cycle(label: source.text(scalar.range)) == old
      else { return false }
      if new.period == .range {
        guard !scalar.quoted else { return false }
        return edits.replace(scalar.range, with: "{start: \(new.start), end: \(new.end)}")
      }
      return edits.replace(scalar.range, with: new.label)
    }

    mutating func rollBaseline(_ kr: KeyResult, reference: String, score: KeyResultScore?) -> Double? {
      guard let kind = kr.effectiveKind, kind == .increase || kind == .decrease, let baseline = kr.baseline else {
        return kr.baseline
      }
      guard let current = score?.current, current.isFinite else {
        note(.noCheckIn(reference: reference, baseline: kr.baseline), kr.mark)
        return baseline
      }
      // The value as it will be written, so that what is compared is what the plan will hold.
      let text = NumberFormat.plain(current)
      guard let written = DocumentDecoder.parseNumber(text) else {
        note(.notEdited(subject: reference, field: "baseline"), kr.baselineMark ?? kr.mark)
        return baseline
      }
      if let target = kr.target, kind == .increase ? written >= target : written <= target {
        note(.targetReached(reference: reference, final: written, target: target), kr.mark)
        return baseline
      }
      guard written != baseline else { return baseline }
      guard let mark = kr.baselineMark, let offset = source.offset(of: mark),
        let scalar = source.scalar(at: offset), !scalar.quoted,
        DocumentDecoder.parseNumber(source.text(scalar.range)) == baseline,
        edits.replace(scalar.range, with: text)
      else {
        note(.notEdited(subject: reference, field: "baseline"), kr.baselineMark ?? kr.mark)
        return baseline
      }
      note(.baseline(reference: reference, from: baseline, to: written, lastCheckIn: score?.lastCheckIn), mark)
      if let token = editTitleRange(kr, from: baseline, to: text) {
        note(.titleUpdated(reference: reference, title: kr.title, from: token, to: text), kr.titleMark)
      } else if let named = TitleNumbers.mentions(kr.title, baseline) {
        note(.titleNamesBaseline(reference: reference, title: kr.title, baseline: named), kr.titleMark)
      }
      return written
    }

    /// A title whose `from X to Y` starts at the old baseline gets the new one in X's place,
    /// where the title is written as it reads (plain, or quoted without escapes) and X is written
    /// plainly (`4.6`, not `4,600`). Returns X as it was.
    mutating func editTitleRange(_ kr: KeyResult, from old: Double, to new: String) -> String? {
      guard let range = Wording.range(in: kr.title), let start = range.from, KRTitleContradictsRule.same(start, old),
        let offset = source.offset(of: kr.titleMark)
      else { return nil }
      let title = Array(kr.title.utf8)
      var at = offset
      if at < source.bytes.count, source.bytes[at] == UInt8(ascii: "\"") || source.bytes[at] == UInt8(ascii: "'") {
        at += 1
      }
      guard at + title.count <= source.bytes.count, source.bytes[at..<(at + title.count)].elementsEqual(title) else {
        return nil
      }
      // The range's first number, inside the title.
      let text = Array(range.text.utf8)
      guard let r = Self.firstIndex(of: text, in: title) else { return nil }
      var i = r
      while i < r + text.count, !(title[i] >= 48 && title[i] <= 57) { i += 1 }
      var j = i
      while j < title.count, (title[j] >= 48 && title[j] <= 57) || title[j] == UInt8(ascii: ".") { j += 1 }
      guard j > i, j >= title.count || title[j] != UInt8(ascii: ","),
        let value = Double(String(decoding: title[i..<j], as: UTF8.self)), value == old
      else { return nil }
      guard edits.replace((at + i)..<(at + j), with: new) else { return nil }
      return String(decoding: title[i..<j], as: UTF8.self)
    }

    static func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
      guard !needle.isEmpty, needle.count <= hay.count else { return nil }
      for k in 0...(hay.count - needle.count)
      where hay[k] == needle[0] && hay[k..<(k + needle.count)].elementsEqual(needle) {
        return k
      }
      return nil
    }

    mutating func rollDue(_ kr: KeyResult, reference: String, shift: CycleShift, cycle: Cycle) -> Day? {
      guard let due = kr.due, let mark = kr.dueMark else { return kr.due }
      guard let offset = source.offset(of: mark), let scalar = source.scalar(at: offset),
        Day(iso: source.text(scalar.range)) == due
      else {
        note(.notEdited(subject: reference, field: "due"), mark)
        return due
      }
      if let moved = shift.moved(due), cycle.contains(moved) {
        guard edits.replace(scalar.range, with: "\(moved)") else {
          note(.notEdited(subject: reference, field: "due"), mark)
          return due
        }
        note(.dueMoved(reference: reference, from: due, to: moved), mark)
        return moved
      }
      // Outside the new cycle: the `due:` line goes, or the pair in a flow mapping; where
      // neither can be removed (the first key of a list item), the cycle's last day.
      if let line = source.soleKeyLine(key: "due", valueAt: offset), edits.replace(line, with: "") {
        droppedLines.append(Int(mark.line))
        note(.dueDropped(reference: reference, from: due), kr.mark)
        return nil
      }
      if let pair = source.flowPair(key: "due", valueAt: offset), edits.replace(pair, with: "") {
        note(.dueDropped(reference: reference, from: due), kr.mark)
        return nil
      }
      guard edits.replace(scalar.range, with: "\(cycle.end)") else {
        note(.notEdited(subject: reference, field: "due"), mark)
        return due
      }
      note(.dueClamped(reference: reference, from: due, to: cycle.end), mark)
      return cycle.end
    }
  }
}

/// How a title may name a cycle: its label (`2027-Q1`), the quarter or half alone as a word
/// (`Q1`, `H1`), and in Chinese (`2027 年第一季度`, `第一季度`, `一季度`).
struct CycleNames {
  var names: [String] = []

  init(_ cycle: Cycle) {
    names.append(cycle.label)
    let label = cycle.label
    guard label.count == 7 else { return }
    let tag = String(label.suffix(2))
    if cycle.period == .quarter || cycle.period == .half {
      names.append(tag)
      let year = String(label.prefix(4))
      names.append("\(tag) \(year)")
      let chinese = ["Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度", "Q4": "第四季度", "H1": "上半年", "H2": "下半年"][tag]
      if let chinese {
        names.append(chinese)
        if chinese.hasPrefix("第") { names.append(String(chinese.dropFirst())) }
      }
    }
  }

  /// The first name the title holds as a whole word (Latin names) or anywhere (Chinese ones).
  func mentioned(in title: String) -> String? {
    let u = Array(title.utf8)
    for name in names {
      let n = Array(name.utf8)
      guard n.count <= u.count, !n.isEmpty else { continue }
      let latin = n.allSatisfy { $0 < 0x80 }
      var i = 0
      while i + n.count <= u.count {
        if u[i] == n[0], u[i..<(i + n.count)].elementsEqual(n) {
          if !latin { return name }
          let before = i == 0 ? UInt8(ascii: " ") : u[i - 1]
          let after = i + n.count == u.count ? UInt8(ascii: " ") : u[i + n.count]
          func isWord(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57) || c == 45 }
          if !isWord(before), !isWord(after) { return name }
        }
        i += 1
      }
    }
    return nil
  }
}

/// Whether a title writes a number, as a whole token, so that a team sees a title that still
/// says "from 4.6 to 5.6" after its baseline moved.
enum TitleNumbers {
  /// The number as the title writes it, when it does.
  static func mentions(_ title: String, _ value: Double) -> String? {
    let u = Array(title.utf8)
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
    var i = 0
    while i < u.count {
      guard isDigit(u[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < u.count, isDigit(u[j]) || u[j] == UInt8(ascii: ".") || u[j] == UInt8(ascii: ",") { j += 1 }
      var end = j
      while end > i, !isDigit(u[end - 1]) { end -= 1 }
      let token = String(decoding: u[i..<end], as: UTF8.self)
      let startsToken = i == 0 || !(isLetter(u[i - 1]) || u[i - 1] == UInt8(ascii: "."))
      if startsToken,
        let parsed = Double(String(decoding: u[i..<end].filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)),
        parsed == value
      {
        return token
      }
      i = j
    }
    return nil
  }
}
