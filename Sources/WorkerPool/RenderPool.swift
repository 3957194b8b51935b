import CascadeSystem
import Graphviz

#if canImport(Glibc)
  import Glibc
#endif

/// One page to lay out: its name in messages, the file to write and its DOT source.
public struct RenderJob: Sendable {
  public var name: String
  public var path: String
  public var dot: String
  /// When set, the file holds `prefix`, the rendered bytes as one JSON string, then `suffix`:
  /// a script that hands the picture to a page's code (`file://` pages cannot fetch files).
  public var wrap: (prefix: String, suffix: String)?

  public init(name: String, path: String, dot: String, wrap: (prefix: String, suffix: String)? = nil) {
    self.name = name
    self.path = path
    self.dot = dot
    self.wrap = wrap
  }
}

/// Why a pool could not run (a page that fails is a ``RenderPool/Failure``, not this).
public enum WorkerPoolError: Error, Sendable, CustomStringConvertible {
  case poll(Int32)
  case pipe(Int32)
  case spawn(Int32)
  /// ``RenderPool/maxCrashes`` workers died without replying; the first page that failed.
  case keepFailing(first: String?)

  public var description: String {
    switch self {
    case .poll(let code): "poll: \(String(cString: strerror(code)))"
    case .pipe(let code): "cannot create a pipe: \(String(cString: strerror(code)))"
    case .spawn(let code): "cannot start a render worker: \(String(cString: strerror(code)))"
    case .keepFailing(let first): "render workers keep failing; giving up" + (first.map { " (the first: \($0))" } ?? "")
    }
  }
}

/// Lays pages out in worker processes, one per core: libgvc is not thread-safe, so parallel
/// layout needs separate processes. The pool's process builds each page's DOT as a worker
/// asks for one; the workers only run Graphviz and write the files (``RenderWorker``).
/// Graphviz 2.42 (Debian 12) does not free everything a layout with clusters and HTML labels
/// allocates (10 to 100 KB a page), so a worker stops once it has grown past
/// ``RenderWorker/residentLimit`` and a fresh one takes over: memory stays bounded whatever
/// the number of pages.
///
/// The parent's side: starts workers, hands each idle one the next page, restarts the ones
/// that stop, collects failures.
///
/// Workers write each page atomically but without fsyncs of its own (thousands of pages would
/// each pay two): the caller makes them durable together, with
/// `FileOutput.syncFileSystem(of:)`, once the pool is done.
///
/// Protocol, on fds 3 (to the worker) and 4 (from it), so that nothing a library prints on
/// stdout can get in the way: a request is `<path bytes> <dot bytes>\n`, the path and the DOT,
/// or `<path bytes> <dot bytes> <prefix bytes> <suffix bytes>\n` and the four for a wrapped one;
/// a reply is one line, `ok`, `ok stop` (rendered, and exiting: it has grown too large) or
/// `error <message>`.
public struct RenderPool {
  /// A page that could not be rendered or written: `<name>: <reason>`.
  public typealias Failure = String

  private struct Worker {
    var pid: pid_t
    var requests: Int32
    var replies: Int32
    var buffer: [UInt8] = []
    /// The page being rendered, and its file's name.
    var page: (index: Int, name: String)?
    var stopping = false
  }

  /// The program to start as a worker (which calls ``RenderWorker/serve(format:)``), and its
  /// arguments (`argv`, the program's name first).
  let executable: String
  let arguments: [String]
  /// Workers that died without replying before the pool gives up.
  public static let maxCrashes = 3

  public init(executable: String = Executable.path, arguments: [String]) {
    self.executable = executable
    self.arguments = arguments
  }

  /// Renders pages `0..<count` (`job` builds a page's path and source when a worker is ready
  /// for it) with up to `workers` workers at a time; the pages that failed, in the order
  /// they failed.
  public mutating func run(count: Int, workers: Int, job: (Int) -> RenderJob) throws(WorkerPoolError)
    -> [Failure]
  {
    // A worker that dies mid-request must show up as EPIPE, not kill this process.
    let oldPipe = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, oldPipe) }
    var failures: [Failure] = []
    var pool: [Worker] = []
    defer {
      for w in pool { Self.reap(w) }
    }
    var next = 0
    var crashes = 0
    for _ in 0..<workers { pool.append(try spawn()) }

    while true {
      // Hand every idle worker a page.
      for k in pool.indices where pool[k].page == nil && !pool[k].stopping && next < count {
        let page = job(next)
        if Self.send(page, to: pool[k].requests) {
          pool[k].page = (next, page.name)
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
        throw .poll(errno)
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
            failures.append("\(p.name): the render worker stopped unexpectedly")
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
            failures.append("\(p.name): \(line.dropFirst(6))")
          }
          if line == "ok stop" { pool[k].stopping = true }
          pool[k].page = nil
        }
        if pool[k].stopping && pool[k].page == nil { finished.append(k) }
      }
      // Retire finished workers (highest index first) and start fresh ones while work remains.
      for k in Set(finished).sorted(by: >) {
        Self.reap(pool.remove(at: k))
        if crashes >= Self.maxCrashes { throw .keepFailing(first: failures.first) }
        if next < count { pool.append(try spawn()) }
      }
      if pool.isEmpty && next < count { pool.append(try spawn()) }
    }
    return failures
  }

  private static func reap(_ w: Worker) {
    close(w.requests)
    close(w.replies)
    var status: Int32 = 0
    waitpid(w.pid, &status, 0)
  }

  /// Starts a worker with a request pipe on its fd 3 and a reply pipe on its fd 4.
  private func spawn() throws(WorkerPoolError) -> Worker {
    guard let toWorker = Self.pipePair(), let fromWorker = Self.pipePair() else { throw .pipe(errno) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // The pipes' own fds are close-on-exec and at 10 or above, so these dup2s always copy.
    posix_spawn_file_actions_adddup2(&actions, toWorker.read, 3)
    posix_spawn_file_actions_adddup2(&actions, fromWorker.write, 4)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    close(toWorker.read)
    close(fromWorker.write)
    guard status == 0 else {
      close(toWorker.write)
      close(fromWorker.read)
      throw .spawn(status)
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
  private static func send(_ job: RenderJob, to fd: Int32) -> Bool {
    var header = "\(job.path.utf8.count) \(job.dot.utf8.count)"
    if let wrap = job.wrap { header += " \(wrap.prefix.utf8.count) \(wrap.suffix.utf8.count)" }
    var message = Array((header + "\n").utf8)
    message += job.path.utf8
    message += job.dot.utf8
    if let wrap = job.wrap {
      message += wrap.prefix.utf8
      message += wrap.suffix.utf8
    }
    return WriteLoop.writeAll(fd, message) == nil
  }
}

extension RenderPool {
  /// Workers for `pages` pages: one per core, at most 8, never more than pages.
  public static func workers(for pages: Int) -> Int {
    min(max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))), 8, pages)
  }
}
