import ArgumentParser
import CascadeCore
import CascadeGenerate

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a realistic synthetic organisation in plan format v1, one file per unit.",
    discussion: """
      company → departments (about 20 teams each) → teams of about 8 → individuals, 3 objectives \
      of 3–4 key results per unit, aligned upward. Deterministic for a given seed. With \
      --defects P a share P of the units gets one deliberate mistake each, for the checks to find.

      --checkins-per-kr N writes checkins.csv with N check-ins for every key result, dated \
      evenly across the cycle (13 is a quarter of weekly check-ins).

      Examples:
        cascade generate --people 1000 --out /tmp/org --defects 0.05
        cascade generate --people 10000 --out /tmp/org --checkins-per-kr 13
      """)

  @Option(help: "How many people (individual units).")
  var people: Int

  @Option(help: "The folder to write (created; existing files with the same names are replaced).")
  var out: String

  @Option(help: "Seed for the random choices.")
  var seed: UInt64 = 1

  @Option(help: "Share of units with one deliberate mistake, from 0 to 1.")
  var defects: Double = 0

  @Option(help: "The cycle every unit plans for.")
  var cycle: String = "2027-Q1"

  @Option(name: .customLong("checkins-per-kr"), help: "Check-ins per key result in checkins.csv, from 0 to 1000.")
  var checkInsPerKeyResult: Int = 0

  func validate() throws {
    guard (1...1_000_000).contains(people) else { throw ValidationError("--people must be from 1 to 1000000") }
    guard (0...1).contains(defects) else { throw ValidationError("--defects must be from 0 to 1") }
    guard (0...1000).contains(checkInsPerKeyResult) else {
      throw ValidationError("--checkins-per-kr must be from 0 to 1000")
    }
    guard Cycle(label: cycle) != nil else {
      throw ValidationError("--cycle must look like 2027, 2027-H1, 2027-Q1 or 2027-01")
    }
  }

  mutating func run() throws {
    let options = GeneratorOptions(
      people: people, seed: seed, defectRate: defects, cycle: cycle, checkInsPerKeyResult: checkInsPerKeyResult)
    let organisation: GeneratedOrganisation
    do {
      organisation = try OrganisationGenerator.write(options, to: out)
    } catch {
      throw CLIFailure(message: "cascade: \(error.description)")
    }
    try Terminal.write(
      "wrote \(organisation.units) units (\(organisation.objectives) objectives, \(organisation.keyResults) key results) "
        + "to \(visible(out))\(organisation.defects.isEmpty ? "" : " with \(organisation.defects.count) deliberate mistakes")"
        + (organisation.checkIns > 0 ? ", and \(organisation.checkIns) check-ins to checkins.csv\n" : "\n")
    )
  }
}
