import Foundation
import Testing

@Suite struct CheckinCommandTests {
  static let plan = """
    unit: acme
    name: Acme
    level: company
    cycle: 2027-Q1
    objectives:
      - id: grow
        title: Grow
        key_results:
          - {id: customers, title: 50 new customers a month, baseline: 30, target: 50, unit: customers}
          - {id: crm, title: Ship the new CRM by March 15, kind: milestone, due: 2027-03-15}
    """

  func makePlan() throws -> String {
    let dir = try CLI.temporaryDirectory()
    try Self.plan.write(toFile: dir + "/acme.yaml", atomically: true, encoding: .utf8)
    return dir
  }

  func rows(_ dir: String) throws -> [[String]] {
    let text = try String(contentsOfFile: dir + "/checkins.csv", encoding: .utf8)
    return parseCSV(text)
  }

  @Test func appendsARowWithHeaderAndQuoting() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let note = "大单签约, \"Globex\" 说\n下周付款"
    let r = try CLI.run([
      "checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10", "--confidence", "0.7", "--note", note,
      "--author", "李雷",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("60%"))
    let table = try rows(dir)
    #expect(table.first == ["date", "key_result", "value", "confidence", "note", "author"])
    #expect(table.dropFirst().first == ["2027-02-10", "acme/grow/customers", "42", "0.7", note, "李雷"])
    // The plan, with its new check-in, still validates and the value is scored.
    let status = try CLI.run(["status", dir, "--as-of", "2027-02-20", "--format", "json"])
    #expect(status.stdout.contains("\"current\":42"))
  }

  /// The confirmation scores the row as the file holds it: 0.499 is written 0.5, which is not
  /// a low confidence, so the confirmation and `status` agree. A second check-in after it
  /// confirms with both rows.
  @Test func theConfirmationScoresTheRowAsWritten() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run([
      "checkin", dir, "acme/grow/customers", "40", "--date", "2027-02-10", "--confidence", "0.499",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try rows(dir).last?[3] == "0.5")
    let status = try CLI.run(["status", dir, "--as-of", "2027-02-20", "--format", "json"])
    let entry = try #require(status.stdout.components(separatedBy: "\"ref\":\"acme/grow/customers\"").dropFirst().first)
    let word = try #require(entry.components(separatedBy: "\"status\":\"").dropFirst().first?.prefix { $0 != "\"" })
    #expect(r.stdout.hasSuffix(", \(word.replacingOccurrences(of: "_", with: " "))\n"), "\(r.stdout) vs \(word)")
    let second = try CLI.run(["checkin", dir, "acme/grow/customers", "59", "--date", "2027-02-11"])
    #expect(second.status == 0 && second.stdout.contains("= 59 on 2027-02-11"), "\(second.stdout)")
  }

