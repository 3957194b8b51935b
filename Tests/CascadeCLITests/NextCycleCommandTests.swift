import Foundation
import Testing

/// `cascade next-cycle`: a new folder, whole or not at all, that validates clean, and a
/// summary of what changed in either language; the old plan and anything in the way untouched.
@Suite struct NextCycleCommandTests {
  static func copyOfExample(_ name: String) throws -> (dir: String, plan: String) {
    let dir = try CLI.temporaryDirectory()
    let plan = dir + "/" + name
    try FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Plans/" + name, toPath: plan)
    return (dir, plan)
  }

  static func contents(_ dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: dir) {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), !isDir.boolValue {
        out[name] = FileManager.default.contents(atPath: dir + "/" + name)
      }
    }
    return out
  }

  @Test(arguments: ["en", "zh"])
  func theExampleRollsOverIntoACleanQuarter(_ language: String) throws {
    let (dir, plan) = try Self.copyOfExample(language == "zh" ? "sales-zh" : "sales-en")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let before = try Self.contents(plan)
    let out = dir + "/q2"
    let run = try CLI.run(["next-cycle", plan, "--cycle", "2027-Q2", "-o", out, "--lang", language])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.contents(plan) == before, "the old plan is not touched")
    let summary = run.stdout
    if language == "zh" {
      #expect(summary.hasPrefix("已根据 2027 年第一季度的计划生成 2027 年第二季度的计划，写入 \(out)："), "\(summary)")
      #expect(summary.contains("基线已改为 2027 年第一季度的最终值（40）"), "\(summary)")
      #expect(summary.contains("新计划校验通过"), "\(summary)")
    } else {
      #expect(summary.hasPrefix("Rolled the plan over from 2027-Q1 to 2027-Q2 into \(out): "), "\(summary)")
      #expect(summary.contains("Baselines set to the final value of 2027-Q1 (40)\n"), "\(summary)")
      #expect(
        summary.contains(
          "  acme/grow-sales/revenue  5 → 5.67  (last check-in 2027-02-26)  \(out)/company.yaml:19:19\n"), "\(summary)")
      #expect(summary.contains("Not copied (not part of the plan): 1 file: cascade.png"), "\(summary)")
      #expect(summary.contains("The new plan validates clean."), "\(summary)")
    }
    let check = try CLI.run(["validate", out, "--strict"])
    #expect(check.status == 0, "\(check.stdout)")
    #expect(
      try String(contentsOfFile: out + "/checkins.csv", encoding: .utf8)
        == "date,key_result,value,confidence,note,author\n")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir)
    #expect(names.sorted() == ["q2", language == "zh" ? "sales-zh" : "sales-en"].sorted(), "no temporary folder left")
    // Every comment is kept: the files differ only on the lines with values (and titles whose
    // "from … to …" now starts at the new baseline).
    let old = try String(contentsOfFile: plan + "/sales.yaml", encoding: .utf8).split(separator: "\n")
    let new = try String(contentsOfFile: out + "/sales.yaml", encoding: .utf8).split(separator: "\n")
    #expect(old.count == new.count)
    for (a, b) in zip(old, new) where a != b {
      let line = a.trimmingCharacters(in: .whitespaces)
      #expect(
        a.hasPrefix("cycle: ") || line.hasPrefix("baseline: ") || (line.hasPrefix("title: ") && b.contains("title: ")),
        "\(a) → \(b)")
    }
  }

  @Test func theJSONSummaryListsEveryChange() throws {
    let (dir, plan) = try Self.copyOfExample("sales-en")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let run = try CLI.run(["next-cycle", plan, "-o", dir + "/next", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["from"] as? String == "2027-Q1" && json["to"] as? String == "2027-Q2")
    let changes = try #require(json["changes"] as? [[String: Any]])
    #expect(changes.filter { $0["kind"] as? String == "baseline" }.count == 40, "more than the text shows")
    let revenue = try #require(
      changes.first { $0["kind"] as? String == "baseline" && $0["ref"] as? String == "sales/hit-revenue/revenue" })
    #expect(revenue["from"] as? Double == 4.6 && revenue["file"] as? String == "sales.yaml")
    #expect((json["validation"] as? [String: Any])?["errors"] as? Int == 0)
  }

  @Test func nothingInTheWayIsOverwritten() throws {
    let (dir, plan) = try Self.copyOfExample("sales-en")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let taken = dir + "/taken"
    try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: true)
    try "mine\n".write(toFile: taken + "/.keep", atomically: true, encoding: .utf8)
    let busy = try CLI.run(["next-cycle", plan, "-o", taken])
    #expect(busy.status == 2 && busy.stderr.contains("is not empty"), "\(busy.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: taken) == [".keep"])

    try "x\n".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
    let file = try CLI.run(["next-cycle", plan, "-o", dir + "/file"])
    #expect(file.status == 2 && file.stderr.contains("is not a folder"), "\(file.stderr)")

    let inside = try CLI.run(["next-cycle", plan, "-o", plan + "/q2"])
    #expect(inside.status == 2 && inside.stderr.contains("is inside the plan"), "\(inside.stderr)")
    #expect(!FileManager.default.fileExists(atPath: plan + "/q2"))

    let empty = dir + "/empty"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    #expect(try CLI.run(["next-cycle", plan, "-o", empty + "/"]).status == 0, "an empty folder is used, a / or not")
    #expect(FileManager.default.fileExists(atPath: empty + "/company.yaml"))

    // A link is not followed, the working folder is not replaced, and nothing is left behind.
    let target = dir + "/target"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: target)
    let link = try CLI.run(["next-cycle", plan, "-o", dir + "/link"])
    #expect(link.status == 2 && link.stderr.contains("is a symbolic link"), "\(link.stderr)")
    let here = try CLI.run(["next-cycle", plan, "-o", "."], in: target)
    #expect(here.status == 2 && here.stderr.contains("is the working folder"), "\(here.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".cascade-next") }
    #expect(names.isEmpty, "\(names)")
  }

  /// A plan with errors rolls over with them, says so, and exits 1.
  @Test func aPlanWithErrorsSaysSoAndExitsOne() throws {
    let (dir, plan) = try Self.copyOfExample("sales-en")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sales = plan + "/sales.yaml"
    let text = try String(contentsOfFile: sales, encoding: .utf8)
    try text.replacingOccurrences(of: "aligns_to: acme/build-team\n", with: "aligns_to: acme/build-teem\n")
      .write(toFile: sales, atomically: true, encoding: .utf8)
    let run = try CLI.run(["next-cycle", plan, "-o", dir + "/q2"])
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(
      run.stdout.contains("The old plan has 1 error; the new one carries them over. The new plan has 1 error"),
      "\(run.stdout)")
    #expect(FileManager.default.fileExists(atPath: dir + "/q2/sales.yaml"))
  }

  /// From nothing to next quarter: init twice, then next-cycle; the editor's schemas come along.
  @Test func aPlanStartedWithInitRollsOverWithItsSchemas() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let plan = dir + "/okrs"
    #expect(try CLI.run(["init", plan, "--cycle", "2027-Q1", "--lang", "zh"]).status == 0)
    #expect(
      try CLI.run(["init", plan, "--unit", "sales", "--level", "department", "--parent", "company"]).status == 0)
    let run = try CLI.run(["next-cycle", plan, "-o", dir + "/q2"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("新计划校验通过"), "the plan says zh: \(run.stdout)")
    for file in [".cascade/plan.schema.json", ".cascade/config.schema.json"] {
      #expect(
        FileManager.default.contents(atPath: dir + "/q2/" + file)
          == FileManager.default.contents(atPath: plan + "/" + file),
        "\(file)")
    }
    let sales = try String(contentsOfFile: dir + "/q2/sales.yaml", encoding: .utf8)
    #expect(sales.hasPrefix("# yaml-language-server: $schema=.cascade/plan.schema.json\n"))
    #expect(sales.contains("cycle: 2027-Q2\n"))
    #expect(!run.stdout.contains(".cascade"), "not listed as left behind: \(run.stdout)")
  }

  @Test func aCycleThatIsNotLaterIsRefused() throws {
    let (dir, plan) = try Self.copyOfExample("sales-en")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let back = try CLI.run(["next-cycle", plan, "--cycle", "2027-Q1", "-o", dir + "/q"])
    #expect(
      back.status == 2 && back.stderr.contains("does not start after the plan's cycle 2027-Q1 ends (2027-03-31)"),
      "\(back.stderr)")
    #expect(try CLI.run(["next-cycle", plan, "--cycle", "2027-Q5", "-o", dir + "/q"]).status != 0)
    let zh = try CLI.run(["next-cycle", plan, "--cycle", "2026-Q4", "-o", dir + "/q", "--lang", "zh"])
    #expect(zh.status == 2 && zh.stderr.contains("须在计划当前周期 2027-Q1 结束（2027-03-31）之后开始"), "\(zh.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/q"))
  }
}
