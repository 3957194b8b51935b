#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a plan begins: the one definition every command uses (through `PlanLoader.load`), so
/// that `checkin` writes the checkins.csv that `validate`, `status`, `review`, `explain` and
/// `render` read.
///
/// A plan's root is the nearest folder, from the path given upward, that holds `cascade.yaml`
/// (for a file, from the folder it is in). The search stops after the top of a git repository
/// (a folder holding `.git`) and at `/`: a cascade.yaml above the repository belongs to
/// something else. A path inside a root stands for the whole plan. Without a cascade.yaml,
/// the plan is what was given, and its root is the first folder given (or the first file's
/// folder), as before.
public enum PlanRoot {
  /// The root of the plan `path` belongs to, spelled from `path` as given (relative stays
  /// relative), or nil when no folder from there upward holds cascade.yaml.
  public static func find(from path: String) -> String? {
    let start = FileSystem.kind(of: path) == .directory ? path : FileSystem.dirname(path)
    guard var current = canonical(start) else { return nil }
    var levels = 0
    while true {
      if FileSystem.kind(of: FileSystem.join(current, PlanLoader.configurationFile)) == .file {
        if let spelled = ancestor(of: start, levels: levels), sameFile(spelled, current) { return spelled }
        return current
      }
      if exists(FileSystem.join(current, ".git")) || current == "/" { return nil }
      current = FileSystem.dirname(current)
      levels += 1
    }
  }

  /// The paths a command loads: each path inside a plan root is replaced by the root (each
  /// root once, in order of first mention); paths outside any root are kept as given.
  public static func resolve(_ paths: [String]) -> [String] {
    var out: [String] = []
    var seenRoots = Set<String>()
    // Many files of one folder (validate $(git ls-files)) share one search.
    var cache: [String: String?] = [:]
    for path in paths {
      let kind = FileSystem.kind(of: path)
      // A missing path stays, so that loading reports it.
      guard kind != .missing else {
        out.append(path)
        continue
      }
      let start = kind == .directory ? path : FileSystem.dirname(path)
      let found: String?
      if let known = cache[start] {
        found = known
      } else {
        found = find(from: start)
        cache[start] = found
      }
      guard let root = found else {
        out.append(path)
        continue
      }
      if seenRoots.insert(canonical(root) ?? root).inserted { out.append(root) }
    }
    return out
  }

  /// `path` with `levels` trailing components taken off, as text: "a/b/c" 2 → "a";
  /// "b" 1 → "."; "." 1 → ".."; nil when there is nothing left to go up from ("/").
  static func ancestor(of path: String, levels: Int) -> String? {
    var p = path
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    for _ in 0..<levels {
      if p == "/" { return nil }
      let last = FileSystem.basename(p)
      if last == "." || last == ".." {
        p = p == "." ? ".." : p + "/.."
      } else {
        p = p.contains("/") ? FileSystem.dirname(p) : "."
      }
    }
    return p
  }

  // MARK: - Diagnostics (rule checkin-file)

  /// A checkins.csv below the root (or in a second folder given): nothing reads it.
  static func strayCheckIns(_ file: String, rootFile: String) -> Diagnostic {
    diagnostic(CheckInFileRule.stray(rootFile: rootFile), file)
  }

  /// checkins.csv at the root is a folder, a FIFO or another non-file.
  static func notARegularFile(_ file: String, kind: FileSystem.Kind) -> Diagnostic {
    diagnostic(CheckInFileRule.notARegularFile(folder: kind == .directory), file)
  }

  static func diagnostic(_ message: Message, _ file: String) -> Diagnostic {
    Diagnostic(CheckInFileRule.description, message, at: SourceLocation(file: file, mark: .start))
  }

  // MARK: - File-system helpers

  // Paths are in FileSystem's display form (non-UTF-8 bytes escaped): every call converts back.

  static func canonical(_ path: String) -> String? {
    guard let resolved = FileSystem.withSystemPath(path, { realpath($0, nil) }) else { return nil }
    defer { free(resolved) }
    let bytes = UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))
    return FileSystem.displayPath(Array(bytes))
  }

  static func exists(_ path: String) -> Bool {
    var st = stat()
    return FileSystem.withSystemPath(path) { lstat($0, &st) } == 0
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    var sa = stat()
    var sb = stat()
    return FileSystem.withSystemPath(a) { stat($0, &sa) } == 0 && FileSystem.withSystemPath(b) { stat($0, &sb) } == 0
      && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
  }
}
