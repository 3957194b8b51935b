import CascadeSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure to read the plan at all (missing path, unreadable file): exit status 2, not a
/// diagnostic.
public struct LoadError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, in every language.
  public var message: Message
  /// In English.
  public var description: String { message.en }
  public init(_ message: Message) { self.message = message }

  // MARK: - Messages

  /// The system's own words for a failed call (`strerror`), which stay as the C library says them.
  static func system(_ path: String, _ error: Int32) -> LoadError {
    let text = String(cString: strerror(error))
    return LoadError(Message(en: "\(path): \(text)", zh: "无法读取 \(path)：\(text)"))
  }

  static func notRegularFile(_ path: String) -> LoadError {
    LoadError(Message(en: "\(path): not a regular file", zh: "\(path)：不是普通文件"))
  }

  static func noPlanFiles(_ path: String) -> LoadError {
    LoadError(
      Message(
        en: "\(path): no plan files (*.yaml, *.yml) in this folder",
        zh: "\(path)：这个文件夹里没有计划文件（*.yaml、*.yml）"))
  }

  static func missing(_ path: String) -> LoadError {
    LoadError(Message(en: "\(path): no such file or directory", zh: "\(path)：没有这个文件或文件夹"))
  }

  static func notFileOrFolder(_ path: String) -> LoadError {
    LoadError(Message(en: "\(path): not a file or directory", zh: "\(path)：既不是文件也不是文件夹"))
  }

  static func checkInsTooLarge(_ path: String, gibibytes: Int) -> LoadError {
    LoadError(
      Message(
        en: "\(path): larger than \(gibibytes) GiB, the limit for check-ins",
        zh: "\(path)：超过了进展更新文件 \(gibibytes) GiB 的上限"))
  }
}

/// The result of loading: the plan as far as it could be read, and every problem found on the way.
public struct LoadedPlan: Sendable {
  public var plan: Plan
  public var diagnostics: [Diagnostic]
  /// With a ``PlanLoader/StandIn``: the name the plan gives that file (its diagnostics' file).
  public var standInFile: String?

  /// The errors found in loading (a YAML syntax error, a field of the wrong type …), at the
  /// severities the plan's configuration sets; the rules may find more.
  public var errorCount: Int {
    diagnostics.count { plan.configuration.severity(for: $0.rule, default: $0.severity) == .error }
  }
}

public enum PlanLoader {
  /// Files larger than this are reported, not parsed.
  public static let maxFileBytes = 16 * 1024 * 1024
  /// checkins.csv grows all year (two check-ins a week for 100,000 key results is ~100 MB).
  public static let maxCheckInsBytes = 1024 * 1024 * 1024
  public static let configurationFile = "cascade.yaml"
  public static let checkInsFile = "checkins.csv"
  /// The hidden folder of a plan for its editor files (`cascade init` puts the JSON Schemas
  /// there); loading never reads it, `next-cycle` copies it.
  public static let editorFolder = ".cascade"

  /// Loads a plan from folders (searched recursively for `*.yaml` / `*.yml`) and files.
  /// `cascade.yaml` at a folder's root is its configuration. Files are parsed in parallel.
  ///
  /// `paths` are as given on the command line (an argument whose bytes are not UTF-8 is
  /// recovered from the raw arguments); the plan's paths are in the display form of
  /// ``FileSystem/displayPath(_:)``. A path inside a plan root (see `PlanRoot`) stands for the
  /// whole plan. Each file is read once, however many paths name it (by device and inode:
  /// links, `a//b`, `./a/b`, a file inside a folder also given). A folder without plan files
  /// is a load error: a wrong path must not pass as an empty plan.
  public static func load(paths arguments: [String]) throws(LoadError) -> LoadedPlan {
    try load(paths: arguments, standIn: nil)
  }

