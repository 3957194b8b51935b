import CascadeTestSupport
import Foundation
import Testing

@testable import CascadeCore
@testable import CascadeGenerate

/// The fast check-in reader (parallel chunks, rows as byte ranges) against the reference
/// reader, on a generated history and on mutated copies of it: the same check-ins, with the
/// same values, notes, lines and order, and the same diagnostics.
@Suite struct CheckInReaderTests {
  static let organisation = OrganisationGenerator.generate(GeneratorOptions(people: 40, seed: 7))

  /// The generated history plus rows that exercise what a hand-edited file holds: quoted notes
  /// with commas, doubled quotes and line breaks, CRLF, blank lines, spaces around a
  /// reference, and rows each check rejects.
  static func history() -> [UInt8] {
    var text = History.csv(organisation.model, perKeyResult: 4, seed: 7)
    let unit = organisation.model.units[3]
    let o = unit.objectives[0]
    let kr = o.keyResults.first { $0.kind == .increase } ?? o.keyResults[0]
    let ref = "\(unit.id)/\(o.id)/\(kr.id)"
    var extra = [
      "2027-02-01,\(ref),12,0.5,\"two, maybe three\",ann",
      "2027-02-02,\(ref),13,,\"she said \"\"soon\"\"\",\"Lee, Ann\"",
      "2027-02-03,\(ref),14,0.9,\"line one\nline two\r\nline three\",bo",
      "2027-02-04, \(ref) ,15,,,bo",
      "",
      "2027-02-05,\(ref),1e3,0.5,,x",
      "2027-02-06,\(ref),+7,.5,,x",
      "2027-02-07,\(ref),forty,,,x",
      "2027-13-01,\(ref),5,,,x",
      "2027-09-01,\(ref),5,,,x",
      "2027-02-08,\(ref),5,80%,,x",
      "2027-02-09,\(ref)x,5,,,x",
      "2027-02-10,\(ref),5,1.5,,x",
      "2027-02-11,\(ref),0.1234567890123456,,,x",
      "2027-02-12,\(ref),-3.5,0,,x",
      "2027-02-12,\(ref),123456789012345,0,,x",
      "2027-02-12,\(ref),99999999999999999999999999999999999999,0.00000000000000000000001,,x",
      "2027-02-12,\(ref),\(String(repeating: "9", count: 400)),1,,x",
    ]
    extra.append("2027-02-13,\(ref),7,,\"注释：进展顺利\",张伟")
    text += extra.joined(separator: "\r\n") + "\n"
    return Array(text.utf8)
  }

  static func plan(_ checkIns: [UInt8]) -> PlanIndex {
    var files: [(name: String, bytes: [UInt8])] = organisation.files.map { ($0.path, Array($0.contents.utf8)) }
    files.append(("checkins.csv", checkIns))
    return Linter.lint(PlanLoader.load(inMemoryBytes: files)).index
  }

  /// The row `cascade checkin` would append on 2027-02-01; fails the test when it is refused.
  static func valid(_ ref: String, _ value: String, confidence: String, in index: PlanIndex) throws -> ValidRow {
    let check = CheckInLog.check(date: "2027-02-01", reference: ref, value: value, confidence: confidence, in: index)
    guard case .valid(let row) = check else { throw RowRefused(check: "\(check)") }
    return row
  }

  struct RowRefused: Error { var check: String }

  /// The plan with `checkIns` as its checkins.csv on disk, left to the log to read (a block
  /// at a time), as `Linter.validate` leaves it; the folder goes with the returned value.
  static func planOnDisk(_ checkIns: [UInt8]) throws -> (index: PlanIndex, folder: TemporaryPlan) {
    let folder = try TemporaryPlan([:])
    try folder.write("checkins.csv", Data(checkIns))
    var files: [(name: String, bytes: [UInt8])] = organisation.files.map { ($0.path, Array($0.contents.utf8)) }
    files.append(("checkins.csv", []))
    var loaded = PlanLoader.load(inMemoryBytes: files)
    loaded.plan.checkIns = (folder.path("checkins.csv"), nil)
    // The index alone (no rule, no title analysis): all a log reads.
    return (PlanIndex(loaded.plan, wording: false), folder)
  }

