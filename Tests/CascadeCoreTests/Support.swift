import CascadeCore
import Foundation

/// A temporary plan folder, removed when the value is released.
final class TemporaryPlan {
  let root: String

  init(_ files: [String: String]) throws {
    root = NSTemporaryDirectory() + "cascade-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (name, text) in files { try write(name, Data(text.utf8)) }
  }

  convenience init(yaml: String) throws { try self.init(["plan.yaml": yaml]) }

  func write(_ name: String, _ data: Data) throws {
    let path = root + "/" + name
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: path))
  }

  func path(_ name: String) -> String { root + "/" + name }

  func lint() throws -> LintResult { try Linter.validate(paths: [root]) }

  deinit { try? FileManager.default.removeItem(atPath: root) }
}

func lint(_ yaml: String) throws -> LintResult { try TemporaryPlan(yaml: yaml).lint() }

func lint(bytes: [UInt8]) throws -> LintResult {
  let plan = try TemporaryPlan([:])
  try plan.write("plan.yaml", Data(bytes))
  return try plan.lint()
}

extension LintResult {
  func rules() -> Set<String> { Set(diagnostics.map(\.rule)) }
  func first(_ rule: String) -> Diagnostic? { diagnostics.first { $0.rule == rule } }
}

/// The repository root, found from this file's location.
let repositoryRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
  }
  return FileManager.default.currentDirectoryPath
}()
