import CascadeCore
import CascadeDiagram
import CascadeReport
import Foundation
import Graphviz

/// What one fuzz input is fed to.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The bytes are one plan file: decoded, linted, scored, reported in every format, drawn as DOT.
  case plan
  /// The bytes are `checkins.csv` for a fixed plan (Plans/sales-en): read, scored, reported.
  case checkins
  /// The bytes are one text shown in a diagram: escaped into a DOT string and, as the diagrams
  /// do, into HTML-like labels, laid out and rendered to SVG by libgvc.
  case label
}

/// Runs one input through a part of Cascade and checks the promises the README makes about
/// hostile input: no trap, diagnostics with a position and on one line, no control character
/// reaching text output, JSON that parses, DOT and labels that Graphviz accepts without a word.
///
/// Used by the libFuzzer entry point (`cascade-fuzz`, built with `-sanitize=fuzzer`), which
/// aborts on the first broken promise so the fuzzer keeps the input, and by the tests, which
/// replay the seed corpus and every crash kept in `Tests/Fuzz/regressions`.
public enum FuzzHarness {
  /// The broken promises for this input (empty when every one held).
  public static func run(_ target: FuzzTarget, _ bytes: [UInt8], render: Bool = false) -> [String] {
    var problems = Problems()
    switch target {
    case .plan:
      let loaded = PlanLoader.load(inMemoryBytes: [("plan.yaml", bytes)])
      check(Linter.lint(loaded), render: render, &problems)
    case .checkins:
      guard var loaded = basePlan else { return ["the base plan (Plans/sales-en) could not be loaded"] }
      loaded.plan.checkIns = ("checkins.csv", bytes)
      check(Linter.lint(loaded), render: render, &problems)
    case .label:
      checkLabel(String(decoding: bytes, as: UTF8.self), &problems)
    }
    return problems.list
  }

