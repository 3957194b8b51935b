import Foundation
import Testing

@testable import CascadeCore
@testable import CascadeGenerate

/// `cascade checkin` loads only the plan files that can mention its key result's unit
/// (``PlanLoader/load(paths:standIn:checkIns:mentioning:)``). Such a plan must hold every unit
/// that is, or refers to, that unit, and a check-in must be checked and scored on it as on the
/// whole plan.
@Suite struct PlanMentionTests {
  /// A unit whose id is spelled with an escape: its file never holds the id's bytes.
  static let escaped = """
    unit: "z\\x65d"
    name: Zed
    level: team
    parent: "\\x61cme-does-not-exist"
    cycle: 2027-Q1
    objectives:
      - id: ship
        title: Ship
        key_results:
          - {id: parts, title: Ship 40 parts a month, baseline: 10, target: 40}
    """

  /// A sum and the key results below it, each in a file of its own: the refusal of a check-in
  /// on the sum lists them.
  static let sums = [
    "total": """
    unit: total
    name: Total
    level: department
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: customers, title: 100 new customers, baseline: 0, target: 100, unit: customers, aggregate: sum}
    """,
    "east": """
    unit: east
    name: East
    level: team
    parent: total
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        aligns_to: total/grow
        key_results:
          - {id: k, title: 60 customers, baseline: 0, target: 60, unit: customers, contributes_to: total/grow/customers}
    """,
    "west": """
    unit: west
    name: West
    level: team
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        key_results:
          - {id: k, title: 40 customers, baseline: 5, target: 40, unit: customers, contributes_to: total/grow/customers}
    """,
  ]

  /// Does `unit` define or refer to unit `id`?
  static func mentions(_ unit: CascadeCore.Unit, _ id: String) -> Bool {
    if unit.id == id || unit.parent == id { return true }
    for o in unit.objectives {
      if o.alignsTo.contains(where: { $0.unit == id }) { return true }
      for kr in o.keyResults where kr.contributesTo.contains(where: { $0.unit == id }) { return true }
    }
    return false
  }

  static func describe(_ d: Diagnostic) -> String {
    "\(d.location.file):\(d.location.line):\(d.location.column) \(d.rule) \(d.message.en)"
  }

  /// What a check of a check-in says, with the key result named by reference (its address
  /// differs between the two plans).
  static func describe(_ check: RowCheck, _ index: PlanIndex) -> String {
    switch check {
    case .valid(let row):
      let ref = index.reference(row.keyResult.objective, keyResult: row.keyResult.keyResult)
      return "valid \(ref) \(row.date) \(row.value) \(row.confidence.map { "\($0)" } ?? "-")"
    case .unknownReference(let text): return "unknown \(text)"
    case .problem(let p): return "problem \(p.rule.id) \(p.message.en)"
    }
  }

  static func describe(_ s: KeyResultScore?) -> String {
    guard let s else { return "none" }
    return [
      s.reference, "\(s.current.map { "\($0)" } ?? "-")", "\(s.progress)", s.status.rawValue, "\(s.expected)",
      "\(s.forecast.map { "\($0)" } ?? "-")", "\(s.lastCheckIn.map { "\($0)" } ?? "-")", "\(s.used.count)",
      "\(s.stale)",
    ].joined(separator: " ")
  }

