import CascadeCore
import CascadeSystem

/// The organisation before it is written out: what each file will say. Rendering one unit
/// needs nothing but that unit, so files can be rendered and written in parallel.
struct KeyResultModel: Sendable {
  var id: String
  var title: String
  /// `title`, or `titel` for the unknown-field mistake.
  var titleKey = "title"
  var kind: KeyResultKind
  /// False when the kind is left for the linter to infer from baseline and target.
  var writesKind: Bool
  var baseline: Double?
  var target: Double?
  var unit: String?
  var due: Day?
  /// `unit/objective/key-result` of the parent's key result this one adds to.
  var contributesTo: String?
  /// Where `contributesTo` points: objective and key result index in the parent unit.
  var contributesToIndex: (objective: Int, keyResult: Int)?
  /// Set when a child's key result contributes to this one.
  var hasIncoming = false
  /// Written with an unterminated quote (the yaml-syntax mistake).
  var brokenTitle = false
}

struct ObjectiveModel: Sendable {
  var id: String
  var title: String
  var titleKey = "title"
  var theme: Int
  var committed: Bool
  var alignsTo: [String]
  var keyResults: [KeyResultModel]
}

struct UnitModel: Sendable {
  var id: String
  var name: String
  var level: Level
  /// The level as written (differs from `level` for the level-order mistake).
  var writtenLevel: Level
  var parent: Int?
  var parentID: String?
  var owner: String
  var cycle: String
  /// Relative to the organisation's root.
  var path: String
  var chinese: Bool
  var objectives: [ObjectiveModel] = []
}

struct OrganisationModel: Sendable {
  var units: [UnitModel]
  /// Folders to create, parents before children.
  var directories: [String]
}

/// What the tree looks like before any unit gets objectives.
struct Skeleton {
  var units: [UnitModel] = []
  /// For each unit, its position among its parent's children (0 for the company).
  var siblingIndex: [Int] = []
  /// Theme each department owns, by unit index (nil elsewhere).
  var ownTheme: [Int?] = []
  var directories: [String] = []
  /// Ranges of unit indices per level, top down.
  var levels: [Range<Int>] = []
}

enum Builder {
  static let objectivesPerUnit = 3
  static let teamSize = 8
  static let teamsPerDepartment = 20

  /// Teams and departments for `people` individuals.
  static func shape(people: Int) -> (teams: Int, departments: Int) {
    guard people > 0 else { return (0, 0) }
    let teams = (people + teamSize - 1) / teamSize
    let departments = max(1, Int((Double(teams) / Double(teamsPerDepartment)).rounded()))
    return (teams, departments)
  }

