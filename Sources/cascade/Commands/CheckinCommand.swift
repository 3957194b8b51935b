import ArgumentParser
import CascadeCore
import CascadeReport
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

struct CheckinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin",
    abstract: "Record where a key result stands: appends one row to the plan's checkins.csv.",
    discussion: """
      The row is appended under an exclusive lock and flushed to disk (fsync), so people and \
      scripts checking in at the same moment lose nothing. A refused check-in writes nothing \
      and exits 2; so does one that fails to write (the file is put back as it was). The row \
      goes to checkins.csv at the plan's root: the nearest folder upward holding cascade.yaml.

      Example:
        cascade checkin okrs/ sales/win/deals 12 --note "two orders in"
      """)

  @Argument(
    help: "The plan folder, or a folder inside it (checkins.csv lives at the plan's root).", completion: .directory)
  var plan: String

  @Argument(help: "The key result: unit/objective/key-result.")
  var reference: String

  @Argument(help: "The value now; for a milestone done / not-done (or 1 / 0).")
  var value: String

  @Option(help: "The day of the check-in, YYYY-MM-DD (default: today).")
  var date: Day?

  @Option(help: "How sure you are the target will be reached, from 0 to 1.")
  var confidence: String?

  @Option(help: "A note for the review meeting.")
  var note: String = ""

  @Option(help: "Who checks in (default: $USER).")
  var author: String?

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let recorded = try Self.record(
      plan: plan, reference: reference, value: value, day: date ?? Day.today, confidence: confidence, note: note,
      author: author ?? Environment.user ?? "", language: language, exiting: true)
    try Terminal.write(recorded.confirmation + "\n")
    // Problems elsewhere do not stop a check-in: its own row is well-formed and counted. Those
    // it found are mentioned (it runs no rule, and reads only its key result's rows).
    for warning in recorded.warnings { Terminal.standardError("cascade: " + warning.text(recorded.language)) }
  }

  /// Checks and appends one check-in, as `cascade checkin` and the meeting page's form do: the
  /// same check, and the same words, as a row of checkins.csv gets when it is read, then the
  /// locked append. Returns the confirmation line, and what it found wrong on the way (errors
  /// in loading the plan, problems in its key result's other rows).
  ///
  /// Its cost is a read of the plan's files, the decoding of those that mention its unit, and
  /// one scan of checkins.csv: no rule runs, and only the rows of its own key result are
  /// checked and kept (``CheckInLog/init(_:only:)``). `exiting`: the
  /// process exits next (`cascade checkin`, not the meeting page), so the plan is not freed.
  static func record(
    plan: String, reference: String, value: String, day: Day, confidence: String?, note: String, author: String,
    language: LanguageOption, exiting: Bool = false
  ) throws -> (confirmation: String, warnings: [Message], language: Language) {
    guard FileSystem.kind(of: plan) == .directory else {
      throw CLIFailure(message: "cascade: " + Self.notAPlanFolder(plan).text(language.language()))
    }
    // Only the files that can mention the key result's unit: its own file (every fact the check
    // and the score read: the key result, its unit's cycle, whether it is a sum) and those that
    // refer to it (a sum's contributors).
    let unit = CheckInLog.unit(ofReference: reference)
    let (index, loaded) = try loadPlanIndex([plan], language.language(), mentioning: unit)
    let lang = language.language(plan: index.plan.configuration)
    func fail(_ message: Message) -> CLIFailure { CLIFailure(message: "cascade: " + message.text(lang)) }
    let row: ValidRow
    switch CheckInLog.check(
      date: day.description, reference: reference, value: value, confidence: confidence ?? "", in: index)
    {
    case .unknownReference(let text):
      // "Did you mean" is searched in the whole plan.
      let whole = try loadPlanIndex([plan], lang).index
      throw fail(CheckInUnknownRefRule.notAKeyResult(text, suggestion: whole.suggestion(for: text, kinds: .keyResult)))
    case .problem(let problem):
      throw fail(problem.message)
    case .valid(let valid):
      row = valid
    }
    let address = row.keyResult
    let kr = index.objective(address.objective).keyResults[address.keyResult]
    let ref = index.reference(address.objective, keyResult: address.keyResult)
    let written = kr.kind == .milestone ? (row.value >= 1 ? "done" : "not-done") : value.trimmingCharacters(in: " ")
    let csvRow = CSV.encodeRow([
      day.description, ref, written,
      row.confidence.map(formatValue) ?? "", note, author,
    ])
    // The file every command of this plan reads (see PlanRoot).
    let path = FileSystem.join(index.plan.root ?? plan, PlanLoader.checkInsFile)
    let kind = FileSystem.kind(of: path)
    guard kind == .file || kind == .missing else { throw fail(Self.notARegularFile(path)) }
    let log = Timings.measure("check-ins") { CheckInLog(index, only: address) }
    if exiting { Teardown.skip(index, loaded, log) }
    let wellFormed = CheckInLog.requireWellFormed(file: path)
    // What the log knows the file held: nothing (no file yet), or its stamp (and digest) while
    // it was read.
    let known: KnownContent? =
      index.plan.checkIns == nil ? .bytes([]) : log.isWellFormed ? log.known : nil
    let appended: AppendLog.Appended
    do {
      // The file is checked again under the lock, as it is at this moment: a row appended to a
      // file that does not parse (an open quote at its end, a wrong header) would be lost in it.
      // When it is still the file the log read (and found well-formed), nobody wrote in
      // between: its stamp (and digest) are compared rather than the file parsed again.
      appended = try Timings.measure("append") { () throws in
        try AppendLog.append(
          csvRow, to: path, header: CheckInLog.header.joined(separator: ","),
          validatingExisting: wellFormed, known: known, existingLimit: PlanLoader.maxCheckInsBytes)
      }
    } catch let problem as CheckInFileProblem {
      throw fail(Self.notWritten(problem.text(lang)))
    } catch {
      throw CLIFailure(message: "cascade: \(error)")
    }
    // The key result's check-ins as they are now. When nobody else wrote to checkins.csv
    // between the load and the lock (it is the file as loaded plus this row), without reading it
    // again: the one row more, with the values as written. Otherwise the plan is read again.
    var after = (index: index, log: log, loaded: loaded)
    // Its line, counted as the readers count lines (a lone CR in a note ends one too).
    let appendedLine =
      index.plan.checkIns == nil ? CheckInLog.lineAfter([], then: appended.joint) : log.lineAfter(then: appended.joint)
    if appended.holdsKnown, let line = appendedLine {
      var written = row
      written.confidence = row.confidence.map { CheckInLog.value(formatValue($0), milestone: false) ?? $0 }
      after.log.appended(written, note: note, author: author, line: line, in: index)
    } else {
      let (index, loaded) = try loadPlanIndex([plan], lang, mentioning: unit)
      guard let again = index.keyResult(ref) else {
        // Someone changed the plan meanwhile, and the key result is gone from it.
        return (Self.confirmation(ref, written, day, progress: nil).text(lang), [], lang)
      }
      after = (index, CheckInLog(index, only: again), loaded)
    }
    let s = Scorer.score(of: after.index.keyResult(ref) ?? address, index: after.index, log: after.log, asOf: day)
    let line = Self.confirmation(ref, written, day, progress: s.map { (formatPercent($0.progress), $0.status) })
    return (line.text(lang), Self.warnings(after.loaded, after.log, unit: unit), lang)
  }

  /// What `checkin` found wrong on the way: errors in loading the files it read (those that
  /// mention `unit`), problems in the rows of its key result (not counted, whatever severity the
  /// plan sets, unless it turns the rule off).
  static func warnings(_ loaded: LoadedPlan, _ log: CheckInLog, unit: String) -> [Message] {
    var out: [Message] = []
    let config = loaded.plan.configuration
    let rows = log.diagnostics.count { config.severity(for: $0.rule, default: $0.severity) != nil }
    if rows > 0 { out.append(Self.rowsWithProblems(rows)) }
    let errors = loaded.errorCount
    if errors > 0 { out.append(Self.planErrors(errors, unit: unit)) }
    return out
  }

  // MARK: - Messages

  /// `acme/grow/customers = 42 on 2027-02-10: progress 60%, on track`.
  static func confirmation(_ ref: String, _ value: String, _ day: Day, progress: (String, Status)?) -> Message {
    let line = Message(en: "\(ref) = \(value) on \(day)", zh: "\(ref) = \(value)（\(day)）")
    guard let (percent, status) = progress else { return line }
    let word = Words.status(status)
    return line + Message(en: ": progress \(percent), \(word.en)", zh: "：进度 \(percent)，\(word.zh)")
  }

  static func rowsWithProblems(_ n: Int) -> Message {
    Message(
      en: "\(n) other row\(n == 1 ? "" : "s") of this key result in checkins.csv "
        + "\(n == 1 ? "has a problem" : "have problems") and \(n == 1 ? "is" : "are") not counted; "
        + "run `cascade validate` to see \(n == 1 ? "it" : "them"). Its progress may be incomplete.",
      zh: "checkins.csv 中这个关键结果还有 \(n) 行有问题，未计入；请运行 `cascade validate` 查看。它的进度可能不完整。")
  }

  static func planErrors(_ n: Int, unit: String) -> Message {
    Message(
      en:
        "the plan files that mention \(unit) have \(n) error\(n == 1 ? "" : "s"); run `cascade validate` to see them.",
      zh: "提到 \(unit) 的计划文件中有 \(n) 个错误，请运行 `cascade validate` 查看详情。")
  }

  static func notAPlanFolder(_ path: String) -> Message {
    Message(
      en: "\(path): check-ins are recorded in a plan folder", zh: "\(path)：进展更新只能记录在计划文件夹中")
  }

  static func notARegularFile(_ path: String) -> Message {
    Message(
      en: "\(path) is not a regular file (a folder or a FIFO): no check-in can be written to it",
      zh: "\(path) 不是普通文件（而是文件夹或命名管道），无法写入进展更新")
  }

  /// `problem` is the syntax error of checkins.csv, `file:line:column: message [checkin-syntax]`.
  static func notWritten(_ problem: String) -> Message {
    Message(
      en: "\(problem); the check-in was not written: fix checkins.csv first (cascade validate lists every problem)",
      zh: "\(problem)；这条进展更新没有写入：请先修正 checkins.csv（cascade validate 会列出所有问题）")
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}

enum Environment {
  static var user: String? {
    guard let v = getenv("USER") else { return nil }
    return String(cString: v)
  }
}
