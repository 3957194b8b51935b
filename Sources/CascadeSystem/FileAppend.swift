import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// An unambiguous name for the C call (AtomicFile's own `open` shadows it).
#if canImport(Glibc)
  private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    Glibc.open(path, flags, mode)
  }
#elseif canImport(Darwin)
  private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    Darwin.open(path, flags, mode)
  }
#endif

/// A failed file-system call: which operation, on which path, and the system's reason.
public struct FileIOError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was being done, e.g. "open", "lock", "write", "fsync", "rename".
  public var operation: String
  public var path: String
  /// The `errno` value.
  public var code: Int32
  /// `strerror(code)`.
  public var reason: String
  /// What became of the file after the failure, when that is worth saying (AppendLog).
  public var detail: String?

  public init(operation: String, path: String, code: Int32) {
    self.operation = operation
    self.path = path
    self.code = code
    self.reason = String(cString: strerror(code))
  }

  public var description: String {
    "cannot \(operation) '\(path)': \(reason)" + (detail.map { "; \($0)" } ?? "")
  }
}

/// What a caller knows a file held when it read it (see ``AppendLog/append(_:to:header:validatingExisting:known:existingLimit:)``).
public enum KnownContent: Sendable, Equatable {
  /// Exactly these bytes (`[]` for a file that was not there).
  case bytes([UInt8])
  /// What the file's stamp was while it was read, the file having settled before
  /// (``FileStamp/isSettled``): a file with the same stamp has not been written since.
  case stamp(FileStamp)
  /// The stamp of a file read too soon after its last change to trust it alone, and the
  /// ``ContentDigest`` of the bytes read: a file with the same stamp is read again (not
  /// parsed) and holds them if its digest is the same.
  case stampAndDigest(FileStamp, UInt64)
}

/// A 64-bit digest of bytes given in pieces of any size: the same bytes give the same value
/// however they are cut. Eight bytes at a time, each word mixed in with a multiply; not a
/// cryptographic hash (it tells a file that changed by accident, not one forged to match).
public struct ContentDigest: Sendable {
  private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var pending: UInt64 = 0
  private var pendingCount = 0
  private var total: UInt64 = 0

  public init() {}

  private mutating func mix(_ word: UInt64) {
    state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
    state ^= state >> 29
  }

  public mutating func add(_ bytes: UnsafeRawBufferPointer) {
    total &+= UInt64(bytes.count)
    var i = 0
    let n = bytes.count
    while pendingCount > 0, i < n {
      pending |= UInt64(bytes[i]) << (8 * UInt64(pendingCount))
      pendingCount += 1
      i += 1
      if pendingCount == 8 {
        mix(pending)
        (pending, pendingCount) = (0, 0)
      }
    }
    if let base = bytes.baseAddress {
      while i + 8 <= n {
        mix(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
        i += 8
      }
    }
    while i < n {
      pending |= UInt64(bytes[i]) << (8 * UInt64(pendingCount))
      pendingCount += 1
      i += 1
    }
  }

  /// The digest of every byte added so far (and of how many there were).
  public var value: UInt64 {
    var copy = self
    if copy.pendingCount > 0 { copy.mix(copy.pending) }
    copy.mix(total)
    return copy.state
  }
}

/// A file's identity, size and times of last change, from `stat`: a file whose stamp is the
/// same as when it was read has not been written since, provided its last change was well
/// before the read began (``isSettled``). A write sets the change time to the clock's time,
/// in ticks of at most a few milliseconds (seconds on some file systems); a write in the same
/// tick as the change before it would leave the stamp as it was, so a file changed within two
/// seconds of being read has no stamp to trust (as git treats a "racily clean" file).
public struct FileStamp: Sendable, Equatable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: Int64
  var modifiedNanoseconds: Int64
  var changed: Int64
  var changedNanoseconds: Int64

