public struct YAMLSyntaxRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "yaml-syntax", category: .structure, severity: .error,
    summary: "The file is not well-formed YAML (or uses aliases, which plans do not allow).",
    triggering: [
      RuleExample("unit: acme\nname: [Acme\n", line: 3),
      RuleExample("unit: acme\n\tname: Acme\n", line: 2),
      RuleExample("base: &b {x: 1}\nunit: *b\n", line: 2),
      RuleExample("unit: acme\nname: \"Acme \\q\"\n", line: 2),
      RuleExample("unit: acme\nname: Acme: Corp\n", line: 2),
      RuleExample("unit: acme\nname: Acme\n  level: company\n", line: 3),
      RuleExample("unit: acme\nname: {a: 1, b\n", line: 3),
      RuleExample("unit: acme\nname: `Acme`\n", line: 2),
      RuleExample("unit: acme\nname: Acme\u{2028}: x\nlevel: company\n", line: 2),
      RuleExample("unit: acme\nname: Acme\u{7}\n", line: 2),
      RuleExample("unit: acme\nname: Acme\u{0}\n", line: 2),
      // Full-width characters where YAML needs ASCII ones.
      RuleExample("unit: acme\nname: Acme\nlevel: company\nowner：马丽\ncycle: 2027\n", line: 4),
      RuleExample("unit: acme\nname:\u{3000}Acme\nlevel: company\ncycle: 2027\n", line: 2),
      RuleExample("unit: acme\nname: Acme\nlevel: company\ncycle: {start: 2027-01-01，end: 2027-03-31}\n", line: 4),
      RuleExample(
        "unit: acme\nname: Acme\nlevel: company\ncycle: 2027\nobjectives:\n  - id: grow\n\u{3000}\u{3000}title: Grow\n",
        line: 7),
      RuleExample(
        "unit: acme\nname: Acme\nlevel: company\ncycle: 2027\nobjectives:\n  － id: grow\n    title: Grow\n", line: 6),
    ],
    nonTriggering: [
      RuleExample(Examples.company),
      RuleExample("unit: acme\nname: 星辰科技：总部\u{3000}北京\nlevel: company\nowner: 马丽，王芳\ncycle: 2027\n"),
    ])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static let parserCouldNotStart = Message(
    en: "the YAML parser could not start (out of memory?); the file was not read",
    zh: "YAML 解析器无法启动（可能是内存不足），未读取该文件")

  static let alias = Message(
    en: "YAML aliases (*name) are not allowed in plans; write the value out",
    zh: "计划中不能使用 YAML 别名（*name），请直接写出值")

  static func notUTF8(_ problem: String) -> Message {
    Message(
      en: "the file is not valid UTF-8 (\(problem))",
      zh: "文件不是有效的 UTF-8 文本（\(libyamlZh(problem))），请用 UTF-8 编码保存")
  }

  static let nulByte = Message(
    en: "the file contains a NUL byte; plans are UTF-8 text, is this a binary file?",
    zh: "文件中有空字节（U+0000）。计划应是 UTF-8 文本，这是不是二进制文件？")

  static func readerProblem(_ problem: String, character: String) -> Message {
    Message(
      en: "\(problem) (character U+\(character))",
      zh: "\(libyamlZh(problem))（字符 U+\(character)），请删除它")
  }

  /// libyaml's own problem and context, in English as libyaml says it; in Chinese from the
  /// known strings, else quoted in a Chinese frame.
  static func libyaml(problem: String, context: String?, tab: Bool) -> Message {
    var en = problem
    if let context { en += " \(context)" }
    var zh = "YAML 语法错误：" + (context.map(libyamlContextZh) ?? "") + libyamlZh(problem)
    if tab {
      en += " (a tab: YAML indentation must use spaces)"
      zh += "。YAML 只能用空格缩进，请把制表符（Tab）换成空格"
    }
    return Message(en: en, zh: zh)
  }

  /// A line separator (U+2028, U+2029, U+0085) that libyaml reads as a line break.
  static func lineBreakCharacter(name: String, zhName: String, escape: String) -> Message {
    Message(
      en: "\(name) here is read as a line break by the YAML parser and breaks the file; "
        + "delete it or replace it with a space (in a double-quoted string, write \(escape) to keep it)",
      zh: "这里的\(zhName)会被 YAML 解析器当作换行，导致文件无法读取。请删除它或换成空格"
        + "（如需保留，请放在双引号字符串中并写成 \(escape)）")
  }

  /// A full-width character typed where YAML needs its ASCII counterpart.
  static func fullWidth(_ c: FullWidthCharacter, at mark: Mark, example: String? = nil) -> Message {
    let at = "line \(mark.line), column \(mark.column)"
    let zhAt = "第 \(mark.line) 行第 \(mark.column) 列"
    switch c {
    case .colon:
      return Message(
        en: "full-width colon '：' (U+FF1A) at \(at): YAML needs an ASCII colon followed by a space, "
          + "as in '\(example ?? "owner: 马丽")'",
        zh: "\(zhAt)是全角冒号「：」（U+FF1A）。YAML 需要半角冒号加空格，例如「\(example ?? "owner: 马丽")」")
    case .comma:
      return Message(
        en: "full-width comma '，' (U+FF0C) at \(at): separate items in [...] or {...} "
          + "with an ASCII comma and a space ', '",
        zh: "\(zhAt)是全角逗号「，」（U+FF0C）。方括号或花括号中的各项要用半角逗号加空格「, 」分隔")
    case .ideographicSpace:
      return Message(
        en: "ideographic space (U+3000) at \(at): YAML needs ASCII spaces for indentation and after ':'",
        zh: "\(zhAt)是全角空格（U+3000）。YAML 的缩进和冒号后面都只能用半角空格")
    case .minus:
      return Message(
        en: "full-width hyphen '－' (U+FF0D) at \(at): start a list item with an ASCII '-' followed by a space",
        zh: "\(zhAt)是全角减号「－」（U+FF0D）。列表项要以半角「-」加空格开头")
    }
  }

  // MARK: - libyaml's texts in Chinese

  static func libyamlZh(_ problem: String) -> String {
    problemsZh[problem] ?? quotedZh(problem, limit: 120)
  }

  static func libyamlContextZh(_ context: String) -> String {
    contextsZh[context].map { $0 + "，" } ?? "（\(quotedZh(context, limit: 80))）"
  }

  static let problemsZh: [String: String] = [
    // scanner
    "could not find expected ':'": "找不到应有的冒号「:」（每个字段都写成「字段名: 值」）",
    "did not find expected ',' or ']'": "缺少逗号「,」或右方括号「]」",
    "did not find expected ',' or '}'": "缺少逗号「,」或右花括号「}」",
    "found character that cannot start any token": "这里的字符不能作为值的开头（以 @ 或 ` 开头的值请加引号）",
    "mapping values are not allowed in this context": "这里不能再出现「: 」（值里含有「: 」时，请给整个值加引号）",
    "found a tab character that violates indentation": "缩进中有制表符（Tab）",
    "found a tab character where an indentation space is expected": "这里应使用空格缩进，却是制表符（Tab）",
    "found unknown escape character": "双引号字符串中有无法识别的转义字符（反斜杠「\\」后的字符）",
    "found invalid Unicode character escape code": "双引号字符串中的 Unicode 转义码无效",
    "did not find expected hexdecimal number": "转义中缺少十六进制数字",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found unexpected ':'": "出现了多余的冒号「:」",
    "found unexpected document indicator": "出现了意外的文档分隔符（「---」或「...」）",
    "did not find expected comment or line break": "这里应是注释或换行",
    "did not find expected whitespace or line break": "这里应是空格或换行",
    "did not find expected whitespace": "这里应是空格",
    "did not find expected alphabetic or numeric character": "这里应是字母或数字",
    "found an indentation indicator equal to 0": "多行文本的缩进指示不能为 0",
    "block sequence entries are not allowed in this context": "这里不能开始列表项「-」（缩进可能不对）",
    "mapping keys are not allowed in this context": "这里不能出现字段名",
    "did not find expected tag URI": "标签不完整",
    "did not find URI escaped octet": "标签中的转义字节不完整",
    "did not find expected '!'": "缺少「!」",
    "did not find the expected '>'": "缺少「>」",
    "found undefined tag handle": "标签前缀没有定义",
    "found unknown directive name": "无法识别的指令",
    "did not find expected directive name": "缺少指令名",
    "found extremely long version number": "版本号过长",
    "did not find expected digit or '.' character": "版本号中应是数字或「.」",
    "found incompatible YAML document": "YAML 版本不兼容",
    "found duplicate %YAML directive": "重复的 %YAML 指令",
    "found duplicate %TAG directive": "重复的 %TAG 指令",
    "anchor value must contain alphanumerical characters only": "锚点名只能包含字母和数字",
    "anchor value must not be empty": "锚点名不能为空",
    "alias value must contain alphanumerical characters only": "别名只能包含字母和数字",
    "alias value must not be empty": "别名不能为空",
    // parser
    "did not find expected key": "缺少应有的字段名（缩进可能不对）",
    "did not find expected node content": "缺少应有的值",
    "did not find expected '-' indicator": "缺少列表符号「-」（缩进可能不对）",
    "did not find expected <document start>": "缺少文档开始标记「---」",
    "did not find expected <stream-start>": "文件开头无法读取",
    // reader
    "control characters are not allowed": "文件中不能有控制字符",
    "invalid leading UTF-8 octet": "UTF-8 首字节无效",
    "incomplete UTF-8 octet sequence": "UTF-8 字节序列不完整",
    "invalid trailing UTF-8 octet": "UTF-8 后续字节无效",
    "invalid length of a UTF-8 sequence": "UTF-8 序列长度无效",
    "invalid Unicode character": "无效的 Unicode 字符",
    "input is too long": "文件过长",
  ]

  static let contextsZh: [String: String] = [
    "while scanning a simple key": "读取字段名时",
    "while parsing a block mapping": "读取「字段名: 值」时",
    "while parsing a block collection": "读取列表时",
    "while parsing a flow sequence": "读取方括号列表「[...]」时",
    "while parsing a flow mapping": "读取花括号「{...}」时",
    "while parsing a block node": "读取值时",
    "while parsing a flow node": "读取值时",
    "while parsing a node": "读取值时",
    "while scanning a plain scalar": "读取未加引号的值时",
    "while scanning a quoted scalar": "读取带引号的值时",
    "while parsing a quoted scalar": "读取带引号的值时",
    "while scanning a block scalar": "读取多行文本（| 或 >）时",
    "while scanning for the next token": "读取下一项内容时",
    "while scanning an alias": "读取别名时",
    "while scanning an anchor": "读取锚点时",
    "while scanning a tag": "读取标签时",
    "while parsing a tag": "读取标签时",
    "while scanning a directive": "读取指令时",
    "while scanning a %YAML directive": "读取 %YAML 指令时",
    "while scanning a %TAG directive": "读取 %TAG 指令时",
    "while parsing a %TAG directive": "读取 %TAG 指令时",
    "while scanning a tag directive": "读取 %TAG 指令时",
    "while parsing a tag directive": "读取 %TAG 指令时",
  ]
}
