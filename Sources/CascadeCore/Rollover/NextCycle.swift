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
      case baseline(reference: String, from: Double, to: Double, lastCheckIn: Day?)
      /// An increase or decrease key result without a check-in in the cycle: its baseline stays.
      case noCheckIn(reference: String, baseline: Double?)
      /// The final value reached the target: the baseline stays, for the team to set a new target.
      case targetReached(reference: String, final: Double, target: Double)
      /// The title still names the old baseline.
      case titleNamesBaseline(reference: String, title: String, baseline: String)
      case dueMoved(reference: String, from: Day, to: Day)
      /// The moved date falls outside the unit's new cycle, so the `due:` line is dropped.
      case dueDropped(reference: String, from: Day)
      /// A milestone done in this cycle, for the team to drop or keep.
      case milestoneDone(reference: String, title: String, on: Day?)
      /// A value that could not be changed in place (written in a form Cascade does not edit).
      case notEdited(subject: String, field: String)
    }

    /// The same change placed in the new file: at `path`, its line moved up past removed lines.
    func moved(to path: String, droppingLines dropped: [Int]) -> Change {
      let above = dropped.reduce(0) { $0 + ($1 < at.line ? 1 : 0) }
      return Change(kind: kind, at: SourceLocation(file: path, mark: Mark(line: at.line - above, column: at.column)))
    }
  }

  public var shift: CycleShift
  public var files: [File]
  public var changes: [Change]
  /// Regular files in the plan's folder that are not part of the new plan (pictures, notes).
  public var leftBehind: [String]
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
    guard to.start > from.start else {
      throw RolloverError(
        message: Message(
          en: "the new cycle \(to) does not start after the plan's cycle \(from)",
          zh: "新周期 \(to) 不在计划当前周期 \(from) 之后开始"))
    }
    let shift = CycleShift(from: from, to: to)
    let card = Scorer.score(result, asOf: from.end)
    let index = result.index

    var unitsByFile: [String: [Int]] = [:]
    for (ui, u) in plan.units.enumerated() { unitsByFile[u.file, default: []].append(ui) }

    var files: [Rollover.File] = []
    var changes: [Rollover.Change] = []
    var planFiles = Set<String>()
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
      }
      changes += editor.changes.map { $0.moved(to: relative, droppingLines: editor.droppedLines) }
      let edited = editor.edits.applied(to: bytes)
      try verify(edited, against: editor.expected, file: file, original: bytes)
      files.append(Rollover.File(path: relative, bytes: edited, changed: edited != bytes))
    }
    let config = FileSystem.join(root, PlanLoader.configurationFile)
    if FileSystem.kind(of: config) == .file {
      do {
        files.append(
          Rollover.File(path: PlanLoader.configurationFile, bytes: try FileSystem.read(config), changed: false))
      } catch { throw RolloverError(message: error.message) }
      planFiles.insert(PlanLoader.configurationFile)
    }
    // The editor's files (the schemas `init` wrote), so that the files' schema lines still work.
    let editor = FileSystem.join(root, PlanLoader.editorFolder)
    if FileSystem.kind(of: editor) == .directory {
      var found: [String] = []
      FileSystem.walk(editor) { found.append($0) }
      for path in found.sorted() {
        guard let relative = relativePath(path, root: root) else { continue }
        do {
          files.append(Rollover.File(path: relative, bytes: try FileSystem.read(path), changed: false))
        } catch { throw RolloverError(message: error.message) }
      }
    }
    files.append(
      Rollover.File(
        path: PlanLoader.checkInsFile, bytes: Array((CheckInLog.header.joined(separator: ",") + "\n").utf8),
        changed: true))
    planFiles.insert(PlanLoader.checkInsFile)

    var leftBehind: [String] = []
    FileSystem.walk(root) { path in
      if let r = relativePath(path, root: root), !planFiles.contains(r) { leftBehind.append(r) }
    }
    return Rollover(shift: shift, files: files, changes: changes, leftBehind: leftBehind.sorted())
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
    let fail = RolloverError(
      message: Message(
        en: "\(file): the edited file did not read back as intended; nothing was written",
        zh: "\(file)：修改后的文件读回与预期不符；未写入任何文件"))
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
    /// Lines removed (dropped `due:` lines), sorted.
    var droppedLines: [Int] = []

    init(source: SourceText, file: String) {
      self.source = source
      self.file = file
    }

    mutating func note(_ kind: Rollover.Change.Kind, _ mark: Mark) {
      changes.append(Rollover.Change(kind: kind, at: SourceLocation(file: file, mark: mark)))
    }

    mutating func roll(unit ui: Int, index: PlanIndex, card: Scorecard, shift: CycleShift) {
      let u = index.plan.units[ui]
      var newCycle = u.cycle
      if let old = u.cycle, let moved = shift.moved(old), moved != old {
        if editCycle(old, to: moved, at: u.cycleMark) {
          newCycle = moved
          note(.cycle(unit: u.id, from: old.label, to: moved.label), u.cycleMark)
        } else {
          note(.notEdited(subject: u.id, field: "cycle"), u.cycleMark)
        }
      }
      var expectedKRs: [[(baseline: Double?, due: Day?)]] = []
      for (oi, o) in u.objectives.enumerated() {
        let address = ObjectiveAddress(unit: ui, objective: oi)
        var row: [(baseline: Double?, due: Day?)] = []
        for (ki, kr) in o.keyResults.enumerated() {
          let reference = index.reference(address, keyResult: ki)
          let score = card.score(of: KeyResultAddress(address, ki))
          let baseline = rollBaseline(kr, reference: reference, score: score)
          let due = rollDue(kr, reference: reference, shift: shift, cycle: newCycle)
          if kr.effectiveKind == .milestone, let current = score?.current, current >= 1 {
            note(
              .milestoneDone(reference: reference, title: kr.title, on: score?.lastCheckIn), kr.mark)
          }
          row.append((baseline, due))
        }
        expectedKRs.append(row)
      }
      expected.append(ExpectedUnit(id: u.id, cycle: newCycle, keyResults: expectedKRs))
    }

    /// The cycle written as a label (`cycle: 2027-Q1`) is replaced; a range's start and end
    /// dates are replaced where they are written below `cycle:`.
    mutating func editCycle(_ old: Cycle, to new: Cycle, at mark: Mark) -> Bool {
      guard let offset = source.offset(of: mark) else { return false }
      if old.period == .range {
        guard new.period == .range,
          let s = source.find("\(old.start)", from: offset, lines: 4),
          let e = source.find("\(old.end)", from: s + 10, lines: 4)
        else { return false }
        return edits.replace(s..<(s + 10), with: "\(new.start)") && edits.replace(e..<(e + 10), with: "\(new.end)")
      }
      guard let scalar = source.scalar(at: offset), Cycle(label: source.text(scalar.range)) == old else {
        return false
      }
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
      if let target = kr.target, kind == .increase ? current >= target : current <= target {
        note(.targetReached(reference: reference, final: current, target: target), kr.mark)
        return baseline
      }
      guard current != baseline else { return baseline }
      let text = NumberFormat.plain(current)
      guard let mark = kr.baselineMark, let offset = source.offset(of: mark),
        let scalar = source.scalar(at: offset), !scalar.quoted,
        DocumentDecoder.parseNumber(source.text(scalar.range)) == baseline,
        let written = DocumentDecoder.parseNumber(text),
        edits.replace(scalar.range, with: text)
      else {
        note(.notEdited(subject: reference, field: "baseline"), kr.baselineMark ?? kr.mark)
        return baseline
      }
      note(
        .baseline(reference: reference, from: baseline, to: written, lastCheckIn: score?.lastCheckIn), mark)
      if let named = TitleNumbers.mentions(kr.title, baseline) {
        note(.titleNamesBaseline(reference: reference, title: kr.title, baseline: named), kr.titleMark)
      }
      return written
    }

    mutating func rollDue(_ kr: KeyResult, reference: String, shift: CycleShift, cycle: Cycle?) -> Day? {
      guard let due = kr.due, let mark = kr.dueMark else { return kr.due }
      guard let offset = source.offset(of: mark), let scalar = source.scalar(at: offset),
        Day(iso: source.text(scalar.range)) == due
      else {
        note(.notEdited(subject: reference, field: "due"), mark)
        return due
      }
      if let moved = shift.moved(due), cycle?.contains(moved) ?? true {
        if moved == due { return due }
        guard edits.replace(scalar.range, with: "\(moved)") else {
          note(.notEdited(subject: reference, field: "due"), mark)
          return due
        }
        note(.dueMoved(reference: reference, from: due, to: moved), mark)
        return moved
      }
      guard let line = source.soleKeyLine(key: "due", valueAt: offset), edits.replace(line, with: "") else {
        note(.notEdited(subject: reference, field: "due"), mark)
        return due
      }
      note(.dueDropped(reference: reference, from: due), mark)
      droppedLines.append(Int(mark.line))
      return nil
    }
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
