import CascadeCore
import CascadeTestSupport
import Testing

/// Diagnostics point at the offending key or value, not the document.
@Suite struct LocationTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow revenue to 6M
        key_results:
          - id: revenue
            title: Revenue to 6M
            kind: increase
            baseline: 7
            target: 6
            unit: M USD
            due: 2027-05-01
    ---
    unit: sales
    name: Sales
    level: department
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: Win
        aligns_to: [acme/grow, acme/grwo]
        key_results:
          - id: deals
            title: 40 deals
            baseline: 20
            target: 40
            unit: deals
            contributes_to: acme/grow/revenu
    """

  @Test func eachDiagnosticPointsAtItsValue() throws {
    let r = try lint(Self.plan)
    func at(_ rule: String) -> [String] {
      r.diagnostics.filter { $0.rule == rule }.map { "\($0.location.line):\($0.location.column)" }
    }
    #expect(at("kr-direction-mismatch") == ["13:17"])
    #expect(at("kr-due-outside-cycle") == ["15:14"])
    #expect(at("unresolved-ref").sorted() == ["25:28", "32:25"])
    #expect(r.first("unresolved-ref")?.message.en.contains("did you mean 'grow'") == true)
    #expect(
      r.diagnostics.first { $0.rule == "unresolved-ref" && $0.location.line == 32 }?.message.en.contains("'revenue'")
        == true)
  }

  @Test func subjectsNameTheItemConcerned() throws {
    let r = try lint(Self.plan)
    #expect(r.first("kr-direction-mismatch")?.subject == "acme/grow/revenue")
    #expect(r.diagnostics.first { $0.rule == "unresolved-ref" && $0.location.line == 25 }?.subject == "sales/win")
    #expect(r.diagnostics.first { $0.rule == "unresolved-ref" && $0.location.line == 32 }?.subject == "sales/win/deals")
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let r = try lint("unit: acme\nname: 星辰科技\nlevel: 公司\ncycle: 2027\n")
    let d = try #require(r.first("schema"))
    #expect(d.location.line == 3 && d.location.column == 8)
    // Multi-byte characters before the value on the same line count once each.
    let after = try lint("unit: acme\nname: 星辰科技\nlevel: company\ncycle: 2027\nobjectives:\n  - {title: 星辰, id: 目标}\n")
    let bad = try #require(after.first("schema"))
    #expect(bad.location.line == 6 && bad.location.column == 21)
  }

  @Test func severalDocumentsInOneFileKeepTheirLines() throws {
    let r = try lint("\(Self.plan)\n---\nunit: extra\nname: X\nlevel: team\nparent: nobody\ncycle: 2027-Q1\n")
    let d = try #require(r.first("unit-parent-missing"))
    #expect(d.location.line == 37 && d.location.column == 9)
  }
}