  /// A file's contents that stand in for what is on disk: an editor's unsaved buffer, read from
  /// standard input (`validate - --stdin-filename F`). `path` names the file; when the plan
  /// holds it, its units come from `bytes`, else `bytes` is one more file of the plan.
  public struct StandIn: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// ``load(paths:)`` with one file's contents replaced by `standIn`. The plan's file that is
  /// `standIn.path` (the same file, however spelled) is named as the plan names it.
  /// `checkIns`: whether checkins.csv is read with the plan, or only checked to be a regular
  /// file within the size limit and left to ``CheckInLog``, which reads it a block at a time.
  ///
  /// `mentioning`: only the plan files that can mention unit `id` (a valid identifier) are
  /// decoded, the others read and dropped (see ``mayMention(_:_:)``): every file that defines the
  /// unit or refers to it is in the plan, with its diagnostics, and nothing else is. For
  /// `cascade checkin`, whose key result is in its unit's file: at 100,000 people decoding
  /// every file is most of its time and memory.
  public static func load(
    paths arguments: [String], standIn: StandIn?, checkIns readCheckIns: Bool = true, mentioning id: String? = nil
  )
    throws(LoadError) -> LoadedPlan
  {
    let paths = PlanRoot.resolve(arguments.map(FileSystem.argumentPath))
    var checkInsFound: [String] = []
    var files: [String] = []
    var configPath: String?
    var root: String?
    for path in paths {
      switch FileSystem.kind(of: path) {
      case .directory:
        if root == nil { root = path }
        let candidate = FileSystem.join(path, configurationFile)
        if configPath == nil, FileSystem.kind(of: candidate) == .file { configPath = candidate }
        var found: [String] = []
        FileSystem.walk(
          path,
          other: { entry in
            // A checkins.csv that is a folder or a FIFO below the root is reported too.
            if FileSystem.basename(entry) == checkInsFile { checkInsFound.append(entry) }
          }
        ) { file in
          let name = FileSystem.basename(file)
          if name == checkInsFile { checkInsFound.append(file) }
          guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return }
          guard file != candidate else { return }
          found.append(file)
        }
        guard !found.isEmpty else {
          throw .noPlanFiles(path)
        }
        files.append(contentsOf: found.sorted())
      case .file:
        if FileSystem.basename(path) == configurationFile {
          configPath = path
        } else {
          files.append(path)
        }
      case .missing:
        throw .missing(path)
      case .other:
        throw .notFileOrFolder(path)
      }
    }
    if root == nil, let first = paths.first, FileSystem.kind(of: first) == .file {
      root = FileSystem.dirname(first)
    }

    var diagnostics: [Diagnostic] = []
    var configuration = Configuration()
    if let configPath {
      let bytes = try FileSystem.read(configPath)
      diagnostics += decodeConfiguration(bytes, file: configPath, into: &configuration)
    }

    var checkIns: (String, [UInt8]?)?
    if let root {
      let path = FileSystem.join(root, checkInsFile)
      // By identity, not by name: `validate ./p p` names the root's own file twice.
      for stray in checkInsFound where stray != path && !PlanRoot.sameFile(stray, path) {
        diagnostics.append(PlanRoot.strayCheckIns(stray, rootFile: path))
      }
      let kind = FileSystem.kind(of: path)
      if kind == .directory || kind == .other { diagnostics.append(PlanRoot.notARegularFile(path, kind: kind)) }
      if kind == .file, !readCheckIns {
        var st = stat()
        if FileSystem.withSystemPath(path, { stat($0, &st) }) == 0, Int(st.st_size) > maxCheckInsBytes {
          throw .checkInsTooLarge(path, gibibytes: maxCheckInsBytes / (1024 * 1024 * 1024))
        }
        checkIns = (path, nil)
      } else if kind == .file {
        let bytes = try FileSystem.read(path, limit: maxCheckInsBytes)
        guard bytes.count <= maxCheckInsBytes else {
          let limit = maxCheckInsBytes / (1024 * 1024 * 1024)
          throw .checkInsTooLarge(path, gibibytes: limit)
        }
        checkIns = (path, bytes)
      }
    }

