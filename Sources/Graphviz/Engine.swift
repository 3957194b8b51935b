import CGraphviz
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Text Graphviz reported through the agseterrf() callback since the last
/// `takeDiagnostics()`. Graphviz only invokes the callback synchronously from
/// inside calls we make while holding `Engine.state`'s lock, and this variable
/// is only touched from those callbacks and from code holding that lock.
nonisolated(unsafe) private var capturedDiagnostics = ""

/// agusererrf: receives each piece of a Graphviz message ("Error", ": ",
/// "syntax error in line 1 ...\n") instead of it being printed to stderr.
private let diagnosticsCallback: agusererrf = { text in
  if let text {
    capturedDiagnostics += String(cString: text)
  }
  return 0
}

/// Forgets previous errors: clears our buffer and cgraph's sticky error count
/// (agerrors() otherwise stays non-zero after the first error for the rest of
/// the process). Lock must be held.
private func resetDiagnostics() {
  _ = agreseterrors()
  capturedDiagnostics = ""
}

/// Returns and clears the captured diagnostics, one message per line.
/// Lock must be held.
private func takeDiagnostics() -> [String] {
  let lines =
    capturedDiagnostics
    .split(whereSeparator: \.isNewline)
    .map { $0.trimmingTrailingWhitespace() }
    .filter { !$0.isEmpty }
  capturedDiagnostics = ""
  return lines
}

extension Substring {
  fileprivate func trimmingTrailingWhitespace() -> String {
    var s = self
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return String(s)
  }
}

/// The process-wide Graphviz context and the lock that serialises every call
/// into the C library.
enum Engine {
  struct State {
    /// Created once by gvContext() (which reads the plugin registry, e.g.
    /// /usr/lib/x86_64-linux-gnu/graphviz/config6a on Debian) and kept for
    /// the process lifetime; never freed.
    var gvc: OpaquePointer?
    var formats: Set<String> = []
    var layouts: Set<String> = []
    var startupDiagnostics: [String] = []
  }

  struct PluginNames: Sendable {
    var formats: Set<String>
    var layouts: Set<String>
  }

  /// Lazily initialised (thread-safely, by Swift's global initialiser) on the
  /// first use.
  private static let state = Mutex<State>(makeState())

  private static func makeState() -> State {
    // Install the callback before anything can report an error.
    _ = agseterrf(diagnosticsCallback)
    // Report warnings too (the default), so they reach the callback.
    _ = agseterr(AGWARN)
    resetDiagnostics()
    var state = State()
    state.gvc = gvContext()
    if let gvc = state.gvc {
      // "device" plugins are what -T selects (gvRenderData looks formats up
      // there); "layout" plugins are what -K / gvLayout select.
      state.formats = pluginList(gvc, kind: "device")
      state.layouts = pluginList(gvc, kind: "layout")
    }
    state.startupDiagnostics = takeDiagnostics()
    _ = agreseterrors()
    return state
  }

  private static func pluginList(_ gvc: OpaquePointer, kind: String) -> Set<String> {
    var count: Int32 = 0
    guard let list = cgv_plugin_list(gvc, kind, &count) else { return [] }
    defer { cgv_free_plugin_list(list, count) }
    var names = Set<String>()
    for index in 0..<Int(max(count, 0)) {
      guard let entry = list[index] else { continue }
      // Entries are "type" or, in some versions, "type:package".
      let name = String(cString: entry)
      names.insert(String(name.prefix { $0 != ":" }))
    }
    return names
  }

  static func version() -> String {
    state.withLock { state in
      guard let gvc = state.gvc, let version = gvcVersion(gvc) else { return "unknown" }
      return String(cString: version)
    }
  }

  static func pluginNames() -> PluginNames {
    state.withLock { state in PluginNames(formats: state.formats, layouts: state.layouts) }
  }

  /// Parse, lay out and render. Resources are released in the order
  /// gvFreeRenderData, gvFreeLayout, agclose on every path.
  static func render(
    dot: String, layout: String, format: String, missingHint: String, freeing: Graphviz.Freeing = .now
  ) throws(Graphviz.Error) -> Graphviz.Output {
    // A NUL would silently truncate the C string and change the graph.
    if dot.utf8.contains(0) {
      throw Graphviz.Error(
        kind: .parse, message: "DOT source contains a NUL character")
    }
    return try state.withLock { (state) throws(Graphviz.Error) -> Graphviz.Output in
      guard let gvc = state.gvc else {
        throw Graphviz.Error(
          kind: .unavailable,
          message: (["gvContext() failed"] + state.startupDiagnostics).joined(separator: "\n"))
      }
      guard state.layouts.contains(layout) else {
        throw Graphviz.Error(
          kind: .missingLayout(engine: layout),
          message: "installed layout engines: \(state.layouts.sorted().joined(separator: " ")). "
            + "On Debian/Ubuntu layout engines come with package libgvc6; if it is installed, "
            + "re-register the plugins with `sudo libgvc6-config-update -c` (or `sudo dot -c`).")
      }
      guard state.formats.contains(format) else {
        let available =
          state.formats.isEmpty
          ? "no renderer plugins are registered"
          : "available formats: \(state.formats.sorted().joined(separator: " "))"
        throw Graphviz.Error(
          kind: .missingRenderer(format: format), message: "\(available). \(missingHint)")
      }
      return try renderLocked(gvc: gvc, dot: dot, layout: layout, format: format, freeing: freeing)
    }
  }

