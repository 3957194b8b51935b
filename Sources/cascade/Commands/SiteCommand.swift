import ArgumentParser
import CascadeCore
import CascadeServe
import CascadeSystem
import Graphviz
import WorkerPool

#if canImport(Glibc)
  import Glibc
#endif

struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "The meeting page as static files for any web server or file:// (read-only).",
    discussion: """
      Writes index.html, assets/ and data/ into the folder: the overview, a page per unit, \
      search, filters, zoom, presenter mode, details and the review agenda, with no request to \
      any other site. Publish the folder from CI (GitHub Pages, an intranet web server).

      Example:
        cascade site okrs/ -o public/
      """)

  @Argument(help: "The plan folder or files.", completion: .file(extensions: ["yaml", "yml"]))
  var paths: [String]

  @Option(name: [.customShort("o"), .long], help: "The folder to write (created if missing).", completion: .directory)
  var output: String

  @Option(name: .customLong("as-of"), help: "The day to score at (default: today).")
  var asOf: Day?

  @Option(help: "The review agenda's last review, YYYY-MM-DD (default: 30 days before --as-of).")
  var since: Day?

  @OptionGroup var language: LanguageOption

  /// Internal: a worker process laying out pages (see ``RenderWorker``).
  @Flag(name: .customLong("render-worker"), help: .hidden)
  var renderWorker = false

  mutating func run() throws {
    if renderWorker { RenderWorker.serve(format: .svg) }
    let language = self.language
    let options = ServeOptions(paths: paths, asOf: asOf, language: { language.language(plan: $0) })
    let snapshot = LivePlan(options, today: { Day.today }).snapshot
    if let error = snapshot.loadError { throw CLIFailure(message: "cascade: \(error)") }
    let day = snapshot.card?.asOf ?? Day.today
    let writer = SiteWriter(snapshot: snapshot, since: since ?? Day(ordinal: day.ordinal - 30))
    for folder in [output, output + "/assets", output + "/data"] where mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(folder): \(String(cString: strerror(errno)))")
    }
    var files = 0
    try writer.files { file in
      let path = output + "/" + file.path
      do {
        // Made durable together with the pages, below.
        try FileOutput.write(file.bytes, to: path, durable: false)
      } catch {
        throw CLIFailure(message: "cascade: cannot write \(path): \(error)")
      }
      files += 1
    }
    // The pages, laid out by worker processes (one per core): libgvc lays out one graph at a
    // time in a process.
    let count = writer.pageCount
    var pool = RenderPool(arguments: CommandLine.arguments + ["--render-worker"])
    let failures: [RenderPool.Failure]
    do throws(WorkerPoolError) {
      failures = try pool.run(count: count, workers: RenderPool.workers(for: count)) { i in
        guard let page = writer.page(i) else { return RenderJob(name: "?", path: "/dev/null", dot: "digraph {}") }
        return RenderJob(
          name: page.name, path: output + "/" + page.path, dot: page.dot, wrap: SiteWriter.pageWrapping(page.name))
      }
    } catch {
      throw CLIFailure(message: "cascade: \(error)")
    }
    if let first = failures.first {
      throw CLIFailure(
        message: "cascade: \(failures.count) of \(count) pages could not be laid out; the first: \(first)")
    }
    try Terminal.write(
      Message(
        en: "cascade site: \(files + count) files in \(visible(output))/ (open \(visible(output))/index.html)\n",
        zh: "cascade site：已在 \(visible(output))/ 写入 \(files + count) 个文件（打开 \(visible(output))/index.html）\n"
      ).text(snapshot.presentation.language))
  }
}