    var standInIdentity: FileSystem.FileIdentity?
    if let standIn {
      var st = stat()
      if FileSystem.withSystemPath(standIn.path, { stat($0, &st) }) == 0 {
        standInIdentity = FileSystem.FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
      }
    }
    let mention = id.flatMap { Identifier.isValid($0) ? Array($0.utf8) : nil }
    var parsed = try parseInParallel(files, standIn: standIn.map { ($0.bytes, standInIdentity) }, mentioning: mention)
    var standInFile: String?
    if let standIn {
      if let i = parsed.firstIndex(where: { $0.identity != nil && $0.identity == standInIdentity }) {
        standInFile = files[i]
      } else {
        files.append(standIn.path)
        parsed.append(decodeUnits(standIn.bytes, file: standIn.path))
        standInFile = standIn.path
      }
    }
    var results: [FileResult] = []
    results.reserveCapacity(parsed.count)
    var readFiles: [String] = []
    var seen = Set<FileSystem.FileIdentity>()
    for (file, result) in zip(files, parsed) {
      if let identity = result.identity, !seen.insert(identity).inserted { continue }
      if result.dropped { continue }
      results.append(result)
      readFiles.append(file)
    }
    files = readFiles
    var units: [Unit] = []
    units.reserveCapacity(results.reduce(0) { $0 + $1.units.count })
    var suppressions: [Suppression] = []
    for r in results {
      units.append(contentsOf: r.units)
      diagnostics.append(contentsOf: r.diagnostics)
      suppressions.append(contentsOf: r.suppressions)
    }
    var plan = Plan(units: units, configuration: configuration, files: files, root: root)
    plan.checkIns = checkIns
    plan.suppressions = suppressions
    var loaded = LoadedPlan(plan: plan, diagnostics: diagnostics)
    loaded.standInFile = standInFile
    return loaded
  }

  /// Loads a plan from text held in memory (file name → contents); `cascade.yaml` is the
  /// configuration. Used by tests and the generated rule documentation.
  public static func load(inMemory files: [(name: String, text: String)]) -> LoadedPlan {
    load(inMemoryBytes: files.map { ($0.name, Array($0.text.utf8)) })
  }

  /// Like ``load(inMemory:)`` for bytes that need not be UTF-8 (the fuzz harness feeds any).
  public static func load(inMemoryBytes files: [(name: String, bytes: [UInt8])]) -> LoadedPlan {
    var diagnostics: [Diagnostic] = []
    var configuration = Configuration()
    var units: [Unit] = []
    var names: [String] = []
    var suppressions: [Suppression] = []
    var checkIns: (String, [UInt8]?)?
    for (name, bytes) in files.sorted(by: { $0.name < $1.name }) {
      if name == checkInsFile {
        checkIns = (name, bytes)
        continue
      }
      if FileSystem.basename(name) == checkInsFile {
        diagnostics.append(PlanRoot.strayCheckIns(name, rootFile: checkInsFile))
        continue
      }
      if name == configurationFile {
        diagnostics += decodeConfiguration(bytes, file: name, into: &configuration)
        continue
      }
      names.append(name)
      let r = decodeUnits(bytes, file: name)
      units += r.units
      diagnostics += r.diagnostics
      suppressions += r.suppressions
    }
    var plan = Plan(units: units, configuration: configuration, files: names, root: nil)
    plan.checkIns = checkIns
    plan.suppressions = suppressions
    return LoadedPlan(plan: plan, diagnostics: diagnostics)
  }

  struct FileResult: Sendable {
    var units: [Unit] = []
    var diagnostics: [Diagnostic] = []
    var suppressions: [Suppression] = []
    var failure: LoadError?
    /// Which file was read, to read each only once.
    var identity: FileSystem.FileIdentity?
    /// Read, and left out of the plan: it cannot mention the unit asked for.
    var dropped = false
  }

  /// Whether a plan file's bytes can mention unit `id`, a valid identifier (lowercase ASCII,
  /// digits, `-`, `_`, `.`): they hold `id`'s bytes, or a backslash. Plan files are read as
  /// UTF-8, and a scalar whose value is an identifier is its bytes as written, trimmed, in
  /// every YAML style but one: a double-quoted scalar's escapes (`"\x61cme"`) can spell any
  /// character. A folded line break would make a space, which no identifier holds.
  static func mayMention(_ bytes: [UInt8], _ id: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { b in
      id.withUnsafeBytes { n in
        guard let base = b.baseAddress, let needle = n.baseAddress, let first = id.first else { return false }
        if memchr(base, 0x5C, b.count) != nil { return true }
        // Each place the first byte occurs, compared whole (memchr and memcmp: no memmem in Glibc's module).
        var at = 0
        while b.count - at >= n.count, let hit = memchr(base + at, Int32(first), b.count - at - n.count + 1) {
          if memcmp(hit, needle, n.count) == 0 { return true }
          at = base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return false
      }
    }
  }

  static func parseInParallel(
    _ files: [String], standIn: (bytes: [UInt8], identity: FileSystem.FileIdentity?)? = nil,
    mentioning id: [UInt8]? = nil
  ) throws(LoadError) -> [FileResult] {
    // Chunks of files per task keep the scheduling overhead small next to the parse.
    let out = parallelMap(files.count, chunk: 16) { i -> FileResult in
      switch Result(catching: { () throws(LoadError) in try FileSystem.readIdentified(files[i]) }) {
      case .success(let (bytes, identity)):
        let standing = standIn.flatMap { $0.identity == identity ? $0.bytes : nil }
        if let id, !mayMention(standing ?? bytes, id) {
          var result = FileResult()
          result.identity = identity
          result.dropped = true
          return result
        }
        var result = decodeUnits(standing ?? bytes, file: files[i])
        result.identity = identity
        return result
      case .failure(let error):
        var result = FileResult()
        result.failure = error
        return result
      }
    }
    if let failure = out.first(where: { $0.failure != nil })?.failure { throw failure }
    return out
  }

  /// Decodes every unit document in one file's bytes.
  static func decodeUnits(_ bytes: [UInt8], file: String) -> FileResult {
    var result = FileResult()
    if bytes.count > maxFileBytes {
      result.diagnostics.append(
        fileDiagnostic(
          InputLimitRule.description, InputLimitRule.fileTooLarge(mebibytes: maxFileBytes / (1024 * 1024)), file))
      return result
    }
    result.suppressions = Suppression.scan(bytes, file: file)
    var documents = 0
    (result.units, result.diagnostics) = decodeRepairing(bytes, file: file) { decoder in
      var units: [Unit] = []
      documents = 0
      do {
        loop: while true {
          let e = try decoder.next()
          switch e.kind {
          case .streamEnd: break loop
          case .mappingStart:
            documents += 1
            if let u = try decoder.unit(startingAt: e) { units.append(u) }
          case .scalar where e.isNull:
            break
          case .sequenceStart, .scalar:
            documents += 1
            // `owner：马丽` alone in a file: the full-width colon, not a missing mapping.
            if decoder.reportFullWidthColon(in: e) { throw DocumentDecoder.Stop() }
            decoder.report(SchemaRule.description, SchemaRule.documentMustBeMapping, e.mark)
            try decoder.skip(e)
          default:
            break
          }
        }
      } catch {
        // Already reported; the rest of the file is skipped.
        documents += 1
      }
      return units
    }
    if documents == 0 {
      result.diagnostics.append(fileDiagnostic(EmptyFileRule.description, EmptyFileRule.noDocument, file))
    }
    return result
  }

  /// The most full-width characters repaired in one file before the rest is left unread.
  static let maxRepairs = 16

  /// Runs `decode` over `bytes`; when it stops at a full-width character that breaks the
  /// YAML structure (`owner：马丽`), runs it again with the character replaced, so that the
  /// file is read as meant and the mistake gives one diagnostic, not a cascade (the unit
  /// missing, every reference to it unresolved). Positions are the file's own.
  static func decodeRepairing<T>(
    _ bytes: [UInt8], file: String, _ decode: (inout DocumentDecoder) -> T
  ) -> (T, [Diagnostic]) {
    // Without a leading byte-order mark, as the reader reads it: a repair's byte offset counts
    // from the text the reader saw.
    var text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    var shifts: [YAMLReader.Shift] = []
    var repaired: [Diagnostic] = []
    while true {
      let reader = text.withUnsafeBytes { YAMLReader(bytes: $0, shifts: shifts) }
      var decoder = DocumentDecoder(reader: reader, file: file)
      let value = decode(&decoder)
      guard let repair = decoder.repair, let diagnostic = decoder.repairDiagnostic, repaired.count < maxRepairs
      else { return (value, repaired + decoder.diagnostics) }
      repaired.append(diagnostic)
      for i in shifts.indices where shifts[i].line == repair.line && shifts[i].column > repair.column {
        shifts[i].column += repair.delta
      }
      if repair.delta != 0 {
        shifts.append(YAMLReader.Shift(line: repair.line, column: repair.column, delta: repair.delta))
      }
      text = repair.apply(text)
    }
  }

  static func decodeConfiguration(_ bytes: [UInt8], file: String, into config: inout Configuration)
    -> [Diagnostic]
  {
    let ids = RuleRegistry.all.map { $0.description.id }
    let initial = config
    let (decoded, diagnostics) = decodeRepairing(bytes, file: file) { decoder in
      var config = initial
      do {
        var done = false
        while !done {
          let e = try decoder.next()
          switch e.kind {
          case .streamEnd: done = true
          case .mappingStart: try decoder.configuration(into: &config, ruleIDs: ids)
          case .scalar where e.isNull: break
          case .sequenceStart, .scalar:
            if decoder.reportFullWidthColon(in: e) { throw DocumentDecoder.Stop() }
            decoder.report(SchemaRule.description, SchemaRule.configurationMustBeMapping, e.mark)
            try decoder.skip(e)
          default: break
          }
        }
      } catch {}
      return config
    }
    config = decoded
    return diagnostics
  }

  static func fileDiagnostic(_ rule: RuleDescription, _ message: Message, _ file: String) -> Diagnostic {
    Diagnostic(rule, message, at: SourceLocation(file: file, mark: .start))
  }

}
