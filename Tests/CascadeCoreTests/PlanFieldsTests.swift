import CascadeTestSupport
import Testing

@testable import CascadeCore

/// The field table `cascade schema` is written from is the decoder's: every field in it is
/// read without complaint, with the example value the table gives, and a field not in it is
/// unknown. (The Python schema test checks the other side: plans the schema accepts validate.)
@Suite struct PlanFieldsTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow revenue
        key_results:
          - id: revenue
            title: Revenue from 5 to 6 M USD
            baseline: 5
            target: 6
            unit: M USD
    """

  /// The plan with `field: example` set in the mapping whose keys are indented by `indent`
  /// and which holds `anchor` (replacing the field's line when it is there).
  static func with(_ field: PlanField, indent: String, after anchor: String) -> String {
    var lines = plan.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let line = indent + field.name + ": " + field.example
    if let i = lines.firstIndex(where: { $0.hasPrefix(indent + field.name + ":") }) {
      // A list field replaced by its example drops the list's items below it.
      var end = i + 1
      while end < lines.count, lines[end].hasPrefix(indent + " ") || lines[end].hasPrefix(indent + "-") { end += 1 }
      lines.replaceSubrange(i..<end, with: [line])
    } else if let i = lines.firstIndex(of: anchor) {
      lines.insert(line, at: i + 1)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func schemaProblems(_ yaml: String, config: String? = nil) -> [String] {
    var files = [("plan.yaml", yaml)]
    if let config { files.append(("cascade.yaml", config)) }
    let result = Linter.lint(PlanLoader.load(inMemory: files))
    return result.diagnostics.filter { $0.rule == "schema" || $0.rule == "unknown-field" }.map(\.message.en)
  }

  @Test(arguments: PlanFields.unit.map(\.name))
  func everyUnitFieldIsRead(_ name: String) throws {
    let field = try #require(PlanFields.unit.first { $0.name == name })
    let yaml = Self.with(field, indent: "", after: "cycle: 2027-Q1")
    #expect(yaml.contains(name + ": " + field.example))
    #expect(Self.schemaProblems(yaml).isEmpty, "\(yaml)")
  }

  @Test(arguments: PlanFields.objective.map(\.name))
  func everyObjectiveFieldIsRead(_ name: String) throws {
    let field = try #require(PlanFields.objective.first { $0.name == name })
    let yaml = Self.with(field, indent: "    ", after: "    title: Grow revenue")
    #expect(yaml.contains(name + ": " + field.example))
    #expect(Self.schemaProblems(yaml).isEmpty, "\(yaml)")
  }

  @Test(arguments: PlanFields.keyResult.map(\.name))
  func everyKeyResultFieldIsRead(_ name: String) throws {
    let field = try #require(PlanFields.keyResult.first { $0.name == name })
    let yaml = Self.with(field, indent: "        ", after: "        unit: M USD")
    #expect(yaml.contains(name + ": " + field.example))
    #expect(Self.schemaProblems(yaml).isEmpty, "\(yaml)")
  }

  @Test(arguments: PlanFields.configuration.map(\.name))
  func everySettingIsRead(_ name: String) throws {
    let field = try #require(PlanFields.configuration.first { $0.name == name })
    #expect(Self.schemaProblems(Self.plan, config: "\(field.name): \(field.example)\n").isEmpty)
  }

  @Test func aFieldOutsideTheTableIsUnknown() {
    let yaml = Self.plan.replacingFirst("        unit: M USD", with: "        unit: M USD\n        owner: Li")
    #expect(Self.schemaProblems(yaml).count == 1)
    #expect(Self.schemaProblems(Self.plan, config: "colour: blue\n").count == 1)
  }

  @Test func requiredFieldsAreTheOnesTheDecoderAsksFor() {
    for field in PlanFields.unit where field.required {
      let yaml = Self.plan.split(separator: "\n").filter { !$0.hasPrefix(field.name + ":") }.joined(separator: "\n")
      #expect(Self.schemaProblems(yaml).contains { $0.contains("'\(field.name)'") }, "\(field.name)")
    }
  }
}
