import CascadeCore
import CascadeSystem
import Graphviz
import WorkerPool

extension CascadeDiagram {
  /// The scores to draw as of `day`: nil when the plan has no check-ins (the diagram shows the
  /// plan alone).
  public static func progress(_ result: LintResult, asOf day: Day) -> DiagramProgress? {
    result.checkIns.entries.isEmpty ? nil : DiagramProgress(Scorer.score(result, asOf: day), result)
  }

  /// The whole diagram as a file in `format` (`.dot`: the source itself), each phase timed,
  /// and, for a PNG too large for a bitmap, how much smaller it was rendered
  /// (``Graphviz/Shrink``). A one-shot render: its graph is freed in the background while the
  /// file is written.
  public static func file(
    _ result: LintResult, progress: DiagramProgress?, options: DiagramOptions, format: Graphviz.Format
  ) throws(DiagramError) -> (bytes: [UInt8], shrunk: Graphviz.Shrink?) {
    if format == .dot { return (Array(try dot(for: result, progress: progress, options: options).utf8), nil) }
    let source = try Timings.measure("dot") { () throws(DiagramError) in
      try dot(for: result, progress: progress, options: options)
    }
    return try Timings.measure("graphviz") { () throws(DiagramError) in
      do throws(Graphviz.Error) {
        let output = try Graphviz.renderWithWarnings(dot: source, format: format, freeing: .inBackground)
        return (output.bytes, output.shrunk)
      } catch {
        throw .graphviz(error)
      }
    }
  }
}

/// Why the pages of a split diagram could not be rendered or written.
public enum SplitError: Error, Sendable, CustomStringConvertible {
  /// Graphviz failed on one page.
  case page(String, Graphviz.Error)
  /// The file at the path could not be written, and why.
  case write(path: String, reason: String)
  case workers(WorkerPoolError)
  /// Pages the render workers could not render or write, and the first failure.
  case pages(failed: Int, of: Int, first: String)

  public var description: String {
    switch self {
    case .page(let name, let error): "\(name): \(error.description)"
    case .write(let path, let reason): "cannot write \(path): \(reason)"
    case .workers(let error): error.description
    case .pages(let failed, let total, let first):
      // One line: how many, and the first reason (usually all the same).
      "\(failed) of \(total) page\(total == 1 ? "" : "s") could not be rendered; the first: \(first)"
    }
  }
}

/// A split diagram (``CascadeDiagram/splitPages(_:progress:options:fileExtension:)``) written
/// into a folder, one file per page.
///
/// Pages in SVG, PNG or PDF are laid out by worker processes (``RenderPool``), since libgvc is
/// not thread-safe: this process builds each page's DOT as a worker asks for one. DOT pages,
/// and a share of the pages for diagnostics, are written in this process.
public struct SplitDiagram: Sendable {
  public let pages: SplitPages
  public let format: Graphviz.Format

  /// Who writes the pages.
  public enum Writers: Sendable {
    /// Worker processes started as `arguments` (this program's argv plus what makes it a
    /// worker: it must call ``RenderWorker/serve(format:)``).
    case workers(arguments: [String])
    /// This process, pages `offset`, `offset + every`, … (`every: 1, offset: 0`: every page).
    case share(every: Int, offset: Int)
  }

  public init(
    _ result: LintResult, progress: DiagramProgress?, options: DiagramOptions, format: Graphviz.Format
  ) throws(DiagramError) {
    pages = try CascadeDiagram.splitPages(result, progress: progress, options: options, fileExtension: format.rawValue)
    self.format = format
  }

  /// The path of page `i` in `folder`.
  public func path(_ i: Int, in folder: String) -> String { FileSystem.join(folder, pages.names[i]) }

  /// Writes the pages into `folder`, which exists.
  public func write(into folder: String, by writers: Writers) throws(SplitError) {
    switch writers {
    case .share(let every, let offset):
      try writeShare(into: folder, every: every, offset: offset)
    case .workers where format == .dot:
      try writeShare(into: folder, every: 1, offset: 0)
    case .workers(let arguments):
      var pool = RenderPool(arguments: arguments)
      let count = pages.names.count
      let failures: [RenderPool.Failure]
      do throws(WorkerPoolError) {
        failures = try pool.run(count: count, workers: RenderPool.workers(for: count)) { i in
          RenderJob(name: pages.names[i], path: path(i, in: folder), dot: pages.dot(i))
        }
      } catch {
        throw .workers(error)
      }
      if let first = failures.first { throw .pages(failed: failures.count, of: count, first: first) }
    }
    // Every page was written without fsyncs of its own: on disk together now.
    do {
      try FileOutput.syncFileSystem(of: folder)
    } catch {
      throw .write(path: folder, reason: "\(error)")
    }
  }

  /// Pages `offset`, `offset + every`, … rendered and written in this process.
  func writeShare(into folder: String, every: Int, offset: Int) throws(SplitError) {
    var i = offset
    while i < pages.names.count {
      let dot = pages.dot(i)
      let bytes: [UInt8]
      if format == .dot {
        bytes = Array(dot.utf8)
      } else {
        do throws(Graphviz.Error) {
          // Many renders in a row: freed on this thread (see RenderWorker).
          bytes = try Graphviz.render(dot: dot, format: format, freeing: .now)
        } catch {
          throw .page(pages.names[i], error)
        }
      }
      let target = path(i, in: folder)
      do {
        try FileOutput.write(bytes, to: target, durable: false)
      } catch {
        throw .write(path: target, reason: "\(error)")
      }
      i += every
    }
  }
}

extension CascadeDiagram {
  /// More objective boxes than this in one picture cannot be read on a screen or a projector.
  public static let readableObjectiveBoxes = 150

  /// How many objective boxes the single diagram of `options` draws.
  public static func objectiveBoxes(_ result: LintResult, options: DiagramOptions) throws(DiagramError) -> Int {
    let selection = try Selection.make(result.index, options: options)
    var n = 0
    for (u, unit) in result.plan.units.enumerated() where selection.units[u] {
      for o in unit.objectives.indices where selection.shows(u, o) { n += 1 }
    }
    return n
  }

  /// The one line `render` prints when a PNG was rendered smaller than its normal size because
  /// a bitmap cannot be that large (it is still written).
  public static func shrunkToFit(_ s: Graphviz.Shrink) -> Message {
    let percent = NumberFormat.clampedInt(s.scale * 100, in: 1...99)
    let size = "\(s.width) × \(s.height)"
    return Message(
      en: "cascade: the diagram would be \(size) px, more than a PNG can hold (\(Graphviz.maxBitmapSide) px a side), "
        + "so it was drawn at \(percent)% of its size, too small to read; "
        + "try --split DIR, --depth N, --focus UNIT, SVG, or cascade serve",
      zh: "cascade: 这张图本应是 \(size) 像素，超过了 PNG 的上限（每边 \(Graphviz.maxBitmapSide) 像素），"
        + "只能缩小到 \(percent)% 绘制，已经看不清；"
        + "可以改用 --split 文件夹、--depth 层数、--focus 单元、SVG 格式，或 cascade serve")
  }

  /// The one line `render` prints when the picture will be too big to read (it is still written).
  public static func tooBigToRead(boxes: Int) -> Message {
    Message(
      en: "cascade: the diagram has \(boxes) objective boxes, too many to read in one picture; "
        + "try --split DIR, --depth N, --focus UNIT, or cascade serve",
      zh: "cascade: 这张图有 \(boxes) 个目标框，一张图里看不清；"
        + "可以改用 --split 文件夹、--depth 层数、--focus 单元，或 cascade serve")
  }
}
