/// Organisational level of a unit, from the top of the cascade down.
public enum Level: String, Sendable, CaseIterable, Comparable {
  case company, department, team, individual

  /// 0 for company, growing downward.
  public var depth: Int {
    switch self {
    case .company: 0
    case .department: 1
    case .team: 2
    case .individual: 3
    }
  }

  public static func < (a: Level, b: Level) -> Bool { a.depth < b.depth }

  /// "a team", "an individual".
  public var withArticle: String { self == .individual ? "an individual" : "a \(rawValue)" }
}

public enum ObjectiveType: String, Sendable, CaseIterable {
  case committed, aspirational
}

public enum KeyResultKind: String, Sendable, CaseIterable {
  case increase, decrease
  case stayAbove = "stay_above"
  case stayBelow = "stay_below"
  case milestone

  /// "an increase", "a decrease".
  public var withArticle: String { self == .increase ? "an increase" : "a \(rawValue)" }
}

/// How an objective's score is computed from what sits under it.
public enum Rollup: String, Sendable, CaseIterable {
  case keyResults = "key_results"
  case children
  case both
}

public enum Aggregate: String, Sendable, CaseIterable {
  case sum
}

/// A link written in a plan: `unit/objective` or `unit/objective/key-result`.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
  public var unit: String
  public var objective: String
  public var keyResult: String?
  /// Where the reference is written.
  public var mark: Mark

  public init(unit: String, objective: String, keyResult: String? = nil, mark: Mark = .start) {
    self.unit = unit
    self.objective = objective
    self.keyResult = keyResult
    self.mark = mark
  }

  /// Parses `a/b` or `a/b/c` whose parts are valid ids; nil otherwise.
  public init?(parsing text: String, mark: Mark) {
    // One pass over the bytes, no intermediate arrays: references are parsed 100,000s of times.
    var text = text
    guard
      let parsed = text.withUTF8({ bytes -> (String, String, String?)? in
        var slashes = (0, 0)
        var count = 0
        for (i, c) in bytes.enumerated() where c == UInt8(ascii: "/") {
          count += 1
          if count == 1 { slashes.0 = i } else if count == 2 { slashes.1 = i } else { return nil }
        }
        guard count == 1 || count == 2 else { return nil }
        let end = bytes.count
        let a = UnsafeBufferPointer(rebasing: bytes[0..<slashes.0])
        let b = UnsafeBufferPointer(rebasing: bytes[(slashes.0 + 1)..<(count == 2 ? slashes.1 : end)])
        guard Identifier.isValid(a), Identifier.isValid(b) else { return nil }
        var c: String?
        if count == 2 {
          let k = UnsafeBufferPointer(rebasing: bytes[(slashes.1 + 1)..<end])
          guard Identifier.isValid(k) else { return nil }
          c = String(decoding: k, as: UTF8.self)
        }
        return (String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), c)
      })
    else { return nil }
    unit = parsed.0
    objective = parsed.1
    keyResult = parsed.2
    self.mark = mark
  }

  public var description: String {
    if isName { return unit }
    return keyResult.map { "\(unit)/\(objective)/\($0)" } ?? "\(unit)/\(objective)"
  }
}

public enum Identifier {
  /// Lowercase ASCII letters, digits, `-`, `_`, `.`; 1 to 128 characters.
  public static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
    guard !bytes.isEmpty, bytes.count <= 128 else { return false }
    return bytes.allSatisfy { c in
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45 || c == 95 || c == 46
    }
  }

  public static func isValid(_ text: String) -> Bool { isValid(text.utf8) }
}

public struct KeyResult: Sendable {
  public var id: String
  public var mark: Mark
  public var title: String
  public var titleMark: Mark
  /// The kind as written; nil when omitted (see `effectiveKind`).
  public var kind: KeyResultKind?
  public var kindMark: Mark?
  public var baseline: Double?
  public var baselineMark: Mark?
  public var target: Double?
  public var targetMark: Mark?
  public var unit: String?
  public var weight: Double
  public var due: Day?
  public var dueMark: Mark?
  public var contributesTo: [Reference]
  public var aggregate: Aggregate?
  public var aggregateMark: Mark?

