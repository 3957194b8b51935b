import CascadeCore

/// GitHub Actions workflow commands, one per diagnostic, so that a pull request shows each
/// problem on its line: `::error file=F,line=L,col=C,title=cascade: RULE::MESSAGE` (errors,
/// warnings as `::warning`, infos as `::notice`), then the summary as a plain line. The file is
/// the path as Cascade was given it: run it from the repository's root with a relative path.
///
/// Escaped as the runner reads them back: `%`, CR and LF in the message; also `:` and `,` in the
/// properties. Every other invisible character is shown as with ``visible(_:)``, so a plan's
/// text cannot start a workflow command of its own (`::add-mask::`, `::stop-commands::`).
public struct GitHubDiagnosticFormatter: DiagnosticFormatter {
  public init() {}

  public func format(_ result: LintResult, _ p: Presentation) -> String {
    var out = ""
    for d in result.diagnostics {
      let command =
        switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
      var properties = ["file=\(Self.property(d.location.file))"]
      if d.location.line > 0 {
        properties += ["line=\(d.location.line)", "col=\(max(1, d.location.column))"]
      }
      properties.append("title=\(Self.property("cascade: " + d.rule))")
      out += "::\(command) \(properties.joined(separator: ","))::\(Self.data(p(d.message)))\n"
    }
    out += p(TextDiagnosticFormatter.summaryLine(result.summary)) + "\n"
    return out
  }

  static func data(_ text: String) -> String {
    var out = ""
    for c in visible(text).unicodeScalars {
      switch c {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  static func property(_ text: String) -> String {
    var out = ""
    for c in data(text).unicodeScalars {
      switch c {
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}

/// A GitLab code-quality report (the `codequality` artifact of a job): a JSON array with one
/// issue per diagnostic. `fingerprint` stays the same while the problem does (rule, file,
/// subject and message, not the line), so a merge request shows what it adds or fixes.
public struct GitLabDiagnosticFormatter: DiagnosticFormatter {
  public init() {}

  public func format(_ result: LintResult, _ p: Presentation) -> String {
    var seen: [String: Int] = [:]
    var w = JSONWriter()
    w.array(result.diagnostics) { w, d in
      // The message in English, whatever the language shown: the same problem keeps its
      // fingerprint when a teammate's locale differs.
      var key = [d.rule, d.location.file, d.subject ?? "", d.message.en].joined(separator: "\u{0}")
      let n = seen[key, default: 0]
      seen[key] = n + 1
      if n > 0 { key += "\u{0}\(n)" }
      w.object { w in
        w.field("description", p(d.message))
        w.field("check_name", d.rule)
        w.field("fingerprint", Fingerprint.hex(key))
        let severity =
          switch d.severity {
          case .error: "major"
          case .warning: "minor"
          case .info: "info"
          }
        w.field("severity", severity)
        w.key("location")
        w.object { w in
          w.field("path", d.location.file)
          w.key("lines")
          w.object { w in w.field("begin", max(1, d.location.line)) }
        }
      }
    }
    return w.outputLine()
  }
}

/// SARIF 2.1.0 (what GitHub code scanning and other tools read): one run, the tool with every
/// rule (its id, summary, default level, category and a link to its section of the README),
/// and one result per diagnostic with its file, line and column.
public struct SARIFDiagnosticFormatter: DiagnosticFormatter {
  /// Where each rule's help link points: this, then `#<rule-id>` (the README's rule reference
  /// has a section per rule).
  public var helpBase: String

  public init(helpBase: String = Self.defaultHelpBase) { self.helpBase = helpBase }

  public static let defaultHelpBase = "README.md"

  public func format(_ result: LintResult, _ p: Presentation) -> String {
    let rules = RuleRegistry.all.map(\.description)
    var ruleIndex: [String: Int] = [:]
    for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
    var w = JSONWriter()
    w.object { w in
      w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
      w.field("version", "2.1.0")
      w.key("runs")
      w.array(CollectionOfOne(())) { w, _ in
        w.object { w in
          w.key("tool")
          w.object { w in
            w.key("driver")
            w.object { w in
              w.field("name", "Cascade")
              w.field("informationUri", helpBase)
              w.key("rules")
              w.array(rules) { w, r in
                w.object { w in
                  w.field("id", r.id)
                  w.key("shortDescription")
                  w.object { w in w.field("text", r.summary) }
                  w.field("helpUri", "\(helpBase)#\(r.id)")
                  w.key("defaultConfiguration")
                  w.object { w in w.field("level", Self.level(r.severity)) }
                  w.key("properties")
                  w.object { w in
                    w.key("tags")
                    w.array([r.category.rawValue]) { w, t in w.value(t) }
                  }
                }
              }
            }
          }
          w.key("results")
          w.array(result.diagnostics) { w, d in
            w.object { w in
              w.field("ruleId", d.rule)
              if let i = ruleIndex[d.rule] { w.field("ruleIndex", i) }
              w.field("level", Self.level(d.severity))
              w.key("message")
              w.object { w in w.field("text", p(d.message)) }
              w.key("locations")
              w.array(CollectionOfOne(())) { w, _ in
                w.object { w in
                  w.key("physicalLocation")
                  w.object { w in
                    w.key("artifactLocation")
                    w.object { w in w.field("uri", Self.uri(d.location.file)) }
                    if d.location.line > 0 {
                      w.key("region")
                      w.object { w in
                        w.field("startLine", d.location.line)
                        w.field("startColumn", max(1, d.location.column))
                      }
                    }
                  }
                }
              }
              if let subject = d.subject {
                w.key("properties")
                w.object { w in w.field("subject", subject) }
              }
            }
          }
        }
      }
    }
    return w.outputLine()
  }

  static func level(_ s: Severity) -> String {
    switch s {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  /// A file path as a URI reference: `/` kept, every byte outside the unreserved set
  /// percent-encoded (spaces, `#`, `%`, non-ASCII).
  static func uri(_ path: String) -> String {
    var out = ""
    for b in path.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = String(b, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}

/// A stable 128-bit hash as hex (two FNV-1a 64-bit hashes with different offsets): the same
/// text gives the same fingerprint on every machine and every run.
enum Fingerprint {
  static func hex(_ text: String) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142
    for byte in text.utf8 {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = b ^ (b >> 29)
    }
    func pad(_ v: UInt64) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return pad(a) + pad(b)
  }
}
