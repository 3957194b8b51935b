import CascadeCore
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The plan being served: the current ``Snapshot``, rebuilt when a plan file or `checkins.csv`
/// changes, and the viewers waiting to hear of it.
public final class LivePlan: Sendable {
  let options: ServeOptions
  /// The day scored: `--as-of`, else today when the snapshot is made.
  let asOf: @Sendable () -> Day
  private let state: Mutex<State>
  let cache = PageCache()

  private struct State: ~Copyable {
    var snapshot: Snapshot
    var signature: [FileSignature]
    var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    var nextListener = 0
    var closed = false
  }

  public init(_ options: ServeOptions, today: @escaping @Sendable () -> Day) {
    self.options = options
    let day = options.asOf
    self.asOf = { day ?? today() }
    let first = Snapshot.make(
      version: 1, paths: options.paths, asOf: day ?? today(), language: options.language,
      writable: options.allowCheckins)
    state = Mutex(State(snapshot: first, signature: FileSignature.of(first.watchedFiles(options.paths))))
    Self.prepare(first)
  }

  /// Builds the search index in the background, so that the first search does not wait for it.
  static func prepare(_ snapshot: Snapshot) {
    DispatchQueue.global(qos: .utility).async { _ = snapshot.search }
  }

  public var snapshot: Snapshot { state.withLock { $0.snapshot } }

  /// A stream of versions, starting with the current one, until the viewer goes away.
  public func versions() -> AsyncStream<Int> {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    let id = state.withLock { s -> Int in
      guard !s.closed else {
        continuation.finish()
        return -1
      }
      let id = s.nextListener
      s.nextListener += 1
      s.listeners[id] = continuation
      continuation.yield(s.snapshot.version)
      return id
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) }
    }
    return stream
  }

  /// Looks at the files once: when any changed (or appeared, or went away), builds the next
  /// snapshot and tells every viewer. Returns whether it did.
  @discardableResult
  public func refreshIfChanged() -> Bool {
    let (current, old) = state.withLock { ($0.snapshot, $0.signature) }
    let now = FileSignature.of(current.watchedFiles(options.paths))
    guard now != old else { return false }
    reload(after: current.version)
    return true
  }

  /// Builds the next snapshot now.
  public func reload(after version: Int? = nil) {
    let base = version ?? snapshot.version
    let next = Snapshot.make(
      version: base + 1, paths: options.paths, asOf: asOf(), language: options.language,
      writable: options.allowCheckins)
    let signature = FileSignature.of(next.watchedFiles(options.paths))
    state.withLock { s in
      guard s.snapshot.version <= base else { return }
      s.snapshot = next
      s.signature = signature
      for listener in s.listeners.values { listener.yield(next.version) }
    }
    Self.prepare(next)
  }

  /// Page `name` of the current version, laid out once and cached until the plan changes.
  public func svg(_ name: String) throws -> [UInt8]? {
    try cache.svg(snapshot, name)
  }

  /// Ends every viewer's stream (the server is shutting down) and the polling.
  public func close() {
    let listeners = state.withLock { s -> [AsyncStream<Int>.Continuation] in
      s.closed = true
      defer { s.listeners.removeAll() }
      return Array(s.listeners.values)
    }
    for listener in listeners { listener.finish() }
  }

  var isClosed: Bool { state.withLock { $0.closed } }

  /// Polls until cancelled or closed.
  public func watch() async {
    while !Task.isCancelled, !isClosed {
      try? await Task.sleep(for: options.pollInterval)
      refreshIfChanged()
    }
  }
}

extension Snapshot {
  /// The plan's files and `checkins.csv`, and the folders given (so that a new file shows).
  func watchedFiles(_ paths: [String]) -> [String] {
    var files = paths
    if let plan = result?.plan {
      files += plan.files
      // Their folders too: a file added or removed there changes the folder's entry.
      var folders = Set<Substring>()
      for f in plan.files {
        if let slash = f.lastIndex(of: "/") { folders.insert(f[..<slash]) }
      }
      files += folders.sorted().map(String.init)
      if let root = plan.root {
        files.append(root)
        files.append(root + "/checkins.csv")
        files.append(root + "/cascade.yaml")
      }
      if let c = plan.checkIns?.file { files.append(c) }
    }
    return files
  }
}

/// What tells a changed file: size, modification time (to the nanosecond), inode and device.
/// A folder's entry changes when a file is added, removed or renamed in it.
struct FileSignature: Hashable, Sendable {
  var path: String
  var exists: Bool
  var size: Int64
  var seconds: Int
  var nanoseconds: Int
  var inode: UInt64
  var device: UInt64

  static func of(_ paths: [String]) -> [FileSignature] {
    paths.map { path in
      var st = stat()
      guard stat(path, &st) == 0 else {
        return FileSignature(path: path, exists: false, size: 0, seconds: 0, nanoseconds: 0, inode: 0, device: 0)
      }
      return FileSignature(
        path: path, exists: true, size: Int64(st.st_size), seconds: st.st_mtim.tv_sec,
        nanoseconds: st.st_mtim.tv_nsec, inode: UInt64(st.st_ino), device: UInt64(st.st_dev))
    }
  }
}