  static func expectSame(
    _ bytes: [UInt8], chunk: Int, block: Int? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let index = plan(bytes)
    let fast = CheckInLog(index, reader: .fast(chunk: chunk))
    let reference = CheckInLog(index, reader: .reference)
    // The same file on disk, read a block at a time (blocks cut in other places than chunks).
    if let (onDisk, folder) = try? planOnDisk(bytes) {
      let streamed = CheckInLog(onDisk, reader: .fast(chunk: chunk, block: block ?? (chunk * 40 + 13)))
      expectSame(streamed, reference, sourceLocation: sourceLocation)
      #expect(streamed.readByScan == fast.readByScan, sourceLocation: sourceLocation)
      withExtendedLifetime(folder) {}
    } else {
      Issue.record("could not write the file", sourceLocation: sourceLocation)
    }
    // A plain file is the fast reader's own: it does not leave it to the reference.
    #expect(
      fast.readByScan == (CheckInScan.records(bytes, chunk: chunk) != nil), sourceLocation: sourceLocation)
    #expect(!reference.readByScan, sourceLocation: sourceLocation)
    expectSame(fast, reference, sourceLocation: sourceLocation)
  }

  static func expectSame(
    _ fast: CheckInLog, _ reference: CheckInLog, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(fast.isWellFormed == reference.isWellFormed, sourceLocation: sourceLocation)
    // The same places, in a file named by its path on disk or by its name in memory.
    func named(_ d: [Diagnostic]) -> [Diagnostic] {
      d.map {
        var d = $0
        d.location.file = FileSystem.basename(d.location.file)
        return d
      }
    }
    #expect(named(fast.diagnostics) == named(reference.diagnostics), sourceLocation: sourceLocation)
    #expect(fast.entries.count == reference.entries.count, sourceLocation: sourceLocation)
    for (a, b) in zip(fast.entries, reference.entries) {
      let same =
        a.date == b.date && a.keyResult == b.keyResult && a.value.bitPattern == b.value.bitPattern
        && a.confidence?.bitPattern == b.confidence?.bitPattern && fast.note(of: a) == reference.note(of: b)
        && fast.author(of: a) == reference.author(of: b)
        && a.line == b.line && a.position == b.position
      #expect(
        same, "line \(a.line) vs \(b.line): \(a.value) \(b.value) \(fast.note(of: a)) \(reference.note(of: b))",
        sourceLocation: sourceLocation)
      if !same { break }
    }
  }

  @Test(arguments: [64, 1000, 1 << 20])
  func aGeneratedHistoryReadsTheSame(chunk: Int) {
    let bytes = Self.history()
    // Plain: the fast reader splits it itself. Lines less the header, the blank line and the
    // two line breaks inside a quoted note.
    #expect(CheckInScan.records(bytes, chunk: chunk) == bytes.split(separator: 0x0A).count - 4)
    Self.expectSame(bytes, chunk: chunk)
    // With a BOM.
    Self.expectSame([0xEF, 0xBB, 0xBF] + bytes, chunk: chunk)
    // Blank lines before the header, more than a chunk of them: the header is still the
    // file's first record, wherever the chunk holding it starts.
    let blank = [UInt8](repeating: 0x0A, count: 300)
    #expect(CheckInScan.records(blank + bytes, chunk: chunk) == bytes.split(separator: 0x0A).count - 4)
    Self.expectSame(blank + bytes, chunk: chunk)
    // The header's text again as a data row, at the start of a later chunk or not: a row like
    // any other (the full check reports its date).
    let header = Array((CheckInLog.headerLine + "\n").utf8)
    let again = header + [UInt8](repeating: 0x0A, count: chunk) + header + Array(bytes.dropFirst(header.count))
    Self.expectSame(again, chunk: chunk)
  }

  /// A file on disk read a block at a time, with blocks of many sizes from 1 byte: a block
  /// may end inside a quoted note that holds line breaks (the block then grows), between a CR
  /// and its LF, inside the BOM or the header, or exactly at a row's end.
  @Test func aStreamedFileReadsTheSameWhereverItsBlocksEnd() throws {
    let unit = Self.organisation.model.units[3]
    let o = unit.objectives[0]
    let kr = o.keyResults.first { $0.kind == .increase } ?? o.keyResults[0]
    let ref = "\(unit.id)/\(o.id)/\(kr.id)"
    let rows = [
      CheckInLog.headerLine,
      "2027-02-01,\(ref),12,0.5,\"two, maybe three\",ann",
      "2027-02-03,\(ref),14,0.9,\"line one\nline two\r\nline \"\"three\"\"\n\",bo",
      "",
      "2027-02-04,\(ref),15,,,bo\r",
      "2027-02-05,\(ref),forty,,,x",
      "2027-02-13,\(ref),7,,\"注释：进展顺利\",张伟",
    ]
    let bytes = [0xEF, 0xBB, 0xBF] + Array(rows.joined(separator: "\n").utf8)
    let reference = CheckInLog(Self.plan(bytes), reader: .reference)
    #expect(reference.entries.count == 4)
    let (index, folder) = try Self.planOnDisk(bytes)
    // Every small block, then a sample of sizes across the file (each read costs a debug
    // build a few hundred milliseconds).
    for block in Array(1...24) + Array(stride(from: 25, through: bytes.count + 1, by: 17)) {
      let streamed = CheckInLog(index, reader: .fast(chunk: 1 + block % 7, block: block))
      #expect(streamed.readByScan, "block \(block)")
      Self.expectSame(streamed, reference)
    }
    // A file that does not parse is read whole, by the reference reader.
    try folder.write("checkins.csv", Data(bytes + Array("\n2027-02-06,\(ref),\"open,,,x\n".utf8)))
    let broken = CheckInLog(index, reader: .fast(chunk: 64, block: 100))
    #expect(!broken.readByScan && !broken.isWellFormed)
    #expect(broken.diagnostics.contains { $0.rule == "checkin-syntax" })
    // Gone since the plan was loaded: said, not a crash or an empty history without a word.
    try FileManager.default.removeItem(atPath: folder.path("checkins.csv"))
    let gone = CheckInLog(index)
    #expect(gone.entries.isEmpty && !gone.isWellFormed)
    #expect(gone.diagnostics.map(\.rule) == ["checkin-file"])
  }

  /// The rows of the generated history in a shuffled order: no row follows the one before it
  /// in the plan, so every reference is found by its hash, not next to the last one found.
  @Test func aShuffledHistoryReadsTheSame() {
    let lines = Self.history().split(separator: 0x0A, omittingEmptySubsequences: false)
    // The header, then the generated rows only (the hand-written ones span lines).
    var rows = Array(lines.dropFirst().prefix { !$0.contains(0x0D) && !$0.isEmpty })
    var rng = SplitMix64(seed: 13)
    rng.shuffle(&rows)
    let bytes = Array(lines[0]) + [0x0A] + rows.flatMap { Array($0) + [0x0A] }
    #expect(CheckInScan.records(bytes, chunk: 1000) == rows.count)
    Self.expectSame(bytes, chunk: 1000)
  }

  /// A reference resolves to the same key result whatever entry the lookup before it found:
  /// the entry after that one is only a guess, tried first.
  @Test func aReferenceResolvesTheSameWhateverTheLookupBeforeIt() {
    let index = Self.plan([])
    let table = ReferenceTable(index)
    var references: [[UInt8]] = []
    for (u, unit) in index.plan.units.enumerated() {
      for (o, objective) in unit.objectives.enumerated() {
        for k in objective.keyResults.indices {
          references.append(Array(index.reference(ObjectiveAddress(unit: u, objective: o), keyResult: k).utf8))
        }
      }
    }
    #expect(references.count > 100)
    references += [Array("nobody/nothing/none".utf8), Array((references[0] + [0x78]))]
    var rng = SplitMix64(seed: 5)
    for (i, reference) in references.enumerated() {
      reference.withUnsafeBufferPointer { b in
        var fresh = -1
        let expected = table.lookup(b, 0, b.count, hint: &fresh)
        #expect((expected == nil) == (i >= references.count - 2))
        for start in [-1, i - 2, i - 1, i, i + 1, rng.int(references.count), references.count + 5] {
          var hint = start
          let found = table.lookup(b, 0, b.count, hint: &hint)
          #expect(found?.address == expected?.address && found?.days == expected?.days)
          #expect(found?.isMilestone == expected?.isMilestone && found?.isSum == expected?.isSum)
          // The hint after a hit is the entry found; after a miss it is left as it was.
          #expect(hint == (expected == nil ? start : fresh))
        }
      }
    }
  }

  /// The per-chunk count (eight bytes at a time) against a count of every byte: quotes, line
  /// breaks (CR LF once, a lone CR once, even across a word or a chunk's end); and the chunks'
  /// UTF-8 checks, wherever the cuts fall (inside a sequence too), against the standard
  /// library's validation of the whole.
  @Test func aChunksCountIsTheCountOfItsBytes() {
    let alphabet: [[UInt8]] = [
      [0x22], [0x0A], [0x0D], [0x0D, 0x0A], [0x2C], [0xE4, 0xB8, 0xAD], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80],
      [0xFF], [0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80],
    ]
    var rng = SplitMix64(seed: 99)
    var invalid = 0
    for round in 0..<600 {
      var bytes: [UInt8] = []
      let length = rng.int(120)
      // Mostly plain letters, as a file is: a word of eight such bytes takes the fast path.
      while bytes.count < length {
        let valid = round % 3 != 0
        let piece = rng.pick(valid ? Array(alphabet.prefix(8)) : alphabet)
        bytes += rng.int(4) == 0 ? piece : [0x61 + UInt8(rng.int(26))]
      }
      let size = 1 + rng.int(max(1, bytes.count))
      var validEverywhere = true
      for lo in stride(from: 0, to: max(1, bytes.count), by: size) {
        let hi = min(bytes.count, lo + size)
        var (quotes, breaks) = (0, 0)
        for p in lo..<max(lo, hi) {
          if bytes[p] == 0x22 { quotes += 1 }
          if bytes[p] == 0x0A || (bytes[p] == 0x0D && !(p + 1 < bytes.count && bytes[p + 1] == 0x0A)) { breaks += 1 }
        }
        let counted = bytes.withUnsafeBufferPointer { CheckInScan.count($0, lo, size) }
        #expect(counted.quotes == quotes && counted.breaks == breaks, "\(bytes) \(lo) \(size)")
        validEverywhere = validEverywhere && counted.valid
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      if !expected { invalid += 1 }
      #expect(validEverywhere == expected, "\(bytes) cut every \(size)")
    }
    #expect(invalid > 50)
  }

  /// Bytes inserted, deleted or replaced at random places: quotes, separators, line breaks,
  /// invalid UTF-8. Whatever the fast reader cannot split exactly, it leaves to the reference.
  @Test func mutatedHistoriesReadTheSame() {
    let base = Self.history()
    let alphabet: [[UInt8]] = [
      [0x22], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x78], [0xFF], [0xE5, 0xBC], [0x22, 0x22],
    ]
    var rng = SplitMix64(seed: 2027)
    for round in 0..<24 {
      var bytes = base
      for _ in 0..<(1 + round % 3) {
        let at = rng.int(bytes.count)
        switch rng.int(3) {
        case 0: bytes.insert(contentsOf: rng.pick(alphabet), at: at)
        case 1: bytes.remove(at: at)
        default: bytes.replaceSubrange(at..<(at + 1), with: rng.pick(alphabet))
        }
      }
      Self.expectSame(bytes, chunk: 97 + round * 31)
    }
  }

  /// `cascade checkin` scores the row it appended without reading the file again: the log it
  /// extends must be the log read back from the file.
  @Test func anAppendedRowIsWhereReadingTheFileWouldPutIt() throws {
    let bytes = Self.history()
    var index = Self.plan(bytes)
    let unit = Self.organisation.model.units[3]
    let o = unit.objectives[0]
    let kr = try #require(o.keyResults.first { $0.kind == .increase })
    let ref = "\(unit.id)/\(o.id)/\(kr.id)"
    let row = try Self.valid(ref, "99", confidence: "0.4", in: index)
    var extended = CheckInLog(index)
    extended.appended(row, note: "late, but in", author: "Ann", line: 0, in: index)
    index = Self.plan(bytes + Array("2027-02-01,\(ref),99,0.4,\"late, but in\",Ann\n".utf8))
    let reread = CheckInLog(index)
    let a = extended.history(of: row.keyResult)
    let b = reread.history(of: row.keyResult)
    #expect(a.map(\.value) == b.map(\.value))
    #expect(a.map(\.date) == b.map(\.date))
    #expect(a.map { extended.note(of: $0) } == b.map { reread.note(of: $0) })
    #expect(a.map { extended.author(of: $0) } == b.map { reread.author(of: $0) })
    #expect(a.last?.value == b.last?.value)
  }

  /// The appended row's line is the one reading the file gives it, even when a note holds a
  /// lone CR (a line break to the readers, not to a count of LFs), and it wins a tie with an
  /// earlier row of the same day: the confirmation's confidence is the new row's.
  @Test func anAppendedRowKeepsItsRealLineAndWinsTies() throws {
    let unit = Self.organisation.model.units[3]
    let o = unit.objectives[0]
    let kr = try #require(o.keyResults.first { $0.kind == .increase })
    let ref = "\(unit.id)/\(o.id)/\(kr.id)"
    let before = Array(
      (CheckInLog.headerLine + "\n2027-02-01,\(ref),10,0.9,\"a\rb\",x\n2027-02-01,\(ref),11,0.9,,x\n").utf8)
    let index = Self.plan(before)
    let row = try Self.valid(ref, "12", confidence: "0.3", in: index)
    let added = Array("2027-02-01,\(ref),12,0.3,,y\n".utf8)
    var extended = CheckInLog(index)
    extended.appended(row, note: "", author: "y", line: CheckInLog.lineAfter(before), in: index)
    let reread = CheckInLog(Self.plan(before + added))
    let a = extended.history(of: row.keyResult)
    let b = reread.history(of: row.keyResult)
    #expect(a.map(\.line) == [2, 4, 5])
    #expect(a.map(\.line) == b.map(\.line))
    // Even when told a line that is too low, the appended row stays last.
    var low = CheckInLog(index)
    low.appended(row, note: "", author: "y", line: 1, in: index)
    #expect(low.history(of: row.keyResult).map(\.value) == [10, 11, 12])
    #expect(low.history(of: row.keyResult).last?.line == 5)
    let day = try #require(Day(iso: "2027-02-01"))
    var result = Linter.lint(
      PlanLoader.load(
        inMemoryBytes: Self.organisation.files.map { ($0.path, Array($0.contents.utf8)) } + [("checkins.csv", before)]))
    result.checkIns = low
    #expect(Scorer.score(of: row.keyResult, in: result, asOf: day)?.confidence == 0.3)
  }

  /// `cascade checkin` reads only its own key result's rows: for every key result, the same
  /// check-ins (values, notes, lines, order) and the same problems of its rows as reading every
  /// row gives, and nothing of any other key result.
  @Test(arguments: [64, 1 << 20])
  func aLogOfOneKeyResultIsItsPartOfTheWholeLog(chunk: Int) throws {
    let unit = Self.organisation.model.units[3]
    let o = unit.objectives[0]
    let kr = try #require(o.keyResults.first { $0.kind == .increase })
    let ref = "\(unit.id)/\(o.id)/\(kr.id)"
    // A reference with a character outside ASCII, which the plan's lookup decides.
    let bytes =
      Self.history()
      + Array(
        "2027-02-14,\(ref)é,5,,,x\n2027-02-14,\t\(ref) ,6,,,x\n2027-02-15,\(ref)\u{3000},7,,,x\n".utf8)
    #expect(CheckInScan.records(bytes, chunk: chunk) != nil)
    let index = Self.plan(bytes)
    let whole = CheckInLog(index, reader: .reference)
    var counted = 0
    for (u, unit) in index.plan.units.enumerated() {
      for (o, objective) in unit.objectives.enumerated() {
        for k in objective.keyResults.indices {
          let address = KeyResultAddress(ObjectiveAddress(unit: u, objective: o), k)
          let only = CheckInLog(index, reader: .fast(chunk: chunk), only: address)
          #expect(only.readByScan)
          #expect(only.entries.allSatisfy { $0.keyResult == address })
          let (a, b) = (only.history(of: address), whole.history(of: address))
          #expect(a.map(\.line) == b.map(\.line))
          #expect(a.map(\.value.bitPattern) == b.map(\.value.bitPattern))
          #expect(a.map { only.note(of: $0) } == b.map { whole.note(of: $0) })
          #expect(a.map { only.author(of: $0) } == b.map { whole.author(of: $0) })
          let reference = index.reference(address.objective, keyResult: k)
          #expect(only.diagnostics == whole.diagnostics.filter { $0.subject == reference }, "\(reference)")
          counted += a.count
        }
      }
    }
    // Every check-in of the whole log is some key result's.
    #expect(counted == whole.entries.count)
    // The extra rows: the one with a tab and a space around it counts, the one with é is
    // unknown, and an ideographic space after it is for the plan's lookup to decide.
    let target = try #require(index.keyResult(ref))
    let values = CheckInLog(index, only: target).history(of: target).map(\.value)
    #expect(values.contains(6) && !values.contains(5))
    #expect(whole.history(of: target).map(\.value) == values)
  }

  /// The line after what the append wrote before a row is counted as if both were one file:
  /// a CR at the end of the file and the LF the append adds are one line break.
  @Test func theLineAfterAJointIsTheLineOfBothJoined() {
    let befores = ["", "h\n", "h\r", "h\r\n", "h", "a,\"b\rc\"", "\u{FEFF}"].map { Array($0.utf8) }
    let joints = ["", "\n", "\r\n", CheckInLog.headerLine + "\n"].map { Array($0.utf8) }
    for before in befores {
      for joint in joints {
        #expect(
          CheckInLog.lineAfter(before, then: joint) == CheckInLog.lineAfter(before + joint),
          "\(before) + \(joint)")
      }
    }
  }

  /// A log read from disk counts the file's lines as it reads them: the line after it and a
  /// joint is what counting the bytes gives, for a file ending in a line break or not, in a
  /// lone CR, inside a note, and read in blocks that end anywhere. A log held in memory does
  /// not know it.
  @Test func aStreamedLogKnowsTheLineAfterItsFile() throws {
    let header = CheckInLog.headerLine
    let ref =
      "\(Self.organisation.model.units[3].id)/\(Self.organisation.model.units[3].objectives[0].id)/"
      + Self.organisation.model.units[3].objectives[0].keyResults[0].id
    let files = [
      header + "\n", header, header + "\r", header + "\r\n2027-02-01,\(ref),1,,\"a\rb\r\nc\nd\",x\r",
      header + "\n2027-02-01,\(ref),1,,,x", header + "\n2027-02-01,\(ref),1,,,x\n\n\r\n",
    ].map { Array($0.utf8) }
    let joints = ["", "\n", "\r\n"].map { Array($0.utf8) }
    for bytes in files {
      let (index, folder) = try Self.planOnDisk(bytes)
      for block in [3, 7, 64, 1 << 20] {
        let log = CheckInLog(index, reader: .fast(chunk: 5, block: block))
        #expect(log.readByScan)
        for joint in joints {
          #expect(log.lineAfter(then: joint) == CheckInLog.lineAfter(bytes, then: joint), "\(bytes) \(block)")
        }
      }
      withExtendedLifetime(folder) {}
    }
    #expect(CheckInLog(Self.plan(files[0]), reader: .fast(chunk: nil)).lineAfter(then: []) == nil)
  }

  /// Ids written twice (two units, two objectives, two key results of one id): a reference
  /// resolves as the plan's lookup says, in both readers, and whichever way the table is built.
  @Test func idsWrittenTwiceResolveAsThePlanSays() throws {
    let unit = """
      unit: acme
      name: Acme
      level: company
      cycle: 2027-Q1
      objectives:
        - id: grow
          title: Grow
          key_results:
            - {id: sales, title: Sales from 10 to 20, baseline: 10, target: 20}
            - {id: sales, title: Sales again from 1 to 2, baseline: 1, target: 2}
        - id: grow
          title: Grow again
          key_results:
            - {id: other, title: Other from 10 to 20, baseline: 10, target: 20}
      """
    let rows = [
      CheckInLog.headerLine, "2027-02-01,acme/grow/sales,12,,,x", "2027-02-02,acme/grow/other,13,,,x",
      "2027-02-03,acme/grow/sales,14,,,x",
    ]
    let files: [(name: String, bytes: [UInt8])] = [
      ("a.yaml", Array(unit.utf8)),
      ("b.yaml", Array(unit.replacingOccurrences(of: "name: Acme", with: "name: B").utf8)),
      ("checkins.csv", Array((rows.joined(separator: "\n") + "\n").utf8)),
    ]
    let index = Linter.lint(PlanLoader.load(inMemoryBytes: files)).index
    let fast = CheckInLog(index, reader: .fast(chunk: nil))
    let reference = CheckInLog(index, reader: .reference)
    #expect(fast.readByScan)
    #expect(fast.entries.map(\.keyResult) == reference.entries.map(\.keyResult))
    #expect(fast.entries.map(\.value) == reference.entries.map(\.value))
    #expect(fast.diagnostics == reference.diagnostics)
    let sales = try #require(index.keyResult("acme/grow/sales"))
    #expect(fast.history(of: sales).map(\.value) == [12, 14])
    #expect(CheckInLog(index, only: sales).history(of: sales).map(\.value) == [12, 14])
  }
}
