import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore

/// YAML's core tags are honoured and other tags diagnosed; unknown fields name what they are in.
@Suite struct TagTests {
  static func plan(baseline: String = "0", target: String = "50", owner: String = "Li", title: String = "Grow")
    -> String
  {
    """
    unit: acme
    name: Acme
    level: company
    owner: \(owner)
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: \(title)
        key_results:
          - id: deals
            title: 50 deals
            baseline: \(baseline)
            target: \(target)
            unit: deals
    """
  }

  func schema(_ r: LintResult) -> [String] {
    r.diagnostics.filter { $0.rule == "schema" }.map { "\($0.location.line): \($0.message.en)" }
  }

  @Test func aStringTagMakesANumberText() throws {
    let r = try lint(Self.plan(baseline: "!!str 0"))
    let s = schema(r)
    #expect(s.count == 1, "\(s)")
    #expect(s.first?.hasPrefix("12: 'baseline' must be a number") == true, "\(s)")
    #expect(s.first?.contains("!!str") == true, "\(s)")
    #expect(r.plan.units.first?.objectives.first?.keyResults.first?.baseline == nil)
  }

  @Test func numberTagsMakeQuotedTextANumber() throws {
    let r = try lint(Self.plan(baseline: "!!int \"10\"", target: "!!float '50.5'"))
    #expect(schema(r).isEmpty, "\(schema(r))")
    let kr = r.plan.units.first?.objectives.first?.keyResults.first
    #expect(kr?.baseline == 10)
    #expect(kr?.target == 50.5)
    // A verbatim tag is the same tag.
    let verbatim = try lint(Self.plan(target: "!<tag:yaml.org,2002:int> \"40\""))
    #expect(verbatim.plan.units.first?.objectives.first?.keyResults.first?.target == 40)
  }

  @Test func aTaggedValueMustFitItsTag() throws {
    for (value, tag) in [("!!int 1.5", "!!int"), ("!!int many", "!!int"), ("!!float .inf", "!!float")] {
      let s = schema(try lint(Self.plan(target: value)))
      #expect(s.contains { $0.hasPrefix("13: ") && $0.contains(tag) }, "\(value): \(s)")
    }
    let owner = schema(try lint(Self.plan(owner: "!!null Li")))
    #expect(owner.contains { $0.hasPrefix("4: ") && $0.contains("!!null") }, "\(owner)")
    let bool = schema(try lint(Self.plan(owner: "!!bool maybe")))
    #expect(bool.contains { $0.hasPrefix("4: ") && $0.contains("!!bool") }, "\(bool)")
  }

  @Test func nullAndTextTagsWork() throws {
    let r = try lint(Self.plan(owner: "!!null", title: "!!str 2027"))
    #expect(schema(r).isEmpty, "\(schema(r))")
    #expect(r.plan.units.first?.owner == nil)
    #expect(r.plan.units.first?.objectives.first?.title == "2027")
    // The non-specific tag `!` also means text.
    let bang = try lint(Self.plan(baseline: "! 0"))
    #expect(schema(bang).contains { $0.hasPrefix("12: 'baseline' must be a number") })
  }

  @Test func collectionTagsMustMatch() throws {
    let fine = try lint(Self.plan().replacingOccurrences(of: "objectives:", with: "objectives: !!seq"))
    #expect(schema(fine).isEmpty, "\(schema(fine))")
    let wrong = try lint(Self.plan().replacingOccurrences(of: "objectives:", with: "objectives: !!map"))
    #expect(schema(wrong).contains { $0.hasPrefix("6: ") && $0.contains("!!map") }, "\(schema(wrong))")
    let text = try lint(Self.plan(title: "!!str {a: b}"))
    #expect(schema(text).contains { $0.hasPrefix("8: ") && $0.contains("!!str") }, "\(schema(text))")
  }

  @Test(arguments: ["!foo", "!!binary", "!!timestamp", "!e!thing"])
  func unknownTagsAreDiagnosed(_ tag: String) throws {
    var text = Self.plan(title: "\(tag) Grow")
    if tag.hasPrefix("!e!") { text = "%TAG !e! tag:example.com,2027:\n---\n" + text }
    let r = try lint(text)
    let d = try #require(r.diagnostics.first { $0.message.en.contains("tag") }, "\(r.diagnostics.map(\.message.en))")
    #expect(d.rule == "schema")
    #expect(d.location.line == (tag.hasPrefix("!e!") ? 10 : 8))
    #expect(d.message.en.utf8.count < 300)
    #expect(r.hasErrors)
  }

  @Test func aLongTagIsQuotedBounded() throws {
    let r = try lint(Self.plan(title: "!" + String(repeating: "x", count: 5000) + " Grow"))
    let d = try #require(r.diagnostics.first { $0.message.en.contains("tag") })
    #expect(d.message.en.utf8.count < 300)
  }
}

@Suite struct UnknownFieldSubjectTests {
  @Test func unknownFieldsNameTheirUnitObjectiveOrKeyResult() throws {
    let r = try lint(
      """
      unit: acme
      name: Acme
      level: company
      colour: red
      cycle: {start: 2027-01-01, end: 2027-03-31, colour: red}
      objectives:
        - id: grow
          title: Grow
          colour: red
          key_results:
            - id: deals
              title: 50 deals
              baseline: 0
              target: 50
              unit: deals
              colour: red
        - colour: red
          key_results:
            - {colour: red, id: late, title: 5 deals, baseline: 0, target: 5, unit: deals}
          id: after
          title: After
      """)
    let subjects = r.diagnostics.filter { $0.rule == "unknown-field" }.map {
      "\($0.location.line) \($0.subject ?? "null")"
    }
    #expect(
      subjects.sorted() == [
        "16 acme/grow/deals", "17 acme/after", "19 acme/after/late", "4 acme", "5 acme", "9 acme/grow",
      ], "\(subjects)")
  }

  @Test func theJSONSubjectIsTheReference() throws {
    let r = try lint(
      """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow
          key_results:
            - {id: deals, title: 50 deals, baseline: 0, target: 50, unit: deals, colour: red}
      """)
    #expect(r.first("unknown-field")?.subject == "acme/grow/deals")
  }
}
