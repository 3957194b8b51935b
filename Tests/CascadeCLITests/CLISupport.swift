import Foundation
import Testing

/// Runs the built `cascade` executable and captures what it prints and its exit status.
struct CLIRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  static let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
    }
    return FileManager.default.currentDirectoryPath
  }()

  /// The `cascade` binary next to the test bundle (SwiftPM puts all products in one folder).
  static let executable: String = {
    let fm = FileManager.default
    var candidates: [String] = []
    if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append((exe as NSString).deletingLastPathComponent + "/cascade")
    }
    candidates.append((CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/cascade")
    candidates.append(repositoryRoot + "/.build/debug/cascade")
    return candidates.first { fm.isExecutableFile(atPath: $0) } ?? candidates[candidates.count - 1]
  }()

  @discardableResult
  /// Runs `program` (the built `cascade` unless told otherwise, e.g. `/bin/bash` for a pipeline).
  static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: Data? = nil,
    program: String = executable
  ) throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    // The language comes from the locale: tests say which they want.
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { env.removeValue(forKey: name) }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = input.map { _ in Pipe() }
    process.standardInput = stdin ?? FileHandle.nullDevice
    try process.run()
    if let stdin, let input {
      // Written from another thread: a child that reads slowly must not block the pipes' readers.
      let writer = stdin.fileHandleForWriting
      DispatchQueue.global().async {
        writer.write(input)
        try? writer.close()
      }
    }
    // Read both pipes concurrently so a full pipe never blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CLIRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "cascade-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
