/// A unit together with every unit below it, as a box standing for a subtree shows it: the
/// score of all their objectives, how many of their key results are off track, at risk or stale,
/// and how many of them have problems. A team box must not look fine while a person below it
/// is off track on everything.
public struct SubtreeScore: Sendable, Equatable {
  /// The weighted mean of every scored objective in the unit and below it (each weighted by its
  /// own `weight`); nil when none of them could be scored.
  public var score: Double?
  /// Key results in the unit and below it.
  public var keyResults = 0
  public var offTrack = 0
  public var atRisk = 0
  public var stale = 0
  /// Units in the subtree, the unit itself included.
  public var units = 1

  public init() {}
}

extension Scorecard {
  /// Per unit (plan order): the unit and everything below it. A unit caught in a loop of
  /// parents counts only itself; every unit is counted once, under its own parent.
  public func subtrees(_ result: LintResult) -> [SubtreeScore] {
    let index = result.index
    let n = index.plan.units.count
    var out = [SubtreeScore](repeating: SubtreeScore(), count: n)
    var sum = [Double](repeating: 0, count: n)
    var weight = [Double](repeating: 0, count: n)
    for s in objectives {
      let u = s.address.unit
      guard u < n else { continue }
      let w = index.objective(s.address).weight
      guard w.isFinite, w > 0, s.score.isFinite else { continue }
      sum[u] += s.score * w
      weight[u] += w
    }
    for s in keyResults {
      let u = s.address.objective.unit
      guard u < n else { continue }
      out[u].keyResults += 1
      if s.status == .offTrack { out[u].offTrack += 1 }
      if s.status == .atRisk { out[u].atRisk += 1 }
      if s.stale { out[u].stale += 1 }
    }
    // Children before parents: the tree order reversed.
    for (u, _) in result.unitTree().reversed() {
      if weight[u] > 0, case let mean = sum[u] / weight[u], mean.isFinite { out[u].score = min(max(mean, 0), 1) }
      guard let p = index.parent[u], p != u, !index.inParentCycle[u], p < n else { continue }
      sum[p] += sum[u]
      weight[p] += weight[u]
      out[p].keyResults += out[u].keyResults
      out[p].offTrack += out[u].offTrack
      out[p].atRisk += out[u].atRisk
      out[p].stale += out[u].stale
      out[p].units += out[u].units
    }
    return out
  }
}
