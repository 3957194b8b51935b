import Foundation

/// A run of the built `cascade` with a time limit, telling a trap (signal) from an exit.
struct LimitedRun {
  var status: Int32
  var signalled: Bool
  var timedOut: Bool
  var stdout: String
  var stderr: String
}

extension CLI {
  /// Runs `cascade` with `arguments`, killing it after `seconds`. Output is read as it comes (a
  /// full pipe never blocks the child) and kept up to 64 MB per stream.
  static func runLimited(_ arguments: [String], seconds: TimeInterval) throws -> LimitedRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env["USER"] = "mutation-test"
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    for (pipe, target) in [(out, 0), (err, 1)] {
      group.enter()
      DispatchQueue.global().async {
        var data = Data()
        while true {
          let chunk = pipe.fileHandleForReading.availableData
          if chunk.isEmpty { break }
          if data.count < 64 * 1024 * 1024 { data.append(chunk) }
        }
        if target == 0 { outData = data } else { errData = data }
        group.leave()
      }
    }
    let deadline = DispatchTime.now() + seconds
    var timedOut = false
    while process.isRunning {
      if DispatchTime.now() > deadline {
        timedOut = true
        process.terminate()
        kill(process.processIdentifier, SIGKILL)
        break
      }
      usleep(2_000)
    }
    process.waitUntilExit()
    group.wait()
    return LimitedRun(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