  @Test func aPlanLoadedForOneUnitChecksAndScoresItsKeyResultsAsTheWholePlan() throws {
    let dir = NSTemporaryDirectory() + "cascade-mention-test-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try OrganisationGenerator.write(
      GeneratorOptions(people: 40, seed: 11, defectRate: 0.15, checkInsPerKeyResult: 3), to: dir)
    try Self.escaped.write(toFile: dir + "/zed.yaml", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: dir + "/sums", withIntermediateDirectories: true)
    for (name, text) in Self.sums {
      try text.write(toFile: dir + "/sums/\(name).yaml", atomically: true, encoding: .utf8)
    }
    // A file that does not parse and names no unit: no plan loaded for a unit holds it.
    try "unit: [broken".write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)

    let whole = try PlanLoader.load(paths: [dir], standIn: nil, checkIns: false)
    let wholeIndex = PlanIndex(whole.plan, wording: false)
    let wholeLog = CheckInLog(wholeIndex)
    let sums = whole.plan.units.flatMap { $0.objectives.flatMap(\.keyResults) }.count { $0.aggregate == .sum }
    #expect(sums > 0, "the generated plan has sums, whose refusal lists the key results below")
    #expect(whole.plan.units.contains { $0.id == "zed" })
    var keyResults = 0
    for unit in whole.plan.units {
      let part = try PlanLoader.load(paths: [dir], standIn: nil, checkIns: false, mentioning: unit.id)
      let partFiles = Set(part.plan.files)
      let needed = Set(whole.plan.units.filter { Self.mentions($0, unit.id) }.map(\.file))
      #expect(needed.isSubset(of: partFiles), "\(unit.id): \(needed.subtracting(partFiles))")
      #expect(partFiles.isSubset(of: Set(whole.plan.files)))
      #expect(!partFiles.contains { $0.hasSuffix("/broken.yaml") }, "\(unit.id)")
      #expect(part.plan.files.count < whole.plan.files.count, "\(unit.id): a plan for one unit is smaller")
      // Its files' problems, as the whole plan's load reports them.
      #expect(
        part.diagnostics.map(Self.describe)
          == whole.diagnostics.filter { partFiles.contains($0.location.file) }.map(Self.describe), "\(unit.id)")
      let index = PlanIndex(part.plan, wording: false)
      for o in unit.objectives {
        for kr in o.keyResults {
          keyResults += 1
          let ref = "\(unit.id)/\(o.id)/\(kr.id)"
          for (value, confidence) in [("12", "0.5"), ("done", ""), ("forty", ""), ("3", "1.5")] {
            let a = CheckInLog.check(
              date: "2027-02-15", reference: ref, value: value, confidence: confidence, in: index)
            let b = CheckInLog.check(
              date: "2027-02-15", reference: ref, value: value, confidence: confidence, in: wholeIndex)
            #expect(Self.describe(a, index) == Self.describe(b, wholeIndex))
          }
          let outside = CheckInLog.check(date: "2027-05-02", reference: ref, value: "1", confidence: "", in: index)
          #expect(
            Self.describe(outside, index)
              == Self.describe(
                CheckInLog.check(date: "2027-05-02", reference: ref, value: "1", confidence: "", in: wholeIndex),
                wholeIndex))
          guard let k = index.keyResult(ref), let wk = wholeIndex.keyResult(ref) else {
            Issue.record("\(ref) is not in the plan loaded for \(unit.id)")
            continue
          }
          let log = CheckInLog(index, only: k)
          for day in [Day(iso: "2027-02-15"), Day(iso: "2027-04-01")].compactMap({ $0 }) {
            #expect(
              Self.describe(Scorer.score(of: k, index: index, log: log, asOf: day))
                == Self.describe(Scorer.score(of: wk, index: wholeIndex, log: wholeLog, asOf: day)), "\(ref)")
          }
        }
      }
    }
    #expect(keyResults > 100)
  }

  @Test(arguments: [
    ("acme", "unit: acme\n", true),
    ("acme", "parent: acme", true),
    ("acme", "x: aacme", true),
    ("acme", "aaacm", false),
    ("acme", "acm", false),
    ("acme", "xxxxxac", false),
    ("acme", "a-c-m-e acme-x", true),
    ("acme", "acmE", false),
    ("acme", "unit: \"\\x61cme\"", true),
    ("acme", "", false),
    ("a", "a", true),
    ("a", "b", false),
  ])
  func aFileMayMentionAUnitWhenItHoldsItsBytesOrAnEscape(id: String, text: String, may: Bool) {
    #expect(PlanLoader.mayMention(Array(text.utf8), Array(id.utf8)) == may)
  }
}
