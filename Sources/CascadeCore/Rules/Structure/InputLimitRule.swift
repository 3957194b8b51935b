public struct InputLimitRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "input-limit", category: .structure, severity: .error,
    summary: "The file exceeds a safety limit: over 16 MiB, nesting deeper than 32 levels, or a value over 64 KiB.",
    triggering: [
      RuleExample(
        "unit: acme\nname: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n", line: 2),
      RuleExample(
        "unit: acme\nname: " + String(repeating: "x", count: 70_000) + "\nlevel: company\ncycle: 2027\n", line: 2),
    ],
    nonTriggering: [RuleExample(Examples.company)])
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  static func nestingTooDeep(_ limit: Int) -> Message {
    Message(
      en: "nesting is deeper than \(limit) levels; the rest of the file is skipped",
      zh: "嵌套超过 \(limit) 层，文件其余部分已跳过")
  }

  static func valueTooLong(_ length: Int, limit: Int) -> Message {
    Message(
      en: "a value of \(length) bytes is longer than the limit of \(limit)",
      zh: "这个值有 \(length) 字节，超过了 \(limit) 字节的上限")
  }

  static func fileTooLarge(mebibytes: Int) -> Message {
    Message(
      en: "the file is larger than \(mebibytes) MiB, the limit for a plan file",
      zh: "文件超过 \(mebibytes) MiB，超出了计划文件的大小上限")
  }
}
