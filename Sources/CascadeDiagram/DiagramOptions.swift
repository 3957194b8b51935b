import CascadeCore
import CascadeReport
import Graphviz

/// What a diagram shows and how it is laid out.
public struct DiagramOptions: Sendable, Equatable {
  public enum Direction: String, Sendable, CaseIterable {
    /// The company at the top, individuals at the bottom (Graphviz `rankdir=TB`).
    case topToBottom = "TB"
    /// The company on the left (Graphviz `rankdir=LR`).
    case leftToRight = "LR"
  }

  /// A unit id (`sales-east`): that unit, everything below it and its chain up to the top; or an
  /// objective reference (`sales/hit-revenue`, a key result reference selects its objective):
  /// that objective, everything that aligns or contributes to it from below (transitively) and
  /// the objectives it links to upward (transitively). Nil shows the whole plan.
  public var focus: String?
  /// Levels shown below the top: below the focused unit (or the focused objective's unit) when
  /// there is a focus, below the top units otherwise. 0 shows only the top; nil shows all.
  public var depth: Int?
  /// Only units of these levels (units whose level is unknown are hidden); nil shows all.
  public var levels: Set<Level>?
  /// One row per key result inside each objective; false shows objectives alone.
  public var showKeyResults = true
  public var direction = Direction.topToBottom
  /// The title line; nil means plan name, cycle and `date`.
  public var title: String?
  /// The day the diagram shows ("as of"), added to the default title.
  public var date: Day?
  /// Columns before a title wraps (an East Asian wide character counts 2).
  public var wrapWidth = 28
  /// Draw the legend.
  public var showLegend = true
  /// The language of every word the diagram shows (legend, statuses, the title line, problem
  /// notes, split pages); what the plan says is shown as written.
  public var language: Language = .en
  /// For the meeting page (`cascade serve`, `cascade site`): objectives and key results carry
  /// SVG ids, classes and `#o/…` / `#k/…` links to their details.
  public var interactive = false

  public init(
    focus: String? = nil, depth: Int? = nil, levels: Set<Level>? = nil, showKeyResults: Bool = true,
    direction: Direction = .topToBottom, title: String? = nil, date: Day? = nil, wrapWidth: Int = 28,
    showLegend: Bool = true, language: Language = .en
  ) {
    self.focus = focus
    self.depth = depth
    self.levels = levels
    self.showKeyResults = showKeyResults
    self.direction = direction
    self.title = title
    self.date = date
    self.wrapWidth = wrapWidth
    self.showLegend = showLegend
    self.language = language
  }
}

extension Status {
  /// Shown next to the colour, so the status reads in black and white too.
  public var diagramLabel: String { diagramLabel(.en) }

  /// ``diagramLabel`` in `language`: `✔ done` / `✔ 已完成`.
  public func diagramLabel(_ language: Language) -> String { DiagramWords.status(self).text(language) }

  /// The order the legend lists them in.
  static let legendOrder: [Status] = [.notStarted, .onTrack, .atRisk, .offTrack, .done]
}

/// Scores to show on the diagram, computed elsewhere (check-ins and scoring). Optional: without
/// it the diagram shows the plan alone.
public struct DiagramProgress: Sendable {
  public struct KeyResultMark: Sendable, Equatable {
    /// 0 = baseline, 1 = target reached; values outside 0...1 are shown as they are and the bar is clamped.
    public var progress: Double
    public var status: Status
    /// The latest value, in the key result's unit.
    public var current: Double?
    /// No check-in for longer than `stale_after_days`.
    public var stale: Bool

    public init(progress: Double, status: Status, current: Double? = nil, stale: Bool = false) {
      self.progress = progress
      self.status = status
      self.current = current
      self.stale = stale
    }
  }

  public struct ObjectiveMark: Sendable, Equatable {
    /// 0...1, as for key results.
    public var progress: Double
    public var status: Status

    public init(progress: Double, status: Status) {
      self.progress = progress
      self.status = status
    }
  }

  public var keyResults: [KeyResultAddress: KeyResultMark]
  public var objectives: [ObjectiveAddress: ObjectiveMark]
  /// Per unit (plan order), the unit with every unit below it (``Scorecard/subtrees(_:)``);
  /// empty when not known.
  public var subtrees: [SubtreeScore]

  public init(
    keyResults: [KeyResultAddress: KeyResultMark] = [:], objectives: [ObjectiveAddress: ObjectiveMark] = [:],
    subtrees: [SubtreeScore] = []
  ) {
    self.keyResults = keyResults
    self.objectives = objectives
    self.subtrees = subtrees
  }
}

/// Why no diagram could be made.
public enum DiagramError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `focus` names no unit or objective; `suggestion` is the closest existing one.
  case unknownFocus(String, suggestion: String?)
  /// An option is out of range (negative depth, wrap width below 1).
  case invalidOption(Message)
  /// Graphviz could not lay out or render the DOT source.
  case graphviz(Graphviz.Error)

  /// The English text.
  public var description: String { message.en }

  /// What went wrong, for a person, in every language.
  public var message: Message {
    switch self {
    case .unknownFocus(let focus, let suggestion): DiagramWords.unknownFocus(focus, suggestion: suggestion)
    case .invalidOption(let message): message
    case .graphviz(let error): .verbatim(error.description)
    }
  }
}

extension DiagramProgress {
  /// The diagram's view of a scorecard.
  public init(_ card: Scorecard, _ result: LintResult) {
    var krs: [KeyResultAddress: KeyResultMark] = [:]
    for s in card.keyResults {
      krs[s.address] = KeyResultMark(progress: s.progress, status: s.status, current: s.current, stale: s.stale)
    }
    var objectives: [ObjectiveAddress: ObjectiveMark] = [:]
    for o in card.objectives { objectives[o.address] = ObjectiveMark(progress: o.score, status: o.status) }
    self.init(keyResults: krs, objectives: objectives, subtrees: card.subtrees(result))
  }
}
