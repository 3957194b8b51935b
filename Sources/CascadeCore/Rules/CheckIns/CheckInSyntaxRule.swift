public struct CheckInSyntaxRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-syntax", category: .checkins, severity: .error,
    summary: "checkins.csv is not well-formed: bad quoting, a wrong header, or a row with the wrong number of fields.",
    triggering: [
      Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,0.8,\"unclosed,ann\n"),
      Examples.checkIns("2027-01-15,acme/grow/rev\"enue,5.2,0.8,,ann\n"),
      Examples.checkIns("\"2027-01-15\"x,acme/grow/revenue,5.2,0.8,,ann\n"),
      Examples.checkIns("\"2027-01-15\" ,acme/grow/revenue,5.2,0.8,,ann\n"),
      Examples.checkIns("\"2027-01-15\"\u{1},acme/grow/revenue,5.2,0.8,,ann\n"),
      Examples.checkIns("\"2027-01-15\"，acme/grow/revenue,5.2,0.8,,ann\n"),
      Examples.checkIns("2027-01-15,acme/grow/revenue,5.2\n"),
      Examples.checkIns("2027-01-15" + String(repeating: ",", count: 10_000) + "\n"),
      Examples.checkIns(String(repeating: "2027-01-15,acme/grow/rev\"enue,5.2,0.8,,ann\n", count: CSV.maxErrors)),
      RuleExample(
        files: ["plan.yaml": Examples.company, "checkins.csv": "date,kr,value\n2027-01-15,acme/grow/revenue,5.2\n"],
        line: ("checkins.csv", 1)),
      RuleExample(files: ["plan.yaml": Examples.company, "checkins.csv": "\n\n"], line: ("checkins.csv", 1)),
    ],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,0.8,\"quoted, with comma\",ann\n")])
  /// Reported while check-ins are read (`CheckInLog`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// Only blank lines: a check-in appended now would become the header.
  public static func noHeader(_ header: String) -> Message {
    Message(
      en: "the file has no header: its first line must be \(header)",
      zh: "文件没有表头：第一行必须是 \(header)")
  }

  public static func wrongHeader(_ header: String) -> Message {
    Message(en: "the header must be \(header)", zh: "表头必须是 \(header)")
  }

  public static func fieldCount(expected: Int, found: Int) -> Message {
    Message(
      en: "expected \(expected) fields (as in the header), found \(found)",
      zh: "这一行有 \(found) 个字段，表头有 \(expected) 个：两者应一致")
  }

  public static let unterminatedQuote = Message(
    en: "unterminated quoted field: the quote opened here is never closed",
    zh: "引号没有闭合：从这里开始的带引号字段一直没有结束引号")

  public static let quoteInUnquotedField = Message(
    en: "'\"' inside an unquoted field; quote the whole field and double inner quotes",
    zh: "未加引号的字段中出现了双引号「\"」：请用双引号括起整个字段，并把字段里的每个双引号写两遍")

  /// `what` is ``character(_:)``'s description of what follows the closing quote.
  public static func characterAfterClosingQuote(_ what: Message) -> Message {
    Message(en: "unexpected ", zh: "结束引号后出现了") + what
      + Message(
        en: " after closing quote; expected ',' or end of line", zh: "：这里只能是逗号「,」或换行")
  }

  /// A short, safe description of one character: `'x'`, a space, a control character, or a
  /// non-ASCII character (never the character itself, which may be invisible or hostile).
  public static func character(printable: Character?, byte: UInt8) -> Message {
    let hex = CSV.hex(byte)
    if let printable { return Message(en: "'\(printable)'", zh: "「\(printable)」") }
    if byte == UInt8(ascii: " ") { return Message(en: "space", zh: "空格") }
    if byte < 0x80 { return Message(en: "control character 0x\(hex)", zh: "控制字符 0x\(hex)") }
    return Message(en: "non-ASCII character", zh: "非 ASCII 字符")
  }

  public static func invalidUTF8(_ byte: UInt8) -> Message {
    Message(
      en: "invalid UTF-8 byte 0x\(CSV.hex(byte))",
      zh: "无效的 UTF-8 字节 0x\(CSV.hex(byte))：请以 UTF-8 编码保存文件")
  }

  public static func tooManyFields(_ limit: Int) -> Message {
    Message(en: "record has more than \(limit) fields", zh: "这一行的字段超过 \(limit) 个")
  }

  public static let tooManyErrors = Message(
    en: "too many errors; parsing stopped", zh: "错误太多，已停止解析")
}
