#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file-system calls loading needs, on POSIX directly: Foundation's FileManager is
/// several times slower on Linux for thousands of small files.
public enum FileSystem {
  public enum Kind { case file, directory, missing, other }

  public static func kind(of path: String) -> Kind {
    var st = stat()
    guard withSystemPath(path, { stat($0, &st) }) == 0 else { return .missing }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  public static func join(_ a: String, _ b: String) -> String {
    a.hasSuffix("/") ? a + b : a + "/" + b
  }

  public static func basename(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[path.utf8.index(after: slash)...])
  }

  public static func dirname(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
  }

  /// Calls `visit` for every regular file below `root`, skipping hidden entries (.git, .build)
  /// and not following links to directories (no loops). Paths are in the display form of
  /// ``displayPath(_:)``, so names that are not UTF-8 are found and can be opened. `other`, when
  /// given, is called for every other visible entry (folders, FIFOs, sockets, devices, dangling
  /// links), so that the caller can report one it expected to be a file.
  public static func walk(_ root: String, other: ((String) -> Void)? = nil, _ visit: (String) -> Void) {
    var stack = [root]
    while let dir = stack.popLast() {
      guard let handle = withSystemPath(dir, { opendir($0) }) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          displayPath(Array(raw.prefix(while: { $0 != 0 })))
        }
        if name.hasPrefix(".") { continue }
        let path = join(dir, name)
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR):
          stack.append(path)
          other?(path)
        case Int32(DT_REG): visit(path)
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
          var st = stat()
          if withSystemPath(path, { lstat($0, &st) }) == 0, st.st_mode & S_IFMT == S_IFDIR {
            stack.append(path)
            other?(path)
          } else if withSystemPath(path, { stat($0, &st) }) == 0, st.st_mode & S_IFMT == S_IFREG {
            visit(path)
          } else {
            other?(path)
          }
        default: other?(path)
        }
      }
    }
  }

  /// Reads a whole file, or its first `limit + 1` bytes when larger (so the caller can tell
  /// it was too large without reading it all). Errors name the path and the system's reason.
  public static func read(_ path: String, limit: Int = PlanLoader.maxFileBytes) throws(LoadError) -> [UInt8] {
    try readIdentified(path, limit: limit).bytes
  }

  /// Which file a path names: the same device and inode is the same file, whatever the path.
  public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
  }

  /// ``read(_:limit:)``, with the identity of the file read (from the open descriptor).
  public static func readIdentified(_ path: String, limit: Int = PlanLoader.maxFileBytes) throws(LoadError)
    -> (bytes: [UInt8], identity: FileIdentity)
  {
    let fd = withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
    guard fd >= 0 else { throw .system(path, errno) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .system(path, errno) }
    let identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    guard st.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path) }
    // Read a little past the limit so oversized files are recognised without reading them whole.
    let cap = min(Int(st.st_size), limit + 1)
    var bytes = [UInt8](repeating: 0, count: cap)
    var filled = 0
    while filled < cap {
      let n = bytes.withUnsafeMutableBytes { buf -> Int in
        guard let base = buf.baseAddress else { return 0 }
        return Glibc.read(fd, base + filled, cap - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw .system(path, errno)
      }
      if n == 0 { break }
      filled += n
    }
    if filled < cap { bytes.removeLast(cap - filled) }
    return (bytes, identity)
  }

  // MARK: - Names that are not UTF-8

  /// A path's bytes as text for messages and for this module's own use: UTF-8 as it is, each
  /// byte that is not part of valid UTF-8 as `\x{FF}`, and a backslash that would read as
  /// the start of such an escape as `\x{5C}`, so that ``systemPath(_:)`` recovers the bytes
  /// exactly. Every path of a loaded plan (``Plan/files``, diagnostics' files) is in this form;
  /// paths that are valid UTF-8 without the text `\x{` are unchanged.
  public static func displayPath(_ bytes: [UInt8]) -> String {
    if !bytes.contains(UInt8(ascii: "\\")), let text = String(validating: bytes, as: UTF8.self) { return text }
    var out = ""
    out.reserveCapacity(bytes.count + 8)
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var position = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let scalar = Unicode.UTF8.decode(encoded)
        if scalar == "\\", startsEscape(bytes, at: position + 1) {
          out += "\\x{5C}"
        } else {
          out.unicodeScalars.append(scalar)
        }
        position += encoded.count
      case .error(let length):
        for b in bytes[position..<(position + length)] { out += "\\x{" + hexByte(b) + "}" }
        position += length
      case .emptyInput:
        return out
      }
    }
  }

  /// The bytes a path in ``displayPath(_:)``'s form stands for.
  public static func systemPath(_ path: String) -> [UInt8] {
    let utf8 = Array(path.utf8)
    guard utf8.contains(UInt8(ascii: "\\")) else { return utf8 }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "\\"), let byte = escapedByte(utf8, at: i) {
        out.append(byte)
        i += 6
      } else {
        out.append(utf8[i])
        i += 1
      }
    }
    return out
  }

  /// Calls `body` with the path as a C string of its real bytes.
  public static func withSystemPath<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
    guard path.utf8.contains(UInt8(ascii: "\\")) else { return try path.withCString(body) }
    let bytes = systemPath(path).map { CChar(bitPattern: $0) } + [0]
    return try bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return try "".withCString(body) }
      return try body(base)
    }
  }

  /// True when `bytes[i...]` begins with `x{`, which after a backslash would read as an escape.
  private static func startsEscape(_ bytes: [UInt8], at i: Int) -> Bool {
    i + 1 < bytes.count && bytes[i] == UInt8(ascii: "x") && bytes[i + 1] == UInt8(ascii: "{")
  }

  /// The byte of a `\x{HH}` escape starting at `i` (two uppercase hex digits), if one is there.
  private static func escapedByte(_ utf8: [UInt8], at i: Int) -> UInt8? {
    guard i + 5 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"), utf8[i + 2] == UInt8(ascii: "{"),
      utf8[i + 5] == UInt8(ascii: "}"), let high = hexDigit(utf8[i + 3]), let low = hexDigit(utf8[i + 4])
    else { return nil }
    return high << 4 | low
  }

  private static func hexDigit(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func hexByte(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(b >> 4)], digits[Int(b & 0x0F)]], as: UTF8.self)
  }

  /// A command-line path in ``displayPath(_:)``'s form. Swift hands arguments over as
  /// text with bytes that are not UTF-8 replaced by U+FFFD; such an argument is looked up
  /// among the process's raw arguments to recover its real bytes.
  public static func argumentPath(_ argument: String) -> String {
    guard argument.unicodeScalars.contains("\u{FFFD}") else { return displayPath(Array(argument.utf8)) }
    var matches: Set<[UInt8]> = []
    for i in 0..<Int(CommandLine.argc) {
      guard let raw = CommandLine.unsafeArgv[i] else { continue }
      let bytes = Array(
        UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
      if String(decoding: bytes, as: UTF8.self) == argument { matches.insert(bytes) }
    }
    guard matches.count == 1, let bytes = matches.first else { return displayPath(Array(argument.utf8)) }
    return displayPath(bytes)
  }
}
