import CascadeCore
import CascadeTestSupport
import Testing

@Suite struct ExamplePlanTests {
  @Test(arguments: ["sales-en", "sales-zh"])
  func examplePlansValidateWithoutErrorsOrWarnings(_ name: String) throws {
    let result = try Linter.validate(paths: [repositoryRoot + "/Plans/" + name])
    let problems = result.diagnostics.filter { $0.severity != .info }
    #expect(problems.isEmpty, "\(problems.map { "\($0.location.line): \($0.message.en) [\($0.rule)]" })")
    #expect(result.summary.units >= 8)
    #expect(result.summary.keyResults >= 30)
  }

  @Test func mistakesPlanShowsEachKindOfMistake() throws {
    let result = try Linter.validate(paths: [repositoryRoot + "/Plans/mistakes"])
    let expected: Set = [
      "unknown-field", "unresolved-ref", "alignment-cycle", "unit-parent-missing", "kr-direction-mismatch",
      "kr-no-target", "kr-vague-wording", "kr-activity", "kr-due-outside-cycle", "objective-no-krs",
      "level-order", "unaligned-objective",
    ]
    #expect(expected.isSubset(of: result.rules()), "missing: \(expected.subtracting(result.rules()))")
    #expect(result.hasErrors)
  }

  @Test func theChineseAndEnglishExamplesHaveTheSameShape() throws {
    let en = try Linter.validate(paths: [repositoryRoot + "/Plans/sales-en"]).summary
    let zh = try Linter.validate(paths: [repositoryRoot + "/Plans/sales-zh"]).summary
    #expect(en.units == zh.units && en.objectives == zh.objectives && en.keyResults == zh.keyResults)
  }
}
