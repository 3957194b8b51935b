import CascadeSystem

/// A key result's standing at a date, and how it was worked out.
public struct KeyResultScore: Sendable {
  public var address: KeyResultAddress
  public var reference: String
  /// The latest value (or, for aggregate: sum, its baseline plus the contributors' changes:
  /// see `finish`).
  public var current: Double?
  /// Raw progress: may exceed 1 or fall below 0.
  public var progress: Double
  /// Progress clamped to 0...1.
  public var score: Double
  public var status: Status
  public var expected: Double
  public var forecast: Double?
  public var lastCheckIn: Day?
  /// The latest check-in's confidence; nil for an aggregate (its contributors have their own).
  public var confidence: Double?
  /// No check-in for longer than `stale_after_days`.
  public var stale: Bool
  /// The check-ins the value came from (for aggregates, the contributors' latest ones).
  public var used: CheckInRun
  /// Contributors summed by aggregate: sum.
  public var summed: [KeyResultAddress]
  /// The sum of aggregate: sum is beyond the largest number (about ±1.8e308): `current` is that limit.
  public var overflowed: Bool = false
}

public struct ObjectiveScore: Sendable {
  public var address: ObjectiveAddress
  public var reference: String
  public var score: Double
  public var status: Status
  /// What the score averaged: key results and/or child objectives, with weights.
  public var items: [(reference: String, score: Double, weight: Double)]
  /// True when a rollup from children could not be used (no children, or a loop).
  public var fellBack: Bool
}

public struct UnitScore: Sendable {
  public var unit: Int
  public var id: String
  public var score: Double
}

/// Scores, statuses and forecasts of a whole plan as of one day.
public struct Scorecard: Sendable {
  public var asOf: Day
  /// Every key result, in plan order.
  public var keyResults: [KeyResultScore]
  /// Every objective that could be scored (not those caught in an alignment loop), in plan order.
  public var objectives: [ObjectiveScore]
  public var units: [UnitScore]
  /// Per unit, per objective: the ordinal of its first key result (`PlanIndex.keyResultBase`).
  let keyResultBase: [[Int]]
  /// Per unit: the plan-order number of its first objective.
  let objectiveBase: [Int]
  /// Per objective (plan order): its position in `objectives`, or -1.
  let objectiveSlot: [Int]

  public func score(of k: KeyResultAddress) -> KeyResultScore? {
    guard k.objective.unit < keyResultBase.count, k.objective.objective < keyResultBase[k.objective.unit].count else {
      return nil
    }
    let i = keyResultBase[k.objective.unit][k.objective.objective] + k.keyResult
    return i < keyResults.count ? keyResults[i] : nil
  }

  public func score(of o: ObjectiveAddress) -> ObjectiveScore? {
    guard o.unit < objectiveBase.count else { return nil }
    let i = objectiveBase[o.unit] + o.objective
    guard i < objectiveSlot.count, objectiveSlot[i] >= 0 else { return nil }
    return objectives[objectiveSlot[i]]
  }
}

/// The arithmetic of the README's "Scoring" section.
public enum Scorer {
  public static func score(_ result: LintResult, asOf: Day) -> Scorecard {
    var s = Computation(index: result.index, log: result.checkIns, asOf: asOf)
    return s.run()
  }

  /// The scorecards of several days (a review's two), one per core.
  public static func score(_ result: LintResult, asOf days: [Day]) -> [Scorecard] {
    parallelMap(days.count, chunk: 1) { score(result, asOf: days[$0]) }
  }

  /// One key result's score, as in ``score(_:asOf:)``'s scorecard, without scoring the rest
  /// of the plan: a key result's score depends only on its own check-ins and, for a sum, its
  /// contributors'. The one exception is a sum inside a loop of sums, where which member counts
  /// at its baseline depends on where the scoring starts. `cascade checkin` confirms a row
  /// with it (never for a sum: a sum takes no check-ins). Nil for an address the plan does not
  /// have.
  public static func score(of k: KeyResultAddress, in result: LintResult, asOf: Day) -> KeyResultScore? {
    score(of: k, index: result.index, log: result.checkIns, asOf: asOf)
  }

