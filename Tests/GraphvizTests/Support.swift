import Foundation
import Testing

@testable import Graphviz

#if canImport(FoundationXML)
  import FoundationXML
#endif

let smallGraph = """
  digraph G {
    rankdir=LR;
    objective [shape=box, label="Grow revenue"];
    kr1 [label="KR 1"];
    kr2 [label="KR 2"];
    objective -> kr1;
    objective -> kr2;
  }
  """

extension Array where Element == UInt8 {
  func hasPrefix(_ prefix: [UInt8]) -> Bool {
    count >= prefix.count && Array(self[0..<prefix.count]) == prefix
  }

  var utf8String: String { String(decoding: self, as: UTF8.self) }
}

/// What an SVG produced by Graphviz contains, read with a real XML parser (so
/// the test also proves the SVG is well-formed and decodes the entities).
struct SVGSummary {
  var nodeCount = 0
  var edgeCount = 0
  /// Decoded character data of every <text> element.
  var texts: [String] = []
  /// Decoded character data of every <title> element.
  var titles: [String] = []
}

final class SVGScanner: NSObject, XMLParserDelegate {
  var summary = SVGSummary()
  private var current: String?
  private var buffer = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    if elementName == "g" {
      switch attributeDict["class"] {
      case "node": summary.nodeCount += 1
      case "edge": summary.edgeCount += 1
      default: break
      }
    }
    if elementName == "text" || elementName == "title" {
      current = elementName
      buffer = ""
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if current != nil { buffer += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    guard elementName == current else { return }
    if elementName == "text" { summary.texts.append(buffer) } else { summary.titles.append(buffer) }
    current = nil
  }
}

func scanSVG(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws
  -> SVGSummary
{
  let parser = XMLParser(data: Data(bytes))
  let scanner = SVGScanner()
  parser.delegate = scanner
  // The DOCTYPE points at the W3C DTD; never fetch it.
  parser.shouldResolveExternalEntities = false
  let ok = parser.parse()
  #expect(
    ok, "SVG is not well-formed XML: \(String(describing: parser.parserError))",
    sourceLocation: sourceLocation)
  return scanner.summary
}

/// Absolute path of an executable found on PATH (or in the usual places).
func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
  return directories.map { "\($0)/\(name)" }.first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}
