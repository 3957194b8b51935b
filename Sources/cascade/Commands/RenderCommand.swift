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

  /// Diagnostics: render share k of n of a split in this process (`0/1`: every page).
  @Option(name: .customLong("split-worker"), help: .hidden)
  var splitWorker: String?

  /// Internal: a worker process of --split (see ``RenderWorker``).
  @Flag(name: .customLong("render-worker"), help: .hidden)
  var renderWorker = false

  func validate() throws {
    if split == nil && output == nil {
      throw ValidationError("give an output file with -o, or a folder with --split")
    }
    if split != nil && output != nil { throw ValidationError("-o and --split cannot be used together") }
    if split == FileOutput.standardOutput { throw ValidationError("--split needs a folder, not standard output") }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
  }

  mutating func run() throws {
    let format = try resolveFormat()
    if renderWorker { RenderWorker.serve(format: format) }
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
      for name in levels.split(separator: ",", omittingEmptySubsequences: false) {
        guard !name.allSatisfy({ $0 == " " }) else {
          throw CLIFailure(message: "cascade: --levels has an empty item; give levels like company,department")
        }
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
      do throws(DiagramError) {
        if format == .dot {
          bytes = Array(try CascadeDiagram.dot(for: result, progress: progress, options: options).utf8)
        } else {
          let dot = try Timings.measure("dot") { () throws(DiagramError) in
            try CascadeDiagram.dot(for: result, progress: progress, options: options)
          }
          bytes = try Timings.measure("graphviz") { () throws(DiagramError) in
            do throws(Graphviz.Error) {
              return try Graphviz.render(dot: dot, format: format, freeing: .inBackground)
            } catch {
              throw .graphviz(error)
            }
          }
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
    if format == nil && output == FileOutput.standardOutput {
      throw CLIFailure(
        message: "cascade: -o - writes to standard output; give the format with --format svg|png|pdf|dot")
    }
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
      try FileOutput.write(bytes, to: path)
    } catch {
      throw CLIFailure(message: "cascade: cannot write \(path): \(error)")
    }
  }

  /// Pages are laid out by worker processes, one per core: libgvc is not thread-safe, so
  /// parallel layout needs separate processes. This process loads the plan once and builds each
  /// page's DOT as a worker asks for one; the workers only run Graphviz and write the files
  /// (``RenderWorker``). Graphviz 2.42 (Debian 12) does not free everything a layout with
  /// clusters and HTML labels allocates (10 to 100 KB a page), so a worker stops once it
  /// has grown past ``RenderWorker/residentLimit`` and a fresh one takes over: memory stays
  /// bounded whatever the number of pages.
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
    guard FileSystem.kind(of: folder) == .directory else {
      throw CLIFailure(message: "cascade: --split needs a folder, and \(quoted(folder)) is not a folder")
    }
    if let worker = splitWorker {
      // Diagnostics: render share k of n in this process (`--split-worker 0/1`: every page).
      let parts = worker.split(separator: "/").compactMap { Int($0) }
      guard parts.count == 2, parts[1] > 0, parts[0] >= 0 else {
        throw CLIFailure(message: "cascade: bad --split-worker")
      }
      try renderPages(pages, format: format, folder: folder, every: parts[1], offset: parts[0])
      return
    }
    if format == .dot {
      try renderPages(pages, format: format, folder: folder, every: 1, offset: 0)
    } else {
      let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
      var pool = RenderPool(arguments: CommandLine.arguments + ["--render-worker"])
      let failures = try pool.run(
        count: pages.names.count, workers: min(cores, 8, pages.names.count),
        path: { FileSystem.join(folder, pages.names[$0]) }, dot: { pages.dot($0) })
      if let first = failures.messages.first {
        // One line, as exit 2 promises: how many, and the first reason (usually all the same).
        let count = failures.messages.count
        throw CLIFailure(
          message: "cascade: \(count) of \(pages.names.count) page(s) could not be rendered; the first: \(first)")
      }
    }
    try Terminal.write(
      "wrote \(pages.names.count) pages to \(visible(folder)) (overview: \(visible(FileSystem.join(folder, pages.names[0]))))\n"
    )
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
          // Many renders in a row: freed on this thread. Freed in the background, each page's
          // graph would go back to another thread's malloc arena (fragmenting both) while the
          // next layout waits for the Graphviz lock anyway.
          bytes = try Graphviz.render(dot: dot, format: format, freeing: .now)
        } catch {
          throw CLIFailure(message: "cascade: \(pages.names[i]): \(error.description)")
        }
      }
      try write(bytes, to: FileSystem.join(folder, pages.names[i]))
      i += every
    }
  }
}