  public init(_ info: stat) {
    device = UInt64(truncatingIfNeeded: info.st_dev)
    inode = UInt64(truncatingIfNeeded: info.st_ino)
    size = Int64(truncatingIfNeeded: info.st_size)
    #if canImport(Darwin)
      (modified, modifiedNanoseconds) = (Int64(info.st_mtimespec.tv_sec), Int64(info.st_mtimespec.tv_nsec))
      (changed, changedNanoseconds) = (Int64(info.st_ctimespec.tv_sec), Int64(info.st_ctimespec.tv_nsec))
    #else
      (modified, modifiedNanoseconds) = (Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
      (changed, changedNanoseconds) = (Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec))
    #endif
  }

  /// The stamp of the open file `fd`; nil when `fstat` fails.
  public static func of(_ fd: Int32) -> FileStamp? {
    var info = stat()
    return fstat(fd, &info) == 0 ? FileStamp(info) : nil
  }

  /// Whether the file last changed at least two seconds before now (by the system clock):
  /// asked when a read begins, it says whether an unchanged stamp after the read proves an
  /// unchanged file.
  public var isSettled: Bool {
    var now = timespec()
    guard clock_gettime(CLOCK_REALTIME, &now) == 0 else { return false }
    let (seconds, overflow) = changed.addingReportingOverflow(2)
    return !overflow && (seconds, changedNanoseconds) <= (Int64(now.tv_sec), Int64(now.tv_nsec))
  }
}

