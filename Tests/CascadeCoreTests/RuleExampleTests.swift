import CascadeCore
import CascadeTestSupport
import Testing

/// Every rule's own examples, SwiftLint style: the triggering ones must produce the rule
/// (at the pinned line, when one is given), the non-triggering ones must not.
@Suite struct RuleExampleTests {
  static let ids = RuleRegistry.all.map { $0.description.id }

  @Test(arguments: ids)
  func triggeringExamplesFire(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(id: id))
    #expect(!rule.description.triggering.isEmpty, "every rule needs a triggering example")
    for (n, example) in rule.description.triggering.enumerated() {
      let result = try TemporaryPlan(example.files).lint()
      let hits = result.diagnostics.filter { $0.rule == id }
      #expect(!hits.isEmpty, "triggering example \(n) of \(id) did not fire; got \(result.rules().sorted())")
      if let (file, line) = example.expectedLine {
        #expect(
          hits.contains { $0.location.line == line && $0.location.file.hasSuffix("/" + file) },
          "example \(n) of \(id) fired at \(hits.map(\.location.line)), expected line \(line)")
      }
      for hit in hits {
        #expect(hit.category == rule.description.category)
        #expect(hit.severity == rule.description.severity)
        #expect(hit.message.en.count < 400)
      }
    }
  }

  @Test(arguments: ids)
  func nonTriggeringExamplesStaySilent(_ id: String) throws {
    let rule = try #require(RuleRegistry.rule(id: id))
    #expect(!rule.description.nonTriggering.isEmpty, "every rule needs a non-triggering example")
    for (n, example) in rule.description.nonTriggering.enumerated() {
      let result = try TemporaryPlan(example.files).lint()
      let hits = result.diagnostics.filter { $0.rule == id }
      #expect(hits.isEmpty, "non-triggering example \(n) of \(id) fired: \(hits.map(\.message.en))")
    }
  }

  @Test func ruleIDsAreUniqueAndWellFormed() {
    #expect(Set(Self.ids).count == Self.ids.count)
    for id in Self.ids { #expect(Identifier.isValid(id)) }
    for rule in RuleRegistry.all { #expect(!rule.description.summary.isEmpty) }
  }

  /// The ids the plan-format contract promises.
  @Test func contractRuleIDsExist() {
    let promised = [
      "yaml-syntax", "schema", "unknown-field", "duplicate-id", "unit-parent-missing", "unit-parent-cycle",
      "level-order", "unresolved-ref", "alignment-cycle", "unaligned-objective", "align-not-upward",
      "cycle-mismatch", "unsupported-objective", "kr-no-target", "kr-no-baseline", "kr-no-unit",
      "kr-target-equals-baseline", "kr-direction-mismatch", "kr-due-outside-cycle", "kr-vague-wording",
      "kr-activity", "objective-no-krs", "objective-too-many-krs", "unit-too-many-objectives",
    ]
    for id in promised { #expect(Self.ids.contains(id), "missing rule \(id)") }
  }
}
