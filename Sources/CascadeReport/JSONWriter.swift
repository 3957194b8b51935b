import CascadeCore
import CascadeSystem

/// A small streaming JSON writer: deterministic key order, correct string escaping, and no
/// Foundation (JSONEncoder is slow on Linux and reorders keys).
public struct JSONWriter {
  /// Bytes, not a String: appending many small pieces to a byte array is several times faster.
  private var buffer: [UInt8] = []
  /// A streaming writer's destination (see ``init(streamingTo:batch:)``); nil: the document is
  /// kept whole in ``output``.
  private var sink: OutputSink?
  /// The sink failed: nothing more is handed to it.
  private var stopped = false
  /// Runs of a parallel array written between two hand-overs to the sink.
  private var batch = Int.max
  public var output: String { String(decoding: buffer, as: UTF8.self) }
  /// ``output`` and a line feed, made in one copy (a large document joined to "\n" is copied
  /// twice).
  public func outputLine() -> String {
    // Not appended to the buffer: one more byte may regrow (and copy) a buffer reserved to fit.
    String(unsafeUninitializedCapacity: buffer.count + 1) { out in
      let end = out.initialize(fromContentsOf: buffer)
      guard end < out.count else { return end }
      out[end] = UInt8(ascii: "\n")
      return end + 1
    }
  }

