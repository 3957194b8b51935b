public struct CheckInFileRule: Rule {
  public init() {}
  public static let description = RuleDescription(
    id: "checkin-file", category: .checkins, severity: .error,
    summary:
      "A checkins.csv nothing reads: one below the plan's root (check-ins are read only from the root's), or one that is a folder or a FIFO.",
    triggering: [
      RuleExample(
        files: [
          "plan.yaml": Examples.company,
          "sales/checkins.csv":
            "date,key_result,value,confidence,note,author\n2027-01-15,acme/grow/revenue,5.2,,,ann\n",
        ], line: ("sales/checkins.csv", 1)),
      // checkins.csv is a folder.
      RuleExample(files: ["plan.yaml": Examples.company, "checkins.csv/notes.txt": "x\n"]),
    ],
    nonTriggering: [Examples.checkIns("2027-01-15,acme/grow/revenue,5.2,,,ann\n")])
  /// Reported while the plan is loaded (`PlanLoader`, `PlanRoot`).
  public func check(_ plan: PlanIndex, _ findings: inout Findings) {}

  // MARK: - Messages

  /// A checkins.csv below the root (or in a second folder given).
  public static func stray(rootFile: String) -> Message {
    Message(
      en:
        "nothing reads this file: a plan's check-ins are read only from \(quoted(rootFile, limit: 200)) at its root; move these rows there",
      zh: "没有命令会读取这个文件：计划的进展更新只从根目录的\(quotedZh(rootFile, limit: 200))读取，请把这些行移到那里")
  }

  /// checkins.csv at the root is a folder, or a FIFO, socket or device.
  public static func notARegularFile(folder: Bool) -> Message {
    folder
      ? Message(
        en: "checkins.csv is a folder, so no check-in can be read from it or written to it",
        zh: "checkins.csv 是一个文件夹，无法从中读取进展更新，也无法写入")
      : Message(
        en:
          "checkins.csv is not a regular file (a FIFO, socket or device), so no check-in can be read from it or written to it",
        zh: "checkins.csv 不是普通文件（而是命名管道、套接字或设备），无法从中读取进展更新，也无法写入")
  }
}
