import CascadeReport
import Testing

@Suite struct JSONWriterTests {
  @Test(arguments: [
    ("plain", "\"plain\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("a\\b", "\"a\\\\b\""),
    ("line\nbreak", "\"line\\nbreak\""),
    ("tab\t", "\"tab\\t\""), ("\u{1}", "\"\\u0001\""), ("中文 ✓", "\"中文 ✓\""), ("sep\u{2028}", "\"sep\\u2028\""),
  ])
  func escapesExactlyWhatJSONNeeds(_ input: String, _ expected: String) {
    var w = JSONWriter()
    w.value(input)
    #expect(w.output == expected)
  }
}

/// A streaming writer hands its document on in pieces, which joined are the bytes an ordinary
/// writer keeps whole: `cascade status --format json` never holds 30 MB of JSON.
@Suite struct StreamingJSONTests {
  /// A document with a parallel array of `count` items (every fifth writes nothing, the others
  /// an object with text that needs escaping) between ordinary members.
  static func document(_ w: inout JSONWriter, count: Int, chunk: Int) {
    w.object { w in
      w.field("before", "a \"quoted\" value")
      w.key("items")
      w.array(count: count, chunk: chunk) { w, i in
        guard i % 5 != 0 else { return }
        w.object { w in
          w.field("i", i)
          w.field("text", "line \(i)\n中文\u{1}")
        }
      }
      w.key("after")
      w.array([1, 2, 3]) { w, n in w.value(n) }
    }
  }

  @Test(arguments: [0, 1, 4, 5, 6, 100, 1_000])
  func aStreamedDocumentIsTheWholeDocumentInPieces(count: Int) {
    for chunk in [1, 3, 7, 1024] {
      var whole = JSONWriter()
      Self.document(&whole, count: count, chunk: chunk)
      let expected = Array(whole.outputLine().utf8)
      for batch in [1, 2, 16] {
        var pieces: [[UInt8]] = []
        var w = JSONWriter(
          streamingTo: {
            pieces.append(Array($0))
            return true
          }, batch: batch)
        Self.document(&w, count: count, chunk: chunk)
        w.finishLine()
        #expect(pieces.flatMap { $0 } == expected, "count \(count), chunk \(chunk), batch \(batch)")
        // A piece after every batch of runs that wrote something, and one at the end.
        let runs = (count + chunk - 1) / chunk
        let batches = (runs + batch - 1) / batch
        #expect(pieces.count >= min(batches, count / 5) + 1, "count \(count), chunk \(chunk), batch \(batch)")
        #expect(!pieces.contains { $0.isEmpty })
      }
    }
  }

  @Test func aSinkThatFailsIsNotCalledAgain() {
    var calls = 0
    var w = JSONWriter(
      streamingTo: { _ in
        calls += 1
        return false
      }, batch: 1)
    Self.document(&w, count: 100, chunk: 3)
    w.finishLine()
    #expect(calls == 1)
  }
}