  /// The output indented by two spaces a level, one member or item a line (`{}` and `[]`
  /// stay on one line), for files people read and diff.
  public var indentedOutput: String {
    var out: [UInt8] = []
    out.reserveCapacity(buffer.count * 2)
    var depth = 0
    var inString = false
    var escaped = false
    func newline(_ out: inout [UInt8], _ depth: Int) {
      out.append(UInt8(ascii: "\n"))
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
    var i = 0
    while i < buffer.count {
      let c = buffer[i]
      i += 1
      if inString {
        out.append(c)
        if escaped {
          escaped = false
        } else if c == UInt8(ascii: "\\") {
          escaped = true
        } else if c == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch c {
      case UInt8(ascii: "\""):
        inString = true
        out.append(c)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        out.append(c)
        if i < buffer.count, buffer[i] == (c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          out.append(buffer[i])
          i += 1
        } else {
          depth += 1
          newline(&out, depth)
        }
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        newline(&out, depth)
        out.append(c)
      case UInt8(ascii: ","):
        out.append(c)
        newline(&out, depth)
      case UInt8(ascii: ":"):
        out.append(contentsOf: [c, UInt8(ascii: " ")])
      default: out.append(c)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
  private var needsComma = [false]
  private var afterKey = false

  public init() {}

  /// A writer that hands its bytes to `sink` as it goes, so that a document of a hundred
  /// thousand items is never held whole: after every `batch` runs of a parallel array
  /// (``array(count:chunk:_:)``) and at ``finishLine()``. The bytes, joined, are exactly those
  /// ``outputLine()`` of an ordinary writer returns. Once the sink returns false it is not
  /// called again.
  public init(streamingTo sink: @escaping OutputSink, batch: Int = 16) {
    self.sink = sink
    self.batch = max(1, batch)
  }

  /// Hands what is buffered to the sink, then a line feed: the end of a streamed document.
  public mutating func finishLine() {
    buffer.append(UInt8(ascii: "\n"))
    handOver()
  }

  private mutating func handOver() {
    guard let sink, !buffer.isEmpty else { return }
    if !stopped { stopped = !buffer.withUnsafeBytes { sink($0) } }
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func separator() {
    if afterKey {
      afterKey = false
      return
    }
    if needsComma[needsComma.count - 1] { buffer.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    separator()
    buffer.append(UInt8(ascii: "{"))
    needsComma.append(false)
    body(&self)
    needsComma.removeLast()
    buffer.append(UInt8(ascii: "}"))
  }

  public mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
    separator()
    buffer.append(UInt8(ascii: "["))
    needsComma.append(false)
    for item in items { body(&self, item) }
    needsComma.removeLast()
    buffer.append(UInt8(ascii: "]"))
  }

  /// The same bytes as ``array(_:_:)`` over `0..<count`, written on every core: each run of
  /// `chunk` items by a writer of its own, the runs then joined in order. `body` may write
  /// nothing for an item.
  public mutating func array(
    count: Int, chunk: Int = 1024, _ body: @Sendable (inout JSONWriter, Int) -> Void
  ) {
    separator()
    buffer.append(UInt8(ascii: "["))
    let size = max(1, chunk)
    let total = (max(0, count) + size - 1) / size
    var wrote = false
    var first = 0
    // All the runs at once, or `batch` at a time for a streaming writer.
    while first < total {
      let (start, last) = (first, first + min(batch, total - first))
      var runs = parallelMap(last - start, chunk: 1) { r -> [UInt8] in
        var w = JSONWriter()
        for i in ((start + r) * size)..<min(count, (start + r + 1) * size) { body(&w, i) }
        return w.buffer
      }
      // Room for them all at once (not regrown as they come: a regrowth holds both copies), and
      // each run let go once copied.
      buffer.reserveCapacity(buffer.count + runs.reduce(runs.count + 1) { $0 + $1.count })
      for r in runs.indices where !runs[r].isEmpty {
        if wrote { buffer.append(UInt8(ascii: ",")) }
        buffer.append(contentsOf: runs[r])
        runs[r] = []
        wrote = true
      }
      first = last
      handOver()
    }
    buffer.append(UInt8(ascii: "]"))
  }

  public mutating func key(_ k: String) {
    separator()
    string(k)
    buffer.append(UInt8(ascii: ":"))
    afterKey = true
  }

  public mutating func value(_ s: String?) {
    separator()
    if let s { string(s) } else { buffer.append(contentsOf: "null".utf8) }
  }

  public mutating func value(_ n: Int) {
    separator()
    buffer.append(contentsOf: String(n).utf8)
  }

  public mutating func value(_ d: Double?) {
    separator()
    guard let d, d.isFinite else {
      buffer.append(contentsOf: "null".utf8)
      return
    }
    buffer.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)).utf8)
  }

  public mutating func value(_ b: Bool) {
    separator()
    buffer.append(contentsOf: (b ? "true" : "false").utf8)
  }

  public mutating func field(_ k: String, _ v: String?) {
    key(k)
    value(v)
  }

  public mutating func field(_ k: String, _ v: Int) {
    key(k)
    value(v)
  }

  public mutating func field(_ k: String, _ v: Double?) {
    key(k)
    value(v)
  }

  public mutating func field(_ k: String, _ v: Bool) {
    key(k)
    value(v)
  }

  /// Escapes `"`, the backslash and every character of ``needsVisibleEscape(_:)`` (C0 and C1
  /// controls, DEL, U+2028/U+2029, bidirectional controls and other invisible format
  /// characters) as JSON escapes, so that the output is plain to read and safe to print; a
  /// JSON parser reads the original text back.
  private mutating func string(_ s: String) {
    buffer.append(UInt8(ascii: "\""))
    // Most strings need no escaping: append them whole (checked on the bytes: a status file
    // writes a dozen strings for each of a hundred thousand key results).
    var text = s
    let plain = text.withUTF8 { b -> Bool in
      for c in b where c < 0x20 || c >= 0x7F || c == 0x22 || c == 0x5C { return false }
      buffer.append(contentsOf: b)
      return true
    }
    if plain || !s.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || needsVisibleEscape($0) }) {
      if !plain { buffer.append(contentsOf: s.utf8) }
      buffer.append(UInt8(ascii: "\""))
      return
    }
    for u in s.unicodeScalars {
      switch u {
      case "\"": buffer.append(contentsOf: "\\\"".utf8)
      case "\\": buffer.append(contentsOf: "\\\\".utf8)
      case "\n": buffer.append(contentsOf: "\\n".utf8)
      case "\r": buffer.append(contentsOf: "\\r".utf8)
      case "\t": buffer.append(contentsOf: "\\t".utf8)
      case _ where needsVisibleEscape(u):
        if u.value > 0xFFFF {
          // Outside the Basic Multilingual Plane: a UTF-16 surrogate pair.
          let v = u.value - 0x10000
          hexEscape(0xD800 + (v >> 10))
          hexEscape(0xDC00 + (v & 0x3FF))
        } else {
          hexEscape(u.value)
        }
      default: buffer.append(contentsOf: String(u).utf8)
      }
    }
    buffer.append(UInt8(ascii: "\""))
  }

  private mutating func hexEscape(_ v: UInt32) {
    let hex = String(v, radix: 16)
    buffer.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
  }
}
