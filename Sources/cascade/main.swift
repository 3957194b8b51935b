import ArgumentParser
import CascadeCore

#if canImport(Glibc)
  import Glibc
#endif

// Exit statuses: 0 clean, 1 errors in the plan, 2 usage or I/O failure (ArgumentParser's
// own usage status 64 is mapped to 2 so scripts see one convention).
do {
  var command = try CascadeCommand.parseAsRoot()
  try command.run()
} catch let failure as CLIFailure {
  Terminal.standardError(failure.message)
  exit(2)
} catch {
  let code = CascadeCommand.exitCode(for: error)
  if code == .validationFailure {
    Terminal.standardError(CascadeCommand.fullMessage(for: error))
    exit(2)
  }
  CascadeCommand.exit(withError: error)
}
