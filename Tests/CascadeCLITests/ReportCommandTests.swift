import Foundation
import Testing

@Suite struct ReportCommandTests {
  @Test func statusJSONHasTheContractShape() throws {
    let r = try CLI.run(["status", "Plans/sales-en", "--as-of", "2027-02-28", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(o["as_of"] as? String == "2027-02-28")
    #expect(o["cycle"] as? String == "2027-Q1")
    let krs = try #require(o["key_results"] as? [[String: Any]])
    let objectives = try #require(o["objectives"] as? [[String: Any]])
    let units = try #require(o["units"] as? [[String: Any]])
    #expect(krs.count == 52 && objectives.count == 23 && units.count == 10)
    let contract: Set = [
      "ref", "progress", "score", "status", "current", "baseline", "target", "forecast", "last_checkin",
    ]
    for kr in krs {
      #expect(contract.isSubset(of: Set(kr.keys)))
      #expect(["not_started", "on_track", "at_risk", "off_track", "done"].contains(kr["status"] as? String ?? ""))
      let score = kr["score"] as? Double ?? -1
      #expect((0...1).contains(score))
    }
    for objective in objectives { #expect(Set(objective.keys) == ["ref", "score", "status"]) }
    for unit in units { #expect(Set(unit.keys) == ["id", "score"]) }
    let revenue = try #require(krs.first { $0["ref"] as? String == "acme/grow-sales/revenue" })
    #expect(revenue["current"] as? Double == 5.67)
    #expect(revenue["last_checkin"] as? String != nil)
    #expect(krs.contains { $0["status"] as? String == "not_started" && $0["current"] is NSNull })
  }

  @Test func statusForOneUnitShowsItsSubtreeOnly() throws {
    let r = try CLI.run(["status", "Plans/sales-en", "--as-of", "2027-02-28", "--unit", "sales-east"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("(sales-east, team)"))
    #expect(r.stdout.contains("(zhang-wei, individual)"))
    #expect(!r.stdout.contains("(sales-north"))
    #expect(!r.stdout.contains("\u{1B}["))
    let unknown = try CLI.run(["status", "Plans/sales-en", "--unit", "sales-est"])
    #expect(unknown.status == 2 && unknown.stderr.contains("did you mean 'sales-east'"))
  }

  @Test func statusMarkdownAndChinese() throws {
    let r = try CLI.run(["status", "Plans/sales-zh", "--as-of", "2027-02-28", "--format", "markdown"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("| 每月新增50个客户 |"))
    #expect(r.stdout.contains("## 星辰科技"))
  }

  @Test func reviewAgendaHasEverySection() throws {
    let r = try CLI.run(["review", "Plans/sales-en", "--since", "2027-01-31", "--as-of", "2027-02-28"])
    #expect(r.status == 0, "\(r.stderr)")
    for heading in [
      "## What moved since 2027-01-31", "## At risk or off track", "## Stale", "## Confidence drops",
      "## Objectives nothing below supports", "## Scores by unit",
    ] {
      #expect(r.stdout.contains(heading), "missing \(heading)")
    }
    // The example's story (see Plans/README.md): these must surface.
    #expect(r.stdout.contains("`li-na/key-accounts/signed`"))
    #expect(r.stdout.contains("`zhang-wei/sharpen-skills/training`): last check-in 2027-01-15"))
    #expect(r.stdout.contains("`sales-east/more-visits/units-sold`): confidence 0.8 → 0.35"))
    #expect(r.stdout.contains("`sales-north/grow-north/coverage`): no check-in yet"))
  }

  @Test func reviewOfOneSubtree() throws {
    let r = try CLI.run([
      "review", "Plans/sales-en", "--since", "2027-01-31", "--as-of", "2027-02-28", "--unit", "sales-east",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("# Monthly review: East Region Sales"))
    #expect(r.stdout.contains("`sales-east/more-visits/units-sold`): confidence 0.8 → 0.35"))
    #expect(r.stdout.contains("`li-na/key-accounts/signed`"))
    #expect(!r.stdout.contains("`acme/") && !r.stdout.contains("`sales-north/") && !r.stdout.contains("`wang-fang/"))
    let unknown = try CLI.run([
      "review", "Plans/sales-en", "--since", "2027-01-31", "--as-of", "2027-02-28", "--unit", "sales-eats",
    ])
    #expect(unknown.status == 2 && unknown.stderr.contains("did you mean 'sales-east'"), "\(unknown.stderr)")
  }

  @Test func reviewRefusesSinceAfterAsOf() throws {
    let r = try CLI.run(["review", "Plans/sales-en", "--since", "2027-03-01", "--as-of", "2027-02-28"])
    #expect(r.status == 2)
  }

  @Test func explainShowsTheArithmeticDownToTheCheckIns() throws {
    let r = try CLI.run(["explain", "Plans/sales-en", "acme/grow-sales/revenue", "--as-of", "2027-02-28"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("progress = (current − baseline) / (target − baseline) = (5.67 − 5) / (6 − 5) = 0.67"))
    #expect(r.stdout.contains("checkins.csv line"))
    let objective = try CLI.run(["explain", "Plans/sales-en", "acme/grow-sales", "--as-of", "2027-02-28"])
    #expect(objective.stdout.contains("score = weighted mean"))
    let unit = try CLI.run(["explain", "Plans/sales-en", "sales-east", "--as-of", "2027-02-28"])
    #expect(unit.stdout.contains("weighted mean of objectives"))
    let typo = try CLI.run(["explain", "Plans/sales-en", "acme/grow-sale"])
    #expect(typo.status == 2 && typo.stderr.contains("did you mean 'acme/grow-sales'"))
  }
}
