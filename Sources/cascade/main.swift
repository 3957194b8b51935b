import ArgumentParser
import CascadeCore
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

// Past a file-size limit (ulimit -f), a write fails with EFBIG instead of killing the
// process: that way a failed check-in can still put checkins.csv back as it was.
signal(SIGXFSZ, SIG_IGN)
// A reader that stops early (`cascade status | head`) is not a crash: writes then fail with
// EPIPE, which Terminal.write takes as the end of the output.
signal(SIGPIPE, SIG_IGN)

// CASCADE_TIMINGS: each phase's wall time, the resident memory after it and the most held so
// far, on stderr.
if let value = getenv("CASCADE_TIMINGS"), value.pointee != 0 {
  Timings.install { label, seconds in
    let ms = NumberFormat.clampedInt((seconds * 1000).rounded(), in: 0...Int(Int32.max))
    Terminal.standardError(
      "cascade timing: \(label) \(ms) ms, resident \((ResidentMemory.bytes() ?? 0) / 1_000_000) MB, "
        + "peak \((ResidentMemory.peakBytes() ?? 0) / 1_000_000) MB")
  }
}

// Exit statuses: 0 clean, 1 errors in the plan, 2 usage or I/O failure (ArgumentParser's
// own usage status 64 is mapped to 2 so scripts see one convention).
do {
  var command = try CascadeCommand.parseAsRoot()
  try command.run()
} catch let failure as CLIFailure {
  for line in failure.lines { Terminal.standardError(Terminal.shortenArguments(in: line)) }
  exit(2)
} catch {
  let code = CascadeCommand.exitCode(for: error)
  // ArgumentParser repeats the offending value whole: cut long arguments first, so that the
  // line says which option was wrong however long the value, and show controls visibly.
  func firstLine() -> String {
    Terminal.shortenArguments(in: CascadeCommand.message(for: error)).split(separator: "\n").first.map(String.init)
      ?? ""
  }
  if code == .validationFailure {
    // One line: what was wrong and where to read more (the full usage is in --help).
    let message = firstLine()
    Terminal.standardError("cascade: \(message.isEmpty ? "invalid usage" : message) (see 'cascade --help')")
    exit(2)
  }
  if code != .success, !(error is ExitCode) {
    Terminal.standardError("cascade: \(firstLine())")
    exit(code.rawValue)
  }
  CascadeCommand.exit(withError: error)
}
