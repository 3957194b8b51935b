import CascadeCore
import CascadeTestSupport
import Foundation
import Testing

@Suite struct ReadmeTests {
  /// The README's rule reference is generated; it must match the rules as they are.
  @Test func ruleReferenceIsCurrent() throws {
    let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
    let expected = "<!-- BEGIN rules -->\n" + RuleDocumentation.markdown() + "<!-- END rules -->"
    #expect(readme.contains(expected), "regenerate with: cascade rules --markdown")
  }

  @Test func everyRuleIsDocumentedWithBothExamples() {
    let doc = RuleDocumentation.markdown()
    for rule in RuleRegistry.all {
      let id = rule.description.id
      guard let range = doc.range(of: "#### \(id)\n") else {
        Issue.record("\(id) is not documented")
        continue
      }
      let section = doc[range.upperBound...].prefix { _ in true }
      let body = section.components(separatedBy: "\n#### ").first ?? ""
      #expect(body.contains("Fires on:") && body.contains("Does not fire on:"), "\(id)")
      #expect(body.contains("[\(id)]"), "\(id): the example's diagnostic is shown")
      // Every excerpt shows lines, and says which ones in order.
      for block in body.components(separatedBy: "```yaml\n").dropFirst() {
        let text = block.components(separatedBy: "\n```").first ?? ""
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!lines.isEmpty || id == "empty-file", "\(id): an empty excerpt")
        if let range = text.firstMatch(of: /lines (\d+)–(\d+)/), let a = Int(range.1), let b = Int(range.2) {
          let shown = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
          #expect(a <= b && b - a + 1 == shown, "\(id): \(range.0), \(shown) lines shown")
        }
      }
    }
  }
}
