extension Wording {
  /// What the rules' Chinese messages share: level words in place of "unit", quoted ids and
  /// chains, and whether a plan's text is written in Chinese (so that examples in a message
  /// use the plan's own units).
  enum Zh {
    /// 公司 / 部门 / 团队 / 个人, or 单元 when the level is unknown.
    static func level(_ level: Level?) -> String {
      switch level {
      case .company?: "公司"
      case .department?: "部门"
      case .team?: "团队"
      case .individual?: "个人"
      case nil: "单元"
      }
    }

    /// A unit by its level and id: `部门「sales」`.
    static func unit(_ id: String, _ level: Level?) -> String { self.level(level) + quotedZh(id) }

    static func unit(_ u: Unit) -> String { unit(u.id, u.level) }

    /// Ids joined by arrows, each quoted: `「a」→「b」→「a」`.
    static func chain(_ ids: some Sequence<String>) -> String {
      ids.map { quotedZh($0) }.joined(separator: "→")
    }

    /// True when the text holds a Han character: a title or unit written in Chinese.
    static func isChinese(_ text: some StringProtocol) -> Bool {
      text.unicodeScalars.contains { Scalars.isHan($0) }
    }

    /// Finds which of a list of words comes first in a text (the longest at one place), with
    /// one lookup per character: messages name the word a title is built on.
    struct WordFinder: Sendable {
      private let byFirst: [Character: [String]]

      init(_ words: [String]) {
        var byFirst: [Character: [String]] = [:]
        for w in words {
          if let f = w.first { byFirst[f, default: []].append(w) }
        }
        self.byFirst = byFirst.mapValues { $0.sorted { $0.count > $1.count } }
      }

      func first(in text: String) -> String? {
        var i = text.startIndex
        while i < text.endIndex {
          if let candidates = byFirst[text[i]] {
            let rest = text[i...]
            if let w = candidates.first(where: { rest.hasPrefix($0) }) { return w }
          }
          text.formIndex(after: &i)
        }
        return nil
      }
    }

    /// The kind as a user reads it in Chinese: `提升型（increase）`.
    static func kind(_ kind: KeyResultKind) -> String {
      switch kind {
      case .increase: "提升型（increase）"
      case .decrease: "降低型（decrease）"
      case .stayAbove: "保持型（stay_above）"
      case .stayBelow: "控制型（stay_below）"
      case .milestone: "里程碑（milestone）"
      }
    }
  }
}