  /// A check-in on a file last written more than two seconds before appends after comparing
  /// the file's stamp with the one taken as the log read it, and scores from that log plus the
  /// new row: the plan is loaded once. The file lacks its last line break and holds a note
  /// with line breaks, so the new row's line is counted, not guessed; the confirmation is what
  /// a fresh read scores. The next check-in, right after, finds the file just changed (a stamp
  /// not to trust alone): it reads the file again under the lock and compares its digest with
  /// that of the bytes its log read, and still loads the plan once.
  @Test func aCheckInOnASettledFileLoadsThePlanOnce() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let rows = [
      "date,key_result,value,confidence,note,author",
      "2027-02-03,acme/grow/customers,41,,\"one\r\ntwo\rthree\",ann",
      "2027-02-20,acme/grow/customers,44,0.8,,bo",
    ]
    try rows.joined(separator: "\n").write(toFile: dir + "/checkins.csv", atomically: true, encoding: .utf8)
    Thread.sleep(forTimeInterval: 2.2)
    func loads(_ r: CLIRun) -> Int { r.stderr.components(separatedBy: "cascade timing: load ").count - 1 }
    // The same day as the last row: the row later in the file wins, if its line is right.
    let r = try CLI.run(
      ["checkin", dir, "acme/grow/customers", "43", "--date", "2027-02-20"], environment: ["CASCADE_TIMINGS": "1"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(loads(r) == 1, "\(r.stderr)")
    let status = try CLI.run(["status", dir, "--as-of", "2027-02-20", "--format", "json"])
    #expect(status.stdout.contains("\"current\":43"), "\(status.stdout)")
    #expect(r.stdout.contains("progress 65%"), "\(r.stdout)")
    let next = try CLI.run(
      ["checkin", dir, "acme/grow/customers", "45", "--date", "2027-02-21"], environment: ["CASCADE_TIMINGS": "1"])
    #expect(next.status == 0 && loads(next) == 1, "\(next.stderr)")
    #expect(next.stdout.contains("progress 75%"), "\(next.stdout)")
    let validate = try CLI.run(["validate", dir])
    #expect(validate.status == 0, "\(validate.stdout)")
    #expect(try self.rows(dir).map { $0[2] } == ["value", "41", "44", "43", "45"])
  }

  /// `checkin` runs no rule and reads only its key result's rows, and says what it found: the
  /// problems of those rows (they are not counted), errors in loading the plan. A bad row of
  /// another key result is not its business.
  @Test func mentionsTheProblemsOfItsKeyResultsRows() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try (Self.header + "\n2027-02-01,acme/grow/customers,forty,,,x\n2027-02-01,acme/grow/crm,maybe,,,x\n")
      .write(toFile: dir + "/checkins.csv", atomically: true, encoding: .utf8)
    let r = try CLI.run(["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("1 other row of this key result in checkins.csv has a problem"), "\(r.stderr)")
    #expect(!r.stderr.contains("error"), "\(r.stderr)")
    let crm = try CLI.run(["checkin", dir, "acme/grow/crm", "done", "--date", "2027-02-10", "--lang", "zh"])
    #expect(crm.stderr.contains("checkins.csv 中这个关键结果还有 1 行有问题"), "\(crm.stderr)")
    // A plan file that does not parse and does not mention the unit is not read (`validate`
    // reports it); one that mentions it is: the check-in is written, and the error mentioned.
    try "unit: [broken".write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
    let elsewhere = try CLI.run(["checkin", dir, "acme/grow/customers", "43", "--date", "2027-02-11"])
    #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    #expect(!elsewhere.stderr.contains("error"), "\(elsewhere.stderr)")
    try "parent: acme\nunit: [broken".write(toFile: dir + "/below.yaml", atomically: true, encoding: .utf8)
    let broken = try CLI.run(["checkin", dir, "acme/grow/customers", "44", "--date", "2027-02-12"])
    #expect(broken.status == 0, "\(broken.stderr)")
    #expect(
      broken.stderr.contains("the plan files that mention acme have 2 errors; run `cascade validate`"),
      "\(broken.stderr)")
    let zh = try CLI.run(["checkin", dir, "acme/grow/customers", "45", "--date", "2027-02-13", "--lang", "zh"])
    #expect(zh.stderr.contains("提到 acme 的计划文件中有 2 个错误，请运行 `cascade validate` 查看详情。"), "\(zh.stderr)")
    #expect(try rows(dir).count == 8)
    #expect(try CLI.run(["validate", dir]).stdout.contains("/broken.yaml:1:14: error:"))
  }

  static let header = "date,key_result,value,confidence,note,author"

  @Test func milestoneTakesDoneOrNotDone() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try CLI.run(["checkin", dir, "acme/grow/crm", "done", "--date", "2027-03-01"]).status == 0)
    #expect(try CLI.run(["checkin", dir, "acme/grow/crm", "0", "--date", "2027-03-02"]).status == 0)
    #expect(try CLI.run(["checkin", dir, "acme/grow/crm", "maybe", "--date", "2027-03-02"]).status == 2)
    #expect(try rows(dir).dropFirst().map { $0[2] } == ["done", "not-done"])
  }

  @Test(arguments: [
    (["acme/grow/custmers", "42"], "did you mean 'acme/grow/customers'"),
    // No file mentions the unit: "did you mean" comes from the whole plan.
    (["acne/grow/customers", "42"], "did you mean 'acme/grow/customers'"),
    (["acme/grow/customers", "forty"], "must be a number"),
    (["acme/grow/customers", "42", "--date", "2027-04-01"], "outside"),
    (["acme/grow/customers", "42", "--date", "2027-02-30"], "invalid for '--date"),
    (["acme/grow/customers", "42", "--confidence", "1.5"], "from 0 to 1"),
    (["acme/grow", "42"], "not a key result"),
  ])
  func refusedCheckInsWriteNothing(arguments: [String], message: String) throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try CLI.run(["checkin", dir, "acme/grow/customers", "31", "--date", "2027-01-05"]).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/checkins.csv"))
    let r = try CLI.run(["checkin", dir] + arguments + (arguments.contains("--date") ? [] : ["--date", "2027-02-01"]))
    #expect(r.status == 2)
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    let after = try Data(contentsOf: URL(fileURLWithPath: dir + "/checkins.csv"))
    #expect(before == after)
  }

  @Test func confirmsAndRefusesInChinese() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let ok = try CLI.run(["checkin", dir, "acme/grow/customers", "42", "--date", "2027-02-10", "--lang", "zh"])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.hasPrefix("acme/grow/customers = 42（2027-02-10）：进度 60%，"), "\(ok.stdout)")
    #expect(!ok.stdout.contains("progress") && !ok.stdout.contains("on track"), "\(ok.stdout)")
    let english = try CLI.run(["checkin", dir, "acme/grow/customers", "43", "--date", "2027-02-11", "--lang", "en"])
    #expect(english.stdout.hasPrefix("acme/grow/customers = 43 on 2027-02-11: progress "), "\(english.stdout)")
    let bad = try CLI.run(["checkin", dir, "acme/grow/customers", "forty", "--date", "2027-02-10", "--lang", "zh"])
    #expect(bad.status == 2)
    #expect(bad.stderr == "cascade: value 必须是数字，这里写的是「forty」\n", "\(bad.stderr)")
    let unknown = try CLI.run(["checkin", dir, "acme/grow/custmers", "1", "--date", "2027-02-10", "--lang", "zh"])
    #expect(unknown.stderr.contains("不是本计划中的关键结果（是否想写「acme/grow/customers」？）"), "\(unknown.stderr)")
    // The header and the rows stay as they are, whatever the language.
    #expect(try rows(dir).first == ["date", "key_result", "value", "confidence", "note", "author"])
    #expect(try rows(dir).dropFirst().map { $0[2] } == ["42", "43"])
  }

  /// The same mistake gets the same words from `cascade checkin` as from a row of checkins.csv.
  @Test(arguments: [
    ["acme/grow/customers", "forty", "--date", "2027-02-10"],
    ["acme/grow/crm", "half", "--date", "2027-02-10"],
    ["acme/grow/customers", "42", "--date", "2027-04-01"],
    ["acme/grow/customers", "42", "--date", "2027-02-10", "--confidence", "80%"],
    ["acme/grow/custmers", "42", "--date", "2027-02-10"],
  ])
  func checkinAndValidateSayTheSame(arguments: [String]) throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let refused = try CLI.run(["checkin", dir] + arguments)
    #expect(refused.status == 2)
    func option(_ name: String) -> String {
      arguments.firstIndex(of: name).map { arguments[$0 + 1] } ?? ""
    }
    let row = [option("--date"), arguments[0], arguments[1], option("--confidence"), "", "ann"]
    try ("date,key_result,value,confidence,note,author\n" + row.joined(separator: ",") + "\n").write(
      toFile: dir + "/checkins.csv", atomically: true, encoding: .utf8)
    let validate = try CLI.run(["validate", dir])
    let message = refused.stderr.dropFirst("cascade: ".count).trimmingCharacters(in: .newlines)
    #expect(validate.stdout.contains(": error: \(message) [checkin-"), "\(refused.stderr) vs \(validate.stdout)")
  }

  @Test func refusedFirstCheckInCreatesNoFile() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try CLI.run(["checkin", dir, "acme/nope/x", "1", "--date", "2027-02-01"]).status == 2)
    #expect(!FileManager.default.fileExists(atPath: dir + "/checkins.csv"))
  }

  /// 8 processes checking in at once lose nothing and interleave nothing.
  @Test func eightConcurrentProcessesLoseNothing() throws {
    let dir = try makePlan()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let perWorker = 15
    var processes: [Process] = []
    for worker in 0..<8 {
      // Each worker is a shell loop of separate `cascade checkin` processes; long notes make a
      // torn write visible.
      let padding = String(repeating: "x", count: 5_000)
      let script = """
        for i in $(seq 1 \(perWorker)); do
          "$0" checkin "$1" acme/grow/customers $((30 + i)) --date 2027-02-0$(( (i % 9) + 1 )) \
            --note "w\(worker)-$i \(padding), \\"quoted\\"" --author w\(worker) >/dev/null || exit 1
        done
        """
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", script, CLI.executable, dir]
      p.standardOutput = FileHandle.nullDevice
      processes.append(p)
    }
    for p in processes { try p.run() }
    for p in processes {
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
    }
    let table = try rows(dir)
    #expect(table.count == 1 + 8 * perWorker)
    #expect(table.filter { $0 == ["date", "key_result", "value", "confidence", "note", "author"] }.count == 1)
    var notes = Set<String>()
    for row in table.dropFirst() {
      #expect(row.count == 6)
      #expect(row[4].hasSuffix("x, \"quoted\""))
      notes.insert(String(row[4].prefix { $0 != " " }))
    }
    #expect(notes.count == 8 * perWorker)
    let validate = try CLI.run(["validate", dir])
    #expect(validate.status == 0, "\(validate.stdout)")
  }
}

/// A small RFC 4180 reader for assertions, independent of the code under test.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text)
  var i = 0
  if chars.first == "\u{FEFF}" { chars.removeFirst() }
  while i < chars.count {
    let c = chars[i]
    if quoted {
      if c == "\"" {
        if i + 1 < chars.count && chars[i + 1] == "\"" {
          field.append("\"")
          i += 1
        } else {
          quoted = false
        }
      } else {
        field.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\n" || c == "\r\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.append(c)
    }
    i += 1
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}
