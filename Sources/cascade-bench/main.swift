// cascade-bench: wall time and peak memory of Cascade's main jobs on generated organisations.
//
//   cascade-bench [--people 1000,10000,100000] [--runs 3] [--work DIR] [--split-people 10000]
//                 [--chains 1000,10000] [--render-people 290] [--serve-people 1000,10000]
//                 [--history-people 10000] [--checkins-per-kr 13]
//   cascade-bench --corpus Tests/Corpus/key-results.tsv [--missed]
//
// Every measured step runs in a child process of its own (this binary with `phase ...`, or the
// `cascade` binary next to it), so its peak memory (ru_maxrss from wait4) is its own and no
// warm heap carries over. Times are the median of --runs; memory is the largest seen.
import CYAML
import CascadeCore
import CascadeGenerate
import CascadeSystem

#if canImport(Glibc)
  import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "phase", arguments.count == 3 {
  exit(Phase.run(arguments[1], directory: arguments[2]))
}

func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return arguments[i + 1]
}

// The wording rules on the labelled corpus of published key results: figures, not times.
if let path = option("--corpus") {
  do {
    let corpus = try Corpus(tsv: String(decoding: try FileSystem.read(path), as: UTF8.self))
    print("Corpus: \(corpus.rows.count) key results from \(Set(corpus.rows.map(\.source)).count) sources\n")
    print(
      "| Rows | kr-vague-wording recall | flags measurable | kr-activity precision | kr-activity recall | kr-no-target suggestion |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for (name, prefix) in [("English", "en"), ("Chinese", "zh"), ("simplified", "zh-hans"), ("traditional", "zh-hant")]
    {
      let f = corpus.figures(prefix)
      print(
        "| \(name) (\(corpus.rows.filter { $0.language.hasPrefix(prefix) }.count)) | \(f.vagueRecall) | \(f.falsePositives) "
          + "| \(f.activityPrecision) | \(f.activityRecall) | \(f.targetAccuracy) |")
      if arguments.contains("--missed") {
        let byID = Dictionary(corpus.rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (what, ids) in f.missed.sorted(by: { $0.key < $1.key }) {
          print("  \(name) missed \(what):")
          for id in ids {
            guard let row = byID[id] else { continue }
            let suggested =
              Wording.target(in: row.title).map { "\($0.text) = \($0.value.map { String($0) } ?? "–")" } ?? "none"
            print("    \(id) [\(row.target)] suggests \(suggested): \(row.title.prefix(140))")
          }
        }
      }
    }
    exit(0)
  } catch {
    print("cascade-bench: \(error)")
    exit(2)
  }
}

let peopleCounts = (option("--people") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let runs = max(1, Int(option("--runs") ?? "3") ?? 3)
let work = option("--work") ?? "/tmp/cascade-bench"
let splitPeople = Int(option("--split-people") ?? "10000") ?? 10000
let selfPath = Executable.path
let cascade = FileSystem.join(FileSystem.dirname(selfPath), "cascade")

print("Machine: \(Machine.description)")
print("Runs per figure: \(runs) (median time, largest peak memory)\n")
var rows: [String] = []

/// `command` run `runs` times in a child: the median time and the largest peak memory.
func measureRuns(_ label: String, _ command: [String]) -> Measurement {
  var times: [Double] = []
  var peak = 0
  var status: Int32 = 0
  for _ in 0..<runs {
    let m = Child.run(command)
    times.append(m.seconds)
    peak = max(peak, m.peakBytes)
    status = m.status
  }
  times.sort()
  let result = Measurement(seconds: times[times.count / 2], peakBytes: peak, status: status)
  print("  \(label): \(Format.seconds(result.seconds)), \(Format.megabytes(result.peakBytes)) (exit \(status))")
  return result
}
_ = system("mkdir -p '\(work)'")
for people in peopleCounts {
  let dir = FileSystem.join(work, "org-\(people)")
  _ = system("rm -rf '\(dir)'")
  // Generated in a child too: a parent holding the organisation would lend its memory to
  // every child's peak (posix_spawn starts children in the parent's address space).
  let generation = Child.run([selfPath, "phase", "generate-\(people)", dir])
  guard generation.status == 0, let summary = try? FileSystem.read(FileSystem.join(work, "org-\(people).summary"))
  else {
    print("generate \(people): failed")
    continue
  }
  let counts = String(decoding: summary, as: UTF8.self).split(separator: " ").compactMap { Int($0) }
  guard counts.count == 3 else { continue }
  let (units, keyResults, bytes) = (counts[0], counts[1], counts[2])
  print(
    "generated \(people) people: \(units) units, \(keyResults) key results, \(bytes / 1_000_000) MB "
      + "in \(Format.seconds(generation.seconds))")

  func measure(_ label: String, _ command: [String]) -> Measurement { measureRuns(label, command) }

  let libyaml = measure("libyaml events only", [selfPath, "phase", "libyaml", dir])
  let load = measure("load", [selfPath, "phase", "load", dir])
  let validate = measure("cascade validate", [cascade, "validate", "--format", "json", dir])
  // Then two check-ins per key result, and the jobs that read them.
  _ = Child.run([selfPath, "phase", "checkins", dir])
  let withCheckIns = measure("cascade validate, with check-ins", [cascade, "validate", "--format", "json", dir])
  let score = measure(
    "cascade status --format json", [cascade, "status", "--as-of", "2027-02-28", "--format", "json", dir])
  var split = "–"
  if people == splitPeople {
    let out = FileSystem.join(work, "split-\(people)")
    _ = system("rm -rf '\(out)'")
    let m = measure("cascade render --split", [cascade, "render", dir, "--split", out, "--format", "svg"])
    split = "\(Format.seconds(m.seconds)), \(Format.megabytes(m.peakBytes))"
  }
  rows.append(
    "| \(people) | \(units) | \(keyResults) | \(bytes / 1_000_000) MB "
      + "| \(Format.seconds(libyaml.seconds)) | \(Format.seconds(load.seconds)) "
      + "| \(Format.seconds(validate.seconds)) (\(String(format1: validate.seconds / libyaml.seconds))× libyaml) "
      + "| \(Format.megabytes(validate.peakBytes)) "
      + "| \(Format.seconds(withCheckIns.seconds)), \(Format.megabytes(withCheckIns.peakBytes)) "
      + "| \(Format.seconds(score.seconds)), \(Format.megabytes(score.peakBytes)) "
      + "| \(split) |")
}

// A history: `cascade generate --checkins-per-kr K` (a quarter of weekly check-ins is 13),
// then the jobs that read it and one `cascade checkin` (each run appends one row).
let historyPeople = (option("--history-people") ?? "10000").split(separator: ",").compactMap { Int($0) }
let perKeyResult = max(1, Int(option("--checkins-per-kr") ?? "13") ?? 13)
var historyRows: [String] = []
for people in historyPeople {
  let dir = FileSystem.join(work, "history-\(people)")
  _ = system("rm -rf '\(dir)'")
  let generation = Child.run([
    cascade, "generate", "--people", "\(people)", "--seed", "42", "--checkins-per-kr", "\(perKeyResult)", "--out", dir,
  ])
  guard generation.status == 0 else {
    print("generate \(people) with history: failed")
    continue
  }
  print(
    "generated \(people) people with \(perKeyResult) check-ins per key result in \(Format.seconds(generation.seconds))")
  let validate = measureRuns("cascade validate", [cascade, "validate", "--format", "json", dir])
  let status = measureRuns("cascade status", [cascade, "status", "--as-of", "2027-03-31", "--format", "json", dir])
  let review = measureRuns(
    "cascade review", [cascade, "review", "--since", "2027-02-28", "--as-of", "2027-03-31", dir])
  // The first key result of the history with a number (not a milestone).
  let head = (try? FileSystem.read(FileSystem.join(dir, PlanLoader.checkInsFile))).map { Array($0.prefix(1 << 16)) } ?? []
  var reference = ""
  for line in String(decoding: head, as: UTF8.self).split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    guard fields.count > 2, fields[2] != "done", fields[2] != "not-done" else { continue }
    reference = String(fields[1])
    break
  }
  let checkin = measureRuns(
    "cascade checkin", [cascade, "checkin", dir, reference, "84", "--date", "2027-03-20", "--author", "bench"])
  func cell(_ m: Measurement) -> String { "\(Format.seconds(m.seconds)), \(Format.megabytes(m.peakBytes))" }
  historyRows.append(
    "| \(people) | \(perKeyResult) | \(cell(validate)) | \(cell(status)) | \(cell(review)) | \(cell(checkin)) |")
}

// The meeting page: `cascade serve` and `cascade site` on the organisations generated above
// (or generated now): first page, unit pages, search, memory, live reload, the static site.
let servePeople = (option("--serve-people") ?? "1000,10000").split(separator: ",").compactMap { Int($0) }
var serveRows: [String] = []
for people in servePeople {
  let dir = FileSystem.join(work, "org-\(people)")
  if FileSystem.kind(of: dir) != .directory {
    _ = Child.run([selfPath, "phase", "generate-\(people)", dir])
  }
  let (units, queries) = ServeBench.sample(dir, count: 40)
  var firsts: [Double] = []
  var reports: [ServeBench.Report] = []
  for _ in 0..<runs {
    guard let r = ServeBench.serve(cascade: cascade, dir: dir, units: units, queries: queries, live: people <= 1000)
    else { continue }
    firsts.append(r.firstPage)
    reports.append(r)
  }
  guard let report = reports.last else {
    print("serve \(people): the server did not start")
    continue
  }
  firsts.sort()
  let p = ServeBench.percentile
  let unitFirst = reports.flatMap(\.unitFirst)
  let unitCached = reports.flatMap(\.unitCached)
  let search = reports.flatMap(\.search)
  let live = reports.flatMap(\.live)
  let peak = reports.map(\.residentPeak).max() ?? 0
  let out = FileSystem.join(work, "site-\(people)")
  _ = system("rm -rf '\(out)'")
  let site = Child.run([cascade, "site", dir, "-o", out, "--as-of", "2027-02-28"])
  let searchBytes = (try? FileSystem.read(FileSystem.join(out, "data/search.js")))?.count ?? 0
  let liveText = live.isEmpty ? "–" : "\(Format.seconds(p(live, 0.5))) (max \(Format.seconds(live.max() ?? 0)))"
  print(
    "serve \(people): first page \(Format.seconds(firsts[firsts.count / 2])), model \(report.modelBytes / 1000) KB, "
      + "unit page \(Format.seconds(p(unitFirst, 0.5)))/\(Format.seconds(p(unitFirst, 0.95))) (median/p95), "
      + "cached \(Format.seconds(p(unitCached, 0.5))), search \(Format.seconds(p(search, 0.5)))/"
      + "\(Format.seconds(p(search, 0.95))), peak \(Format.megabytes(peak)), live \(liveText); "
      + "site \(Format.seconds(site.seconds)), \(Format.megabytes(site.peakBytes)), search index \(searchBytes / 1_000_000) MB"
  )
  serveRows.append(
    "| \(people) | \(Format.seconds(firsts[firsts.count / 2])) | \(report.modelBytes / 1000) KB "
      + "| \(Format.seconds(p(unitFirst, 0.5))) / \(Format.seconds(p(unitFirst, 0.95))) "
      + "| \(Format.seconds(p(unitCached, 0.5))) | \(Format.seconds(p(search, 0.5))) / \(Format.seconds(p(search, 0.95))) "
      + "| \(Format.megabytes(peak)) | \(liveText) | \(Format.seconds(site.seconds)), \(Format.megabytes(site.peakBytes)) "
      + "| \(String(format1: Double(searchBytes) / 1_000_000)) MB |")
}

// Chains: N units, each key result summing the next one's (`aggregate: sum`); scoring and the
// status text must stay linear in N (they were quadratic).
let chainCounts = (option("--chains") ?? "1000,10000").split(separator: ",").compactMap { Int($0) }
var chainRows: [String] = []
for count in chainCounts where count > 0 {
  let dir = FileSystem.join(work, "chain-\(count)")
  _ = system("rm -rf '\(dir)' && mkdir -p '\(dir)'")
  guard Child.run([selfPath, "phase", "chain-\(count)", dir]).status == 0 else {
    print("chain \(count): failed")
    continue
  }
  var cells: [String] = []
  for format in ["json", "text"] {
    var times: [Double] = []
    var peak = 0
    for _ in 0..<runs {
      let m = Child.run([cascade, "status", "--as-of", "2027-02-28", "--format", format, dir])
      times.append(m.seconds)
      peak = max(peak, m.peakBytes)
    }
    times.sort()
    cells.append("\(Format.seconds(times[times.count / 2])), \(Format.megabytes(peak))")
  }
  print("chain of \(count) sums: status json \(cells[0]), text \(cells[1])")
  chainRows.append("| \(count) | \(cells[0]) | \(cells[1]) |")
}

// Rendering: `cascade render` to SVG against Graphviz's own `dot` on the DOT Cascade writes.
let renderPeople = Int(option("--render-people") ?? "290") ?? 290
var renderRow = ""
if renderPeople > 0 {
  let dir = FileSystem.join(work, "render-\(renderPeople)")
  _ = system("rm -rf '\(dir)'")
  _ = Child.run([selfPath, "phase", "generate-\(renderPeople)", dir])
  let dotFile = FileSystem.join(work, "render.dot")
  _ = Child.run([cascade, "render", dir, "-o", dotFile, "--as-of", "2027-02-28"])
  // Every unit has 3 objectives, each one node (its key results are rows of the node's table).
  let nodes =
    (try? FileSystem.read(dir + ".summary")).map { bytes in
      (String(decoding: bytes, as: UTF8.self).split(separator: " ").first.flatMap { Int($0) } ?? 0) * 3
    } ?? 0
  var ours: [Double] = []
  var theirs: [Double] = []
  for _ in 0..<runs {
    ours.append(
      Child.run([cascade, "render", dir, "-o", FileSystem.join(work, "ours.svg"), "--as-of", "2027-02-28"]).seconds)
    theirs.append(Child.run(["/usr/bin/dot", "-Tsvg", "-o", FileSystem.join(work, "theirs.svg"), dotFile]).seconds)
  }
  ours.sort()
  theirs.sort()
  let a = ours[ours.count / 2]
  let b = theirs[theirs.count / 2]
  renderRow =
    "| \(renderPeople) people, \(nodes) objective nodes | \(Format.seconds(a)) | \(Format.seconds(b)) | \(String(format2: a / b))× |"
  print("render: cascade \(Format.seconds(a)), dot \(Format.seconds(b)) (\(nodes) nodes)")
}

print(
  """

  | People | Units | Key results | Plan size | libyaml events (1 thread) | Load | `cascade validate` | Peak memory | `validate` with 2 check-ins per KR | `status --format json` | `render --split` (SVG) |
  | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  """)
for row in rows { print(row) }
if !historyRows.isEmpty {
  print(
    """

    | People | Check-ins per KR | `validate` | `status --format json` | `review` | one `checkin` |
    | ---: | ---: | ---: | ---: | ---: | ---: |
    """)
  for row in historyRows { print(row) }
}
if !chainRows.isEmpty {
  print(
    """

    | Chain of `aggregate: sum` units | `status --format json` | `status` (text) |
    | ---: | ---: | ---: |
    """)
  for row in chainRows { print(row) }
}
if !serveRows.isEmpty {
  print(
    """

    | People | `serve`: start to first page | Model | Unit page, first view (median / p95) | Cached | Search (median / p95) | Server peak memory | Saved file to open page | `cascade site` | Site search index |
    | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
    """)
  for row in serveRows { print(row) }
}
if !renderRow.isEmpty {
  print(
    """

    | Diagram | `cascade render -o x.svg` (load, check, DOT, layout, render) | `dot -Tsvg` on Cascade's DOT | Ratio |
    | --- | ---: | ---: | ---: |
    \(renderRow)
    """)
}

// MARK: - Pieces

struct Measurement {
  var seconds: Double
  var peakBytes: Int
  var status: Int32
}

enum Phase {
  static func run(_ name: String, directory: String) -> Int32 {
    switch name {
    case "libyaml":
      // What libyaml alone needs: every file read and parsed into events, one thread.
      var files: [String] = []
      FileSystem.walk(directory) { if $0.hasSuffix(".yaml") { files.append($0) } }
      var events = 0
      for f in files {
        guard let bytes = try? FileSystem.read(f) else { return 2 }
        events += bytes.withUnsafeBufferPointer { LibYAML.countEvents($0) }
      }
      print("\(files.count) files, \(events) events")
      return 0
    case "load":
      guard let loaded = try? PlanLoader.load(paths: [directory]) else { return 2 }
      print("\(loaded.plan.units.count) units")
      return 0
    case "checkins":
      return CheckInWriter.write(dir: directory) > 0 ? 0 : 1
    case _ where name.hasPrefix("chain-"):
      guard let count = Int(name.dropFirst("chain-".count)), count > 0 else { return 1 }
      return ChainWriter.write(count, dir: directory) ? 0 : 1
    case _ where name.hasPrefix("generate-"):
      guard let people = Int(name.dropFirst("generate-".count)),
        let o = try? OrganisationGenerator.write(GeneratorOptions(people: people, seed: 42), to: directory)
      else { return 1 }
      let summary = "\(o.units) \(o.keyResults) \(o.bytesWritten)"
      let path = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
      try? FileOutput.write(Array(summary.utf8), to: path + ".summary")
      return 0
    default:
      return 2
    }
  }
}

enum LibYAML {
  static func countEvents(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    var count = 0
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) == 1 {
      count += 1
      let done = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      if done { break }
    }
    return count
  }
}

/// Two check-ins for every key result, so scoring has work to do.
enum CheckInWriter {
  static func write(dir: String) -> Int {
    guard let loaded = try? PlanLoader.load(paths: [dir]) else { return 0 }
    var text = CheckInLog.header.joined(separator: ",") + "\n"
    var count = 0
    for u in loaded.plan.units {
      for o in u.objectives {
        for kr in o.keyResults {
          let b = kr.baseline ?? 0
          let t = kr.target ?? 1
          let milestone = kr.kind == .milestone
          text +=
            "2027-01-20,\(u.id)/\(o.id)/\(kr.id),\(milestone ? "not-done" : formatValue(b + (t - b) * 0.3)),0.8,,bench\n"
          text +=
            "2027-02-20,\(u.id)/\(o.id)/\(kr.id),\(milestone ? "done" : formatValue(b + (t - b) * 0.6)),0.7,,bench\n"
          count += 2
        }
      }
    }
    try? FileOutput.write(Array(text.utf8), to: FileSystem.join(dir, PlanLoader.checkInsFile))
    return count
  }
}

/// A parent chain of `count` units; each key result but the last sums the one below, and the
/// last has one check-in.
enum ChainWriter {
  static func write(_ count: Int, dir: String) -> Bool {
    var yaml = ""
    for i in 0..<count {
      if i > 0 { yaml += "---\n" }
      yaml += "unit: u\(i)\nname: Unit \(i)\nlevel: \(i == 0 ? "company" : "team")\n"
      if i > 0 { yaml += "parent: u\(i - 1)\n" }
      yaml += "cycle: 2027-Q1\nobjectives:\n  - id: o\n    title: Grow revenue\n"
      if i > 0 { yaml += "    aligns_to: u\(i - 1)/o\n" }
      yaml += "    key_results:\n      - {id: k, title: Revenue from 0 to 100, baseline: 0, target: 100, unit: USD"
      if i < count - 1 { yaml += ", aggregate: sum" }
      if i > 0 { yaml += ", contributes_to: u\(i - 1)/o/k" }
      yaml += "}\n"
    }
    let csv = CheckInLog.header.joined(separator: ",") + "\n2027-02-01,u\(count - 1)/o/k,42,0.9,,bench\n"
    do {
      try AtomicFile.write(Array(yaml.utf8), to: FileSystem.join(dir, "plan.yaml"))
      try AtomicFile.write(Array(csv.utf8), to: FileSystem.join(dir, PlanLoader.checkInsFile))
      return true
    } catch {
      return false
    }
  }
}

enum Clock {
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}

enum Child {
  /// Runs a command with its output discarded; returns its wall time and peak resident memory.
  static func run(_ command: [String]) -> Measurement {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let argv = command.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let start = Clock.now()
    guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else {
      return Measurement(seconds: 0, peakBytes: 0, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Clock.now() - start
    return Measurement(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, status: (status >> 8) & 0xFF)
  }
}

enum Format {
  static func seconds(_ s: Double) -> String { s < 1 ? "\(Int((s * 1000).rounded())) ms" : "\(String(format1: s)) s" }
  static func megabytes(_ b: Int) -> String { "\(b / 1_000_000) MB" }
}

extension String {
  init(format1 value: Double) {
    let r = (value * 10).rounded() / 10
    self = String(r)
  }

  init(format2 value: Double) {
    let r = (value * 100).rounded() / 100
    self = String(r)
  }
}

enum Machine {
  static var description: String {
    // /proc files report a size of 0, so read them with stdio rather than by their size.
    var cpu = ""
    if let file = fopen("/proc/cpuinfo", "r") {
      var line = [CChar](repeating: 0, count: 512)
      while fgets(&line, 512, file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("model name") {
          cpu = text
          break
        }
      }
      fclose(file)
    }
    let model =
      cpu.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
      .trimmingPrefix(" ") ?? "unknown CPU"
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    return "\(model), \(cores) cores, \(Int(pages) * Int(size) / 1_073_741_824) GiB"
  }
}
