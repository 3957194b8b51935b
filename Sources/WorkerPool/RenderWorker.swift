import CascadeSystem
import Graphviz

#if canImport(Glibc)
  import Glibc
#endif

/// A worker's side (a process started by ``RenderPool``): reads requests on fd 3, renders
/// them, writes the files and replies on fd 4, until fd 3 closes or it has grown past
/// ``residentLimit``.
public enum RenderWorker {
  /// Resident memory after which a worker finishes its page and stops (see ``RenderPool``).
  public static let residentLimit = 128 * 1024 * 1024

  public static func serve(format: Graphviz.Format) -> Never {
    var input = ReadBuffer(fd: 3)
    while let header = input.line() {
      let sizes = header.split(separator: " ").compactMap { Int($0) }
      guard sizes.count == 2 || sizes.count == 4, sizes.allSatisfy({ $0 >= 0 }),
        let pathBytes = input.bytes(sizes[0]), let dotBytes = input.bytes(sizes[1])
      else { exit(2) }
      var wrap: (prefix: [UInt8], suffix: [UInt8])?
      if sizes.count == 4 {
        guard let prefix = input.bytes(sizes[2]), let suffix = input.bytes(sizes[3]) else { exit(2) }
        wrap = (Array(prefix), Array(suffix))
      }
      let path = String(decoding: pathBytes, as: UTF8.self)
      var reply: String
      do {
        // Many renders in a row: freed on this thread before the next page. Freed in the
        // background, each page's graph would go back to another thread's malloc arena
        // (fragmenting both) while the next layout waits for the Graphviz lock anyway.
        var bytes = try Graphviz.render(dot: String(decoding: dotBytes, as: UTF8.self), format: format, freeing: .now)
        if let wrap { bytes = wrap.prefix + Self.jsonString(bytes) + wrap.suffix }
        // Synced all at once by the pool's caller (see RenderPool).
        try FileOutput.write(bytes, to: path, durable: false)
        reply = "ok"
      } catch let error as Graphviz.Error {
        reply = "error " + error.description
      } catch {
        reply = "error cannot write \(path): \(error)"
      }
      reply = String(reply.map { $0.isNewline ? " " : $0 })
      let stop = (ResidentMemory.bytes() ?? 0) > residentLimit
      if stop && reply == "ok" { reply = "ok stop" }
      guard WriteLoop.writeAll(4, reply + "\n") == nil else { exit(2) }
      if stop { exit(0) }
    }
    exit(0)
  }
}

extension RenderWorker {
  /// `bytes` (UTF-8) as a JSON string that is also a JavaScript string literal: quotes,
  /// backslashes, control characters and U+2028/U+2029 escaped, everything else as it is.
  static func jsonString(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "\"")]
    out.reserveCapacity(bytes.count + bytes.count / 16 + 2)
    let hex = Array("0123456789abcdef".utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), b]
      case UInt8(ascii: "\\"): out += [b, b]
      case UInt8(ascii: "\n"): out += Array("\\n".utf8)
      case 0..<0x20, 0x7F: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
      case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
        // U+2028 and U+2029 end a line in older JavaScript.
        out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        i += 2
      default: out.append(b)
      }
      i += 1
    }
    out.append(UInt8(ascii: "\""))
    return out
  }
}

/// Buffered reads of lines and byte counts from a file descriptor.
struct ReadBuffer {
  let fd: Int32
  private var data: [UInt8] = []
  private var start = 0
  private var ended = false

  init(fd: Int32) { self.fd = fd }

  /// The next line without its newline; nil at the end.
  mutating func line() -> String? {
    while true {
      if let newline = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: data[start..<newline], as: UTF8.self)
        start = newline + 1
        return line
      }
      guard fill() else { return nil }
    }
  }

  /// The next `count` bytes; nil when the input ends first.
  mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
    while data.count - start < count {
      guard fill() else { return nil }
    }
    defer { start += count }
    return data[start..<(start + count)]
  }

  private mutating func fill() -> Bool {
    if ended { return false }
    if start > 0 {
      data.removeFirst(start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        ended = true
        return false
      }
      data += chunk[0..<n]
      return true
    }
  }
}
