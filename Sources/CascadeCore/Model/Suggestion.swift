/// "Did you mean" suggestions: the closest candidate by edit distance.
public enum Suggestion {
  /// The candidate closest to `word` within `maxDistance` edits (default: a third of the
  /// word's length, at least 1, at most 3), or nil. Ties go to the earlier candidate.
  public static func closest(
    to word: String, in candidates: some Sequence<String>, maxDistance: Int? = nil
  ) -> String? {
    let w = Array(word.utf8.prefix(64))
    guard !w.isEmpty else { return nil }
    let limit = maxDistance ?? min(3, max(1, w.count / 3))
    var best: (String, Int)?
    for candidate in candidates {
      let c = Array(candidate.utf8.prefix(64))
      guard abs(c.count - w.count) <= limit, c != w else { continue }
      if let d = distance(w, c, limit: best.map { $0.1 - 1 } ?? limit) {
        best = (candidate, d)
        if d == 1 { break }
      }
    }
    return best?.0
  }

  /// " (did you mean 'x'?)" or "".
  public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
    closest(to: word, in: candidates).map { " (did you mean \(quoted($0))?)" } ?? ""
  }

  /// Edit distance counting a swap of two neighbours as one edit (optimal string alignment),
  /// or nil when it exceeds `limit`; rows that already exceed it stop the work early.
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, beforePrevious[j - 2] + 1) }
        current[j] = d
        rowMin = min(rowMin, d)
      }
      if rowMin > limit { return nil }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }
}

/// "Did you mean" hints for a rule that may report thousands of unknown names: each distinct
/// name (in its scope) is looked up once, and after ``maxLookups`` lookups no more are searched,
/// so that a plan repeating a mistake costs time linear in its size, not quadratic. Only the
/// first ``Linter/maxDiagnosticsPerRule`` diagnostics of a rule in a file are shown anyway.
public struct Hints {
  public static let maxLookups = 200
  private var cache: [String: String] = [:]
  private var lookups = 0

  public init() {}

  /// `search(word)`, remembered per `scope` and word; "" once the budget is spent.
  public mutating func hint(for word: String, scope: String = "", search: () -> String) -> String {
    let key = scope + "\u{0}" + word
    if let known = cache[key] { return known }
    guard lookups < Self.maxLookups else { return "" }
    lookups += 1
    let hint = search()
    cache[key] = hint
    return hint
  }

  /// ``Suggestion/hint(for:in:)``, remembered per `scope` and word; "" once the budget is spent.
  public mutating func hint(
    for word: String, scope: String = "", in candidates: @autoclosure () -> some Sequence<String>
  ) -> String {
    hint(for: word, scope: scope) { Suggestion.hint(for: word, in: candidates()) }
  }
}