  public init(id: String, title: String, mark: Mark = .start) {
    self.id = id
    self.mark = mark
    self.title = title
    self.titleMark = mark
    self.weight = 1
    self.contributesTo = []
  }

  /// The kind as written, or inferred from baseline and target when omitted:
  /// increase when target > baseline, decrease when target < baseline; nil when it cannot be told.
  public var effectiveKind: KeyResultKind? {
    if let kind { return kind }
    guard let baseline, let target, baseline != target else { return nil }
    return target > baseline ? .increase : .decrease
  }
}

public struct Objective: Sendable {
  public var id: String
  public var mark: Mark
  public var title: String
  public var titleMark: Mark
  public var type: ObjectiveType
  public var alignsTo: [Reference]
  public var weight: Double
  public var rollup: Rollup
  public var rollupMark: Mark?
  public var keyResults: [KeyResult]
  /// Where `key_results:` is written, when it is.
  public var keyResultsMark: Mark?

  public init(id: String, title: String, mark: Mark = .start) {
    self.id = id
    self.mark = mark
    self.title = title
    self.titleMark = mark
    self.type = .aspirational
    self.alignsTo = []
    self.weight = 1
    self.rollup = .keyResults
    self.keyResults = []
  }
}

/// One unit's plan: one YAML document.
public struct Unit: Sendable {
  public var id: String
  /// The file the unit was read from, as the user named it.
  public var file: String
  /// Where the document starts.
  public var mark: Mark
  public var idMark: Mark
  public var name: String
  /// Nil when the document gives none or an invalid one (a diagnostic says so).
  public var level: Level?
  public var levelMark: Mark
  public var parent: String?
  public var parentMark: Mark?
  public var owner: String?
  /// Nil when the document gives none or an invalid one (a diagnostic says so).
  public var cycle: Cycle?
  public var cycleMark: Mark
  /// For a cycle written as a `start`/`end` mapping: where the two days are written.
  public var cycleRangeMarks: (start: Mark, end: Mark)?
  public var objectives: [Objective]
  public var objectivesMark: Mark?

  public init(id: String, file: String, level: Level?, cycle: Cycle?, name: String? = nil) {
    self.id = id
    self.file = file
    self.mark = .start
    self.idMark = .start
    self.name = name ?? id
    self.level = level
    self.levelMark = .start
    self.cycle = cycle
    self.cycleMark = .start
    self.objectives = []
  }

  public func location(_ mark: Mark?) -> SourceLocation {
    SourceLocation(file: file, mark: mark ?? self.mark)
  }
}

/// A whole plan: every unit read from a folder or list of files, plus its configuration.
public struct Plan: Sendable {
  public var units: [Unit]
  public var configuration: Configuration
  /// The files that were read, in the order found.
  public var files: [String]
  /// The folder the plan was loaded from, when it was a folder.
  public var root: String?
  /// `checkins.csv` at the plan's root, when there is one: its path, and its bytes when they
  /// were read with the plan (see ``PlanLoader/load(paths:standIn:checkIns:)``); without them,
  /// ``CheckInLog`` reads the file a block at a time.
  public var checkIns: (file: String, bytes: [UInt8]?)?
  /// The `# cascade:disable…` comments of the plan's files.
  public var suppressions: [Suppression] = []

  public init(
    units: [Unit], configuration: Configuration = Configuration(), files: [String] = [],
    root: String? = nil
  ) {
    self.units = units
    self.configuration = configuration
    self.files = files
    self.root = root
  }

  public var objectiveCount: Int { units.reduce(0) { $0 + $1.objectives.count } }
  public var keyResultCount: Int {
    units.reduce(0) { acc, u in acc + u.objectives.reduce(0) { $0 + $1.keyResults.count } }
  }
}
