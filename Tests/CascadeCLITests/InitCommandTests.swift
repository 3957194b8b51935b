import Foundation
import Testing

/// `cascade init`: from nothing to a clean two-level plan, in either language, overwriting
/// nothing.
@Suite struct InitCommandTests {
  static func clean(_ dir: String, _ language: String = "en") throws -> String {
    let run = try CLI.run(["validate", dir, "--lang", language])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    return run.stdout
  }

  @Test(arguments: ["en", "zh"])
  func aNewPlanAndTwoUnitsBelowItValidateClean(_ language: String) throws {
    let dir = try CLI.temporaryDirectory() + "/okrs"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let start = try CLI.run(["init", dir, "--name", "Acme \"Q\" Co", "--cycle", "2027-q2", "--lang", language])
    #expect(start.status == 0, "\(start.stderr)")
    for file in [
      "company.yaml", "cascade.yaml", "checkins.csv", "README.md", ".cascade/plan.schema.json",
      ".cascade/config.schema.json",
    ] {
      #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
    }
    let summary = try Self.clean(dir, language)
    #expect(summary.hasPrefix(language == "zh" ? "0 个错误，0 个警告，0 条提示" : "0 errors, 0 warnings, 0 infos"), "\(summary)")
    let company = try String(contentsOfFile: dir + "/company.yaml", encoding: .utf8)
    #expect(company.contains("cycle: 2027-Q2"))
    #expect(company.contains(#"name: "Acme \"Q\" Co""#))
    #expect(company.hasPrefix("# yaml-language-server: $schema=.cascade/plan.schema.json\n"))
    let schema = try CLI.run(["schema", "--lang", language])
    #expect(FileManager.default.contents(atPath: dir + "/.cascade/plan.schema.json") == Data(schema.stdout.utf8))
    let configuration = try String(contentsOfFile: dir + "/cascade.yaml", encoding: .utf8)
    #expect(configuration.hasPrefix("# yaml-language-server: $schema=.cascade/config.schema.json\n"))
    #expect(configuration.contains("language: \(language)"))
    #expect(configuration.contains("# stale_after_days: 14"))

    let sales = try CLI.run([
      "init", dir, "--unit", "sales", "--level", "department", "--parent", "company", "--name", "Sales",
    ])
    #expect(sales.status == 0, "\(sales.stderr)")
    let file = try String(contentsOfFile: dir + "/sales.yaml", encoding: .utf8)
    #expect(file.hasPrefix("# yaml-language-server: $schema=.cascade/plan.schema.json\n"))
    #expect(file.contains("parent: company\ncycle: 2027-Q2\n"))
    // What it can align to, as comments, and its objective aligned to the first of them.
    #expect(file.contains("#   company/grow-revenue  "))
    #expect(file.contains("#     company/grow-revenue/revenue  "))
    #expect(file.contains("    aligns_to: company/grow-revenue\n"))
    _ = try Self.clean(dir, language)

    let team = try CLI.run(["init", dir, "--unit", "sales-east", "--level", "team", "--parent", "sales"])
    #expect(team.status == 0, "\(team.stderr)")
    let teamFile = try String(contentsOfFile: dir + "/sales-east.yaml", encoding: .utf8)
    #expect(teamFile.contains("#   sales/first-objective  "))
    #expect(teamFile.contains("#   company/grow-revenue  "), "the whole chain up")
    let tree = try Self.clean(dir, language)
    #expect(tree.contains("3 units") || tree.contains("3 个单元"), "\(tree)")
  }

  @Test func nothingThatExistsIsOverwritten() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "keep me\n".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
    let run = try CLI.run(["init", dir])
    #expect(run.status == 2)
    #expect(run.stderr.contains("README.md' already exists in "), "\(run.stderr)")
    #expect(try String(contentsOfFile: dir + "/README.md", encoding: .utf8) == "keep me\n")
    #expect(!FileManager.default.fileExists(atPath: dir + "/company.yaml"), "all or nothing")

    try FileManager.default.removeItem(atPath: dir + "/README.md")
    #expect(try CLI.run(["init", dir]).status == 0)
    let again = try CLI.run(["init", dir, "--unit", "company", "--level", "team", "--parent", "company"])
    #expect(again.status == 2)
    #expect(again.stderr.contains("already has a unit 'company'"), "\(again.stderr)")
    try "unit: x\n".write(toFile: dir + "/sales.yaml", atomically: true, encoding: .utf8)
    let taken = try CLI.run(["init", dir, "--unit", "sales", "--level", "department", "--parent", "company"])
    #expect(taken.status == 2, "\(taken.stderr)")
    #expect(try String(contentsOfFile: dir + "/sales.yaml", encoding: .utf8) == "unit: x\n")
  }

  @Test func wrongArgumentsAreRefusedWithAHint() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try CLI.run(["init", dir, "--cycle", "2027-Q5"]).status != 0)
    #expect(try CLI.run(["init", dir, "--unit", "Sales Team", "--level", "team", "--parent", "company"]).status != 0)
    #expect(try CLI.run(["init", dir, "--unit", "sales"]).status != 0)
    #expect(try CLI.run(["init", dir]).status == 0)
    let parent = try CLI.run(["init", dir, "--unit", "sales", "--level", "department", "--parent", "compny"])
    #expect(parent.status == 2)
    #expect(parent.stderr.contains("did you mean 'company'?"), "\(parent.stderr)")
  }
}
