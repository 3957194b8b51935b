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
