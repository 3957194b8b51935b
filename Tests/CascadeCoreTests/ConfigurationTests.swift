import CascadeCore
import CascadeTestSupport
import Testing

@Suite struct ConfigurationTests {
  static let vague = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: k, title: Improve team morale, baseline: 3, target: 4}
    """

  @Test func severityOverridesAndOff() throws {
    let plan = try TemporaryPlan([
      "plan.yaml": Self.vague,
      "cascade.yaml": "rules:\n  kr-vague-wording: error\n  kr-no-unit: off\n",
    ])
    let r = try plan.lint()
    #expect(r.first("kr-vague-wording")?.severity == .error)
    #expect(r.first("kr-no-unit") == nil)
    #expect(r.hasErrors)
  }

  @Test func defaultsWithoutConfiguration() throws {
    let r = try lint(Self.vague)
    #expect(r.first("kr-vague-wording")?.severity == .warning)
    #expect(r.first("kr-no-unit")?.severity == .info)
  }

  @Test func unknownRuleInConfigurationSuggestsTheRightOne() throws {
    let plan = try TemporaryPlan([
      "plan.yaml": Self.vague, "cascade.yaml": "rules:\n  kr-vage-wording: off\n",
    ])
    let d = try #require(try plan.lint().first("unknown-field"))
    #expect(d.message.en.contains("kr-vague-wording"))
    #expect(d.location.file.hasSuffix("cascade.yaml") && d.location.line == 2)
  }

  @Test func badSettingIsASchemaError() throws {
    let plan = try TemporaryPlan([
      "plan.yaml": Self.vague, "cascade.yaml": "rules:\n  kr-no-unit: loud\nlimits:\n  objectives_per_unit: -1\n",
    ])
    let schema = try plan.lint().diagnostics.filter { $0.rule == "schema" }
    #expect(schema.map(\.location.line).sorted() == [2, 4])
  }

  @Test func limitsComeFromConfiguration() throws {
    let objectives = (1...3).map {
      "  - {id: o\($0), title: O, key_results: [{id: k, title: \($0) deals, baseline: 0, target: \($0), unit: deals}]}"
    }
    let yaml =
      "unit: acme\nname: Acme\nlevel: company\ncycle: 2027-Q1\nobjectives:\n" + objectives.joined(separator: "\n")
    let plan = try TemporaryPlan(["plan.yaml": yaml, "cascade.yaml": "limits:\n  objectives_per_unit: 2\n"])
    #expect(try plan.lint().first("unit-too-many-objectives") != nil)
    #expect(try lint(yaml).first("unit-too-many-objectives") == nil)
  }
}
