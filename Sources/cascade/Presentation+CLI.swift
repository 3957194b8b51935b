import ArgumentParser
import CascadeCore
import CascadeReport

#if canImport(Glibc)
  import Glibc
#endif

extension Language: ExpressibleByArgument {}

/// `--color auto|always|never`.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
  case auto, always, never
}

/// `--lang en|zh` and `--color`, shared by every command that writes for people.
struct LanguageOption: ParsableArguments {
  @Option(
    help:
      "Language of what is written for people: en or zh (default: the plan's 'language:', else LC_ALL, LC_MESSAGES, LANG)."
  )
  var lang: Language?

  @Option(
    help:
      "Colour in text output: auto (when stdout is a terminal and NO_COLOR is unset), always (CI logs), never.")
  var color: ColorChoice = .auto

  /// Whether text output is coloured.
  var colour: Bool {
    switch color {
    case .auto: Terminal.useColour
    case .always: true
    case .never: false
    }
  }

  /// `--lang`, else the plan's `language:`, else the locale's, else English.
  func language(plan configuration: Configuration? = nil) -> Language {
    lang ?? configuration?.language ?? Self.fromEnvironment()
  }

  /// The first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides, as POSIX
  /// has it: any `zh*` gives Chinese, everything else English.
  static func fromEnvironment() -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = getenv(name), value.pointee != 0 else { continue }
      return Language(locale: String(cString: value)) == .zh ? .zh : .en
    }
    return .en
  }

  /// How to write for this run: the language, and ANSI colour when stdout is a terminal.
  func presentation(plan configuration: Configuration? = nil, colour: Bool? = nil) -> Presentation {
    Presentation(language: language(plan: configuration), style: (colour ?? self.colour) ? ANSIStyle() : PlainStyle())
  }
}

/// Colour on a terminal: bold red errors, yellow warnings, cyan infos; green, yellow, red and
/// grey statuses.
struct ANSIStyle: Styling {
  func severity(_ text: String, _ severity: Severity) -> String {
    let code =
      switch severity {
      case .error: "1;31"
      case .warning: "1;33"
      case .info: "1;36"
      }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  func status(_ text: String, _ status: Status) -> String {
    let code =
      switch status {
      case .done, .onTrack: "32"
      case .atRisk: "33"
      case .offTrack: "31"
      case .notStarted: "90"
      }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension StatusFormat: ExpressibleByArgument {}
