import CascadeCore
import CascadeGenerate
import Foundation
import Testing

/// A temporary folder, removed when the value is released.
final class TemporaryFolder {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "cascade-generate-test-" + UUID().uuidString
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct GeneratorTests {
  @Test func sameOptionsGiveByteIdenticalFiles() throws {
    let options = GeneratorOptions(people: 300, seed: 7, defectRate: 0.1)
    let a = OrganisationGenerator.generate(options)
    let b = OrganisationGenerator.generate(options)
    #expect(Array(a.files) == Array(b.files))
    #expect(a.defects == b.defects)

    // Written files are the generated ones, byte for byte.
    let folder = TemporaryFolder()
    let written = try OrganisationGenerator.write(options, to: folder.path)
    #expect(written.defects == a.defects)
    var bytes = 0
    for file in a.files {
      let data = try #require(FileManager.default.contents(atPath: folder.path + "/" + file.path))
      #expect(data == Data(file.contents.utf8), "\(file.path)")
      bytes += data.count
    }
    #expect(written.bytesWritten == bytes)
  }

  @Test func anotherSeedGivesAnotherOrganisation() {
    let a = OrganisationGenerator.generate(GeneratorOptions(people: 50, seed: 1))
    let b = OrganisationGenerator.generate(GeneratorOptions(people: 50, seed: 2))
    #expect(Array(a.files) != Array(b.files))
  }

  @Test func countsForAThousandPeople() {
    let org = OrganisationGenerator.generate(GeneratorOptions(people: 1_000, seed: 1))
    // 1,000 individuals, 125 teams of 8, 6 departments of about 20 teams, 1 company.
    #expect(org.units == 1_132)
    #expect(org.fileCount == org.units)
    #expect(org.objectives == 3 * org.units)
    #expect(org.keyResults >= 3 * org.objectives && org.keyResults <= 4 * org.objectives)
    #expect(org.defects.isEmpty)
    let paths = org.files.map(\.path)
    #expect(Set(paths).count == paths.count)
    #expect(paths.filter { $0.split(separator: "/").count == 3 }.count == 1_000 + 125)
    for path in paths {
      #expect(
        path.hasSuffix(".yaml") && path.utf8.allSatisfy { $0 < 0x80 && !(65...90).contains($0) })
    }
  }

  @Test func smallAndEmptyOrganisations() throws {
    for people in [0, 1, 7, 9] {
      let folder = TemporaryFolder()
      let org = try OrganisationGenerator.write(
        GeneratorOptions(people: people, seed: 3), to: folder.path)
      let result = try Linter.validate(paths: [folder.path])
      #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(people) people")
      #expect(result.summary.units == org.units)
    }
  }

  @Test func someTitlesAreChinese() {
    let org = OrganisationGenerator.generate(GeneratorOptions(people: 200, seed: 5))
    let chinese = org.files.filter {
      $0.contents.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
    #expect(chinese.count >= 200 / 8)
    #expect(chinese.count < 200 / 2)
  }

  @Test func cleanOrganisationHasNoErrorsOrWarnings() throws {
    let folder = TemporaryFolder()
    let org = try OrganisationGenerator.write(
      GeneratorOptions(people: 2_000, seed: 11), to: folder.path)
    let result = try Linter.validate(paths: [folder.path])
    let problems = result.diagnostics.filter { $0.severity != .info }
    #expect(
      problems.isEmpty,
      "\(problems.prefix(10).map { "\($0.location.file):\($0.location.line) \($0.rule) \($0.message.en)" })"
    )
    // Infos (activities, unsupported objectives) are allowed, but rare.
    #expect(result.summary.infos * 100 <= result.summary.keyResults)
    #expect(result.summary.units == org.units)
    #expect(result.summary.objectives == org.objectives)
    #expect(result.summary.keyResults == org.keyResults)
  }

  @Test func everyInjectedDefectIsReportedAndNothingElseFails() throws {
    let folder = TemporaryFolder()
    let org = try OrganisationGenerator.write(
      GeneratorOptions(people: 2_000, seed: 12, defectRate: 0.05), to: folder.path)
    #expect(org.defects.count == Int((0.05 * Double(org.units)).rounded()))
    #expect(Set(org.defects.map(\.file)).count == org.defects.count, "one defect per unit")
    // Every kind is used.
    #expect(Set(org.defects.map(\.rule)).count == 15)

    let result = try Linter.validate(paths: [folder.path])
    var byFile: [String: [Diagnostic]] = [:]
    for d in result.diagnostics { byFile[d.location.file, default: []].append(d) }
    for defect in org.defects {
      let found = byFile[folder.path + "/" + defect.file, default: []].contains {
        $0.rule == defect.rule && (defect.subject == nil || $0.subject == defect.subject)
      }
      #expect(found, "\(defect.rule) \(defect.subject ?? "") not reported in \(defect.file)")
    }
    let defective = Set(org.defects.map { folder.path + "/" + $0.file })
    let unexplained = result.diagnostics.filter {
      $0.severity != .info && !defective.contains($0.location.file)
    }
    #expect(
      unexplained.isEmpty,
      "\(unexplained.prefix(10).map { "\($0.location.file):\($0.location.line) \($0.rule) \($0.message.en)" })"
    )
  }

  @Test func defectRatesAtTheEdges() {
    let none = OrganisationGenerator.generate(GeneratorOptions(people: 100, seed: 1, defectRate: 0))
    #expect(none.defects.isEmpty)
    let all = OrganisationGenerator.generate(GeneratorOptions(people: 100, seed: 1, defectRate: 1))
    // Every unit is picked; a few (the company, say) fit no remaining kind.
    #expect(all.defects.count >= all.units - 2)
  }

  @Test func otherCycles() throws {
    for cycle in ["2027", "2027-H2", "2027-Q4", "2027-12"] {
      let folder = TemporaryFolder()
      let org = try OrganisationGenerator.write(
        GeneratorOptions(people: 300, seed: 9, defectRate: 0.2, cycle: cycle), to: folder.path)
      let result = try Linter.validate(paths: [folder.path])
      for defect in org.defects
      where defect.rule == "cycle-mismatch" || defect.rule == "kr-due-outside-cycle" {
        #expect(
          result.diagnostics.contains {
            $0.rule == defect.rule && $0.location.file == folder.path + "/" + defect.file
          }, "\(cycle): \(defect)")
      }
    }
  }
}