  static func digits(_ n: Int) -> Int { max(2, String(max(n, 0)).count) }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  static func skeleton(_ options: GeneratorOptions) -> Skeleton {
    var rng = SplitMix64(seed: options.seed, 1)
    var s = Skeleton()
    let people = max(0, options.people)
    let (teamCount, departmentCount) = shape(people: people)

    let company = Vocabulary.companies[rng.int(Vocabulary.companies.count)]
    s.units.append(
      UnitModel(
        id: company.id, name: company.name, level: .company, writtenLevel: .company, parent: nil,
        parentID: nil,
        owner: englishName(&rng), cycle: options.cycle, path: "company.yaml", chinese: false))
    s.siblingIndex.append(0)
    s.ownTheme.append(nil)
    s.levels.append(0..<1)

    // Team sizes: even, then people move between neighbouring teams for some variety.
    var sizes = [Int](repeating: 0, count: teamCount)
    for t in 0..<teamCount { sizes[t] = people / teamCount + (t < people % teamCount ? 1 : 0) }
    if teamCount > 1 {
      for t in 0..<teamCount where rng.chance(0.5) {
        let other = (t + 1 + rng.int(teamCount - 1)) % teamCount
        if sizes[t] > 5, sizes[other] < 11 {
          sizes[t] -= 1
          sizes[other] += 1
        }
      }
    }

    // Departments take contiguous blocks of teams.
    let dWidth = digits(departmentCount)
    let teamsIn = (0..<departmentCount).map { d in
      (d * teamCount / max(departmentCount, 1))..<((d + 1) * teamCount / max(departmentCount, 1))
    }
    let tWidth = digits(teamsIn.map(\.count).max() ?? 0)
    let pWidth = digits(sizes.max() ?? 0)
    let functions = Vocabulary.functions
    var departmentIndex: [Int] = []
    var departmentFolder: [String] = []
    for d in 0..<departmentCount {
      let f = functions[d % functions.count]
      let round = d / functions.count
      var name = f.name
      if round > 0 {
        let regions = Vocabulary.regions
        name += " " + regions[(round - 1) % regions.count]
        if round > regions.count { name += " \((round - 1) / regions.count + 1)" }
      }
      let id = "d\(pad(d + 1, dWidth))-\(f.slug)"
      departmentFolder.append(id)
      s.directories.append(id)
      departmentIndex.append(s.units.count)
      s.units.append(
        UnitModel(
          id: id, name: name, level: .department, writtenLevel: .department, parent: 0,
          parentID: company.id,
          owner: englishName(&rng), cycle: options.cycle, path: "\(id)/\(id).yaml", chinese: false))
      s.siblingIndex.append(d)
      s.ownTheme.append(f.theme)
    }
    s.levels.append(1..<s.units.count)

    var teamUnit = [Int](repeating: 0, count: teamCount)
    var teamFolder = [String](repeating: "", count: teamCount)
    var teamLabel = [String](repeating: "", count: teamCount)
    let teamStart = s.units.count
    for d in 0..<departmentCount {
      for (k, t) in teamsIn[d].enumerated() {
        let id = "t\(pad(d + 1, dWidth))-\(pad(k + 1, tWidth))"
        let folder = "\(departmentFolder[d])/\(id)"
        s.directories.append(folder)
        teamUnit[t] = s.units.count
        teamFolder[t] = folder
        teamLabel[t] = "\(pad(d + 1, dWidth))-\(pad(k + 1, tWidth))"
        let codename = Vocabulary.codenames[rng.int(Vocabulary.codenames.count)]
        s.units.append(
          UnitModel(
            id: id, name: "\(functions[d % functions.count].name) \(codename)", level: .team,
            writtenLevel: .team,
            parent: departmentIndex[d], parentID: departmentFolder[d], owner: "",
            cycle: options.cycle,
            path: "\(folder)/\(id).yaml", chinese: false))
        s.siblingIndex.append(k)
        s.ownTheme.append(nil)
      }
    }
    s.levels.append(teamStart..<s.units.count)

    let personStart = s.units.count
    for t in 0..<teamCount {
      // Every fifth team writes its personal OKRs in Chinese.
      let chinese = t % 5 == 4
      for k in 0..<sizes[t] {
        let id = "p\(teamLabel[t])-\(pad(k + 1, pWidth))"
        let name = chinese ? chineseName(&rng) : englishName(&rng)
        if k == 0 { s.units[teamUnit[t]].owner = name }
        s.units.append(
          UnitModel(
            id: id, name: name, level: .individual, writtenLevel: .individual, parent: teamUnit[t],
            parentID: s.units[teamUnit[t]].id, owner: name, cycle: options.cycle,
            path: "\(teamFolder[t])/\(id).yaml",
            chinese: chinese))
        s.siblingIndex.append(k)
        s.ownTheme.append(nil)
      }
      if sizes[t] == 0 { s.units[teamUnit[t]].owner = englishName(&rng) }
    }
    s.levels.append(personStart..<s.units.count)
    return s
  }

  static func englishName(_ rng: inout SplitMix64) -> String {
    "\(rng.pick(Vocabulary.firstNames)) \(rng.pick(Vocabulary.lastNames))"
  }

  static func chineseName(_ rng: inout SplitMix64) -> String {
    rng.pick(Vocabulary.chineseSurnames) + rng.pick(Vocabulary.chineseGivenNames)
  }

