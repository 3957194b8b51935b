import ArgumentParser
import CascadeCore
import CascadeServe
import CascadeSystem
import Graphviz

#if canImport(Glibc)
  import Glibc
#endif

struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "The meeting page as static files for any web server or file:// (read-only).",
    discussion: """
      Writes index.html, assets/ and data/ into the folder: the overview, a page per unit,
      search, filters, zoom, presenter mode, details and the review agenda, with no request to
      any other site. Publish the folder from CI (GitHub Pages, an intranet web server).
      """)

  @Argument(help: "The plan folder or files.")
  var paths: [String]

  @Option(name: [.customShort("o"), .long], help: "The folder to write (created if missing).")
  var output: String

  @Option(name: .customLong("as-of"), help: "The day to score at (default: today).")
  var asOf: Day?

  @Option(help: "The review agenda's last review, YYYY-MM-DD (default: 30 days before --as-of).")
  var since: Day?

  @OptionGroup var language: LanguageOption

  mutating func run() throws {
    let language = self.language
    let options = ServeOptions(paths: paths, asOf: asOf, language: { language.language(plan: $0) })
    let snapshot = LivePlan(options, today: { Day.today }).snapshot
    if let error = snapshot.loadError { throw CLIFailure(message: "cascade: \(error)") }
    let day = snapshot.card?.asOf ?? Day.today
    let writer = SiteWriter(snapshot: snapshot, since: since ?? Day(ordinal: day.ordinal - 30))
    var files = writer.files()
    for page in writer.pages {
      let svg: [UInt8]
      do {
        svg = try Graphviz.render(dot: page.dot, layout: .dot, format: .svg)
      } catch {
        throw CLIFailure(message: "cascade: cannot lay out page \(page.name): \(error)")
      }
      files.append(SiteWriter.pageFile(name: page.name, svg: svg))
    }
    for folder in [output, output + "/assets", output + "/data"] where mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw CLIFailure(message: "cascade: cannot create \(folder): \(String(cString: strerror(errno)))")
    }
    for file in files {
      let path = output + "/" + file.path
      do {
        try FileOutput.write(file.bytes, to: path)
      } catch {
        throw CLIFailure(message: "cascade: cannot write \(path): \(error)")
      }
    }
    try Terminal.write("cascade site: \(files.count) files in \(output)/ (open \(output)/index.html)\n")
  }
}
