import CascadeCore

/// The labelled corpus of published key results (`Tests/Corpus/key-results.tsv`) and how well
/// the wording rules judge it: `cascade-bench --corpus` prints the figures, a test keeps them
/// from sliding back.
///
/// Each row is a key result as published, with its language (`en`, `zh-hans`, `zh-hant`),
/// whether it is measurable, whether it names an outcome or an activity, the target it states
/// (as written, empty when none) and its source. The rules are scored as a plan would use them:
/// - `kr-vague-wording` on a measurable key result that states a number (a deliverable with no
///   number is a milestone, which the rule judges differently), and on every vague one;
/// - `kr-activity` should fire on work with no outcome that could be checked: rows labelled
///   activity that state no target;
/// - `kr-no-target`'s suggestion should be the stated target's number.
public struct Corpus: Sendable {
  public struct Row: Sendable {
    public var id: String
    public var language: String
    public var title: String
    public var measurable: Bool
    public var activity: Bool
    public var target: String
    public var source: String
  }

  public var rows: [Row]

  /// Parses the TSV (a header line, then one row a line); rows that do not have seven fields or
  /// whose labels are not known are reported by id or line.
  public init(tsv: String) throws(CorpusError) {
    var rows: [Row] = []
    for (n, line) in tsv.split(separator: "\n", omittingEmptySubsequences: true).enumerated().dropFirst() {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 7, ["yes", "no"].contains(f[3]), ["outcome", "activity"].contains(f[4]),
        ["en", "zh-hans", "zh-hant"].contains(f[1])
      else { throw CorpusError(line: n + 1) }
      rows.append(
        Row(
          id: f[0], language: f[1], title: f[2], measurable: f[3] == "yes", activity: f[4] == "activity",
          target: f[5], source: f[6]))
    }
    self.rows = rows
  }

  /// A fraction with what it counts.
  public struct Rate: Sendable, CustomStringConvertible {
    public var hits: Int
    public var of: Int
    public var value: Double { of == 0 ? 0 : Double(hits) / Double(of) }
    public var description: String { of == 0 ? "–" : "\(NumberFormat.percent(value)) (\(hits)/\(of))" }
  }

  public struct Figures: Sendable {
    /// Vague key results that kr-vague-wording flags.
    public var vagueRecall: Rate
    /// Measurable key results stating a number that kr-vague-wording flags.
    public var falsePositives: Rate
    /// Of those kr-activity fires on, the ones that are work with no checkable outcome.
    public var activityPrecision: Rate
    /// Of the work with no checkable outcome, the ones kr-activity fires on.
    public var activityRecall: Rate
    /// Rows stating a numeric target whose suggested target is that number.
    public var targetAccuracy: Rate
    /// The rows each figure missed, by id, for looking at.
    public var missed: [String: [String]]
  }

  /// The figures for the rows whose language starts with `language` (`en`, `zh`, `zh-hant`).
  public func figures(_ language: String) -> Figures {
    var vague = Rate(hits: 0, of: 0)
    var fp = Rate(hits: 0, of: 0)
    var fired = Rate(hits: 0, of: 0)
    var work = Rate(hits: 0, of: 0)
    var target = Rate(hits: 0, of: 0)
    var missed: [String: [String]] = [:]
    for row in rows where row.language.hasPrefix(language) {
      let quantity = Wording.quantity(in: row.title)
      let stated = Self.number(in: row.target)
      if !row.measurable {
        vague.of += 1
        if quantity == nil { vague.hits += 1 } else { missed["vague", default: []].append(row.id) }
      } else if stated != nil {
        fp.of += 1
        if quantity == nil {
          fp.hits += 1
          missed["falsePositive", default: []].append(row.id)
        }
      }
      let isWork = row.activity && row.target.isEmpty
      // As the rule decides: work to do, with nothing to count.
      let fires = quantity == nil && Wording.isActivity(row.title)
      if fires {
        fired.of += 1
        if isWork { fired.hits += 1 } else { missed["activityPrecision", default: []].append(row.id) }
      }
      if isWork {
        work.of += 1
        if fires { work.hits += 1 } else { missed["activityRecall", default: []].append(row.id) }
      }
      if row.measurable, let stated {
        target.of += 1
        let suggested = Wording.target(in: row.title)?.value
        if let suggested, Self.same(suggested, stated) {
          target.hits += 1
        } else {
          missed["target", default: []].append(row.id)
        }
      }
    }
    return Figures(
      vagueRecall: vague, falsePositives: fp, activityPrecision: fired, activityRecall: work, targetAccuracy: target,
      missed: missed)
  }

  /// Whether a suggested value is the stated one: equal, or equal up to a scale the title
  /// writes in words (`10万元` is 10 or 100,000, `$2M` is 2 or 2,000,000).
  static func same(_ a: Double, _ b: Double) -> Bool {
    for scale in [1.0, 10.0, 100.0, 1e3, 1e4, 1e6, 1e8, 1e9]
    where abs(a - b * scale) < 1e-9 * scale || abs(a * scale - b) < 1e-9 * scale {
      return true
    }
    return false
  }

  /// The number a target writes: ASCII or full-width digits (`1,200`, `4.5`; of a range such as
  /// `1-2`, `3~5`, `2到3` its end), or Chinese numerals (`兩`, `三十`, `一倍` is 1); nil when it writes
  /// none (`$N`, `doubles`).
  static func number(in text: String) -> Double? {
    for dash: Character in ["-", "~", "–", "～", "至", "到"] {
      let parts = text.split(separator: dash, omittingEmptySubsequences: false).map(String.init)
      if parts.count == 2, leadingNumber(parts[0]) != nil, let b = leadingNumber(parts[1]) { return b }
    }
    return leadingNumber(text)
  }

  static func leadingNumber(_ text: String) -> Double? {
    var digits = ""
    var started = false
    for u in text.unicodeScalars {
      var c = u
      if (0xFF10...0xFF19).contains(u.value), let ascii = Unicode.Scalar(u.value - 0xFF10 + 48) { c = ascii }
      if c.properties.numericType == .decimal, c.isASCII {
        digits.unicodeScalars.append(c)
        started = true
      } else if started, c == "." || c == "," {
        if c == "." { digits.append(".") }
      } else if started {
        break
      }
    }
    while digits.hasSuffix(".") { digits.removeLast() }
    if let v = Double(digits) { return v }
    let numerals: [Character: Double] = [
      "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
      "百": 100,
    ]
    var total = 0.0
    var current = 0.0
    var any = false
    for c in text {
      guard let v = numerals[c] else {
        if any { break } else { continue }
      }
      any = true
      if v == 10 || v == 100 {
        total += (current == 0 ? 1 : current) * v
        current = 0
      } else {
        current = v
      }
    }
    return any ? total + current : nil
  }
}

public struct CorpusError: Error, Sendable, CustomStringConvertible {
  public var line: Int
  public var description: String { "corpus line \(line): expected 7 tab-separated fields with known labels" }
}
