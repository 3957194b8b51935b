import Foundation
import Synchronization
import Testing

@testable import Graphviz

@Suite struct ConcurrencyTests {
  @Test func twoHundredConcurrentRendersFromATaskGroup() async throws {
    let formats: [Graphviz.Format] = [.svg, .png, .pdf, .dot]
    let results = await withTaskGroup(of: (Int, Result<[UInt8], Graphviz.Error>).self) { group in
      for index in 0..<200 {
        group.addTask {
          let dot = "digraph { n\(index) -> m\(index); m\(index) -> k; }"
          let format = formats[index % formats.count]
          if index % 10 == 0 { _ = Graphviz.hasRenderer(format) }
          if index % 17 == 0 { _ = Graphviz.version() }
          return (
            index,
            Result { () throws(Graphviz.Error) in try Graphviz.render(dot: dot, format: format) }
          )
        }
      }
      var all: [(Int, Result<[UInt8], Graphviz.Error>)] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 200)
    for (index, result) in results {
      let bytes = try result.get()
      switch formats[index % formats.count] {
      case .svg: #expect(bytes.utf8String.contains("<title>n\(index)</title>"))
      case .png: #expect(bytes.hasPrefix([0x89, 0x50, 0x4E, 0x47]))
      case .pdf: #expect(bytes.hasPrefix(Array("%PDF".utf8)))
      default: #expect(bytes.utf8String.contains("n\(index) -> m\(index)"))
      }
    }
  }

  @Test func concurrentPerformWithErrorsInterleaved() {
    let failures = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 100) { index in
      do {
        if index % 5 == 0 {
          // Invalid input interleaved with valid renders on other threads.
          let result = Result { () throws(Graphviz.Error) in
            try Graphviz.render(dot: "digraph { \(index) -> ; }", format: .svg)
          }
          guard case .failure(let error) = result, error.kind == .parse,
            error.message.contains("syntax error")
          else {
            failures.withLock { $0 += 1 }
            return
          }
        } else {
          let output = try Graphviz.renderWithWarnings(
            dot: "graph { a\(index) -- b\(index) }", format: .svg)
          if !output.warnings.isEmpty || !output.bytes.utf8String.contains("a\(index)") {
            failures.withLock { $0 += 1 }
          }
        }
      } catch {
        failures.withLock { $0 += 1 }
      }
    }
    #expect(failures.withLock { $0 } == 0)
  }
}
