// The fuzz target. Built two ways:
//
// - with libFuzzer (`bash .ci/fuzz`, which passes `-sanitize=fuzzer,address` and
//   `-D CASCADE_LIBFUZZER`): libFuzzer supplies `main` and calls `LLVMFuzzerTestOneInput` with
//   each input; a broken promise aborts, so the fuzzer saves the input as a crash;
// - as a plain program (every ordinary build, so it always compiles): replays files given as
//   arguments, e.g. a crash the fuzzer saved, and prints what broke.
//
// CASCADE_FUZZ_TARGET chooses what the bytes are: plan (default), checkins or label.
// CASCADE_FUZZ_RENDER=1 also lays plans out with Graphviz (slower, finds label problems).
import CascadeFuzz
import Foundation

enum Settings {
  static let target: FuzzTarget =
    ProcessInfo.processInfo.environment["CASCADE_FUZZ_TARGET"].flatMap(FuzzTarget.init)
    ?? .plan
  static let render = ProcessInfo.processInfo.environment["CASCADE_FUZZ_RENDER"] == "1"
}

#if CASCADE_LIBFUZZER
  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// SwiftPM links an executable's entry point under this name (so that tests can link the
  /// module); hand control to libFuzzer's driver from here.
  @_cdecl("cascade_fuzz_main")
  func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOne)
  }

  @_cdecl("LLVMFuzzerTestOneInput")
  func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = FuzzHarness.run(Settings.target, bytes, render: Settings.render)
    if !problems.isEmpty {
      FileHandle.standardError.write(
        Data(("cascade-fuzz: " + problems.joined(separator: "\ncascade-fuzz: ") + "\n").utf8))
      abort()
    }
    return 0
  }
#else
  @main
  struct Replay {
    static func main() {
      var failed = false
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          print("\(path): cannot read")
          failed = true
          continue
        }
        let problems = FuzzHarness.run(Settings.target, Array(data), render: Settings.render)
        print("\(path): " + (problems.isEmpty ? "ok" : problems.joined(separator: "\n  ")))
        failed = failed || !problems.isEmpty
      }
      exit(failed ? 1 : 0)
    }
  }
#endif
