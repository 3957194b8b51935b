import ArgumentParser
import CascadeCore
import CascadeReport
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

struct NextCycleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "next-cycle",
    abstract: "Start the next cycle's plan from this one, in a new folder.",
    discussion: """
      Every unit's cycle moves (a quarter to the next quarter, a year around it stays), each \
      increase or decrease key result's baseline becomes its final value from this cycle's \
      check-ins, due dates move by the same step (or are dropped when they fall outside the \
      new cycle), and the new folder gets an empty checkins.csv. Values change in place: \
      every comment, blank line and key order stays as written. The summary lists what \
      changed and what the team has to decide: targets already reached, key results without \
      a check-in, titles that still name the old baseline, milestones that are done. \
      The new folder must not exist or be empty (exit 2); the old plan is not touched.

      Examples:
        cascade next-cycle okrs --cycle 2027-Q2 -o okrs-2027-q2
        cascade next-cycle okrs -o ../next --format json
      """)

  @Argument(help: "The plan folder to roll over.", completion: .directory)
  var plan: String

  @Option(help: "The new cycle, e.g. 2027-Q2, 2027-H2, 2028 (default: the one after the plan's).")
  var cycle: String?

  @Option(
    name: [.short, .customLong("output")], help: "The new plan's folder (must not exist, or be empty).",
    transform: { path in
      // `new/` names the folder `new`: its parent is where the new plan is put together.
      var p = Substring(path)
      while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
      return String(p)
    })
  var output: String

  @Option(help: "Summary format: text or json.")
  var format: ListFormat = .text

  @OptionGroup var language: LanguageOption

  func validate() throws {
    if let cycle, Cycle(label: cycle) == nil {
      throw ValidationError("--cycle takes 2027, 2027-H1, 2027-Q2 or 2027-04")
    }
  }

  mutating func run() throws {
    guard FileSystem.kind(of: plan) == .directory else {
      throw CLIFailure(
        message: Message(
          en: "cascade: next-cycle rolls over a plan folder; \(quoted(plan)) is not one",
          zh: "cascade: next-cycle 需要一个计划文件夹；\(quotedZh(plan))不是文件夹"
        ).text(language.language()))
    }
    let result = try loadPlan([plan], language.language())
    let lang = language.language(plan: result.plan.configuration)
    let root = result.plan.root ?? plan
    try checkOutput(root: root, lang)
    let rollover: Rollover
    do {
      rollover = try NextCycle.roll(result, root: root, to: cycle.flatMap { Cycle(label: $0) })
    } catch {
      throw CLIFailure(message: "cascade: " + error.message.text(lang))
    }
    try write(rollover, lang)
    let check = try loadPlan([output], lang).summary
    let presentation = language.presentation(plan: result.plan.configuration, colour: false)
    switch format {
    case .text: try Terminal.write(NextCycleReport.text(rollover, output: output, check: check, presentation))
    case .json: try Terminal.write(NextCycleReport.json(rollover, output: output, check: check))
    }
    // Written, but not clean: scripts must be able to tell.
    if check.errors > 0 { throw ExitCode(1) }
  }

  /// The new folder must be new or empty, not a symbolic link, not the working folder, and
  /// outside the plan (the old plan would read it).
  func checkOutput(root: String, _ lang: Language) throws {
    var st = stat()
    if lstat(output, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
      throw CLIFailure(
        message: Message(
          en: "cascade: \(quoted(output)) is a symbolic link; give the new folder's own path",
          zh: "cascade: \(quotedZh(output))是符号链接；请直接给出新文件夹的路径"
        ).text(lang))
    }
    if let here = Self.canonical("."), let there = Self.canonical(output), here == there || here.hasPrefix(there + "/")
    {
      throw CLIFailure(
        message: Message(
          en: "cascade: \(quoted(output)) is the working folder (or holds it); give a new folder's name",
          zh: "cascade: \(quotedZh(output))是当前工作文件夹（或包含它）；请给出一个新文件夹的名字"
        ).text(lang))
    }
    switch FileSystem.kind(of: output) {
    case .missing: break
    case .directory:
      var entries = 0
      FileSystem.walk(output, other: { _ in entries += 1 }) { _ in entries += 1 }
      if entries > 0 || hasHiddenEntries(output) {
        throw CLIFailure(
          message: Message(
            en: "cascade: \(quoted(output)) is not empty; next-cycle writes a new folder and overwrites nothing",
            zh: "cascade: \(quotedZh(output))不是空文件夹；next-cycle 只写入新文件夹，不覆盖任何文件"
          ).text(lang))
      }
    case .file, .other:
      throw CLIFailure(
        message: Message(
          en: "cascade: \(quoted(output)) exists and is not a folder; next-cycle overwrites nothing",
          zh: "cascade: \(quotedZh(output))已存在且不是文件夹；next-cycle 不覆盖任何文件"
        ).text(lang))
    }
    let parent = Self.canonical(FileSystem.dirname(output)).map { $0 + "/" + FileSystem.basename(output) }
    if let rootPath = Self.canonical(root), let target = parent,
      target == rootPath || target.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    {
      throw CLIFailure(
        message: Message(
          en: "cascade: \(quoted(output)) is inside the plan \(quoted(root)), which would then read it; "
            + "put the new plan next to it",
          zh: "cascade: \(quotedZh(output)) 在计划 \(quotedZh(root)) 之内，旧计划会把它读进去；请把新计划放在旁边"
        )
        .text(lang))
    }
  }

  func hasHiddenEntries(_ path: String) -> Bool {
    guard let dir = opendir(path) else { return false }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { return true }
    }
    return false
  }

  static func canonical(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Writes every file into a fresh folder beside `output`, each fsynced, then renames the
  /// folder into place: the new plan appears whole or not at all.
  func write(_ r: Rollover, _ lang: Language) throws {
    let parent = FileSystem.dirname(output)
    var template = Array((FileSystem.join(parent, ".cascade-next-XXXXXX")).utf8CString)
    guard
      let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } })
    else {
      throw CLIFailure(
        message: "cascade: cannot create a folder in \(visible(parent)): \(String(cString: strerror(errno)))")
    }
    let temp = String(cString: made)
    var done = false
    defer { if !done { Self.remove(temp) } }
    do {
      for file in r.files {
        let path = FileSystem.join(temp, file.path)
        try Self.makeParents(of: path, below: temp)
        try FileOutput.create(file.bytes, at: path)
      }
      try FileOutput.syncFileSystem(of: temp)
    } catch let error as CLIFailure {
      throw error
    } catch {
      throw CLIFailure(message: "cascade: \(error)")
    }
    guard rename(temp, output) == 0 else {
      throw CLIFailure(
        message: "cascade: cannot move the new plan to \(visible(output)): \(String(cString: strerror(errno)))")
    }
    done = true
    _ = chmod(output, 0o755)
  }

  static func makeParents(of path: String, below root: String) throws {
    var dirs: [String] = []
    var d = FileSystem.dirname(path)
    while d != root, d.count > root.count {
      dirs.append(d)
      d = FileSystem.dirname(d)
    }
    for dir in dirs.reversed() where mkdir(dir, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(visible(dir)): \(String(cString: strerror(errno)))")
    }
  }

  /// Removes a folder this command made, with everything it wrote in it (hidden entries too;
  /// links are removed, never followed).
  static func remove(_ dir: String) {
    if let handle = FileSystem.withSystemPath(dir, { opendir($0) }) {
      var names: [String] = []
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { FileSystem.displayPath(Array($0.prefix { $0 != 0 })) }
        if name != "." && name != ".." { names.append(name) }
      }
      closedir(handle)
      for name in names {
        let path = FileSystem.join(dir, name)
        var st = stat()
        if FileSystem.withSystemPath(path, { lstat($0, &st) }) == 0, st.st_mode & S_IFMT == S_IFDIR {
          remove(path)
        } else {
          _ = FileSystem.withSystemPath(path) { unlink($0) }
        }
      }
    }
    _ = FileSystem.withSystemPath(dir) { rmdir($0) }
  }
}
