import CascadeCore

/// `cascade refs --for UNIT`: what a unit can link to, its chain upward, nearest first, each
/// objective and key result with its reference (what `aligns_to:` and `contributes_to:` take),
/// its title and its status; and `cascade tree`: the whole cascade with every reference and
/// every link.
public enum CascadeRefs {
  /// The units `u` can link to: its parent, then the parent's parent, up to the top.
  public static func chain(_ u: Int, _ result: LintResult) -> [Int] { result.index.ancestors(of: u) }

  // MARK: - refs

  public static func refsText(_ u: Int, _ result: LintResult, _ card: Scorecard, _ p: Presentation) -> String {
    let index = result.index
    let unit = index.unit(u)
    let chain = Self.chain(u, result)
    var out = p(Messages.refsHeading(unit.id, card.asOf)) + "\n"
    if chain.isEmpty { return out + p(Messages.nothingAbove(unit.id)) + "\n" }
    for a in chain {
      let above = index.unit(a)
      out += "\n\(above.id)  \(visible(above.name))\(level(above.level, p))\n"
      for oi in above.objectives.indices {
        let o = ObjectiveAddress(unit: a, objective: oi)
        let objective = index.objective(o)
        out += "  \(index.reference(o))  \(visible(objective.title))\(standing(card.score(of: o), p))\n"
        for k in objective.keyResults.indices {
          let ks = card.score(of: KeyResultAddress(o, k))
          out +=
            "    \(index.reference(o, keyResult: k))  \(visible(objective.keyResults[k].title))"
            + "\(standing(ks.map { ($0.score, $0.status) }, p))\n"
        }
      }
    }
    out += "\n" + p(Messages.refsHint) + "\n"
    return out
  }

  public static func refsJSON(_ u: Int, _ result: LintResult, _ card: Scorecard, _ p: Presentation) -> String {
    let index = result.index
    var w = JSONWriter()
    w.object { w in
      w.field("unit", index.unit(u).id)
      w.field("as_of", card.asOf.description)
      w.key("chain")
      w.array(Self.chain(u, result)) { w, a in
        let above = index.unit(a)
        w.object { w in
          w.field("id", above.id)
          w.field("name", above.name)
          w.field("level", above.level?.rawValue)
          w.key("objectives")
          w.array(above.objectives.indices) { w, oi in
            let o = ObjectiveAddress(unit: a, objective: oi)
            let objective = index.objective(o)
            let s = card.score(of: o)
            w.object { w in
              w.field("ref", index.reference(o))
              w.field("title", objective.title)
              w.field("type", objective.type.rawValue)
              w.field("score", s?.score)
              w.field("status", s?.status.rawValue)
              w.key("key_results")
              w.array(objective.keyResults.indices) { w, k in
                let ks = card.score(of: KeyResultAddress(o, k))
                w.object { w in
                  w.field("ref", index.reference(o, keyResult: k))
                  w.field("title", objective.keyResults[k].title)
                  w.field("score", ks?.score)
                  w.field("status", ks?.status.rawValue)
                }
              }
            }
          }
        }
      }
    }
    return w.outputLine()
  }

  static func standing(_ s: ObjectiveScore?, _ p: Presentation) -> String {
    standing(s.map { ($0.score, $0.status) }, p)
  }

  static func standing(_ s: (score: Double, status: Status)?, _ p: Presentation) -> String {
    guard let s else { return "" }
    let percent = NumberFormat.clampedInt(s.score * 100, in: 0...100)
    return "  " + p.style.status("\(percent)% \(p(Words.status(s.status)))", s.status)
  }

  /// ` (team)`, `（团队）`.
  static func level(_ l: Level?, _ p: Presentation) -> String {
    p(Message(en: " (\(Words.level(l).en))", zh: "（\(Words.level(l).zh)）"))
  }

  /// ` → a, b`: where an objective or key result links, or nothing.
  static func links(_ arrow: String, _ refs: [Reference]) -> String {
    refs.isEmpty ? "" : " \(arrow) " + refs.map { visible($0.description) }.joined(separator: ", ")
  }

