import Testing

@testable import Graphviz

@Suite struct ErrorTests {
  func expectError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Graphviz.Error? {
    do {
      try body()
      Issue.record("expected a Graphviz.Error", sourceLocation: sourceLocation)
      return nil
    } catch {
      return error as? Graphviz.Error
    }
  }

  @Test func syntaxErrorsCarryGraphvizMessagesAndDoNotPoisonLaterCalls() throws {
    let first = expectError { _ = try Graphviz.render(dot: "digraph { a -> ; }", format: .svg) }
    #expect(first?.kind == .parse)
    #expect(first?.message.contains("syntax error") == true, "\(String(describing: first))")
    #expect(first?.message.contains("near ';'") == true, "\(String(describing: first))")

    // A valid render right after the failure succeeds, with no stale messages.
    let ok = try Graphviz.renderWithWarnings(dot: smallGraph, format: .svg)
    #expect(ok.bytes.utf8String.contains("<svg"))
    #expect(ok.warnings.isEmpty, "\(ok.warnings)")

    // A second, different error reports its own message, not the first one's.
    let second = expectError {
      _ = try Graphviz.render(dot: "graph {\n\n  x -- -- y }", format: .svg)
    }
    #expect(second?.kind == .parse)
    #expect(second?.message.contains("syntax error") == true, "\(String(describing: second))")
    #expect(second?.message.contains("near ';'") == false, "\(String(describing: second))")
    #expect(second?.message.contains("line 3") == true, "\(String(describing: second))")
    #expect(second?.message.contains("near '--'") == true, "\(String(describing: second))")
    #expect(second?.description.contains("could not parse") == true)
  }

  /// cgraph's lexer is process-wide and keeps what it read past the first graph: without a
  /// flush after each parse, the next call rendered the previous source's second graph instead
  /// of its own, and a newline after a graph's `}` pushed the next error's line number by one.
  @Test func eachCallParsesOnlyItsOwnSource() throws {
    // Serialised: other suites render on the same engine, but each call below is one
    // lock-holding render, so no other source can come in between.
    _ = try Graphviz.render(dot: "digraph First { a } digraph Second { b }", format: .dot)
    let own = try Graphviz.render(dot: "digraph Third { c }", format: .dot).utf8String
    #expect(own.contains("Third"), "\(own)")
    #expect(!own.contains("Second"), "\(own)")

    _ = try Graphviz.render(dot: "digraph { a }\n\n", format: .dot)
    let error = expectError { _ = try Graphviz.render(dot: "graph {\n\n  x -- -- y }", format: .svg) }
    #expect(error?.message.contains("line 3") == true, "\(String(describing: error))")
  }

  @Test func emptyAndGarbageInputAreParseErrors() {
    for source in ["", "   ", "not a graph at all", "digraph {"] {
      let error = expectError { _ = try Graphviz.render(dot: source, format: .svg) }
      #expect(
        error?.kind == .parse, "source \(source.debugDescription): \(String(describing: error))")
    }
  }

  @Test func nulCharacterIsRejected() {
    let error = expectError {
      _ = try Graphviz.render(dot: "digraph { a }\0digraph { b }", format: .svg)
    }
    #expect(error?.kind == .parse)
    #expect(error?.message.contains("NUL") == true)
  }

  @Test func missingRendererNamesTheFormatAndThePackage() {
    let error = expectError {
      _ = try Engine.render(dot: smallGraph, layoutName: "dot", formatName: "nosuchformat")
    }
    #expect(error?.kind == .missingRenderer(format: "nosuchformat"))
    #expect(error?.description.contains("'nosuchformat'") == true, "\(String(describing: error))")
    #expect(error?.message.contains("available formats:") == true)
    // The hint for real formats names the Debian package and the re-registration command.
    #expect(Graphviz.installHint(for: .png).contains("libgvc6"))
    #expect(Graphviz.installHint(for: .png).contains("libgvplugin_pango"))
    #expect(Graphviz.installHint(for: .pdf).contains("libgvc6-config-update -c"))
  }

  @Test func missingLayoutIsReported() {
    let error = expectError {
      _ = try Engine.render(dot: smallGraph, layoutName: "nosuchlayout", formatName: "svg")
    }
    #expect(error?.kind == .missingLayout(engine: "nosuchlayout"))
  }

  @Test func layoutFailureIsALayoutError() throws {
    // A `layout` graph attribute naming an unknown engine makes gvLayout fail.
    let error = expectError {
      _ = try Graphviz.render(dot: "digraph { layout=nosuchengine; a }", format: .svg)
    }
    #expect(error?.kind == .layout)
    #expect(error?.message.contains("nosuchengine") == true, "\(String(describing: error))")
    let ok = try Graphviz.renderWithWarnings(dot: smallGraph, format: .png)
    #expect(ok.warnings.isEmpty, "\(ok.warnings)")
  }

  @Test func invalidHTMLLabelIsReportedButStillRenders() throws {
    // Graphviz reports the bad markup as an error but falls back to a plain
    // label and still produces output; we surface its message as a warning.
    let output = try Graphviz.renderWithWarnings(
      dot: "digraph { a [label=<<b>x</i>>]; }", format: .svg)
    #expect(output.bytes.utf8String.contains("<svg"))
    #expect(output.warnings.contains { $0.contains("mismatched tag") }, "\(output.warnings)")
  }
}
