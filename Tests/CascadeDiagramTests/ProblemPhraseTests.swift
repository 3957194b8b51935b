import CascadeCore
import Testing

@testable import CascadeDiagram

/// A diagram points at errors and warnings in words: every rule that reports them has its
/// phrase in both languages (a Chinese diagram must not fall back to a rule id).
@Suite struct ProblemPhraseTests {
  @Test func everyRuleThatWarnsHasAPhrase() {
    for rule in RuleRegistry.all where rule.description.severity != .info {
      let id = rule.description.id
      let phrase = DiagramWords.phrases[id]
      #expect(phrase != nil, "\(id) has no phrase in DiagramWords.phrases")
      #expect(phrase.map { $0.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } } ?? false, "\(id)")
    }
  }
}