// MARK: - Render workers

/// The parent's side: starts workers, hands each idle one the next page, restarts the ones
/// that stop, collects failures.
///
/// Protocol, on fds 3 (to the worker) and 4 (from it), so that nothing a library prints on
/// stdout can get in the way: a request is `<path bytes> <dot bytes>\n`, the path and the DOT;
/// a reply is one line, `ok`, `ok stop` (rendered, and exiting: it has grown too large) or
/// `error <message>`.
struct RenderPool {
  struct Failures {
    var messages: [String] = []
  }

  private struct Worker {
    var pid: pid_t
    var requests: Int32
    var replies: Int32
    var buffer: [UInt8] = []
    /// The page being rendered.
    var page: Int?
    var stopping = false
  }

  let arguments: [String]
  /// Workers that died without replying before the pool gives up.
  static let maxCrashes = 3

  /// Renders pages `0..<count` (`dot` builds a page's source, `path` names its file) with up
  /// to `workers` workers at a time.
  mutating func run(count: Int, workers: Int, path: (Int) -> String, dot: (Int) -> String) throws -> Failures {
    // A worker that dies mid-request must show up as EPIPE, not kill this process.
    let oldPipe = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, oldPipe) }
    var failures = Failures()
    var pool: [Worker] = []
    defer {
      for w in pool {
        close(w.requests)
        close(w.replies)
        var status: Int32 = 0
        waitpid(w.pid, &status, 0)
      }
    }
    var next = 0
    var crashes = 0
    for _ in 0..<workers { pool.append(try spawn()) }

    while true {
      // Hand every idle worker a page.
      for k in pool.indices where pool[k].page == nil && !pool[k].stopping && next < count {
        if send(path: path(next), dot: dot(next), to: pool[k].requests) {
          pool[k].page = next
        } else {
          // It died: its end of the pipe shows the end of input next, and the page goes to
          // the next worker.
          crashes += 1
          pool[k].stopping = true
          continue
        }
        next += 1
      }
      if pool.allSatisfy({ $0.page == nil }) && (next >= count || pool.isEmpty) { break }

      // Wait for a reply.
      var fds = pool.map { pollfd(fd: $0.replies, events: Int16(POLLIN), revents: 0) }
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        throw CLIFailure(message: "cascade: poll: \(String(cString: strerror(errno)))")
      }
      var finished: [Int] = []
      for k in pool.indices where fds[k].revents != 0 {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { read(pool[k].replies, $0.baseAddress, 4096) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          // The worker is gone; a page it held was not rendered.
          if !pool[k].stopping { crashes += 1 }
          if let p = pool[k].page {
            failures.messages.append("\(FileSystem.basename(path(p))): the render worker stopped unexpectedly")
            pool[k].page = nil
          }
          pool[k].stopping = true
          finished.append(k)
          continue
        }
        pool[k].buffer += chunk[0..<n]
        while let newline = pool[k].buffer.firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: pool[k].buffer[..<newline], as: UTF8.self)
          pool[k].buffer.removeSubrange(...newline)
          if line.hasPrefix("error "), let p = pool[k].page {
            failures.messages.append("\(FileSystem.basename(path(p))): \(line.dropFirst(6))")
          }
          if line == "ok stop" { pool[k].stopping = true }
          pool[k].page = nil
        }
        if pool[k].stopping && pool[k].page == nil { finished.append(k) }
      }
      // Retire finished workers (highest index first) and start fresh ones while work remains.
      for k in Set(finished).sorted(by: >) {
        let w = pool.remove(at: k)
        close(w.requests)
        close(w.replies)
        var status: Int32 = 0
        waitpid(w.pid, &status, 0)
        if crashes >= Self.maxCrashes {
          throw CLIFailure(
            message: "cascade: render workers keep failing; giving up"
              + (failures.messages.first.map { " (the first: \($0))" } ?? ""))
        }
        if next < count { pool.append(try spawn()) }
      }
      if pool.isEmpty && next < count { pool.append(try spawn()) }
    }
    return failures
  }

  /// Starts a worker with a request pipe on its fd 3 and a reply pipe on its fd 4.
  private func spawn() throws -> Worker {
    guard let toWorker = Self.pipePair(), let fromWorker = Self.pipePair() else {
      throw CLIFailure(message: "cascade: cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // The pipes' own fds are close-on-exec and at 10 or above, so these dup2s always copy.
    posix_spawn_file_actions_adddup2(&actions, toWorker.read, 3)
    posix_spawn_file_actions_adddup2(&actions, fromWorker.write, 4)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, FileSystem.executablePath, &actions, nil, argv, environ)
    close(toWorker.read)
    close(fromWorker.write)
    guard status == 0 else {
      close(toWorker.write)
      close(fromWorker.read)
      throw CLIFailure(message: "cascade: cannot start a render worker: \(String(cString: strerror(status)))")
    }
    return Worker(pid: pid, requests: toWorker.write, replies: fromWorker.read)
  }

  /// A pipe whose ends are close-on-exec (so that no worker holds another's pipe open) and
  /// numbered 10 or above.
  private static func pipePair() -> (read: Int32, write: Int32)? {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return nil }
    let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
    let write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
    close(fds[0])
    close(fds[1])
    guard read >= 0, write >= 0 else {
      if read >= 0 { close(read) }
      if write >= 0 { close(write) }
      return nil
    }
    return (read, write)
  }

  /// False when the worker has gone (EPIPE).
  private func send(path: String, dot: String, to fd: Int32) -> Bool {
    var message = Array("\(path.utf8.count) \(dot.utf8.count)\n".utf8)
    message += path.utf8
    message += dot.utf8
    return RenderWorker.writeAll(fd, message)
  }
}

