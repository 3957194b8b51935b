import ArgumentParser
import CascadeCore
import CascadeDiagram
import Graphviz

#if canImport(Glibc)
  import Glibc
#endif

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the cascade diagram through Graphviz: SVG, PNG, PDF or DOT.",
    discussion: """
      The format comes from the output's extension (.svg, .png, .pdf, .dot) or --format.
      Rendering works when the plan has errors and shows them. With check-ins, nodes are
      coloured by status as of --as-of. Exit status as for validate (1 when the plan has
      errors), and 2 when the diagram cannot be rendered or written.
      """)

  @Argument(help: "The plan folder or files.")
  var paths: [String]

  @Option(name: [.customShort("o"), .long], help: "The file to write.")
  var output: String?

  @Option(help: "svg, png, pdf or dot (default: from the output's extension).")
  var format: String?

  @Option(help: "Only this unit's or objective's subtree and its chain up to the company.")
  var focus: String?

  @Option(help: "Levels below the top to show (0: the top units only).")
  var depth: Int?

  @Option(help: "Only these levels, e.g. company,department.")
  var levels: String?

  @Flag(name: .customLong("no-key-results"), help: "Objectives only.")
  var noKeyResults = false

  @Option(help: "TB (top to bottom) or LR (left to right).")
  var direction: String = "TB"

  @Option(help: "One diagram per unit plus an overview page, written into this folder.")
  var split: String?

  @Option(name: .customLong("as-of"), help: "The day progress is shown for (default: today).")
  var asOf: Day?

  @Option(help: "The title line (default: plan name, cycle and date).")
  var title: String?

  /// Internal: render pages k of n of a split (a worker process of --split).
  @Option(name: .customLong("split-worker"), help: .hidden)
  var splitWorker: String?

  func validate() throws {
    if split == nil && output == nil {
      throw ValidationError("give an output file with -o, or a folder with --split")
    }
    if split != nil && output != nil { throw ValidationError("-o and --split cannot be used together") }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
  }

  mutating func run() throws {
    let format = try resolveFormat()
    let result = try loadPlan(paths)
    var options = DiagramOptions()
    options.focus = focus
    options.depth = depth
    options.showKeyResults = !noKeyResults
    options.title = title
    let day = asOf ?? Day.today
    options.date = day
    switch direction.uppercased() {
    case "TB": options.direction = .topToBottom
    case "LR": options.direction = .leftToRight
    default: throw CLIFailure(message: "cascade: --direction must be TB or LR")
    }
    if let levels {
      var set = Set<Level>()
      for name in levels.split(separator: ",") {
        guard let level = Level(rawValue: String(name).trimmingCharacters(in: " ").lowercased()) else {
          throw CLIFailure(message: "cascade: unknown level \(quoted(String(name), limit: 20)) in --levels")
        }
        set.insert(level)
      }
      options.levels = set
    }
    let progress = result.checkIns.entries.isEmpty ? nil : DiagramProgress(Scorer.score(result, asOf: day))

    if let split {
      try renderSplit(result, progress: progress, options: options, format: format, folder: split)
    } else if let output {
      let bytes: [UInt8]
      do {
        if format == .dot {
          bytes = Array(try CascadeDiagram.dot(for: result, progress: progress, options: options).utf8)
        } else {
          bytes = try CascadeDiagram.render(result, progress: progress, options: options, format: format)
        }
      } catch {
        throw CLIFailure(message: "cascade: \(error.description)")
      }
      try write(bytes, to: output)
    }
    if result.summary.errors > 0 {
      Terminal.standardError(
        "cascade: the plan has \(result.summary.errors) error(s), shown in the diagram; run `cascade validate` for details"
      )
      throw ExitCode(1)
    }
  }

  func resolveFormat() throws -> Graphviz.Format {
    let name =
      format ?? output.flatMap { path in
        let base = FileSystem.basename(path)
        return base.contains(".") ? base.split(separator: ".").last.map { String($0).lowercased() } : nil
      } ?? (split != nil ? "svg" : nil)
    guard let name else {
      throw CLIFailure(
        message: "cascade: cannot tell the format from \(quoted(output ?? "")): use --format svg|png|pdf|dot")
    }
    guard let f = Graphviz.Format(rawValue: name), [.svg, .png, .pdf, .dot].contains(f) else {
      throw CLIFailure(message: "cascade: unknown format \(quoted(name, limit: 20)); use svg, png, pdf or dot")
    }
    return f
  }

  func write(_ bytes: [UInt8], to path: String) throws {
    do {
      try AtomicFile.write(bytes, to: path)
    } catch {
      throw CLIFailure(message: "cascade: cannot write \(path): \(error)")
    }
  }

  /// Pages are laid out by several worker processes at once: libgvc is not thread-safe, so
  /// parallel layout needs separate processes. Each worker renders every n-th page.
  func renderSplit(
    _ result: LintResult, progress: DiagramProgress?, options: DiagramOptions, format: Graphviz.Format, folder: String
  ) throws {
    let pages: SplitPages
    do {
      pages = try CascadeDiagram.splitPages(
        result, progress: progress, options: options, fileExtension: format.rawValue)
    } catch {
      throw CLIFailure(message: "cascade: \(error.description)")
    }
    if mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(folder): \(String(cString: strerror(errno)))")
    }
    if let worker = splitWorker {
      let parts = worker.split(separator: "/").compactMap { Int($0) }
      guard parts.count == 2, parts[1] > 0 else { throw CLIFailure(message: "cascade: bad --split-worker") }
      try renderPages(pages, format: format, folder: folder, every: parts[1], offset: parts[0])
      return
    }
    let workers = format == .dot ? 1 : min(max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))), 8, pages.names.count)
    if workers == 1 {
      try renderPages(pages, format: format, folder: folder, every: 1, offset: 0)
    } else {
      var children: [pid_t] = []
      for k in 0..<workers {
        let args = CommandLine.arguments + ["--split-worker", "\(k)/\(workers)"]
        var pid: pid_t = 0
        let argv = args.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        guard posix_spawn(&pid, Executable.path, nil, nil, argv, environ) == 0 else {
          throw CLIFailure(message: "cascade: cannot start a render worker")
        }
        children.append(pid)
      }
      var failed = false
      for pid in children {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let code = (status >> 8) & 0xFF
        // Workers exit 1 when the plan has errors (the pages are still written); 2 is a failure.
        if status & 0x7F != 0 || code >= 2 { failed = true }
      }
      if failed { throw CLIFailure(message: "cascade: some pages could not be rendered") }
    }
    if splitWorker == nil {
      Terminal.write(
        "wrote \(pages.names.count) pages to \(folder) (overview: \(FileSystem.join(folder, pages.names[0])))\n")
    }
  }

  func renderPages(_ pages: SplitPages, format: Graphviz.Format, folder: String, every: Int, offset: Int) throws {
    var i = offset
    while i < pages.names.count {
      let dot = pages.dot(i)
      let bytes: [UInt8]
      if format == .dot {
        bytes = Array(dot.utf8)
      } else {
        do {
          bytes = try Graphviz.render(dot: dot, format: format)
        } catch {
          throw CLIFailure(message: "cascade: \(pages.names[i]): \(error.description)")
        }
      }
      try write(bytes, to: FileSystem.join(folder, pages.names[i]))
      if getenv("CASCADE_MEMDEBUG") != nil, (i / every) % 500 == 0 {
        Terminal.standardError("DEBUG page \(i)")
        dbg_malloc_stats()
        if getenv("CASCADE_TRIM") != nil { _ = dbg_malloc_trim(0) }
      }
      i += every
    }
  }
}

@_silgen_name("malloc_stats") func dbg_malloc_stats()
@_silgen_name("malloc_trim") func dbg_malloc_trim(_ pad: Int) -> Int32

enum Executable {
  /// This program's own path, for starting workers.
  static var path: String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, 4095)
    return n > 0
      ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
  }
}

extension DiagramProgress {
  /// The diagram's view of a scorecard.
  init(_ card: Scorecard) {
    var krs: [KeyResultAddress: KeyResultMark] = [:]
    for s in card.keyResults {
      krs[s.address] = KeyResultMark(progress: s.progress, status: s.status, current: s.current)
    }
    var objectives: [ObjectiveAddress: ObjectiveMark] = [:]
    for o in card.objectives { objectives[o.address] = ObjectiveMark(progress: o.score, status: o.status) }
    self.init(keyResults: krs, objectives: objectives)
  }
}
