/// Line breaking for diagram labels, measured in columns of about half an em: East Asian wide
/// and fullwidth characters (Chinese, Japanese, Korean, most emoji) count 2, and so do the
/// punctuation and symbols the diagram's CJK fonts draw a full em wide (curly quotes, `—`, `…`,
/// arrows, circled numbers); combining marks count 0, everything else 1.
public enum TextWrap {
  /// Display width of a character in columns (0, 1 or 2).
  public static func width(of character: Character) -> Int {
    if character.isASCII { return 1 }
    guard let first = character.unicodeScalars.first else { return 0 }
    if isWide(first) || isDrawnWide(first) { return 2 }
    if isZeroWidth(first) { return 0 }
    // An emoji presentation sequence (e.g. "❤️") is drawn wide.
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return 1
  }

  /// Display width of a string in columns.
  public static func width(of text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += width(of: character) }
    return total
  }

  /// Breaks `text` into lines of at most `width` columns.
  ///
  /// - Latin text breaks at spaces (which are dropped at the break); a word is never split
  ///   unless it alone is wider than `width`, in which case it is hard-broken.
  /// - Between two East Asian wide characters (or a wide character and a word) a line may
  ///   break anywhere, except before closing punctuation (`，。、）」` …) or after opening
  ///   punctuation (`（「` …).
  /// - A number stays with the East Asian character after it (`120次`), and a single East Asian
  ///   character is not left alone on a paragraph's last line when the character before it can
  ///   move down with it.
  /// - A line feed in the text always breaks the line; tabs count as spaces.
  ///
  /// Returns at least one line (an empty string for empty input).
  public static func wrap(_ text: String, width limit: Int) -> [String] {
    let limit = max(limit, 1)
    // No character is wider than its UTF-8 encoding is long, so short text fits as it is.
    if text.utf8.count <= limit, !text.unicodeScalars.contains(where: isBreakOrControl) { return [text] }
    if let lines = wrapPrintableASCII(text, limit: limit) { return lines }
    var lines: [String] = []
    for paragraph in paragraphs(text) {
      wrapParagraph(paragraph, limit: limit, into: &lines)
    }
    return lines.isEmpty ? [""] : lines
  }

  // MARK: - Internals

  /// Line breaks, tabs and other control characters, which the slow path handles.
  private static func isBreakOrControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s.value == 0x2028
  }

  /// The common case, fast: printable ASCII only (no line feed, tab or control character), where
  /// every character is one column and lines break at spaces only. Nil for any other text.
  private static func wrapPrintableASCII(_ text: String, limit: Int) -> [String]? {
    let space = UInt8(ascii: " ")
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
    var lines: [String] = []
    var start = 0
    let count = bytes.count
    while true {
      while start < count, bytes[start] == space { start += 1 }
      if start == count { break }
      var end: Int
      var next: Int
      if count - start <= limit {
        end = count
        next = count
      } else if bytes[start + limit] == space {
        end = start + limit
        next = end + 1
      } else if let lastSpace = bytes[start..<(start + limit)].lastIndex(of: space), lastSpace > start {
        end = lastSpace
        next = lastSpace + 1
      } else {
        // A word longer than a line: hard-break it.
        end = start + limit
        next = end
      }
      while end > start, bytes[end - 1] == space { end -= 1 }
      lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
      start = next
    }
    return lines.isEmpty ? [""] : lines
  }

  /// One unit of line filling: a word, a single wide character, or a run of spaces.
  private struct Token {
    var text: String
    var width: Int
    var isSpace: Bool
    /// A break is allowed between the previous token and this one even without a space.
    var breakBefore: Bool
  }

  private static func paragraphs(_ text: String) -> [Substring] {
    let breaks = text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" }
    if !breaks { return [text[...]] }
    return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2028}" }
  }

  private static func tokens(_ paragraph: Substring) -> [Token] {
    var out: [Token] = []
    var word = ""
    var wordWidth = 0
    var wordBreakBefore = true
    var previousWide = false
    var previous: Character?

    func flushWord() {
      guard !word.isEmpty else { return }
      out.append(Token(text: word, width: wordWidth, isSpace: false, breakBefore: wordBreakBefore))
      word = ""
      wordWidth = 0
    }

    for raw in paragraph {
      let character: Character = raw == "\t" ? " " : raw
      if character == " " || (!character.isASCII && character.isWhitespace) {
        flushWord()
        // The ideographic space is as wide as a Chinese character.
        let w = max(width(of: character), 1)
        if let last = out.last, last.isSpace {
          out[out.count - 1].text.append(character)
          out[out.count - 1].width += w
        } else {
          out.append(Token(text: String(character), width: w, isSpace: true, breakBefore: true))
        }
        previousWide = false
        previous = character
        continue
      }
      let w = width(of: character)
      let wide = w == 2
      if wide || previousWide {
        // A boundary where CJK text may break, unless punctuation forbids it.
        // Nor between a number and the counter or unit after it ("120次", "50个").
        let afterDigit = wide && (previous?.isASCII ?? false) && (previous?.isNumber ?? false)
        let allowed = !noBreakBefore(character) && !(previous.map(noBreakAfter) ?? false) && !afterDigit
        if wide {
          flushWord()
          out.append(Token(text: String(character), width: w, isSpace: false, breakBefore: allowed))
        } else {
          flushWord()
          word.append(character)
          wordWidth = w
          wordBreakBefore = allowed
        }
      } else {
        if word.isEmpty { wordBreakBefore = true }
        word.append(character)
        wordWidth += w
      }
      previousWide = wide
      previous = character
    }
    flushWord()
    // Glue tokens that must not be separated (e.g. "，" after a wide character) into one.
    var glued: [Token] = []
    for token in out {
      if !token.isSpace, !token.breakBefore, let last = glued.last, !last.isSpace {
        glued[glued.count - 1].text += token.text
        glued[glued.count - 1].width += token.width
      } else {
        glued.append(token)
      }
    }
    return glued
  }

  private static func wrapParagraph(_ paragraph: Substring, limit: Int, into lines: inout [String]) {
    // Each line as its tokens (spaces between words included), so the last line can be fixed up.
    var built: [[Token]] = []
    var line: [Token] = []
    var lineWidth = 0
    var pendingSpace: Token?
    /// The space dropped at the start of the current line, if it began at a space.
    var spaceBeforeLastLine: Token?

    func endLine() {
      built.append(line)
      line = []
      lineWidth = 0
      pendingSpace = nil
    }

    for token in tokens(paragraph) {
      if token.isSpace {
        if !line.isEmpty { pendingSpace = token }
        continue
      }
      let spaceWidth = pendingSpace?.width ?? 0
      if lineWidth + spaceWidth + token.width <= limit {
        if let space = pendingSpace { line.append(space) }
        line.append(token)
        lineWidth += spaceWidth + token.width
        pendingSpace = nil
        continue
      }
      let dropped = pendingSpace
      if !line.isEmpty { endLine() }
      spaceBeforeLastLine = dropped
      if token.width <= limit {
        line = [token]
        lineWidth = token.width
        continue
      }
      // A single token wider than a line: hard-break it.
      for character in token.text {
        let w = width(of: character)
        if lineWidth + w > limit, !line.isEmpty {
          endLine()
          spaceBeforeLastLine = nil
        }
        let piece = Token(text: String(character), width: w, isSpace: false, breakBefore: false)
        if let last = line.last {
          line[line.count - 1] = Token(
            text: last.text + piece.text, width: last.width + w, isSpace: false, breakBefore: last.breakBefore)
        } else {
          line = [piece]
        }
        lineWidth += w
      }
    }
    if !line.isEmpty { endLine() }

    // A lone wide character on the last line takes the word or character before it along
    // (with the space between them, if any), when a line may start there and the two fit.
    if built.count >= 2, built[built.count - 1].count == 1, let orphan = built[built.count - 1].first,
      orphan.width == 2, orphan.text.count == 1
    {
      var previous = built[built.count - 2]
      let space = spaceBeforeLastLine.map { [$0] } ?? []
      let spaceWidth = spaceBeforeLastLine?.width ?? 0
      if previous.count >= 2, let moved = previous.last, !moved.isSpace, moved.breakBefore,
        moved.width + spaceWidth + orphan.width <= limit
      {
        previous.removeLast()
        while previous.last?.isSpace == true { previous.removeLast() }
        built[built.count - 2] = previous
        built[built.count - 1] = [moved] + space + [orphan]
      }
    }
    if built.isEmpty { built = [[]] }
    for tokens in built { lines.append(tokens.map(\.text).joined()) }
  }

  private static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return s.value == 0x200B
    }
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji blocks drawn wide.
  private static func isWide(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18AFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF,
      0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
      0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// East Asian Ambiguous characters that the diagram's fonts (WenQuanYi Micro Hei, Noto Sans
  /// CJK) draw a full em wide, as wide as a Chinese character, whatever the text around them:
  /// `—` `―` `‘’“”` `‥…` `‰` `℃` `№` `℡`, Roman numerals, arrows, circled and parenthesised
  /// numbers, `★☆` `♀♂` `✓✔`. Measured with Graphviz and Pango; Latin letters average half an em.
  private static func isDrawnWide(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x2014...0x2015, 0x2018...0x2019, 0x201C...0x201D, 0x2025...0x2026, 0x2030, 0x2103, 0x2116, 0x2121,
      0x2160...0x217F, 0x2190...0x21FF, 0x2460...0x24FF, 0x2605...0x2606, 0x2640, 0x2642, 0x2713...0x2714:
      return true
    default:
      return false
    }
  }

  /// Characters that must not start a line (closing punctuation, CJK full stops and commas).
  private static func noBreakBefore(_ c: Character) -> Bool {
    "，。、；：！？）」』】〕〉》”’…—%％·・ー々〜.,;:!?)]}".contains(c)
  }

  /// Characters that must not end a line (opening brackets and quotes).
  private static func noBreakAfter(_ c: Character) -> Bool {
    "（「『【〔〈《“‘([{".contains(c)
  }
}
