import Foundation
import Testing

/// `cascade refs --for UNIT` and `cascade tree`: what a team can link to, and the whole cascade
/// with its references.
@Suite struct RefsCommandTests {
  @Test func refsListTheChainUpNearestFirstWithReferencesAndStatus() throws {
    let run = try CLI.run(["refs", "Plans/sales-en", "--for", "sales-east", "--as-of", "2027-02-28"])
    #expect(run.status == 0, "\(run.stderr)")
    let out = run.stdout
    let sales = try #require(out.range(of: "\nsales  Sales (department)\n"))
    let acme = try #require(out.range(of: "\nacme  "))
    #expect(sales.lowerBound < acme.lowerBound, "the parent first, then the company")
    #expect(out.contains("  sales/hit-revenue  Book $5.6M in revenue this quarter  64% on track\n"))
    #expect(out.contains("    sales/hit-revenue/revenue  "))
    #expect(out.contains("    acme/grow-sales/revenue  "))
    // Not the unit itself, its siblings or the units below it.
    #expect(!out.contains("sales-east/"))
    #expect(!out.contains("sales-north/"))
    #expect(!out.contains("li-na/"))
  }

  @Test func refsInJSONAndInChinese() throws {
    let run = try CLI.run(["refs", "Plans/sales-zh", "--for", "zhang-wei", "--as-of", "2027-02-28", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let chain = (json["chain"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(chain == ["sales-east", "sales", "acme-cn"])
    let zh = try CLI.run(["refs", "Plans/sales-zh", "--for", "sales", "--as-of", "2027-02-28"])
    #expect(zh.stdout.hasPrefix("sales 可以对齐的目标和关键结果"), "\(zh.stdout.prefix(200))")
    #expect(zh.stdout.contains("acme-cn  星辰科技（公司）"))
  }

  @Test func theTopUnitAndAnUnknownUnit() throws {
    let top = try CLI.run(["refs", "Plans/sales-en", "--for", "acme"])
    #expect(top.status == 0)
    #expect(top.stdout.contains("acme has no unit above it"))
    let unknown = try CLI.run(["refs", "Plans/sales-en", "--for", "sales-est"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no unit 'sales-est' (did you mean 'sales-east'?)"), "\(unknown.stderr)")
  }

  @Test func theTreeShowsEveryReferenceAndLink() throws {
    let run = try CLI.run(["tree", "Plans/sales-en", "--as-of", "2027-02-28"])
    #expect(run.status == 0, "\(run.stderr)")
    let out = run.stdout
    #expect(out.hasPrefix("acme  "))
    #expect(out.contains("  sales/hit-revenue → acme/grow-sales  Book $5.6M"))
    #expect(out.contains("sales-east/more-visits → sales/hit-revenue, sales/sell-products  "))
    #expect(out.contains("sales/hit-revenue/revenue ⇢ acme/grow-sales/revenue  "))
    // Every key result of the plan, by reference.
    let status = try CLI.run(["status", "Plans/sales-en", "--as-of", "2027-02-28", "--format", "json"])
    let refs = status.stdout.matches(of: /"ref":"([a-z0-9._\/-]+)"/).map { String($0.1) }
    #expect(!refs.isEmpty)
    for ref in refs { #expect(out.contains(ref + " ") || out.contains(ref + "  "), "\(ref)") }
  }

  @Test func theTreeOfOneUnitToADepth() throws {
    let run = try CLI.run(["tree", "Plans/sales-en", "--unit", "sales", "--depth", "1", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let units = (json["units"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(units.first == "sales")
    #expect(units.contains("sales-east") && units.contains("sales-north"))
    #expect(!units.contains("acme") && !units.contains("li-na") && !units.contains("wang-fang"), "\(units)")
    let bad = try CLI.run(["tree", "Plans/sales-en", "--depth", "-1"])
    #expect(bad.status != 0)
  }
}
