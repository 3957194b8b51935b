#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a file a command produces (`render -o`, `render --split`, `generate`): every
/// writer goes through ``write(_:to:durable:)``, so they all treat the target alike.
public enum FileOutput {
  /// The output name that means standard output (`-o -`).
  public static let standardOutput = "-"
  /// Symbolic links followed before giving up with ELOOP (Linux's own limit).
  static let maxLinks = 40

  /// Writes `bytes` to `path` as its kind of file asks:
  ///
  /// - `-` is standard output.
  /// - A regular file, or nothing yet: replaced atomically (``AtomicFile``: a temporary file
  ///   in the same folder, renamed over the target; readers see the old or the new file). Its
  ///   permission bits are kept.
  /// - A symbolic link: followed to its final target (chains of links, relative links are
  ///   read relative to the link's own folder), which is then written as above; the links stay
  ///   in place. A link to nothing yet creates its target.
  /// - A character or block device (`/dev/null`), a FIFO or a Unix socket: written through,
  ///   never replaced. Opening a FIFO waits until it has a reader, as a shell's `>` does.
  /// - A folder: an error (EISDIR).
  ///
  /// `durable: false` skips the fsyncs (for thousands of generated files that can be
  /// written again); the replacement is still atomic.
  ///
  /// A command writing many such files makes them durable together at the end with
  /// ``syncFileSystem(of:)``: one flush instead of two fsyncs a file.
  public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
    try bytes.withUnsafeBytes { try write(raw: $0, to: path, durable: durable) }
  }

  public static func write(_ text: String, to path: String, durable: Bool = true) throws {
    var text = text
    try text.withUTF8 { try write(raw: UnsafeRawBufferPointer($0), to: path, durable: durable) }
  }

  static func write(raw: UnsafeRawBufferPointer, to path: String, durable: Bool) throws {
    if path == standardOutput {
      do {
        try AtomicFile.writeAll(STDOUT_FILENO, raw, path: "standard output")
      } catch let error as FileIOError where error.code == EPIPE {
        // The reader stopped early (`render -o - | head`): the end of the output, not a failure.
      }
      return
    }
    let target = try finalTarget(of: path)
    var info = stat()
    guard lstat(target, &info) == 0 else {
      let code = errno
      guard code == ENOENT else { throw FileIOError(operation: "look up", path: target, code: code) }
      try AtomicFile.write(raw: raw, to: target, durable: durable)
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      try AtomicFile.write(raw: raw, to: target, durable: durable)
    case S_IFDIR:
      throw FileIOError(operation: "write", path: target, code: EISDIR)
    case S_IFSOCK:
      try writeToSocket(raw, at: target)
    default:
      // Character and block devices, FIFOs: write through, as `>` does.
      let fd = try AtomicFile.open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0)
      var isOpen = true
      defer { if isOpen { _ = close(fd) } }
      try AtomicFile.writeAll(fd, raw, path: target)
      isOpen = false
      if close(fd) != 0 && errno != EINTR {
        throw FileIOError(operation: "close", path: target, code: errno)
      }
    }
  }

  /// The path a chain of symbolic links at `path` ends in (`path` itself when it is no link).
  /// Relative link contents are joined to the folder of the link that holds them, without
  /// normalising `..` (the system resolves it, through any linked folders, as it would).
  static func finalTarget(of path: String) throws -> String {
    var current = path
    for _ in 0..<maxLinks {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return readlink(current, base.assumingMemoryBound(to: CChar.self), raw.count - 1)
      }
      guard n >= 0 else { throw FileIOError(operation: "read the link", path: current, code: errno) }
      guard n < buffer.count - 1 else {
        throw FileIOError(operation: "read the link", path: current, code: ENAMETOOLONG)
      }
      try checkMayFollow(current, owner: info.st_uid)
      guard n > 0, let contents = String(validating: buffer[0..<n], as: UTF8.self) else {
        // Not representable as this program's paths: refuse rather than create a wrong file.
        throw FileIOError(operation: "follow the link", path: current, code: n > 0 ? EILSEQ : ENOENT)
      }
      if contents.hasPrefix("/") {
        current = contents
      } else {
        let (directory, _) = AtomicFile.split(current)
        current = directory == "/" ? "/" + contents : directory + "/" + contents
      }
    }
    throw FileIOError(operation: "follow the links of", path: path, code: ELOOP)
  }

  /// The kernel's rule for following links (`fs.protected_symlinks`), which following a link by
  /// hand bypasses: a link in a sticky, world-writable folder (such as /tmp) is followed only
  /// when it belongs to us or to the folder's owner. Otherwise anyone could plant
  /// `/tmp/report.svg -> /etc/shadow` and have `cascade render -o /tmp/report.svg`, run as root,
  /// replace it.
  static func checkMayFollow(_ link: String, owner: uid_t) throws {
    guard owner != geteuid() else { return }
    let (directory, _) = AtomicFile.split(link)
    var folder = stat()
    guard stat(directory, &folder) == 0 else { return }
    let sticky = folder.st_mode & S_ISVTX != 0
    let worldWritable = folder.st_mode & S_IWOTH != 0
    guard sticky && worldWritable && folder.st_uid != owner else { return }
    var error = FileIOError(operation: "follow the link", path: link, code: EACCES)
    error.reason = "it is someone else's link in a shared folder (write to its target directly)"
    throw error
  }

  /// Connects to a Unix stream socket and writes everything.
  static func writeToSocket(_ raw: UnsafeRawBufferPointer, at path: String) throws {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let name = Array(path.utf8)
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard name.count < capacity else { throw FileIOError(operation: "connect to", path: path, code: ENAMETOOLONG) }
    withUnsafeMutableBytes(of: &address.sun_path) { bytes in
      for (i, b) in name.enumerated() { bytes[i] = b }
    }
    #if canImport(Glibc)
      let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
      let fd = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw FileIOError(operation: "connect to", path: path, code: errno) }
    defer { _ = close(fd) }
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard connected == 0 else { throw FileIOError(operation: "connect to", path: path, code: errno) }
    try AtomicFile.writeAll(fd, raw, path: path)
  }

  /// Creates `path` with `bytes`, failing with EEXIST when anything is there already (never
  /// replaces a file: `cascade init`), then fsyncs it. A file cut short by an error is removed.
  public static func create(_ bytes: [UInt8], at path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileIOError(operation: "create", path: path, code: errno) }
    var ok = false
    defer {
      close(fd)
      if !ok { unlink(path) }
    }
    if let failure = bytes.withUnsafeBytes({ WriteLoop.writeAll(fd, $0) }) {
      throw FileIOError(operation: "write", path: path, code: failure)
    }
    guard fsync(fd) == 0 else { throw FileIOError(operation: "fsync", path: path, code: errno) }
    ok = true
  }

  /// Flushes everything written to the file system that holds `path` (`syncfs`), so that the
  /// files a command wrote with `durable: false` are on disk when it says it is done.
  public static func syncFileSystem(of path: String) throws {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileIOError(operation: "open", path: path, code: errno) }
    defer { close(fd) }
    #if os(Linux)
      guard linuxSyncfs(fd) == 0 else { throw FileIOError(operation: "sync", path: path, code: errno) }
    #else
      sync()
    #endif
  }
}

#if os(Linux)
  /// glibc's `syncfs(2)` (declared only under `_GNU_SOURCE`, which the Glibc module does not set).
  @_silgen_name("syncfs")
  private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