  /// The same, from the plan's index and a log that holds at least the check-ins the score
  /// reads (those of `k`, and for a sum its contributors'): a log read for one key result
  /// (``CheckInLog/init(_:only:)``) scores that key result.
  public static func score(of k: KeyResultAddress, index: PlanIndex, log: CheckInLog, asOf: Day) -> KeyResultScore? {
    let base = index.keyResultBase
    guard k.objective.unit >= 0, k.objective.unit < base.count, k.objective.objective >= 0,
      k.objective.objective < base[k.objective.unit].count, k.keyResult >= 0,
      k.keyResult < index.objective(k.objective).keyResults.count
    else { return nil }
    var s = Computation(index: index, log: log, asOf: asOf)
    return s.keyResult(k)
  }

  /// Elapsed fraction of a cycle on a day: 0 before it starts, 1 from its last day on.
  public static func expectedProgress(_ cycle: Cycle?, asOf: Day) -> Double {
    guard let cycle else { return 0 }
    let elapsed = asOf - cycle.start + 1
    return min(1, max(0, Double(elapsed) / Double(cycle.length)))
  }

  /// `(current − baseline) / (target − baseline)` for increase and decrease; 1 or 0 for
  /// stay_above / stay_below (threshold inclusive) and milestones. Nil when it cannot be computed.
  public static func progress(of kr: KeyResult, current: Double) -> Double? {
    switch kr.effectiveKind {
    case .increase?, .decrease?:
      guard let b = kr.baseline, let t = kr.target, t != b else { return nil }
      return Arithmetic.progress(current: current, baseline: b, target: t)
    case .stayAbove?:
      guard let t = kr.target else { return nil }
      return current >= t ? 1 : 0
    case .stayBelow?:
      guard let t = kr.target else { return nil }
      return current <= t ? 1 : 0
    case .milestone?:
      return current >= 1 ? 1 : 0
    case nil:
      return nil
    }
  }

  private struct Computation: Sendable {
    let index: PlanIndex
    let log: CheckInLog
    let asOf: Day
    /// By key-result ordinal, every key result, when they were scored in parallel (see
    /// ``scoreInParallel(_:)``): the scorecard's own array, never copied.
    var scored: [KeyResultScore] = []
    /// By key-result ordinal, those scored one at a time otherwise (empty until then).
    var krScores: [KeyResultScore?] = []
    /// By objective number in plan order.
    var objectiveScores: [ObjectiveScore?]
    let objectiveBase: [Int]
    /// By key-result ordinal: the value each key result is scored on, worked out once.
    var currents: [Current?]
    /// By key-result ordinal: an aggregate whose contributors are being summed (a loop when met again).
    var summing: [Bool]
    /// By objective number in plan order: being scored (an alignment loop when met again).
    var scoring: [Bool]

    init(index: PlanIndex, log: CheckInLog, asOf: Day) {
      self.index = index
      self.log = log
      self.asOf = asOf
      currents = [Current?](repeating: nil, count: index.keyResultCount)
      summing = [Bool](repeating: false, count: index.keyResultCount)
      var base: [Int] = []
      base.reserveCapacity(index.plan.units.count)
      var count = 0
      for u in index.plan.units {
        base.append(count)
        count += u.objectives.count
      }
      objectiveBase = base
      objectiveScores = [ObjectiveScore?](repeating: nil, count: count)
      scoring = [Bool](repeating: false, count: count)
    }

    func slot(_ a: ObjectiveAddress) -> Int { objectiveBase[a.unit] + a.objective }

