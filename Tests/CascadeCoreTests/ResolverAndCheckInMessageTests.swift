import CascadeTestSupport
import Testing

@testable import CascadeCore

/// The one resolver (PlanIndex), the one check-in row check, and the messages no rule example
/// can reach (bytes that are not UTF-8, a FIFO, long contributor lists), in both languages.
@Suite struct ResolverAndCheckInMessageTests {
  static let plan = """
    unit: acme
    name: 总公司
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: 成为华东地区第一
        key_results:
          - {id: revenue, title: 营收达到 600 万元, baseline: 5, target: 6, unit: 百万元}
          - {id: crm, title: 3 月 15 日前上线新 CRM, kind: milestone, due: 2027-03-15}
    ---
    unit: sales
    name: 销售部
    level: department
    parent: acme
    cycle: 2027-Q1
    objectives:
      - id: win
        title: 赢得新客户
        aligns_to: acme/grow
        key_results:
          - {id: customers, title: 每月新增客户从 30 家提升到 50 家, baseline: 30, target: 50, unit: 家}
    """

  static let index = PlanIndex(PlanLoader.load(inMemory: [("plan.yaml", plan)]).plan)

  @Test func resolvesUnitsObjectivesAndKeyResults() {
    let index = Self.index
    #expect(index.resolve("acme") == .unit(0))
    #expect(index.resolve("sales/win") == .objective(ObjectiveAddress(unit: 1, objective: 0)))
    #expect(index.resolve("acme/grow/crm") == .keyResult(KeyResultAddress(ObjectiveAddress(unit: 0, objective: 0), 1)))
    #expect(index.resolve("acme/grow/crm/x") == nil)
    #expect(index.resolve("acme/") == nil)
    #expect(index.keyResult("acme/grow") == nil)
    #expect(index.keyResult("acme/grow/revenue") != nil)
  }

  @Test func didYouMeanIsNarrowedToTheKindsAsked() {
    let index = Self.index
    #expect(index.suggestion(for: "acme/grow/revenu", kinds: .keyResult) == "acme/grow/revenue")
    #expect(index.suggestion(for: "acmee/grow/revenue", kinds: .keyResult) == "acme/grow/revenue")
    #expect(index.suggestion(for: "acme/grw") == "acme/grow")
    #expect(index.suggestion(for: "acme/grw", kinds: .keyResult) == nil)
    #expect(index.suggestion(for: "sale") == "sales")
    #expect(index.suggestion(for: "nowhere/x/y") == nil)
  }

  @Test func namesAndTitlesFindTheirIDs() {
    let index = Self.index
    #expect(index.unit(named: "销售部") == 1)
    #expect(index.unit(named: "市场部") == nil)
    #expect(index.reference(titled: "成为华东地区第一")?.reference == "acme/grow")
    #expect(index.reference(titled: "营收达到 600 万元")?.reference == "acme/grow/revenue")
    #expect(index.reference(titled: "营收达到 600 万元")?.isObjective == false)
  }

