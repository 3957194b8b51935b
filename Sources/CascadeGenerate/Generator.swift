import CascadeCore
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to generate.
public struct GeneratorOptions: Sendable, Hashable {
  /// Individuals; teams (about 8 people each), departments (about 20 teams each) and one
  /// company come on top: 10,000 people make about 11,300 units.
  public var people: Int
  /// Same options, same seed: byte-identical files.
  public var seed: UInt64
  /// Share of units (0...1) that get one deliberate mistake.
  public var defectRate: Double
  /// The cycle every unit plans for (a label the plan format accepts: 2027, 2027-H1, 2027-Q1, 2027-01).
  public var cycle: String
  /// Check-ins per key result written to `checkins.csv`, dated evenly across the cycle (0: an
  /// organisation with no history, and no `checkins.csv`).
  public var checkInsPerKeyResult: Int

  public init(
    people: Int, seed: UInt64 = 1, defectRate: Double = 0, cycle: String = "2027-Q1", checkInsPerKeyResult: Int = 0
  ) {
    self.people = people
    self.seed = seed
    self.defectRate = defectRate
    self.cycle = cycle
    self.checkInsPerKeyResult = checkInsPerKeyResult
  }
}

/// A mistake put in on purpose: the linter must report `rule` in `file` (about `subject`, when given).
public struct InjectedDefect: Sendable, Hashable {
  /// The rule id the linter must report.
  public var rule: String
  /// The file, relative to the organisation's root.
  public var file: String
  /// The diagnostic's subject (`unit`, `unit/objective` or `unit/objective/key-result`); nil
  /// when any subject will do (yaml-syntax carries none; unknown-field is matched by file).
  public var subject: String?

  public init(rule: String, file: String, subject: String?) {
    self.rule = rule
    self.file = file
    self.subject = subject
  }
}

public struct GeneratedFile: Sendable, Hashable {
  /// Relative to the organisation's root, e.g. `d03-platform/t03-07/p03-07-05.yaml`.
  public var path: String
  public var contents: String
}

/// A generated organisation: the counts, the mistakes put in, and the files (rendered on demand).
public struct GeneratedOrganisation: Sendable {
  public var defects: [InjectedDefect]
  /// Units, objectives and key results as written (a unit in a file with a YAML syntax
  /// mistake is counted, though the linter cannot read it).
  public var units: Int
  public var objectives: Int
  public var keyResults: Int
  /// Bytes written by `OrganisationGenerator.write`; 0 from `generate`.
  public var bytesWritten = 0
  /// Rows written to `checkins.csv` by `OrganisationGenerator.write`.
  public var checkIns = 0

  let model: OrganisationModel

  init(model: OrganisationModel, defects: [InjectedDefect]) {
    self.model = model
    self.defects = defects
    units = model.units.count
    objectives = model.units.reduce(0) { $0 + $1.objectives.count }
    keyResults = model.units.reduce(0) { acc, u in
      acc + u.objectives.reduce(0) { $0 + $1.keyResults.count }
    }
  }

  /// One file per unit: the company first, then departments, teams and individuals.
  public var fileCount: Int { model.units.count }

  /// Renders file `index` (0 ..< fileCount).
  public func file(_ index: Int) -> GeneratedFile {
    GeneratedFile(path: model.units[index].path, contents: Renderer.render(model.units[index]))
  }

  /// Every file, rendered as it is read.
  public var files: LazyMapSequence<Range<Int>, GeneratedFile> {
    (0..<fileCount).lazy.map { file($0) }
  }

  /// Folders the files sit in, parents before children.
  public var directories: [String] { model.directories }
}

/// A failure to write the organisation: the path and the system's reason.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
  public var description: String
}

/// Builds synthetic organisations: company → departments → teams → individuals, each unit with
/// three objectives of three or four key results aligned to its parent, optionally with
/// deliberate mistakes the linter must find.
public enum OrganisationGenerator {
  public static func generate(_ options: GeneratorOptions) -> GeneratedOrganisation {
    var model = Builder.build(options)
    let defects = Defects.inject(into: &model, options: options)
    return GeneratedOrganisation(model: model, defects: defects)
  }

  /// Writes one file per unit under `directory` (created if needed; existing files with the
  /// same names are replaced, others left alone), rendering and writing in parallel. No
  /// `cascade.yaml` is written: the organisation lints with the default configuration.
  @discardableResult
  public static func write(_ options: GeneratorOptions, to directory: String) throws(GeneratorError)
    -> GeneratedOrganisation
  {
    // generate() traps on options no caller should pass; refuse them here, where they arrive.
    guard Cycle(label: options.cycle) != nil else {
      throw GeneratorError(
        description: "\(quoted(options.cycle, limit: 20)) is not a cycle (2027, 2027-H1, 2027-Q1, 2027-01)")
    }
    guard options.people >= 0, (0...1).contains(options.defectRate), (0...1000).contains(options.checkInsPerKeyResult)
    else {
      throw GeneratorError(
        description: "people must be 0 or more, the defect rate from 0 to 1 and check-ins per key result from 0 to 1000"
      )
    }
    var organisation = generate(options)
    try makeDirectory(directory, parents: true)
    for d in organisation.model.directories {
      try makeDirectory(join(directory, d), parents: false)
    }

    let units = organisation.model.units
    let chunk = 32
    let tasks = (units.count + chunk - 1) / chunk
    let results = parallelMap(tasks) { t -> Result<Int, GeneratorError> in
      var bytes = 0
      for i in (t * chunk)..<min(units.count, (t + 1) * chunk) {
        do throws(GeneratorError) {
          bytes += try writeFile(join(directory, units[i].path), Renderer.render(units[i]))
        } catch {
          return .failure(error)
        }
      }
      return .success(bytes)
    }
    for r in results {
      switch r {
      case .success(let n): organisation.bytesWritten += n
      case .failure(let e): throw e
      }
    }
    if options.checkInsPerKeyResult > 0 {
      let history = History.csv(organisation.model, perKeyResult: options.checkInsPerKeyResult, seed: options.seed)
      organisation.bytesWritten += try writeFile(join(directory, PlanLoader.checkInsFile), history)
      organisation.checkIns = organisation.keyResults * options.checkInsPerKeyResult
    }
    return organisation
  }

  static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

  static func makeDirectory(_ path: String, parents: Bool) throws(GeneratorError) {
    if parents {
      var prefix = path.hasPrefix("/") ? "/" : ""
      for part in path.split(separator: "/") {
        prefix += part
        try makeDirectory(prefix, parents: false)
        prefix += "/"
      }
      return
    }
    if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
    throw GeneratorError(description: "\(path): \(String(cString: strerror(errno)))")
  }

  /// Writes through ``FileOutput`` as every command does (links followed, FIFOs written
  /// through, regular files replaced atomically), without the fsyncs: generated files can be
  /// generated again, and syncing thousands of them would dominate the run.
  static func writeFile(_ path: String, _ text: String) throws(GeneratorError) -> Int {
    do {
      try FileOutput.write(text, to: path, durable: false)
    } catch let error as FileIOError {
      throw GeneratorError(description: "\(path): \(error.reason)")
    } catch {
      throw GeneratorError(description: "\(path): \(error)")
    }
    return text.utf8.count
  }
}