/// Appending to a shared log file (such as checkins.csv) safely from several processes.
public enum AppendLog {
  /// Appends `text` to the file at `path`, creating it (mode 0644, minus umask) if needed.
  ///
  /// Under an exclusive `flock` (blocking; advisory, so it serialises Cascade processes,
  /// not hand edits):
  /// - the file must be a regular file (not a FIFO or device: nothing is written to those);
  /// - when `validatingExisting` is given, the file's whole content as it is now, under the
  ///   lock, is read and passed to it; if it throws, nothing is written and its error is
  ///   rethrown. So a check on what the file holds cannot be outrun by another writer between
  ///   loading and appending. A file larger than `existingLimit` bytes is refused unread;
  /// - when `known` is given too (content the caller read and validated itself), a file that
  ///   still holds it under the lock is not passed to `validate`: appending to a large file a
  ///   command has just read costs a comparison, not a second read. Known bytes are compared
  ///   block by block; a known stamp (``FileStamp``) is compared with the file's, which no
  ///   write since can have left as it was. ``Appended/holdsKnown`` says which happened;
  /// - if the file is empty (or holds only a UTF-8 BOM) and `header` is given, the header is
  ///   written first (a "\n" is added if it lacks one); if the file does not end in "\n"
  ///   (hand-edited without a final newline), a "\n" is written first;
  /// - the whole payload goes out with one write loop (partial writes, EINTR), then `fsync`.
  ///   If any write or sync fails (a full disk, a file-size limit, an I/O error), the file is
  ///   cut back to the length it had under the lock and synced again, so no torn row is left
  ///   behind; the error says whether that worked.
  ///
  /// If the file at `path` was replaced or removed while waiting for the lock (git checkout,
  /// an editor saving through rename), it is opened again, so the row never goes into a file
  /// that is no longer there.
  ///
  /// `text` is written as given; pass complete lines (e.g. `CSV.encodeRow`).
  ///
  /// The file is opened O_RDWR (not O_WRONLY) because the checks need `pread`; O_APPEND
  /// still forces every write to the end of the file. O_NONBLOCK only keeps a FIFO from
  /// blocking the open (it has no effect on regular files).
  @discardableResult
  public static func append(
    _ text: String, to path: String, header: String?,
    validatingExisting validate: (([UInt8]) throws -> Void)? = nil, known: KnownContent? = nil,
    existingLimit: Int = .max
  ) throws -> Appended {
    // The file may be replaced (git checkout, an editor saving through rename) while we wait for
    // the lock: the row would then go into a file no longer at `path`. Check, and start over.
    for _ in 0..<maxReopens {
      let fd = try AtomicFile.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
      var isOpen = true
      defer { if isOpen { _ = close(fd) } }

      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else { throw FileIOError(operation: "lock", path: path, code: errno) }
      }

      var info = stat()
      guard fstat(fd, &info) == 0 else {
        throw FileIOError(operation: "stat", path: path, code: errno)
      }
      var atPath = stat()
      guard stat(path, &atPath) == 0, atPath.st_dev == info.st_dev, atPath.st_ino == info.st_ino else { continue }
      let appended = try appendLocked(
        text, fd: fd, info: info, path: path, header: header, validate: validate, known: known,
        existingLimit: existingLimit)
      isOpen = false
      if close(fd) != 0 && errno != EINTR {
        throw FileIOError(operation: "close", path: path, code: errno)
      }
      return appended
    }
    var error = FileIOError(operation: "lock", path: path, code: EAGAIN)
    error.reason = "it was replaced \(maxReopens) times while waiting for the lock"
    throw error
  }

  /// Where `append` wrote: after `existingSize` bytes (the file's size under the lock), first
  /// `joint` (the header of an empty file, or the line break a last line lacked), then the text.
  public struct Appended: Sendable, Equatable {
    public var existingSize: Int
    public var joint: [UInt8]
    /// The file under the lock held exactly the `known` bytes (so nobody wrote in between).
    public var holdsKnown = false
  }

  /// The block `append` compares a file with the `known` bytes in.
  static let compareBlock = 1 << 20

  /// How often `append` reopens a file that was replaced while it waited for the lock.
  static let maxReopens = 16

  /// The part of `append` that runs under the lock, on the file at `path`.
  private static func appendLocked(
    _ text: String, fd: Int32, info: stat, path: String, header: String?, validate: (([UInt8]) throws -> Void)?,
    known: KnownContent?, existingLimit: Int
  ) throws -> Appended {
    guard info.st_mode & S_IFMT == S_IFREG else {
      var error = FileIOError(operation: "append to", path: path, code: EINVAL)
      error.reason = "not a regular file"
      throw error
    }
    let size = Int(info.st_size)
    var tail: [UInt8] = []
    var holdsKnown = false
    if let validate {
      guard size <= existingLimit else { throw FileIOError(operation: "read", path: path, code: EFBIG) }
      holdsKnown = try stillHolds(known, fd, info, path: path)
      if !holdsKnown {
        let existing = try AtomicFile.readAt(fd, offset: 0, count: size, path: path)
        try validate(existing)
        tail = Array(existing.suffix(3))
      }
    }
    if tail.isEmpty, size > 0 {
      let count = min(size, 3)
      tail = try AtomicFile.readAt(fd, offset: size - count, count: count, path: path)
    }
    let isEffectivelyEmpty = size == 0 || (size == 3 && tail == [0xEF, 0xBB, 0xBF])

    var payload: [UInt8] = []
    payload.reserveCapacity(text.utf8.count + (header?.utf8.count ?? 0) + 2)
    if isEffectivelyEmpty {
      if let header {
        payload += header.utf8
        if header.utf8.last != UInt8(ascii: "\n") { payload.append(UInt8(ascii: "\n")) }
      }
    } else if tail.last != UInt8(ascii: "\n") {
      payload.append(UInt8(ascii: "\n"))
    }
    let joint = payload
    payload += text.utf8

    do {
      try payload.withUnsafeBytes { try AtomicFile.writeAll(fd, $0, path: path) }
      try AtomicFile.fsyncRetrying(fd, path: path)
      if size == 0 {
        // The file may have just been created: make its directory entry durable too.
        try AtomicFile.fsyncDirectory(of: path)
      }
    } catch {
      let outcome = restore(fd, toLength: size)
      guard var failure = error as? FileIOError else { throw error }
      failure.detail = outcome
      throw failure
    }
    _ = flock(fd, LOCK_UN)
    return Appended(existingSize: size, joint: joint, holdsKnown: holdsKnown)
  }

  /// Whether the file, with `info` from `fstat` under the lock, still holds what the caller
  /// knows it held.
  private static func stillHolds(_ known: KnownContent?, _ fd: Int32, _ info: stat, path: String) throws -> Bool {
    let size = Int(info.st_size)
    switch known {
    case nil: return false
    case .bytes(let bytes): return try holds(fd, bytes, size: size, path: path)
    case .stamp(let stamp): return stamp == FileStamp(info)
    case .stampAndDigest(let stamp, let digest):
      return try stamp == FileStamp(info) && Self.digest(fd, size: size, path: path) == digest
    }
  }

  /// Whether the file (of `size` bytes under the lock) holds exactly `known`: read and compared
  /// one block at a time, so no copy of a large file is made.
  private static func holds(_ fd: Int32, _ known: [UInt8], size: Int, path: String) throws -> Bool {
    guard known.count == size else { return false }
    let block = max(1, min(compareBlock, size))
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
    defer { buffer.deallocate() }
    return try known.withUnsafeBytes { k -> Bool in
      var done = 0
      while done < size {
        let want = min(block, size - done)
        let part = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want])
        let got = try AtomicFile.readAt(fd, into: part, offset: done, path: path)
        // A file cut short meanwhile by a writer that does not lock is not the known one.
        guard got == want, let p = buffer.baseAddress, let q = k.baseAddress, memcmp(p, q + done, want) == 0 else {
          return false
        }
        done += want
      }
      return true
    }
  }

  /// The ``ContentDigest`` of the file's `size` bytes, read one block at a time; nil when the
  /// file holds fewer (cut short meanwhile by a writer that does not lock).
  private static func digest(_ fd: Int32, size: Int, path: String) throws -> UInt64? {
    let block = max(1, min(compareBlock, size))
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
    defer { buffer.deallocate() }
    var digest = ContentDigest()
    var done = 0
    while done < size {
      let want = min(block, size - done)
      let part = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want])
      guard try AtomicFile.readAt(fd, into: part, offset: done, path: path) == want else { return nil }
      digest.add(UnsafeRawBufferPointer(part))
      done += want
    }
    return digest.value
  }

  /// Cuts the file back to `length` (still under the lock) and syncs it; says how that went,
  /// for the error message.
  static func restore(_ fd: Int32, toLength length: Int) -> String {
    while ftruncate(fd, off_t(length)) != 0 {
      let code = errno
      if code == EINTR { continue }
      return "putting the file back to its previous \(length) bytes failed too (\(String(cString: strerror(code)))): "
        + "its last line may be incomplete"
    }
    while fsync(fd) != 0 {
      let code = errno
      if code == EINTR { continue }
      return
        "the file was cut back to its previous \(length) bytes, but syncing that failed (\(String(cString: strerror(code))))"
    }
    return "nothing was written; the file is as it was"
  }
}

