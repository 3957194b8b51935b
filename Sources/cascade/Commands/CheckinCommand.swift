import ArgumentParser
import CascadeCore
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

struct CheckinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin",
    abstract: "Record where a key result stands: appends one row to the plan's checkins.csv.",
    discussion: """
      The row is appended under an exclusive lock and flushed to disk (fsync), so people and
      scripts checking in at the same moment lose nothing. A refused check-in writes nothing
      and exits 2; so does one that fails to write (the file is put back as it was). The row
      goes to checkins.csv at the plan's root: the nearest folder upward holding cascade.yaml.
      """)

  @Argument(help: "The plan folder, or a folder inside it (checkins.csv lives at the plan's root).")
  var plan: String

  @Argument(help: "The key result: unit/objective/key-result.")
  var reference: String

  @Argument(help: "The value now; for a milestone done / not-done (or 1 / 0).")
  var value: String

  @Option(help: "The day of the check-in, YYYY-MM-DD (default: today).")
  var date: Day?

  @Option(help: "How sure you are the target will be reached, from 0 to 1.")
  var confidence: Double?

  @Option(help: "A note for the review meeting.")
  var note: String = ""

  @Option(help: "Who checks in (default: $USER).")
  var author: String?

  mutating func run() throws {
    guard FileSystem.kind(of: plan) == .directory else {
      throw CLIFailure(message: "cascade: \(plan): check-ins are recorded in a plan folder")
    }
    let result = try loadPlan([plan])
    let index = result.index
    guard let address = CheckInLog.resolve(reference, in: index) else {
      throw CLIFailure(
        message: "cascade: \(quoted(reference)) is not a key result of this plan"
          + CheckInLog.suggestion(for: reference, in: index))
    }
    let kr = index.objective(address.objective).keyResults[address.keyResult]
    let ref = index.reference(address.objective, keyResult: address.keyResult)
    if kr.aggregate == .sum {
      let target =
        CheckInLog.contributorList(of: address, in: index).map { "check in on \($0) instead" }
        ?? "nothing contributes to it yet"
      throw CLIFailure(
        message: "cascade: \(ref) adds up the key results that contribute to it (aggregate: sum) "
          + "and takes no check-ins of its own; \(target)")
    }
    guard let number = CheckInLog.value(value, milestone: kr.kind == .milestone) else {
      let expected = kr.kind == .milestone ? "done or not-done" : "a number"
      throw CLIFailure(message: "cascade: value \(quoted(value, limit: 30)) must be \(expected)")
    }
    let day = date ?? Day.today
    let unit = index.unit(address.objective.unit)
    if let cycle = unit.cycle, !cycle.contains(day) {
      throw CLIFailure(
        message: "cascade: \(day) is outside \(unit.id)'s cycle \(cycle) (\(cycle.start) to \(cycle.end))")
    }
    if let confidence, !(0...1).contains(confidence) {
      throw CLIFailure(message: "cascade: --confidence must be from 0 to 1")
    }
    let who = author ?? Environment.user ?? ""
    let written = kr.kind == .milestone ? (number >= 1 ? "done" : "not-done") : value.trimmingCharacters(in: " ")
    let row = CSV.encodeRow([
      day.description, ref, written,
      confidence.map(formatValue) ?? "", note, who,
    ])
    // The file every command of this plan reads (see PlanRoot).
    let path = FileSystem.join(result.plan.root ?? plan, PlanLoader.checkInsFile)
    let kind = FileSystem.kind(of: path)
    guard kind == .file || kind == .missing else {
      throw CLIFailure(
        message: "cascade: \(path) is not a regular file (a folder or a FIFO): no check-in can be written to it")
    }
    do {
      // The file is checked again under the lock, as it is at this moment: a row appended to a
      // file that does not parse (an open quote at its end, a wrong header) would be lost in it.
      try AppendLog.append(
        row, to: path, header: CheckInLog.header.joined(separator: ","),
        validatingExisting: CheckInLog.requireWellFormed(
          file: path, knownWellFormed: result.checkIns.isWellFormed ? result.plan.checkIns?.bytes : nil),
        existingLimit: PlanLoader.maxCheckInsBytes)
    } catch let problem as CheckInFileProblem {
      throw CLIFailure(
        message:
          "cascade: \(problem); the check-in was not written: fix checkins.csv first (cascade validate lists every problem)"
      )
    } catch {
      throw CLIFailure(message: "cascade: \(error)")
    }
    let after = try loadPlan([plan])
    let s = Scorer.score(after, asOf: day).score(of: address)
    try Terminal.write(
      "\(ref) = \(written) on \(day)"
        + (s.map { ": progress \(formatPercent($0.progress)), \($0.status.label)" } ?? "") + "\n")
    // Other rows with problems (a bad value, an unknown key result) do not stop a check-in:
    // its own row is well-formed and counted. They are mentioned, as status does.
    reportProblems(after)
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
