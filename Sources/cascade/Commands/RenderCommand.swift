import ArgumentParser
import CascadeCore
import CascadeDiagram
import CascadeSystem
import Graphviz
import WorkerPool

#if canImport(Glibc)
  import Glibc
#endif

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the cascade diagram through Graphviz: SVG, PNG, PDF or DOT.",
    discussion: """
      The format comes from the output's extension (.svg, .png, .pdf, .dot) or --format. \
      Rendering works when the plan has errors and shows them. With check-ins, nodes are \
      coloured by status as of --as-of. Exit status as for validate (1 when the plan has \
      errors), and 2 when the diagram cannot be rendered or written.

      Examples:
        cascade render okrs/ -o cascade.svg --as-of 2027-02-28
        cascade render okrs/ --split pages/
      """)

  @OptionGroup var plan: PlanPaths

  @Option(
    name: [.customShort("o"), .long], help: "The file to write.",
    completion: .file(extensions: ["svg", "png", "pdf", "dot"]))
  var output: String?

  @Option(help: "The format (default: from the output's extension).")
  var format: DiagramFormat?

  @Option(help: "Only this unit's or objective's subtree and its chain up to the company.")
  var focus: String?

  @Option(help: "Levels below the top to show (0: the top units only).")
  var depth: Int?

  @Option(help: "Only these levels, e.g. company,department (or team, individual).", transform: Level.list)
  var levels: Set<Level>?

  @Flag(name: .customLong("no-key-results"), help: "Objectives only.")
  var noKeyResults = false

  @Option(help: "TB (top to bottom) or LR (left to right).")
  var direction: DiagramOptions.Direction = .topToBottom

  @Option(help: "One diagram per unit plus an overview page, written into this folder.", completion: .directory)
  var split: String?

  @OptionGroup var asOf: AsOfOption

  @Option(help: "The title line (default: plan name, cycle and date).")
  var title: String?

  @OptionGroup var language: LanguageOption

  /// Diagnostics: render share k of n of a split in this process (`0/1`: every page).
  @Option(name: .customLong("split-worker"), help: .hidden)
  var splitWorker: String?

  /// Internal: a worker process of --split (see ``RenderWorker``).
  @Flag(name: .customLong("render-worker"), help: .hidden)
  var renderWorker = false

  func validate() throws {
    if split == nil && output == nil {
      throw ValidationError("give an output file with -o, or a folder with --split")
    }
    if split != nil && output != nil { throw ValidationError("-o and --split cannot be used together") }
    if split == FileOutput.standardOutput { throw ValidationError("--split needs a folder, not standard output") }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
  }

  mutating func run() throws {
    let format = try resolveFormat()
    if renderWorker { RenderWorker.serve(format: format) }
    let result = try plan.load(language)
    var options = DiagramOptions(
      focus: focus, depth: depth, levels: levels, showKeyResults: !noKeyResults, direction: direction, title: title,
      date: asOf.day)
    options.language = language.language(plan: result.plan.configuration)
    let progress = CascadeDiagram.progress(result, asOf: asOf.day)
    if let split {
      try renderSplit(result, progress: progress, options: options, format: format, folder: split)
    } else if let output {
      let boxes = try failing { () throws(DiagramError) in try CascadeDiagram.objectiveBoxes(result, options: options) }
      let file = try failing { () throws(DiagramError) in
        try CascadeDiagram.file(result, progress: progress, options: options, format: format)
      }
      do {
        try FileOutput.write(file.bytes, to: output)
      } catch {
        throw CLIFailure(message: "cascade: cannot write \(output): \(error)")
      }
      // Still written, but not silently: a picture nobody can read needs another view. One
      // line: a PNG drawn smaller than it should be says so, else one with too many boxes.
      if let shrunk = file.shrunk {
        Terminal.standardError(CascadeDiagram.shrunkToFit(shrunk).text(options.language))
      } else if boxes > CascadeDiagram.readableObjectiveBoxes {
        Terminal.standardError(CascadeDiagram.tooBigToRead(boxes: boxes).text(options.language))
      }
    }
    if result.summary.errors > 0 {
      let n = result.summary.errors
      Terminal.standardError(
        Message(
          en:
            "cascade: the plan has \(n) error\(n == 1 ? "" : "s"), shown in the diagram; run `cascade validate` for details",
          zh: "cascade: 计划中有 \(n) 个错误，已在图中标出；运行 `cascade validate` 查看详情"
        ).text(options.language))
      throw ExitCode(1)
    }
  }

  func resolveFormat() throws -> Graphviz.Format {
    if let format { return format.graphviz }
    if output == FileOutput.standardOutput {
      throw CLIFailure(
        message: "cascade: -o - writes to standard output; give the format with --format svg|png|pdf|dot")
    }
    let name =
      output.flatMap { path in
        let base = FileSystem.basename(path)
        return base.contains(".") ? base.split(separator: ".").last.map { String($0).lowercased() } : nil
      } ?? (split != nil ? "svg" : nil)
    guard let name else {
      throw CLIFailure(
        message: "cascade: cannot tell the format from \(quoted(output ?? "")): use --format svg|png|pdf|dot")
    }
    guard let format = DiagramFormat(rawValue: name) else {
      throw CLIFailure(message: "cascade: unknown format \(quoted(name, limit: 20)); use svg, png, pdf or dot")
    }
    return format.graphviz
  }

  /// The pages (see ``SplitDiagram``) into `folder`, created if need be; then a line saying where.
  func renderSplit(
    _ result: LintResult, progress: DiagramProgress?, options: DiagramOptions, format: Graphviz.Format, folder: String
  ) throws {
    let diagram = try failing { () throws(DiagramError) in
      try SplitDiagram(result, progress: progress, options: options, format: format)
    }
    if mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(folder): \(String(cString: strerror(errno)))")
    }
    guard FileSystem.kind(of: folder) == .directory else {
      throw CLIFailure(message: "cascade: --split needs a folder, and \(quoted(folder)) is not a folder")
    }
    if let worker = splitWorker {
      // Diagnostics: render share k of n in this process (`--split-worker 0/1`: every page).
      let parts = worker.split(separator: "/").compactMap { Int($0) }
      guard parts.count == 2, parts[1] > 0, parts[0] >= 0 else {
        throw CLIFailure(message: "cascade: bad --split-worker")
      }
      try failing { () throws(SplitError) in
        try diagram.write(into: folder, by: .share(every: parts[1], offset: parts[0]))
      }
      return
    }
    try failing { () throws(SplitError) in
      try diagram.write(into: folder, by: .workers(arguments: CommandLine.arguments + ["--render-worker"]))
    }
    let n = diagram.pages.names.count
    let overview = visible(diagram.path(0, in: folder))
    try Terminal.write(
      Message(
        en: "wrote \(n) pages to \(visible(folder)) (overview: \(overview))\n",
        zh: "已将 \(n) 页写入 \(visible(folder))（总览：\(overview)）\n"
      ).text(options.language))
  }

  /// `body`'s failure as exit status 2, on one line.
  func failing<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) throws(CLIFailure) -> T {
    do {
      return try body()
    } catch {
      let message = (error as? DiagramError)?.message.text(language.language()) ?? error.description
      throw CLIFailure(message: "cascade: " + message)
    }
  }
}
