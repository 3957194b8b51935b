import CascadeCore
import Foundation

/// A temporary plan folder, removed when the value is released.
public final class TemporaryPlan {
  public let root: String

  public init(_ files: [String: String]) throws {
    root = NSTemporaryDirectory() + "cascade-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (name, text) in files { try write(name, Data(text.utf8)) }
  }

  public convenience init(yaml: String) throws { try self.init(["plan.yaml": yaml]) }

  public func write(_ name: String, _ data: Data) throws {
    let path = root + "/" + name
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: path))
  }

  public func path(_ name: String) -> String { root + "/" + name }

  public func lint() throws -> LintResult { try Linter.validate(paths: [root]) }

  deinit { try? FileManager.default.removeItem(atPath: root) }
}

public func lint(_ yaml: String) throws -> LintResult { try TemporaryPlan(yaml: yaml).lint() }

public func lint(bytes: [UInt8]) throws -> LintResult {
  let plan = try TemporaryPlan([:])
  try plan.write("plan.yaml", Data(bytes))
  return try plan.lint()
}

extension LintResult {
  public func rules() -> Set<String> { Set(diagnostics.map(\.rule)) }
  public func first(_ rule: String) -> Diagnostic? { diagnostics.first { $0.rule == rule } }
}

/// The repository root, found from this file's location.
public let repositoryRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
  }
  return FileManager.default.currentDirectoryPath
}()
