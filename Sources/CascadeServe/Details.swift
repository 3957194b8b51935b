import CascadeCore
import CascadeReport

/// The side panel of a key result or an objective: status, progress, forecast, the `explain`
/// trace, the check-in history against the expected pace, the latest notes, the links up and
/// down. JSON; every text is data.
enum Details {
  /// Notes shown in the panel, newest first.
  static let maxNotes = 3
  /// Check-ins drawn in the panel's chart, the latest ones.
  static let maxPoints = 200

  static func json(_ ref: String, _ result: LintResult, _ card: Scorecard, _ p: Presentation) -> String? {
    guard let subject = Explanation.subject(ref, in: result.index) else { return nil }
    let index = result.index
    var w = JSONWriter()
    switch subject {
    case .unit:
      return nil
    case .keyResult(let k):
      guard let s = card.score(of: k) else { return nil }
      let kr = index.objective(k.objective).keyResults[k.keyResult]
      let unit = index.unit(k.objective.unit)
      w.object { w in
        w.field("kind", "key_result")
        w.field("ref", s.reference)
        w.field("title", kr.title)
        w.field("objective", index.reference(k.objective))
        w.field("objective_title", index.objective(k.objective).title)
        w.field("unit_name", unit.name)
        w.field("status", s.status.rawValue)
        w.field("status_label", p(Words.status(s.status)))
        w.field("progress", s.progress)
        w.field("score", s.score)
        w.field("expected", s.expected)
        w.field("current", s.current)
        w.field("baseline", kr.baseline)
        w.field("target", kr.target)
        w.field("measure", kr.unit)
        w.field("forecast", s.forecast)
        w.field("confidence", s.confidence)
        w.field("stale", s.stale)
        w.field("cycle_start", unit.cycle?.start.description)
        w.field("cycle_end", unit.cycle?.end.description)
        w.field("explain", Explanation.text(subject, result, card: card, p))
        w.key("checkins")
        w.array(s.used.suffix(maxPoints)) { w, c in
          w.object { w in
            w.field("date", c.date.description)
            w.field("value", c.value)
            w.field("confidence", c.confidence)
            w.field("by", s.used.author(of: c))
          }
        }
        w.key("notes")
        w.array(s.used.reversed().lazy.filter { !s.used.note(of: $0).isEmpty }.prefix(maxNotes)) { w, c in
          w.object { w in
            w.field("date", c.date.description)
            w.field("by", s.used.author(of: c))
            w.field("note", s.used.note(of: c))
          }
        }
        w.key("up")
        w.array(kr.contributesTo) { w, r in
          link(&w, r.description, index)
        }
        w.key("down")
        w.array(index.contributors(to: k)) { w, c in
          link(&w, index.reference(c.objective, keyResult: c.keyResult), index)
        }
      }
    case .objective(let a):
      guard let s = card.score(of: a) else { return nil }
      let o = index.objective(a)
      w.object { w in
        w.field("kind", "objective")
        w.field("ref", s.reference)
        w.field("title", o.title)
        w.field("unit_name", index.unit(a.unit).name)
        w.field("type", o.type.rawValue)
        w.field("type_label", p(Words.objectiveType(o.type)))
        w.field("status", s.status.rawValue)
        w.field("status_label", p(Words.status(s.status)))
        w.field("score", s.score)
        w.field("explain", Explanation.text(subject, result, card: card, p))
        w.key("up")
        w.array(o.alignsTo) { w, r in link(&w, r.description, index) }
        w.key("down")
        w.array(index.alignedChildren(of: a)) { w, c in link(&w, index.reference(c), index) }
        w.key("key_results")
        w.array(o.keyResults.indices) { w, k in link(&w, index.reference(a, keyResult: k), index) }
      }
    }
    return w.output
  }

  /// `{ref, title}` of a reference, its title when it resolves.
  static func link(_ w: inout JSONWriter, _ ref: String, _ index: PlanIndex) {
    w.object { w in
      w.field("ref", ref)
      switch Explanation.subject(ref, in: index) {
      case .objective(let a)?: w.field("title", index.objective(a).title)
      case .keyResult(let k)?: w.field("title", index.objective(k.objective).keyResults[k.keyResult].title)
      default: w.field("title", nil as String?)
      }
    }
  }
}

/// The review agenda as the page shows it: the Markdown of `cascade review`, which the script
/// turns into headings, tables and lists as text, never as markup.
enum ReviewPage {
  static func json(_ result: LintResult, since: Day, asOf: Day, _ p: Presentation) -> String {
    var w = JSONWriter()
    w.object { w in
      w.field("since", since.description)
      w.field("as_of", asOf.description)
      w.field("markdown", ReviewAgenda(since: since, asOf: asOf).markdown(result, p))
    }
    return w.output
  }
}

/// A check-in sent by the page's form: `ref=…&value=…&confidence=…&note=…&author=…`
/// (`application/x-www-form-urlencoded`).
public struct CheckInRequest: Sendable, Equatable {
  public var ref: String
  public var value: String
  public var confidence: String?
  public var note: String
  public var author: String

  public init(ref: String, value: String, confidence: String? = nil, note: String = "", author: String = "") {
    self.ref = ref
    self.value = value
    self.confidence = confidence
    self.note = note
    self.author = author
  }

  /// Parses a form body; nil without `ref` and `value` or with a field given twice.
  public init?(form: String) {
    var fields: [String: String] = [:]
    for pair in form.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first.flatMap({ Self.decode($0) }),
        let value = Self.decode(parts.count > 1 ? parts[1] : ""),
        fields.updateValue(value, forKey: name) == nil
      else { return nil }
    }
    guard let ref = fields["ref"], let value = fields["value"], !ref.isEmpty, !value.isEmpty else { return nil }
    self.init(
      ref: ref, value: value, confidence: fields["confidence"].flatMap { $0.isEmpty ? nil : $0 },
      note: fields["note"] ?? "", author: fields["author"] ?? "")
  }

  /// Percent-decoding with `+` as space; nil for a broken escape or bytes that are not UTF-8.
  static func decode(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var utf8 = text.utf8.makeIterator()
    while let b = utf8.next() {
      switch b {
      case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let h = utf8.next().flatMap(hex), let l = utf8.next().flatMap(hex) else { return nil }
        bytes.append(h << 4 | l)
      default: bytes.append(b)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  static func hex(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

public enum CheckInOutcome: Sendable, Equatable {
  /// The confirmation line, as `cascade checkin` prints it.
  case recorded(String)
  /// Why not (one line, with the position of the problem).
  case refused(String)
}