  // MARK: - tree

  /// Every unit (below `root`, at most `depth` levels), its objectives with what they align to
  /// (`→`), and their key results with what they contribute to (`⇢`).
  public static func treeText(
    _ result: LintResult, _ card: Scorecard, root: Int?, depth: Int?, _ p: Presentation
  ) -> String {
    let index = result.index
    var out = ""
    for (u, below) in result.unitTree(root: root) where depth.map({ below <= $0 }) ?? true {
      let pad = LintResult.indent(depth: below)
      let unit = index.unit(u)
      out += "\(pad)\(unit.id)  \(visible(unit.name))\(level(unit.level, p))\n"
      for oi in unit.objectives.indices {
        let o = ObjectiveAddress(unit: u, objective: oi)
        let objective = index.objective(o)
        let links = Self.links("→", objective.alignsTo)
        out += "\(pad)  \(index.reference(o))\(links)  \(visible(objective.title))\(standing(card.score(of: o), p))\n"
        for (k, kr) in objective.keyResults.enumerated() {
          let links = Self.links("⇢", kr.contributesTo)
          let ks = card.score(of: KeyResultAddress(o, k))
          out +=
            "\(pad)    \(index.reference(o, keyResult: k))\(links)  \(visible(kr.title))"
            + "\(standing(ks.map { ($0.score, $0.status) }, p))\n"
        }
      }
    }
    return out
  }

  public static func treeJSON(_ result: LintResult, _ card: Scorecard, root: Int?, depth: Int?) -> String {
    let index = result.index
    var w = JSONWriter()
    w.object { w in
      w.field("as_of", card.asOf.description)
      w.key("units")
      w.array(result.unitTree(root: root).filter { e in depth.map { e.depth <= $0 } ?? true }) { w, e in
        let unit = index.unit(e.unit)
        w.object { w in
          w.field("id", unit.id)
          w.field("name", unit.name)
          w.field("level", unit.level?.rawValue)
          w.field("depth", e.depth)
          w.field("parent", index.parent[e.unit].map { index.unit($0).id })
          w.key("objectives")
          w.array(unit.objectives.indices) { w, oi in
            let o = ObjectiveAddress(unit: e.unit, objective: oi)
            let objective = index.objective(o)
            w.object { w in
              w.field("ref", index.reference(o))
              w.field("title", objective.title)
              w.field("status", card.score(of: o)?.status.rawValue)
              w.key("aligns_to")
              w.array(objective.alignsTo) { w, r in w.value(r.description) }
              w.key("key_results")
              w.array(objective.keyResults.indices) { w, k in
                let kr = objective.keyResults[k]
                w.object { w in
                  w.field("ref", index.reference(o, keyResult: k))
                  w.field("title", kr.title)
                  w.field("status", card.score(of: KeyResultAddress(o, k))?.status.rawValue)
                  w.key("contributes_to")
                  w.array(kr.contributesTo) { w, r in w.value(r.description) }
                }
              }
            }
          }
        }
      }
    }
    return w.outputLine()
  }

  // MARK: - Messages

  enum Messages {
    static func refsHeading(_ unit: String, _ day: Day) -> Message {
      Message(
        en: "What \(unit) can link to (its chain up, nearest first), as of \(day):",
        zh: "\(unit) 可以对齐的目标和关键结果（逐级向上，由近及远），截至 \(day)：")
    }

    static func nothingAbove(_ unit: String) -> Message {
      Message(
        en: "\(unit) has no unit above it: it is the top of the cascade.", zh: "\(unit) 上面没有单元：它就是最上层。")
    }

    static let refsHint = Message(
      en: "Write an objective's reference under aligns_to:, a key result's under contributes_to:.",
      zh: "把目标的引用写在 aligns_to: 下，把关键结果的引用写在 contributes_to: 下。")
  }
}
