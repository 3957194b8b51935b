import CascadeCore
import Foundation
import Graphviz
import Testing

@testable import CascadeDiagram

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The repository: the first folder above this file holding both Package.swift and Plans/
/// (falls back to /work/main for a scratch copy of these tests).
let repositoryRoot: String = {
  let fileManager = FileManager.default
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if fileManager.fileExists(atPath: url.path + "/Package.swift"),
      fileManager.fileExists(atPath: url.path + "/Plans")
    {
      return url.path
    }
  }
  return "/work/main"
}()

/// Folder of this test target (snapshots live under it).
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

func examplePlan(_ name: String) throws -> LintResult {
  try Linter.validate(paths: [repositoryRoot + "/Plans/" + name])
}

/// Lints YAML held in memory, with every rule or only `rules`.
func lint(_ files: [(name: String, text: String)], rules: Set<String>? = nil) -> LintResult {
  let loaded = PlanLoader.load(inMemory: files)
  guard let rules else { return Linter.lint(loaded) }
  return Linter.lint(loaded, rules: RuleRegistry.all.filter { rules.contains($0.description.id) })
}

func lint(yaml: String, rules: Set<String>? = nil) -> LintResult {
  lint([("plan.yaml", yaml)], rules: rules)
}

extension LintResult {
  func unit(_ id: String) -> Int { index.unitByID[id]! }

  func objective(_ reference: String) -> ObjectiveAddress {
    let parts = reference.split(separator: "/").map(String.init)
    let u = index.unitByID[parts[0]]!
    return ObjectiveAddress(unit: u, objective: index.objectiveByID[u][parts[1]]!)
  }

  func keyResult(_ reference: String) -> KeyResultAddress {
    let parts = reference.split(separator: "/").map(String.init)
    let o = objective("\(parts[0])/\(parts[1])")
    let k = index.objective(o).keyResults.firstIndex { $0.id == parts[2] }!
    return KeyResultAddress(o, k)
  }
}

// MARK: - Running Graphviz's own `dot`

/// Absolute path of an executable found on PATH or in /usr/bin.
func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
  return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

struct ToolRun {
  var status: Int32
  var stdout: Data
  var stderr: String
}

/// Runs a tool; stdout comes through a pipe, stderr through a temporary file (so a chatty
/// stderr cannot block the tool while stdout is read).
func run(_ tool: String, _ arguments: [String], package: String) throws -> ToolRun {
  let path = try #require(
    findExecutable(tool), "`\(tool)` is needed by this test; install the Debian package \(package)")
  let errorFile = temporaryFile("stderr.txt")
  _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
  defer { try? FileManager.default.removeItem(atPath: errorFile) }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let stdout = Pipe()
  process.standardOutput = stdout
  process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
  try process.run()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let errors = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
  return ToolRun(status: process.terminationStatus, stdout: output, stderr: errors)
}

func temporaryFile(_ name: String) -> String {
  NSTemporaryDirectory() + "cascade-diagram-\(UUID().uuidString)-\(name)"
}

/// Runs `/usr/bin/dot -Tsvg` on the DOT source and expects success with nothing on stderr
/// (Graphviz prints every warning there).
func expectDotAccepts(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
  let file = temporaryFile("graph.dot")
  try source.write(toFile: file, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(atPath: file) }
  let result = try run("dot", ["-Tsvg", "-o", "/dev/null", file], package: "graphviz")
  #expect(result.status == 0, "dot exited \(result.status)", sourceLocation: sourceLocation)
  #expect(result.stderr.isEmpty, "dot wrote to stderr:\n\(result.stderr)", sourceLocation: sourceLocation)
}

// MARK: - Reading SVG

/// What an SVG made by Graphviz holds, read with a real XML parser (which also decodes
/// `&lt;`, `&#45;` and the other entities).
struct SVGSummary {
  var nodes = 0
  var edges = 0
  var clusters = 0
  /// Decoded text of every <text> element.
  var texts: [String] = []
  /// Decoded text of every <title> element (node ids, cluster names, `a->b` for edges).
  var titles: [String] = []
  /// Every xlink:href / href.
  var links: [String] = []

  /// Whitespace runs folded to one space, so that text compares whatever Graphviz does with them.
  var normalizedTexts: Set<String> { Set(texts.map(normalizeSpace)) }
}

func normalizeSpace(_ text: String) -> String {
  text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

private final class SVGScanner: NSObject, XMLParserDelegate {
  var summary = SVGSummary()
  private var current: String?
  private var buffer = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes: [String: String] = [:]
  ) {
    if elementName == "g" {
      switch attributes["class"] {
      case "node": summary.nodes += 1
      case "edge": summary.edges += 1
      case "cluster": summary.clusters += 1
      default: break
      }
    }
    if elementName == "a", let href = attributes["xlink:href"] ?? attributes["href"] { summary.links.append(href) }
    if elementName == "text" || elementName == "title" {
      current = elementName
      buffer = ""
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if current != nil { buffer += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    guard elementName == current else { return }
    if elementName == "text" { summary.texts.append(buffer) } else { summary.titles.append(buffer) }
    current = nil
  }
}

func scanSVG(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SVGSummary {
  let parser = XMLParser(data: Data(bytes))
  let scanner = SVGScanner()
  parser.delegate = scanner
  parser.shouldResolveExternalEntities = false
  let ok = parser.parse()
  #expect(ok, "SVG is not well-formed: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
  return scanner.summary
}

func renderSVG(_ dot: String) throws -> SVGSummary {
  let output = try Graphviz.renderWithWarnings(dot: dot, format: .svg)
  #expect(output.warnings.isEmpty, "Graphviz warnings: \(output.warnings)")
  return scanSVG(output.bytes)
}

// MARK: - Snapshots

/// Compares `text` with `Snapshots/<name>` next to this file. CASCADE_RECORD_SNAPSHOTS=1
/// rewrites the file instead; a missing file is written and reported.
func assertSnapshot(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  throws
{
  let path = testsFolder + "/Snapshots/" + name
  let record = ProcessInfo.processInfo.environment["CASCADE_RECORD_SNAPSHOTS"] == "1"
  let existing = try? String(contentsOfFile: path, encoding: .utf8)
  if record || existing == nil {
    try FileManager.default.createDirectory(
      atPath: testsFolder + "/Snapshots", withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    if !record {
      Issue.record(
        "snapshot \(name) did not exist; recorded it, check it and run again", sourceLocation: sourceLocation)
    }
    return
  }
  guard let existing, existing != text else { return }
  let old = existing.split(separator: "\n", omittingEmptySubsequences: false)
  let new = text.split(separator: "\n", omittingEmptySubsequences: false)
  let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
  let was = line < old.count ? String(old[line]) : "<end>"
  let now = line < new.count ? String(new[line]) : "<end>"
  Issue.record(
    """
    snapshot \(name) differs at line \(line + 1) (CASCADE_RECORD_SNAPSHOTS=1 swift test rewrites it)
    expected: \(was)
    actual:   \(now)
    """, sourceLocation: sourceLocation)
}
