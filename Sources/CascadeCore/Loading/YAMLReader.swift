import CYAML

/// One event from libyaml, with its position, as the decoder needs it.
struct YAMLEvent {
  enum Kind {
    case streamStart, streamEnd, documentStart, documentEnd
    case mappingStart, mappingEnd, sequenceStart, sequenceEnd
    case scalar, alias
  }

  var kind: Kind
  var mark: Mark
  /// The scalar's text (empty for other events).
  var value: String
  /// True for a plain (unquoted) scalar: only those can be numbers, booleans or null.
  var plain: Bool
  /// The scalar's length in bytes (`value` may be dropped when too long).
  var length: Int

  var isNull: Bool {
    kind == .scalar && plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
  }

  var isCollectionStart: Bool { kind == .mappingStart || kind == .sequenceStart }
}

struct YAMLError: Error {
  var message: String
  var mark: Mark
}

/// A pull parser over libyaml's event API. It owns a copy of the input, so the caller's
/// buffer need not outlive it. Not thread-safe; one per file.
final class YAMLReader {
  private var parser = yaml_parser_t()
  private let input: UnsafeMutableBufferPointer<UInt8>
  private var ended = false
  /// Scalars longer than this are reported and replaced by an empty string.
  static let maxScalarBytes = 64 * 1024

  init(bytes: UnsafeRawBufferPointer) {
    input = .allocate(capacity: max(bytes.count, 1))
    if let base = bytes.baseAddress, bytes.count > 0 {
      input.baseAddress?.initialize(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
    yaml_parser_initialize(&parser)
    yaml_parser_set_input_string(&parser, input.baseAddress, bytes.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    inputCount = bytes.count
  }

  private let inputCount: Int

  deinit {
    yaml_parser_delete(&parser)
    input.deallocate()
  }

  func next() throws(YAMLError) -> YAMLEvent {
    if ended { return YAMLEvent(kind: .streamEnd, mark: .start, value: "", plain: false, length: 0) }
    var event = yaml_event_t()
    guard yaml_parser_parse(&parser, &event) == 1 else {
      ended = true
      throw error()
    }
    defer { yaml_event_delete(&event) }
    let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    func bare(_ kind: YAMLEvent.Kind) -> YAMLEvent {
      YAMLEvent(kind: kind, mark: mark, value: "", plain: false, length: 0)
    }
    switch event.type {
    case YAML_STREAM_START_EVENT: return bare(.streamStart)
    case YAML_STREAM_END_EVENT:
      ended = true
      return bare(.streamEnd)
    case YAML_DOCUMENT_START_EVENT: return bare(.documentStart)
    case YAML_DOCUMENT_END_EVENT: return bare(.documentEnd)
    case YAML_MAPPING_START_EVENT: return bare(.mappingStart)
    case YAML_MAPPING_END_EVENT: return bare(.mappingEnd)
    case YAML_SEQUENCE_START_EVENT: return bare(.sequenceStart)
    case YAML_SEQUENCE_END_EVENT: return bare(.sequenceEnd)
    case YAML_ALIAS_EVENT: return bare(.alias)
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let length = Int(scalar.length)
      var text = ""
      if length > 0, length <= YAMLReader.maxScalarBytes, let value = scalar.value {
        text = String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self)
      }
      return YAMLEvent(
        kind: .scalar, mark: mark, value: text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
        length: length)
    default:
      return bare(.streamEnd)
    }
  }

  /// Builds a bounded message from libyaml's static problem strings, with a hint for the
  /// mistakes people make most (tabs, binary data).
  private func error() -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    var mark: Mark
    var message = problem
    if parser.error == YAML_READER_ERROR {
      // Reader errors carry a byte offset, not a line: count lines up to it.
      mark = position(ofByte: Int(parser.problem_offset))
      if parser.problem_value >= 0 && problem.contains("octet") {
        message = "the file is not valid UTF-8 (\(problem))"
      } else if parser.problem_value == 0 {
        message = "the file contains a NUL byte; plans are UTF-8 text, is this a binary file?"
      } else {
        message = "\(problem) (character U+\(hex(parser.problem_value)))"
      }
    } else {
      mark = Mark(
        line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
      if let context = parser.context.map({ String(cString: $0) }) {
        message = "\(problem) \(context)"
      }
      let index = Int(parser.problem_mark.index)
      if index < inputCount, input[index] == 0x09 {
        message += " (a tab: YAML indentation must use spaces)"
      }
    }
    return YAMLError(message: message, mark: mark)
  }

  private func position(ofByte offset: Int) -> Mark {
    var line = 1
    var column = 1
    var i = 0
    let end = min(offset, inputCount)
    while i < end {
      let c = input[i]
      if c == 0x0A {
        line += 1
        column = 1
      } else if c & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return Mark(line: line, column: column)
  }

  private func hex(_ value: Int32) -> String {
    let s = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
    return s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
  }
}