    mutating func run() -> Scorecard {
      let addresses = index.objectiveAddresses
      // Every key result by ordinal (ordinals count key results in plan order).
      var keyResults: [KeyResultAddress] = []
      keyResults.reserveCapacity(index.keyResultCount)
      for a in addresses {
        for k in index.objective(a).keyResults.indices { keyResults.append(KeyResultAddress(a, k)) }
      }
      if keyResults.count == index.keyResultCount,
        zip(keyResults.indices, keyResults).allSatisfy({ index.ordinal(of: $1) == $0 })
      {
        scoreInParallel(keyResults)
      }
      for k in keyResults { _ = keyResult(k) }
      for a in addresses { _ = objective(a) }
      var objectives: [ObjectiveScore] = []
      var objectiveSlot = [Int](repeating: -1, count: objectiveScores.count)
      for (i, o) in objectiveScores.enumerated() {
        if let o {
          objectiveSlot[i] = objectives.count
          objectives.append(o)
        }
      }
      var units: [UnitScore] = []
      for (ui, u) in index.plan.units.enumerated() {
        var items: [(score: Double, weight: Double)] = []
        for (oi, o) in u.objectives.enumerated() {
          guard let s = objectiveScores[slot(ObjectiveAddress(unit: ui, objective: oi))] else { continue }
          items.append((s.score, o.weight))
        }
        units.append(UnitScore(unit: ui, id: u.id, score: Arithmetic.weightedMean(items)))
      }
      return Scorecard(
        asOf: asOf, keyResults: scored.isEmpty ? krScores.compactMap { $0 } : scored, objectives: objectives,
        units: units,
        keyResultBase: index.keyResultBase, objectiveBase: objectiveBase, objectiveSlot: objectiveSlot)
    }

    /// Scores every key result on every core: a key result that is not a sum depends only on
    /// its own check-ins, so those values are worked out in parallel; the sums then on one core
    /// (a sum reads its contributors', and a loop of sums depends on where it starts, so they
    /// are summed in plan order as before); and each score from its value, in parallel again.
    /// `keyResults` is every key result, by ordinal.
    mutating func scoreInParallel(_ keyResults: [KeyResultAddress]) {
      let units = index.plan.units
      let (log, asOf) = (self.log, self.asOf)
      let leaves = parallelMap(keyResults.count, chunk: 1024) { i -> Current? in
        let k = keyResults[i]
        let kr = units[k.objective.unit].objectives[k.objective.objective].keyResults[k.keyResult]
        guard kr.aggregate != .sum else { return nil }
        let history = log.run(of: k, asOf: asOf)
        return Current(value: history.last?.value, used: history, summed: [], overflowed: false)
      }
      currents = leaves
      for (i, k) in keyResults.enumerated() where currents[i] == nil { _ = current(k) }
      let computation = self
      // Every key result has its value now (`current` worked out each sum's).
      let none = Current(value: nil, used: CheckInRun(), summed: [], overflowed: false)
      scored = parallelMap(keyResults.count, chunk: 1024) { i -> KeyResultScore in
        computation.score(keyResults[i], now: computation.currents[i] ?? none)
      }
    }

    struct Current: Sendable {
      var value: Double?
      /// The check-ins behind the value (for an aggregate, each contributor's latest one).
      var used: CheckInRun
      var summed: [KeyResultAddress]
      var overflowed: Bool
    }

    /// The latest value of a key result as of the date, and the check-ins behind it. An
    /// aggregate's contributors are worked out first, each once, with an explicit stack (a chain
    /// of sums may be as long as the plan). A contributor met again while its own sum is being
    /// worked out (a loop) counts at its baseline.
    mutating func current(_ k: KeyResultAddress) -> Current {
      let root = index.ordinal(of: k)
      if let done = currents[root] { return done }
      var stack: [Frame] = []
      if let frame = start(k, root) { stack.append(frame) }
      while let top = stack.last {
        var next = top.next
        var pushed = false
        while next < top.contributors.count, !pushed {
          let c = top.contributors[next]
          next += 1
          let o = index.ordinal(of: c)
          guard currents[o] == nil, !summing[o] else { continue }
          stack[stack.count - 1].next = next
          if let frame = start(c, o) {
            stack.append(frame)
            pushed = true
          }
        }
        if pushed { continue }
        stack.removeLast()
        finish(top)
      }
      return currents[root] ?? Current(value: nil, used: CheckInRun(), summed: [], overflowed: false)
    }

    /// A sum being worked out: the aggregate and the next contributor to look at.
    struct Frame {
      var address: KeyResultAddress
      var ordinal: Int
      var contributors: [KeyResultAddress]
      var next: Int
    }

    /// Works out a key result that is not a sum of others at once; for a sum, returns its frame.
    mutating func start(_ k: KeyResultAddress, _ ordinal: Int) -> Frame? {
      guard
        index.plan.units[k.objective.unit].objectives[k.objective.objective].keyResults[k.keyResult].aggregate == .sum
      else {
        let history = log.run(of: k, asOf: asOf)
        currents[ordinal] = Current(value: history.last?.value, used: history, summed: [], overflowed: false)
        return nil
      }
      let contributors = index.contributors(to: k)
      guard !contributors.isEmpty else {
        currents[ordinal] = Current(value: nil, used: CheckInRun(), summed: [], overflowed: false)
        return nil
      }
      summing[ordinal] = true
      return Frame(address: k, ordinal: ordinal, contributors: contributors, next: 0)
    }