  /// The whole organisation, clean: objectives level by level (each level in parallel, since
  /// a unit's objectives depend only on its parent's), then incoming contributions marked.
  static func build(_ options: GeneratorOptions) -> OrganisationModel {
    guard let cycle = Cycle(label: options.cycle) else {
      preconditionFailure(
        "GeneratorOptions.cycle \(options.cycle) is not a cycle label (2027, 2027-H1, 2027-Q1, 2027-01)"
      )
    }
    var s = skeleton(options)
    for level in s.levels {
      let snapshot = s.units
      let siblingIndex = s.siblingIndex
      let ownTheme = s.ownTheme
      let objectives = parallelMap(level.count) { k -> [ObjectiveModel] in
        let i = level.lowerBound + k
        var rng = SplitMix64(seed: options.seed, 2, UInt64(i))
        return makeObjectives(
          for: snapshot[i], parent: snapshot[i].parent.map { snapshot[$0] },
          siblingIndex: siblingIndex[i],
          ownTheme: ownTheme[i], seed: options.seed, cycle: cycle, rng: &rng)
      }
      for (k, o) in objectives.enumerated() { s.units[level.lowerBound + k].objectives = o }
    }
    // Mark the key results that something below contributes to.
    for i in s.units.indices {
      guard let p = s.units[i].parent else { continue }
      for o in s.units[i].objectives {
        for kr in o.keyResults {
          if let t = kr.contributesToIndex {
            s.units[p].objectives[t.objective].keyResults[t.keyResult].hasIncoming = true
          }
        }
      }
    }
    return OrganisationModel(units: s.units, directories: s.directories)
  }

  static func makeObjectives(
    for unit: UnitModel, parent: UnitModel?, siblingIndex: Int, ownTheme: Int?, seed: UInt64,
    cycle: Cycle,
    rng: inout SplitMix64
  ) -> [ObjectiveModel] {
    // Which parent objective each objective serves, and its theme.
    var plan: [(theme: Int, alignsTo: [Int])] = []
    if let parent, !parent.objectives.isEmpty {
      let n = parent.objectives.count
      for j in 0..<objectivesPerUnit {
        // Sibling k serves the parent's objectives in a rotated order, so every parent
        // objective has at least one child objective aligned to it.
        let a = (j + siblingIndex) % n
        var aligns = [a]
        if n > 1, rng.chance(0.1) { aligns.append((a + 1) % n) }
        plan.append((parent.objectives[a].theme, aligns))
      }
      // A department also pursues the theme it owns.
      if let own = ownTheme, !plan.contains(where: { $0.theme == own }) {
        plan[objectivesPerUnit - 1].theme = own
      }
    } else {
      var company = [
        Vocabulary.growth, Vocabulary.customers, Vocabulary.efficiency, Vocabulary.people,
      ]
      var rng2 = SplitMix64(seed: seed, 3)
      rng2.shuffle(&company)
      plan = company.prefix(objectivesPerUnit).map { ($0, []) }
    }

    let scale: Double =
      switch unit.level {
      case .company: 120
      case .department: 24
      case .team: 5
      case .individual: 1
      }
    var out: [ObjectiveModel] = []
    for (j, p) in plan.enumerated() {
      let theme = Vocabulary.themes[p.theme]
      let variant = rng.pick(theme.variants)
      let parentObjective = p.alignsTo.first.flatMap { a -> (Int, ObjectiveModel)? in
        guard let parent else { return nil }
        return (a, parent.objectives[a])
      }
      let alignsTo =
        parent.map { up in p.alignsTo.map { "\(up.id)/\(up.objectives[$0].id)" } } ?? []

      // Measures: shuffled, the first one taken from the parent objective when it shares the theme.
      var order = Array(theme.metrics.indices)
      rng.shuffle(&order)
      var upward: [String: (Int, Int)] = [:]  // metric id -> parent (objective, key result)
      if let (a, po) = parentObjective, po.theme == p.theme {
        for (k, kr) in po.keyResults.enumerated() where kr.kind != .milestone {
          upward[kr.id] = (a, k)
        }
        let candidates = po.keyResults.filter { $0.kind != .milestone }
        if !candidates.isEmpty, rng.chance(0.8) {
          let lead = rng.pick(candidates).id
          if let m = order.firstIndex(where: { theme.metrics[$0].id == lead }) {
            order.swapAt(0, m)
          }
        }
      }
      let count = 3 + rng.int(2)
      var chosen = Array(order.prefix(count))
      if !chosen.contains(where: { theme.metrics[$0].isMeasuredChange }),
        let m = order.dropFirst(count).first(where: { theme.metrics[$0].isMeasuredChange })
      {
        chosen[chosen.count - 1] = m
      }

      var keyResults: [KeyResultModel] = []
      for (position, m) in chosen.enumerated() {
        var kr = makeKeyResult(
          theme.metrics[m], scale: scale, chinese: unit.chinese, cycle: cycle, rng: &rng)
        if let (a, k) = upward[kr.id], position == 0 || rng.chance(0.3), let parent {
          kr.contributesTo = "\(parent.id)/\(parent.objectives[a].id)/\(kr.id)"
          kr.contributesToIndex = (a, k)
        }
        keyResults.append(kr)
      }
      out.append(
        ObjectiveModel(
          id: variant.id, title: unit.chinese ? variant.zh : variant.en, theme: p.theme,
          committed: j == 0 && unit.level < .team, alignsTo: alignsTo, keyResults: keyResults))
    }
    return out
  }

