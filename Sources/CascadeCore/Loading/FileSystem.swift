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
    guard stat(path, &st) == 0 else { return .missing }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// This program's own path (from /proc/self/exe), for starting copies of itself as workers.
  public static var executablePath: String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, 4095)
    return n > 0
      ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
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
  /// and not following links to directories (no loops).
  public static func walk(_ root: String, _ visit: (String) -> Void) {
    var stack = [root]
    while let dir = stack.popLast() {
      guard let handle = opendir(dir) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name.hasPrefix(".") { continue }
        let path = join(dir, name)
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): stack.append(path)
        case Int32(DT_REG): visit(path)
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
          var st = stat()
          if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
            stack.append(path)
          } else if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG {
            visit(path)
          }
        default: continue
        }
      }
    }
  }

  /// Reads a whole file, or its first `limit + 1` bytes when larger (so the caller can tell
  /// it was too large without reading it all). Errors name the path and the system's reason.
  public static func read(_ path: String, limit: Int = PlanLoader.maxFileBytes) throws(LoadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw LoadError("\(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw LoadError("\(path): \(String(cString: strerror(errno)))") }
    guard st.st_mode & S_IFMT == S_IFREG else { throw LoadError("\(path): not a regular file") }
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
        throw LoadError("\(path): \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      filled += n
    }
    if filled < cap { bytes.removeLast(cap - filled) }
    return bytes
  }
}
