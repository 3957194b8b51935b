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

  /// Levenshtein distance, or nil when it exceeds `limit` (banded, so cheap to reject).
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    guard limit >= 0 else { return nil }
    if abs(a.count - b.count) > limit { return nil }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      current[0] = i
      var rowMin = current[0]
      for j in 1..<(b.count + 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return nil }
      swap(&previous, &current)
    }
    let d = a.isEmpty ? b.count : previous[b.count]
    return d <= limit ? d : nil
  }
}