  /// The plan the check-ins target scores against, read once.
  static let basePlan: LoadedPlan? = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return try? PlanLoader.load(paths: [url.path + "/Plans/sales-en"])
  }()

  struct Problems {
    var list: [String] = []
    mutating func add(_ text: String) {
      if list.count < 20 { list.append(text) }
    }
  }

  /// Longest diagnostic message allowed: messages quote input, but only so much of it.
  static let maxMessage = 2_000
  /// Most diagnostics of one rule in one file (the cap plus the line counting the rest).
  static let maxPerRuleAndFile = 101

  static func check(_ result: LintResult, render: Bool, _ problems: inout Problems) {
    var perRule: [String: Int] = [:]
    for d in result.diagnostics {
      if d.location.line < 1 || d.location.column < 1 {
        problems.add("\(d.rule) at \(d.location.line):\(d.location.column): no position")
      }
      if d.rule.isEmpty || !d.rule.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) {
        problems.add("rule id \(d.rule.debugDescription) is not stable-looking")
      }
      for language in Language.allCases {
        let message = d.message.text(language)
        if message.count > maxMessage { problems.add("\(d.rule): message of \(message.count) characters") }
        if let bad = firstInvisible(message, allowNewline: false) {
          problems.add("\(d.rule): message holds \(bad): \(message.debugDescription.prefix(200))")
        }
      }
      perRule["\(d.location.file) \(d.rule)", default: 0] += 1
    }
    for (key, count) in perRule where count > maxPerRuleAndFile {
      problems.add("\(count) diagnostics for \(key)")
    }

    let asOf = result.planCycle.map { Day(ordinal: $0.start.ordinal + $0.length / 2) } ?? Day(ordinal: 20_000)
    let card = Scorer.score(result, asOf: asOf)
    for language in Language.allCases {
      let p = Presentation(language: language)
      checkText("validate (text, \(language))", TextDiagnosticFormatter().format(result, p), &problems)
      checkJSON("validate (json, \(language))", JSONDiagnosticFormatter().format(result, p), &problems)
      checkText("status (text, \(language))", StatusTextFormatter().format(card, result, unit: nil, p), &problems)
      checkText(
        "status (markdown, \(language))", StatusMarkdownFormatter().format(card, result, unit: nil, p), &problems)
      let since = Day(ordinal: asOf.ordinal - 30)
      checkText("review (\(language))", ReviewAgenda(since: since, asOf: asOf).markdown(result, p), &problems)
      for u in result.plan.units.indices.prefix(3) {
        checkText("explain (\(language))", Explanation.text(.unit(u), result, asOf: asOf, p), &problems)
      }
      if let k = card.keyResults.first {
        checkText("explain (\(language))", Explanation.text(.keyResult(k.address), result, asOf: asOf, p), &problems)
      }
    }
    checkJSON("status (json)", StatusJSONFormatter().format(card, result, unit: nil, .plain), &problems)

    let progress = DiagramProgress(card, result)
    do {
      let dot = try CascadeDiagram.dot(for: result, progress: progress)
      if let bad = firstInvisible(dot, allowNewline: true, allowTab: true) {
        problems.add("DOT holds \(bad)")
      }
      if render {
        let output = try Graphviz.renderWithWarnings(dot: dot, format: .svg)
        for w in output.warnings { problems.add("Graphviz warns on the diagram: \(w.prefix(200))") }
      }
    } catch {
      problems.add("the diagram failed: \(String(describing: error).prefix(200))")
    }
  }

  /// Text output: every character a terminal could act on is made visible first.
  static func checkText(_ what: String, _ text: String, _ problems: inout Problems) {
    if let bad = firstInvisible(text, allowNewline: true) {
      problems.add("\(what) output holds \(bad)")
    }
  }

  static func checkJSON(_ what: String, _ text: String, _ problems: inout Problems) {
    if let problem = StrictJSON.problem(in: Array(text.utf8)) {
      problems.add("\(what) output is not JSON (\(problem)): \(text.prefix(200).debugDescription)")
      return
    }
    if let bad = firstInvisible(text, allowNewline: true) { problems.add("\(what) output holds \(bad) raw") }
  }

  /// One text in a diagram, both as a quoted DOT label and inside an HTML-like label: Graphviz
  /// must accept both without a warning and the SVG must carry the text.
  static func checkLabel(_ text: String, _ problems: inout Problems) {
    checkLabelSource(text, CascadeDiagram.labelText(text), &problems)
  }

  /// `html` is `text` as it goes into the HTML-like label (escaped, unless a test says otherwise).
  /// Each node puts it in one of the contexts the diagrams use (a cell, bold, a font, around a
  /// line break), one context per node, because Graphviz's HTML lexer judges a text run by
  /// what surrounds it (a lone `]` fails in some cells and not in others).
  static func checkLabelSource(_ text: String, _ html: String, _ problems: inout Problems) {
    let contexts = [
      "<TD>\(html)</TD>", "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>\(html)</B></TD>",
      "<TD><FONT COLOR=\"#52606d\" POINT-SIZE=\"10\">\(html)</FONT></TD>", "<TD>\(html)<BR/>\(html)</TD>",
    ]
    var dot = "digraph g {\n  a [label=\(Graphviz.quoteID(text))];\n"
    for (i, cell) in contexts.enumerated() {
      dot += "  n\(i) [shape=plain label=<<TABLE><TR>\(cell)</TR></TABLE>>];\n  a -> n\(i);\n"
    }
    dot += "}\n"
    do {
      let output = try Graphviz.renderWithWarnings(dot: dot, format: .svg)
      for w in output.warnings {
        problems.add("Graphviz warns on \(text.debugDescription.prefix(100)): \(w.prefix(200))")
      }
      let svg = String(decoding: output.bytes, as: UTF8.self)
      if let bad = firstInvisible(svg, allowNewline: true, allowTab: true) {
        problems.add("the SVG for \(text.debugDescription.prefix(100)) holds \(bad)")
      }
      if !svg.contains("<title>n\(contexts.count - 1)</title>") {
        problems.add("the labels of \(text.debugDescription.prefix(100)) were not drawn")
      }
    } catch {
      problems.add(
        "Graphviz refused the label \(text.debugDescription.prefix(100)): \(String(describing: error).prefix(200))")
    }
  }

  /// The first character in `text` that a terminal would act on or hide instead of showing:
  /// C0 and C1 controls (ESC begins every escape sequence), DEL, line and paragraph separators,
  /// and invisible format characters (bidirectional overrides and isolates among them).
  static func firstInvisible(_ text: String, allowNewline: Bool, allowTab: Bool = false) -> String? {
    for s in text.unicodeScalars {
      switch s.value {
      case 0x0A where allowNewline: continue
      case 0x09 where allowTab: continue
      case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
        return "U+" + String(s.value, radix: 16, uppercase: true)
      case 0x200C, 0x200D: continue  // joiners: emoji and some scripts need them
      case 0x600...0x8FF, 0x180E, 0x200B...0x206F, 0xFEFF...0xFFFB, 0x110BD...:
        // Format characters (bidirectional controls, zero-width spaces, the BOM, tags).
        if s.properties.generalCategory == .format { return "U+" + String(s.value, radix: 16, uppercase: true) }
      default: continue
      }
    }
    return nil
  }
}
