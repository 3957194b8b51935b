/// A small, safe wrapper around the system Graphviz library (libgvc/libcgraph).
///
/// This module is the only code that touches the Graphviz C API. It knows
/// nothing about what the graphs mean: it takes DOT source and returns bytes.
///
/// Graphviz keeps global, unsynchronised state, so every call into it is
/// serialised through one process-wide lock; all functions here are safe to
/// call from any thread or task.
public enum Graphviz {
  /// Output formats (Graphviz `-T` names).
  public enum Format: String, Sendable, CaseIterable, Hashable {
    case svg
    case png
    case pdf
    /// Laid-out DOT with position attributes (`-Tdot`).
    case dot
    /// Simple line-based text format with coordinates (`-Tplain`).
    case plain
    /// JSON with layout information (`-Tjson`).
    case json

    /// The conventional file-name extension for this format.
    public var fileExtension: String {
      switch self {
      case .svg: "svg"
      case .png: "png"
      case .pdf: "pdf"
      case .dot: "dot"
      case .plain: "txt"
      case .json: "json"
      }
    }

    /// Whether the output is text (UTF-8) rather than binary.
    public var isText: Bool {
      switch self {
      case .svg, .dot, .plain, .json: true
      case .png, .pdf: false
      }
    }

    /// The Debian package that provides this format's renderer, for error
    /// messages.
    var debianPackage: String {
      switch self {
      // cairo/pango renderer: /usr/lib/<arch>/graphviz/libgvplugin_pango.so.6
      case .png, .pdf: "libgvc6 (its cairo/pango plugin, libgvplugin_pango.so.6)"
      // core renderer: libgvplugin_core.so.6
      case .svg, .dot, .plain, .json: "libgvc6 (its core plugin, libgvplugin_core.so.6)"
      }
    }
  }

  /// Layout engines (Graphviz `-K` names).
  public enum Layout: String, Sendable, CaseIterable, Hashable {
    case dot, neato, fdp, sfdp, circo, twopi
  }

  /// A failed Graphviz call. `message` is Graphviz's own diagnostic text
  /// (all messages it reported during the call), or ours when Graphviz was
  /// not reached.
  public struct Error: Swift.Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      /// The DOT source could not be parsed (`agmemread` returned NULL).
      case parse
      /// The layout engine failed (`gvLayout` returned non-zero).
      case layout
      /// Rendering failed (`gvRender` returned non-zero).
      case render
      /// No renderer plugin for this output format is installed/registered.
      case missingRenderer(format: String)
      /// No plugin for this layout engine is installed/registered.
      case missingLayout(engine: String)
      /// The Graphviz context could not be created.
      case unavailable
    }

    public let kind: Kind
    public let message: String

    public init(kind: Kind, message: String) {
      self.kind = kind
      self.message = message
    }

    public var description: String {
      let what: String
      switch kind {
      case .parse: what = "Graphviz could not parse the DOT source"
      case .layout: what = "Graphviz layout failed"
      case .render: what = "Graphviz rendering failed"
      case .missingRenderer(let format): what = "Graphviz cannot render format '\(format)'"
      case .missingLayout(let engine): what = "Graphviz has no layout engine '\(engine)'"
      case .unavailable: what = "Graphviz is unavailable"
      }
      return message.isEmpty ? what : "\(what): \(message)"
    }
  }

  /// Rendered bytes plus the warnings Graphviz reported while producing them
  /// (e.g. unknown attributes, missing fonts).
  public struct Output: Sendable, Equatable {
    public let bytes: [UInt8]
    public let warnings: [String]
    /// Set when a bitmap (PNG) would have been larger than ``maxBitmapSide`` pixels a side and
    /// was rendered smaller to fit: its size at the normal resolution, and the scale it was
    /// rendered at (below 1).
    public var shrunk: Shrink? = nil
  }

  /// A bitmap rendered smaller than its normal size, because it would not fit otherwise.
  public struct Shrink: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var scale: Double
  }

  /// The largest side of a bitmap Graphviz's cairo renderer can make (32,767 pixels): past it,
  /// the plugin scales the picture down itself and says so only on stderr.
  public static let maxBitmapSide = 32_767

  /// When the graph and its layout are freed after a render.
  public enum Freeing: Sendable {
    /// Before `render` returns.
    case now
    /// On a background thread, still under the Graphviz lock and in the same order
    /// (`gvFreeLayout`, then `agclose`), so `render` returns as soon as the bytes are copied.
    /// Freeing a large graph costs a fifth of its layout; a one-shot tool writes its file
    /// meanwhile (Graphviz's own `dot` never frees its last graph at all).
    case inBackground
  }

  /// Parses DOT source, lays it out and renders it. Only the source's first graph is rendered
  /// (Graphviz's `dot` renders each in turn); what follows it is ignored.
  public static func render(
    dot: String, layout: Layout = .dot, format: Format, freeing: Freeing = .now
  ) throws(Graphviz.Error) -> [UInt8] {
    try renderWithWarnings(dot: dot, layout: layout, format: format, freeing: freeing).bytes
  }

  /// Like ``render(dot:layout:format:freeing:)`` but also returns Graphviz's
  /// non-fatal diagnostics.
  public static func renderWithWarnings(
    dot: String, layout: Layout = .dot, format: Format, freeing: Freeing = .now
  ) throws(Graphviz.Error) -> Output {
    try Engine.render(
      dot: dot, layout: layout.rawValue, format: format.rawValue,
      missingHint: installHint(for: format), freeing: freeing)
  }

  /// Waits until every graph handed to background freeing has been freed.
  public static func waitForBackgroundFreeing() {
    Engine.waitForReleases()
  }

  /// The version of the loaded Graphviz library, e.g. "2.43.0".
  public static func version() -> String {
    Engine.version()
  }

  /// All output format names the installed Graphviz can produce (a superset
  /// of ``Format``), sorted.
  public static func availableFormatNames() -> [String] {
    Engine.pluginNames().formats.sorted()
  }

  /// All layout engine names the installed Graphviz provides, sorted.
  public static func availableLayoutNames() -> [String] {
    Engine.pluginNames().layouts.sorted()
  }

  /// The subset of ``Format`` that can be rendered with the installed plugins.
  public static var availableFormats: [Format] {
    let names = Engine.pluginNames().formats
    return Format.allCases.filter { names.contains($0.rawValue) }
  }

  /// Whether a renderer for `format` is installed.
  public static func hasRenderer(_ format: Format) -> Bool {
    Engine.pluginNames().formats.contains(format.rawValue)
  }

  /// Whether the layout engine is installed.
  public static func hasLayout(_ layout: Layout) -> Bool {
    Engine.pluginNames().layouts.contains(layout.rawValue)
  }

  static func installHint(for format: Format) -> String {
    "On Debian/Ubuntu the '\(format.rawValue)' renderer comes with package "
      + "\(format.debianPackage); if it is installed, re-register the plugins with "
      + "`sudo libgvc6-config-update -c` (or `sudo dot -c`)."
  }
}