    /// Sums a frame whose contributors are all known (or loop back to a sum still open).
    ///
    /// The honest sum: with a baseline of its own, an aggregate's value is that baseline plus
    /// each contributor's change from its own baseline (a contributor without a value, or
    /// without a baseline, adds nothing). So a team whose people have written only part of the
    /// plan below it starts at its own baseline, never at the few baselines written below, and
    /// no partial coverage makes a score negative. Without a baseline of its own, it is the sum
    /// of the contributors' values (a contributor without one counts at its baseline).
    mutating func finish(_ frame: Frame) {
      let own = index.plan.units[frame.address.objective.unit].objectives[frame.address.objective.objective]
        .keyResults[frame.address.keyResult].baseline
      var values: [Double] = []
      values.reserveCapacity(2 * frame.contributors.count + 1)
      if let own { values.append(own) }
      var any = false
      var overflowed = false
      var used: [CheckInRun] = []
      for c in frame.contributors {
        let baseline = index.plan.units[c.objective.unit].objectives[c.objective.objective].keyResults[c.keyResult]
          .baseline
        if let m = currents[index.ordinal(of: c)], let v = m.value, own == nil || baseline != nil {
          values.append(v)
          if own != nil, let baseline { values.append(-baseline) }
          any = true
          overflowed = overflowed || m.overflowed
          used.append(m.used)
        } else if own == nil, let baseline {
          values.append(baseline)
        }
      }
      let total = Arithmetic.sum(values)
      summing[frame.ordinal] = false
      currents[frame.ordinal] = Current(
        value: any ? total.value : nil, used: log.run(used), summed: frame.contributors,
        overflowed: any && (overflowed || total.overflowed))
    }

    mutating func keyResult(_ k: KeyResultAddress) -> KeyResultScore {
      let ordinal = index.ordinal(of: k)
      if ordinal >= 0, ordinal < scored.count { return scored[ordinal] }
      if krScores.isEmpty { krScores = [KeyResultScore?](repeating: nil, count: index.keyResultCount) }
      if let done = krScores[ordinal] { return done }
      let score = score(k, now: current(k))
      krScores[ordinal] = score
      return score
    }

    /// The score of key result `k` whose value is `now`.
    func score(_ k: KeyResultAddress, now: Current) -> KeyResultScore {
      // Read in place: copying the unit or the objective would retain every string they hold.
      let cycle = index.plan.units[k.objective.unit].cycle
      let kr = index.plan.units[k.objective.unit].objectives[k.objective.objective].keyResults[k.keyResult]
      let expected = Scorer.expectedProgress(cycle, asOf: asOf)
      let (value, used, summed) = (now.value, now.used, now.summed)
      let latest = used.max { a, b in a.date != b.date ? a.date < b.date : a.position < b.position }
      // A sum's confidence would be one contributor's, said again at every level above it: an
      // aggregate has none of its own, and its status comes from its progress.
      let confidence = summed.isEmpty ? latest?.confidence : nil
      var progress = 0.0
      var status = Status.notStarted
      if let value, let p = Scorer.progress(of: kr, current: value) {
        progress = p
        status = StatusRule.status(progress: p, expected: expected, confidence: confidence)
        // Holding a level is only done when the cycle is over.
        if kr.kind == .stayAbove || kr.kind == .stayBelow, status == .done, expected < 1 {
          status = confidence.map { $0 < StatusRule.lowConfidence } == true ? .atRisk : .onTrack
        }
      }
      // A milestone is all or nothing: measuring it against elapsed time would call every
      // milestone off track until the day it lands. Until it is due it is on track (at risk on
      // low confidence); once due and not done, off track.
      if kr.kind == .milestone, status != .done, value != nil {
        let due = kr.due ?? cycle?.end
        if let due, asOf > due {
          status = .offTrack
        } else {
          status = confidence.map { $0 < StatusRule.lowConfidence } == true ? .atRisk : .onTrack
        }
      }
      var forecast: Double?
      if kr.kind != .milestone, summed.isEmpty, let end = cycle?.end {
        forecast = Forecast.project(used.map { ($0.date, $0.value) }, to: end)
      }
      let stale: Bool
      if let last = latest?.date, status != .done {
        stale = asOf - last > index.plan.configuration.staleAfterDays && expected < 1
      } else {
        stale = false
      }
      return KeyResultScore(
        address: k, reference: index.reference(k.objective, keyResult: k.keyResult), current: value,
        progress: progress, score: min(1, max(0, progress)), status: status, expected: expected, forecast: forecast,
        lastCheckIn: latest?.date, confidence: confidence, stale: stale, used: used, summed: summed,
        overflowed: now.overflowed)
    }