/// A worker's side (`cascade render … --render-worker`, started by ``RenderPool``): reads
/// requests on fd 3, renders them, writes the files and replies on fd 4, until fd 3 closes or
/// it has grown past ``residentLimit``.
enum RenderWorker {
  /// Resident memory after which a worker finishes its page and stops (see
  /// ``RenderCommand/renderSplit(_:progress:options:format:folder:)``).
  static let residentLimit = 128 * 1024 * 1024

  static func serve(format: Graphviz.Format) -> Never {
    var input = ReadBuffer(fd: 3)
    while let header = input.line() {
      let sizes = header.split(separator: " ").compactMap { Int($0) }
      guard sizes.count == 2, sizes.allSatisfy({ $0 >= 0 }),
        let pathBytes = input.bytes(sizes[0]), let dotBytes = input.bytes(sizes[1])
      else { exit(2) }
      let path = String(decoding: pathBytes, as: UTF8.self)
      var reply: String
      do {
        // Freed on this thread before the next page (see renderPages).
        let bytes = try Graphviz.render(dot: String(decoding: dotBytes, as: UTF8.self), format: format, freeing: .now)
        try FileOutput.write(bytes, to: path)
        reply = "ok"
      } catch let error as Graphviz.Error {
        reply = "error " + error.description
      } catch {
        reply = "error cannot write \(path): \(error)"
      }
      reply = String(reply.map { $0.isNewline ? " " : $0 })
      let stop = residentBytes() > residentLimit
      if stop && reply == "ok" { reply = "ok stop" }
      guard writeAll(4, Array((reply + "\n").utf8)) else { exit(2) }
      if stop { exit(0) }
    }
    exit(0)
  }

  /// Writes everything, retrying short writes and EINTR; false on any other error.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      guard var p = buffer.baseAddress else { return true }
      var left = buffer.count
      while left > 0 {
        let n = write(fd, p, left)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        p += n
        left -= n
      }
      return true
    }
  }

  /// Resident set size from /proc/self/statm; 0 when unknown.
  static func residentBytes() -> Int {
    let fd = open("/proc/self/statm", O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
    guard n > 0 else { return 0 }
    // "size resident shared …" in pages.
    let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
    guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// Buffered reads of lines and byte counts from a file descriptor.
  struct ReadBuffer {
    let fd: Int32
    private var data: [UInt8] = []
    private var start = 0
    private var ended = false

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline; nil at the end.
    mutating func line() -> String? {
      while true {
        if let newline = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: data[start..<newline], as: UTF8.self)
          start = newline + 1
          return line
        }
        guard fill() else { return nil }
      }
    }

    /// The next `count` bytes; nil when the input ends first.
    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
      while data.count - start < count {
        guard fill() else { return nil }
      }
      defer { start += count }
      return data[start..<(start + count)]
    }

    private mutating func fill() -> Bool {
      if ended { return false }
      if start > 0 {
        data.removeFirst(start)
        start = 0
      }
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          ended = true
          return false
        }
        data += chunk[0..<n]
        return true
      }
    }
  }
}
