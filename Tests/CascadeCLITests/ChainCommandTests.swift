import Foundation
import Testing

/// Issue 8 (defect 10): `status` on a chain of units, each summing the next, took 44 s at 10,000
/// units (quadratic scoring, and an indentation that grew with depth). It must complete, with
/// the right value everywhere and output that grows with the plan, not with its square.
@Suite struct ChainCommandTests {
  static let count = 20_000

  /// A new folder holding the chain; the caller removes it.
  static func plan() throws -> String {
    let dir = try CLI.temporaryDirectory()
    var yaml = ""
    yaml.reserveCapacity(count * 300)
    for i in 0..<count {
      if i > 0 { yaml += "---\n" }
      yaml += "unit: u\(i)\nname: Unit \(i)\nlevel: \(i == 0 ? "company" : "team")\n"
      if i > 0 { yaml += "parent: u\(i - 1)\n" }
      yaml += "cycle: 2027-Q1\nobjectives:\n  - id: o\n    title: Grow revenue\n"
      if i > 0 { yaml += "    aligns_to: u\(i - 1)/o\n" }
      yaml += "    key_results:\n      - {id: k, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD"
      if i < count - 1 { yaml += ", aggregate: sum" }
      if i > 0 { yaml += ", contributes_to: u\(i - 1)/o/k" }
      yaml += "}\n"
    }
    let csv = "date,key_result,value,confidence,note,author\n2027-02-01,u\(count - 1)/o/k,42,0.9,,\n"
    try yaml.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
    try csv.write(toFile: dir + "/checkins.csv", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func statusJSONOnATwentyThousandUnitChain() throws {
    let dir = try Self.plan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["status", dir, "--as-of", "2027-02-28", "--format", "json"])
    // A team below a team is a level-order error: status says so on stderr and still scores.
    #expect(r.status == 0, "\(r.stderr.prefix(500))")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let krs = try #require(o["key_results"] as? [[String: Any]])
    #expect(krs.count == Self.count)
    #expect(krs.allSatisfy { $0["current"] as? Double == 42 && $0["progress"] as? Double == 0.42 })
  }

  @Test func statusTextOnATwentyThousandUnitChainStaysLinear() throws {
    let dir = try Self.plan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["status", dir, "--as-of", "2027-02-28"])
    #expect(r.status == 0, "\(r.stderr.prefix(500))")
    // Three lines a unit; indented by depth this was 1.2 GB.
    #expect(r.stdout.utf8.count < 200 * 3 * Self.count)
    #expect(r.stdout.contains("Unit 19999 (u19999, team)"))
    #expect(r.stdout.components(separatedBy: "now 42 USD").count - 1 == Self.count)
  }
}