    /// An objective being scored and the next child objective to look at.
    struct ObjectiveFrame {
      var address: ObjectiveAddress
      var children: [ObjectiveAddress]
      var next: Int
    }

    /// Scores an objective after the child objectives it rolls up from, with an explicit stack
    /// (an alignment chain may be as long as the plan). Nil for an objective met again while it
    /// is being scored (an alignment loop).
    mutating func objective(_ a: ObjectiveAddress) -> ObjectiveScore? {
      if let s = objectiveScores[slot(a)] { return s }
      guard !scoring[slot(a)] else { return nil }
      var stack = [open(a)]
      while let top = stack.last {
        var next = top.next
        var pushed = false
        while next < top.children.count, !pushed {
          let c = top.children[next]
          next += 1
          guard objectiveScores[slot(c)] == nil, !scoring[slot(c)] else { continue }
          stack[stack.count - 1].next = next
          stack.append(open(c))
          pushed = true
        }
        if pushed { continue }
        stack.removeLast()
        finish(top)
      }
      return objectiveScores[slot(a)]
    }

    mutating func open(_ a: ObjectiveAddress) -> ObjectiveFrame {
      scoring[slot(a)] = true
      let children = index.objective(a).rollup != .keyResults ? index.alignedChildren(of: a) : []
      return ObjectiveFrame(address: a, children: children, next: 0)
    }

    /// Scores an objective whose child objectives are scored (or loop back to one being scored).
    mutating func finish(_ frame: ObjectiveFrame) {
      let a = frame.address
      scoring[slot(a)] = false
      let o = index.objective(a)
      var items: [(reference: String, score: Double, weight: Double)] = []
      var statuses: [Status] = []
      var fellBack = false
      let useChildren = o.rollup != .keyResults
      var childItems: [(String, Double, Double, Status)] = []
      if useChildren {
        for c in frame.children {
          guard let s = objectiveScores[slot(c)] else {
            fellBack = true
            continue
          }
          childItems.append((s.reference, s.score, index.objective(c).weight, s.status))
        }
        if childItems.isEmpty { fellBack = true }
      }
      let krItems = o.keyResults.indices.map { k -> (String, Double, Double, Status) in
        let s = keyResult(KeyResultAddress(a, k))
        return (s.reference, s.score, o.keyResults[k].weight, s.status)
      }
      switch o.rollup {
      case .keyResults:
        items = krItems.map { ($0.0, $0.1, $0.2) }
        statuses = krItems.map(\.3)
      case .children where !childItems.isEmpty:
        items = childItems.map { ($0.0, $0.1, $0.2) }
        statuses = childItems.map(\.3)
      case .both where !childItems.isEmpty:
        // Key results and child objectives count as equally weighted items.
        items = (krItems + childItems).map { ($0.0, $0.1, 1) }
        statuses = (krItems + childItems).map(\.3)
      default:
        items = krItems.map { ($0.0, $0.1, $0.2) }
        statuses = krItems.map(\.3)
      }
      let score = Arithmetic.weightedMean(items.map { ($0.score, $0.weight) })
      let status: Status =
        statuses.isEmpty ? .notStarted : statuses.allSatisfy({ $0 == .done }) ? .done : statuses.min() ?? .notStarted
      let result = ObjectiveScore(
        address: a, reference: index.reference(a), score: score, status: status, items: items, fellBack: fellBack)
      objectiveScores[slot(a)] = result
    }
  }
}
