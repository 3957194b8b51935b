/// Position of a key result in the plan.
public struct KeyResultAddress: Hashable, Sendable {
  public var objective: ObjectiveAddress
  public var keyResult: Int
  public init(_ objective: ObjectiveAddress, _ keyResult: Int) {
    self.objective = objective
    self.keyResult = keyResult
  }
}

/// One row of `checkins.csv`: where a key result stood on a day.
public struct CheckIn: Sendable {
  public var date: Day
  public var keyResult: KeyResultAddress
  public var value: Double
  public var confidence: Double?
  public var note: String
  public var author: String
  /// Line in checkins.csv where the row starts.
  public var line: Int
  /// Row order in the file: breaks ties between check-ins on the same day (later wins).
  public var position: Int
}

/// Every valid check-in of a plan, grouped by key result and sorted by date then file order,
/// plus a diagnostic for every row that could not be used.
public struct CheckInLog: Sendable {
  public static let header = ["date", "key_result", "value", "confidence", "note", "author"]

  public private(set) var entries: [CheckIn] = []
  /// Indices into `entries`, oldest first.
  public private(set) var byKeyResult: [KeyResultAddress: [Int]] = [:]
  public private(set) var diagnostics: [Diagnostic] = []
  public let file: String?

  public init(_ index: PlanIndex) {
    guard let source = index.plan.checkIns else {
      file = nil
      return
    }
    file = source.file
    let (table, errors) = CSV.parse(source.bytes)
    for e in errors {
      report(CheckInSyntaxRule.description, e.message, line: e.line, column: e.column, subject: nil)
    }
    guard let table else { return }
    guard table.header == CheckInLog.header else {
      report(
        CheckInSyntaxRule.description,
        "the header must be \(CheckInLog.header.joined(separator: ","))", line: table.headerLine, column: 1,
        subject: nil)
      return
    }
    for e in table.fieldCountErrors() {
      report(CheckInSyntaxRule.description, e.message, line: e.line, column: e.column, subject: nil)
    }
    for (position, record) in table.records.enumerated() where record.fields.count == CheckInLog.header.count {
      if let c = parse(record, position: position, index: index) {
        byKeyResult[c.keyResult, default: []].append(entries.count)
        entries.append(c)
      }
    }
    for (k, list) in byKeyResult {
      byKeyResult[k] = list.sorted { a, b in
        let x = entries[a]
        let y = entries[b]
        return x.date != y.date ? x.date < y.date : x.position < y.position
      }
    }
  }

  /// Check-ins of one key result up to and including `asOf`, oldest first.
  public func history(of k: KeyResultAddress, asOf: Day? = nil) -> [CheckIn] {
    let all = (byKeyResult[k] ?? []).map { entries[$0] }
    guard let asOf else { return all }
    return all.filter { $0.date <= asOf }
  }

  private mutating func report(_ rule: RuleDescription, _ message: String, line: Int, column: Int, subject: String?) {
    diagnostics.append(
      Diagnostic(
        rule: rule.id, severity: rule.severity, category: rule.category, message: message,
        location: SourceLocation(file: file ?? PlanLoader.checkInsFile, mark: Mark(line: line, column: column)),
        subject: subject))
  }

  private mutating func parse(_ record: CSVRecord, position: Int, index: PlanIndex) -> CheckIn? {
    let f = record.fields
    func column(_ i: Int) -> Int { i < record.fieldColumns.count ? record.fieldColumns[i] : 1 }
    let refText = f[1].trimmingSpaces
    guard let address = CheckInLog.resolve(refText, in: index) else {
      report(
        CheckInUnknownRefRule.description,
        "\(quoted(refText, limit: 60)) is not a key result of this plan"
          + CheckInLog.suggestion(for: refText, in: index),
        line: record.line, column: column(1), subject: nil)
      return nil
    }
    let unit = index.unit(address.objective.unit)
    let kr = index.objective(address.objective).keyResults[address.keyResult]
    let subject = index.reference(address.objective, keyResult: address.keyResult)
    guard let date = Day(iso: f[0].trimmingSpaces) else {
      report(
        CheckInDateRule.description, "\(quoted(f[0], limit: 30)) is not a date written YYYY-MM-DD",
        line: record.line, column: column(0), subject: subject)
      return nil
    }
    if let cycle = unit.cycle, !cycle.contains(date) {
      report(
        CheckInDateRule.description, "\(date) is outside \(unit.id)'s cycle \(cycle) (\(cycle.start) to \(cycle.end))",
        line: record.line, column: column(0), subject: subject)
      return nil
    }
    guard let value = CheckInLog.value(f[2], milestone: kr.kind == .milestone) else {
      let expected = kr.kind == .milestone ? "done, not-done, 1 or 0 for a milestone" : "a number"
      report(
        CheckInValueRule.description, "value \(quoted(f[2], limit: 30)) must be \(expected)",
        line: record.line, column: column(2), subject: subject)
      return nil
    }
    var confidence: Double?
    let confidenceText = f[3].trimmingSpaces
    if !confidenceText.isEmpty {
      guard let c = DocumentDecoder.parseNumber(confidenceText), (0...1).contains(c) else {
        report(
          CheckInConfidenceRule.description,
          "confidence \(quoted(confidenceText, limit: 30)) must be a number from 0 to 1",
          line: record.line, column: column(3), subject: subject)
        return nil
      }
      confidence = c
    }
    return CheckIn(
      date: date, keyResult: address, value: value, confidence: confidence, note: f[4], author: f[5],
      line: record.line, position: position)
  }

  /// A key result's value: a number, or for milestones done / not-done / 1 / 0.
  public static func value(_ text: String, milestone: Bool) -> Double? {
    let t = text.trimmingSpaces
    if milestone {
      switch t.lowercased() {
      case "done", "1": return 1
      case "not-done", "0": return 0
      default: return nil
      }
    }
    return DocumentDecoder.parseNumber(t)
  }

  /// Resolves `unit/objective/key-result`.
  public static func resolve(_ text: String, in index: PlanIndex) -> KeyResultAddress? {
    guard let r = Reference(parsing: text, mark: .start), let kr = r.keyResult,
      let u = index.unitByID[r.unit], let o = index.objectiveByID[u][r.objective],
      let k = index.plan.units[u].objectives[o].keyResults.firstIndex(where: { $0.id == kr })
    else { return nil }
    return KeyResultAddress(ObjectiveAddress(unit: u, objective: o), k)
  }

  /// " (did you mean 'x'?)" for the closest key-result reference.
  public static func suggestion(for text: String, in index: PlanIndex) -> String {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    // Narrow the candidates by the parts that do resolve, so the search stays small.
    var candidates: [String] = []
    if let first = parts.first, let u = index.unitByID[first] {
      for o in index.plan.units[u].objectives {
        for kr in o.keyResults { candidates.append("\(first)/\(o.id)/\(kr.id)") }
      }
    } else if parts.count == 3, let unit = Suggestion.closest(to: parts[0], in: index.plan.units.lazy.map(\.id)),
      let u = index.unitByID[unit]
    {
      for o in index.plan.units[u].objectives {
        for kr in o.keyResults { candidates.append("\(unit)/\(o.id)/\(kr.id)") }
      }
    }
    return Suggestion.closest(to: text, in: candidates, maxDistance: max(3, text.count / 4))
      .map { " (did you mean \(quoted($0))?)" } ?? ""
  }
}

extension String {
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(scalars[first...last])
  }
}