  @Test func aParentWrittenAsAUnitNameSuggestsItsIDInBothLanguages() throws {
    let yaml = Self.plan.replacingOccurrences(of: "parent: acme", with: "parent: 总公司")
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", yaml)]))
    let d = try #require(result.diagnostics.first { $0.rule == "unit-parent-missing" })
    #expect(!result.diagnostics.contains { $0.rule == "schema" })
    #expect(
      d.message.en
        == "parent '总公司' of unit 'sales' is not a unit in this plan (did you mean 'acme'? 总公司 is that unit's name)")
    #expect(d.message.zh == "单元「sales」的 parent「总公司」不是本计划中的单元（「总公司」是单元「acme」的名称，是否想写「acme」？）")
  }

  @Test func anAlignmentWrittenAsATitleSuggestsTheReferenceInBothLanguages() throws {
    let yaml = Self.plan.replacingOccurrences(of: "aligns_to: acme/grow", with: "aligns_to: 成为华东地区第一")
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", yaml)]))
    let d = try #require(result.diagnostics.first { $0.rule == "unresolved-ref" })
    #expect(!result.diagnostics.contains { $0.rule == "schema" })
    #expect(
      d.message.en == "'成为华东地区第一' does not resolve (did you mean 'acme/grow'? 成为华东地区第一 is that objective's title)")
    #expect(d.message.zh == "引用「成为华东地区第一」无法解析（「成为华东地区第一」是目标「acme/grow」的标题，是否想写「acme/grow」？）")
  }

  @Test func aMistypedIDIsStillASchemaError() {
    let yaml = Self.plan.replacingOccurrences(of: "parent: acme", with: "parent: Acme")
    let result = Linter.lint(PlanLoader.load(inMemory: [("plan.yaml", yaml)]))
    #expect(result.diagnostics.contains { $0.rule == "schema" && $0.message.en.contains("not a valid id") })
    #expect(!result.diagnostics.contains { $0.rule == "unit-parent-missing" })
  }

  /// `cascade checkin` and a row of checkins.csv go through the same check.
  @Test func oneCheckForEveryCheckIn() {
    let index = Self.index
    func problem(_ date: String, _ ref: String, _ value: String, _ confidence: String = "") -> RowProblem? {
      if case .problem(let p) = CheckInLog.check(
        date: date, reference: ref, value: value, confidence: confidence, in: index)
      {
        return p
      }
      return nil
    }
    #expect(problem("2027-01-15", "acme/grow/crm", "half")?.rule.id == "checkin-value")
    #expect(problem("2027-01-15", "acme/grow/crm", "half")?.field == .value)
    #expect(problem("2027-04-02", "acme/grow/revenue", "5")?.rule.id == "checkin-date")
    #expect(problem("2027/01/02", "acme/grow/revenue", "5")?.field == .date)
    #expect(problem("2027-01-15", "acme/grow/revenue", "5", "1.5")?.rule.id == "checkin-confidence")
    guard
      case .unknownReference("acme/grow/x") = CheckInLog.check(
        date: "2027-01-15", reference: " acme/grow/x ", value: "5", confidence: "", in: index)
    else {
      Issue.record("an unknown key result is reported as such")
      return
    }
    guard
      case .valid(let row) = CheckInLog.check(
        date: "2027-01-15", reference: "acme/grow/crm", value: "done", confidence: " 0.5 ", in: index)
    else {
      Issue.record("a good check-in passes")
      return
    }
    #expect(row.value == 1 && row.confidence == 0.5 && row.date == Day(iso: "2027-01-15"))
  }

  @Test func messagesNoExampleReachesReadAsChinese() throws {
    var bytes = Array("date,key_result,value,confidence,note,author\n2027-01-15,acme/grow/revenue,5,,".utf8)
    bytes += [0xFF, 0x0A]
    let utf8 = try #require(CSV.parse(bytes).errors.first)
    #expect(utf8.message.en == "invalid UTF-8 byte 0xFF")
    let fifo = CheckInFileRule.notARegularFile(folder: false)
    #expect(
      fifo.en
        == "checkins.csv is not a regular file (a FIFO, socket or device), so no check-in can be read from it or written to it"
    )
    var tooMany = "a\n"
    for _ in 0..<CSV.maxErrors { tooMany += "x\"y\n" }
    let stopped = try #require(CSV.parse(tooMany).errors.last)
    #expect(stopped.kind == .tooManyErrors)
    let list = CheckInAggregateRule.list(["a/b/c", "d/e/f"], more: 3)
    #expect(list.en == "a/b/c, d/e/f and 3 more")
    #expect(list.zh == "a/b/c、d/e/f 以及另外 3 个关键结果")
    for m in [utf8.message, fifo, stopped.message, list, CheckInAggregateRule.summed("a/b/c", contributors: list)] {
      #expect(TranslationTests.problems(zh: m.zh, en: m.en).isEmpty, "\(m.zh)")
    }
  }
}