/// Replacing a file's contents atomically (readers see the old or the new file, never a mix).
public enum AtomicFile {
  /// Writes `bytes` to a unique temporary file in the target's directory (O_EXCL), fsyncs
  /// it, renames it over `path`, then fsyncs the directory. The temporary file is removed
  /// on failure. An existing target's permission bits (and owner and group, where
  /// permitted) are kept; a new file gets 0644 (minus umask). Whatever is at `path` is replaced, a symlink, FIFO or device too: this
  /// is the step for regular files; commands write through ``FileOutput/write(_:to:durable:)``,
  /// which follows links and writes devices and FIFOs through.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    try bytes.withUnsafeBytes { try write(raw: $0, to: path) }
  }

  public static func write(_ data: Data, to path: String) throws {
    try data.withUnsafeBytes { try write(raw: $0, to: path) }
  }

  /// `durable: false` skips the fsyncs of the file and its folder (still atomic, not durable).
  static func write(raw: UnsafeRawBufferPointer, to path: String, durable: Bool = true) throws {
    let (directory, name) = split(path)
    guard !name.isEmpty else { throw FileIOError(operation: "write", path: path, code: EISDIR) }

    var existing = stat()
    let isRegular = lstat(path, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG
    let existingMode: mode_t? = isRegular ? existing.st_mode & 0o7777 : nil

    // Keep the temporary name well under NAME_MAX whatever the target's name length.
    let stem = String(name.unicodeScalars.prefix(100))
    var fd: Int32 = -1
    var tempPath = ""
    for attempt in 0..<32 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      tempPath = directory + "/." + stem + ".\(getpid()).\(suffix).tmp"
      fd = systemOpen(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd >= 0 { break }
      let code = errno
      if code == EINTR || (code == EEXIST && attempt < 31) { continue }
      throw FileIOError(operation: "create temporary file for", path: path, code: code)
    }

    var isOpen = true
    var renamed = false
    defer {
      if isOpen { _ = close(fd) }
      if !renamed { _ = unlink(tempPath) }
    }
    if isRegular {
      // Keep the owner and group too where permitted (root, or a group the writer is in);
      // otherwise the new file is the writer's, as any replacement is. Before fchmod, which
      // a change of owner would clear set-id bits after.
      _ = fchown(fd, existing.st_uid, existing.st_gid)
    }
    if let existingMode, fchmod(fd, existingMode) != 0 {
      throw FileIOError(operation: "chmod", path: tempPath, code: errno)
    }
    try writeAll(fd, raw, path: tempPath)
    if durable { try fsyncRetrying(fd, path: tempPath) }
    isOpen = false
    if close(fd) != 0 && errno != EINTR {
      throw FileIOError(operation: "close", path: tempPath, code: errno)
    }
    guard rename(tempPath, path) == 0 else {
      throw FileIOError(operation: "rename temporary file over", path: path, code: errno)
    }
    renamed = true
    if durable { try fsyncDirectory(of: path) }
  }

  // MARK: - System-call helpers shared with AppendLog

  /// (directory, last component) of a path; the directory is "." for a bare name.
  static func split(_ path: String) -> (String, String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  static func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws -> Int32 {
    while true {
      let fd = systemOpen(path, flags, mode)
      if fd >= 0 { return fd }
      if errno != EINTR { throw FileIOError(operation: "open", path: path, code: errno) }
    }
  }

  /// ``WriteLoop``'s write loop, failing with a ``FileIOError``.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
    if let code = WriteLoop.writeAll(fd, bytes) { throw FileIOError(operation: "write", path: path, code: code) }
  }

  /// Fills `buffer` from `offset` on (fewer bytes at the end of the file); the count read.
  static func readAt(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, offset: Int, path: String) throws -> Int {
    var done = 0
    while done < buffer.count {
      guard let base = buffer.baseAddress else { return 0 }
      let got = pread(fd, base + done, buffer.count - done, off_t(offset + done))
      if got < 0 {
        if errno == EINTR { continue }
        throw FileIOError(operation: "read", path: path, code: errno)
      }
      if got == 0 { break }
      done += got
    }
    return done
  }

  static func readAt(_ fd: Int32, offset: Int, count: Int, path: String) throws -> [UInt8] {
    // Read in place: a file cut short concurrently by a non-locking writer gives fewer bytes.
    try [UInt8](unsafeUninitializedCapacity: max(0, count)) { buffer, initialized in
      initialized = 0
      initialized = try readAt(fd, into: UnsafeMutableRawBufferPointer(buffer), offset: offset, path: path)
    }
  }

  static func fsyncRetrying(_ fd: Int32, path: String) throws {
    while fsync(fd) != 0 {
      guard errno == EINTR else { throw FileIOError(operation: "fsync", path: path, code: errno) }
    }
  }

  /// fsync the directory containing `path`. File systems that cannot fsync a directory
  /// (EINVAL) are tolerated: the data itself is already synced.
  static func fsyncDirectory(of path: String) throws {
    let (directory, _) = split(path)
    let fd = systemOpen(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
    guard fd >= 0 else {
      throw FileIOError(operation: "open directory", path: directory, code: errno)
    }
    defer { _ = close(fd) }
    while fsync(fd) != 0 {
      let code = errno
      if code == EINTR { continue }
      if code == EINVAL || code == ENOTSUP { return }
      throw FileIOError(operation: "fsync directory", path: directory, code: code)
    }
  }
}