  static func makeKeyResult(
    _ m: Metric, scale: Double, chinese: Bool, cycle: Cycle, rng: inout SplitMix64
  ) -> KeyResultModel {
    let unit = chinese ? m.unit.zh : m.unit.en
    let words = chinese ? m.zh : m.en
    var kr = KeyResultModel(
      id: m.id, title: "", kind: m.kind, writesKind: true, baseline: nil, target: nil,
      unit: unit.isEmpty ? nil : unit)
    func value() -> Double {
      if !m.choices.isEmpty { return rng.pick(m.choices) }
      return nice(rng.double(in: m.range) * (m.scaled ? scale : 1), decimals: m.decimals)
    }
    switch m.kind {
    case .increase, .decrease:
      let step = m.decimals == 0 ? 1.0 : 0.1
      let b = value()
      let c = rng.double(in: m.change)
      var t: Double
      if m.kind == .increase {
        t = nice(b * (1 + c), decimals: m.decimals)
        if let cap = m.cap { t = min(t, cap) }
        if t <= b { t = nice(b + step, decimals: m.decimals) }
      } else {
        t = nice(b * (1 - c), decimals: m.decimals)
        if t >= b { t = nice(b - step, decimals: m.decimals) }
      }
      // Many people leave the kind out when the numbers say it.
      kr.writesKind = rng.chance(0.6)
      if m.money {
        let (b2, t2, text) = money(b, t, increase: m.kind == .increase, chinese: chinese)
        kr.baseline = b2
        kr.target = t2
        kr.unit = text.unit + (m.unit.en.hasSuffix("/month") ? (chinese ? "/月" : "/month") : "")
        kr.title = words(text.baseline, text.target)
      } else {
        kr.baseline = b
        kr.target = t
        kr.title = words(format(b), format(t))
      }
    case .stayAbove, .stayBelow:
      let t = value()
      kr.target = t
      kr.title = words("", format(t))
    case .milestone:
      let n = Int(rng.double(in: m.range).rounded())
      kr.title = words(String(n), "")
      let from = cycle.length / 2
      kr.due = cycle.start + from + rng.int(max(1, cycle.length - from))
    }
    return kr
  }

  /// Amounts in thousands of dollars as people write them: $120k, $1.4M, 12万美元. The numbers
  /// are converted to the unit shown, keeping the direction from baseline to target.
  static func money(_ b: Double, _ t: Double, increase: Bool, chinese: Bool)
    -> (Double, Double, (baseline: String, target: String, unit: String))
  {
    let divisor: Double
    let decimals: Int
    let unit: String
    if chinese {
      divisor = 10
      decimals = max(b, t) >= 100 ? 0 : 1
      unit = "万美元"
    } else if max(b, t) >= 1000 {
      divisor = 1000
      decimals = 1
      unit = "$M"
    } else {
      divisor = 1
      decimals = 0
      unit = "$k"
    }
    let b2 = nice(b / divisor, decimals: decimals)
    var t2 = nice(t / divisor, decimals: decimals)
    if t2 == b2 {
      t2 = nice(b2 + (increase ? 1 : -1) * (decimals == 0 ? 1 : 0.1), decimals: decimals)
    }
    func show(_ v: Double) -> String {
      if chinese { return "\(format(v))万美元" }
      return divisor == 1 ? "$\(format(v))k" : "$\(format(v))M"
    }
    return (b2, t2, (show(b2), show(t2), unit))
  }

  /// Rounds to numbers people write: whole numbers, fives above 100, tens above 1,000.
  static func nice(_ v: Double, decimals: Int) -> Double {
    if decimals > 0 {
      var f = 1.0
      for _ in 0..<decimals { f *= 10 }
      return (v * f).rounded() / f
    }
    if v >= 1000 { return (v / 10).rounded() * 10 }
    if v >= 100 { return (v / 5).rounded() * 5 }
    return v.rounded()
  }

  static func format(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }
}