  /// Lock must be held.
  private static func renderLocked(
    gvc: OpaquePointer, dot: String, layout: String, format: String, freeing: Graphviz.Freeing
  ) throws(Graphviz.Error) -> Graphviz.Output {
    resetDiagnostics()
    var warnings: [String] = []

    func failure(_ kind: Graphviz.Error.Kind, _ fallback: String) -> Graphviz.Error {
      let messages = warnings + takeDiagnostics()
      return Graphviz.Error(
        kind: kind, message: messages.isEmpty ? fallback : messages.joined(separator: "\n"))
    }

    // Only the first graph of the source is read; the lexer forgets the rest, on every path.
    let parsed = agmemread(dot)
    cgv_flush_lexer()
    guard let graph = parsed else {
      throw failure(.parse, "agmemread() failed")
    }
    // Set when a successful render hands the graph to the background releaser.
    var handedOff = false
    defer { if !handedOff { agclose(graph) } }
    warnings += takeDiagnostics()

    let layoutStatus = gvLayout(gvc, graph, layout)
    // gvFreeLayout is safe (and needed) after a failed gvLayout too.
    defer { if !handedOff { gvFreeLayout(gvc, graph) } }
    guard layoutStatus == 0 else {
      throw failure(.layout, "gvLayout() returned \(layoutStatus)")
    }
    warnings += takeDiagnostics()
    let shrunk = format == "png" ? fitBitmap(graph) : nil

    // gvRender into a memory stream rather than gvRenderData: gvRenderData grows its buffer
    // one page at a time (a realloc per 4 KB of output), which made large diagrams measurably
    // slower than Graphviz's own `dot`; open_memstream grows geometrically.
    var data: UnsafeMutablePointer<CChar>?
    var length = 0
    guard let stream = open_memstream(&data, &length) else {
      throw failure(.render, "open_memstream() failed")
    }
    let renderStatus = gvRender(gvc, graph, format, stream)
    fclose(stream)
    defer { free(data) }
    guard renderStatus == 0, let data else {
      throw failure(.render, "gvRender() returned \(renderStatus)")
    }
    let bytes = data.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
    warnings += takeDiagnostics()
    _ = agreseterrors()
    if freeing == .inBackground {
      handedOff = true
      release(Handles(gvc: gvc, graph: graph))
    }
    return Graphviz.Output(bytes: bytes, warnings: warnings, shrunk: shrunk)
  }

  /// A laid-out graph whose bitmap would be larger than ``Graphviz/maxBitmapSide`` pixels a side
  /// is rendered at a lower resolution that fits (just inside the limit, so that the cairo
  /// plugin does not scale it again); returns what was done, or nil when it fits.
  private static func fitBitmap(_ graph: UnsafeMutablePointer<Agraph_t>) -> Graphviz.Shrink? {
    // "llx,lly,urx,ury" in points, set by gvLayout; 4 points of padding on each side.
    let bb = "bb".withCString { name in agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: name)) }
    guard let bb else { return nil }
    let box = String(cString: bb).split { $0 == "," || $0 == " " }.compactMap { Double(String($0)) }
    guard box.count == 4, box.allSatisfy({ $0.isFinite }) else { return nil }
    let dpi = cgv_drawing_dpi(graph) > 0 ? cgv_drawing_dpi(graph) : 96
    let width = (box[2] - box[0] + 8) * dpi / 72
    let height = (box[3] - box[1] + 8) * dpi / 72
    let limit = Double(Graphviz.maxBitmapSide) * 0.98
    let largest = max(width, height)
    guard largest.isFinite, largest > limit, largest < 1e12 else { return nil }
    let scale = limit / largest
    cgv_set_drawing_dpi(graph, dpi * scale)
    return Graphviz.Shrink(width: Int(width.rounded()), height: Int(height.rounded()), scale: scale)
  }

  /// A graph and its context, handed to another thread to free.
  private struct Handles: @unchecked Sendable {
    let gvc: OpaquePointer
    let graph: UnsafeMutablePointer<Agraph_t>
  }

  private static let releases = DispatchGroup()

  /// Frees on a background thread, taking the lock like every other call.
  private static func release(_ handles: Handles) {
    releases.enter()
    DispatchQueue.global(qos: .utility).async {
      state.withLock { _ in
        gvFreeLayout(handles.gvc, handles.graph)
        agclose(handles.graph)
      }
      releases.leave()
    }
  }

  static func waitForReleases() {
    releases.wait()
  }

  /// Test hook: render with an arbitrary format/layout name.
  static func render(dot: String, layoutName: String, formatName: String) throws(Graphviz.Error)
    -> Graphviz.Output
  {
    try render(
      dot: dot, layout: layoutName, format: formatName,
      missingHint: "No Debian package is known to provide '\(formatName)'.")
  }
}
