import CascadeTestSupport
import Testing

@testable import CascadeCore

@Suite struct YAMLReaderTests {
  /// yaml_parser_initialize fails only when memory runs out; its result was ignored and the
  /// half-made parser used. Now the file gets a diagnostic instead.
  @Test func aParserThatCannotStartIsADiagnosticNotACrash() {
    let bytes = Array("unit: acme\nname: Acme\n".utf8)
    let reader = bytes.withUnsafeBytes { YAMLReader(bytes: $0, blockScanner: false, initialize: { _ in 0 }) }
    var decoder = DocumentDecoder(reader: reader, file: "plan.yaml")
    do {
      _ = try decoder.next()
      Issue.record("expected the file to stop")
    } catch {}
    #expect(decoder.diagnostics.count == 1)
    let d = decoder.diagnostics.first
    #expect(d?.rule == "yaml-syntax")
    #expect(d?.location == SourceLocation(file: "plan.yaml", mark: .start))
    #expect(d?.message.en.contains("could not start") == true)
    // Later calls end quietly.
    #expect((try? reader.next())?.kind == .streamEnd)
  }

  @Test func manyReadersParseIndependently() throws {
    // Each reader's parser lives at a fixed heap address: interleaving two must not mix them.
    let a = Array("unit: a\nname: A\n".utf8).withUnsafeBytes { YAMLReader(bytes: $0) }
    let b = Array("- x\n- y\n".utf8).withUnsafeBytes { YAMLReader(bytes: $0) }
    var kinds: [String] = []
    for _ in 0..<8 {
      kinds.append("a:\(try a.next().kind)")
      kinds.append("b:\(try b.next().kind)")
    }
    #expect(
      kinds.prefix(8) == [
        "a:streamStart", "b:streamStart", "a:documentStart", "b:documentStart", "a:mappingStart", "b:sequenceStart",
        "a:scalar", "b:scalar",
      ])
  }
}
