import OrderedCollections

/// The byte-level JSON writer behind `JSONEncoding`.
struct JSONWriter {
  let options: JSONEncoding.Options
  private(set) var output: [UInt8] = []
  private var indent = 0

  init(options: JSONEncoding.Options) {
    self.options = options
  }

  /// Writes `value`; `path` names it in errors (`.Tags[2].Value`).
  mutating func write(_ value: JSONValue, path: String) throws {
    switch value {
    case .null: append("null")
    case .bool(let b): append(b ? "true" : "false")
    case .integer(let i): append(String(i))
    case .double(let d):
      guard d.isFinite else {
        throw AWSError(
          code: "JSONEncodeError",
          message:
            "\(d) at \(describe(path)) has no JSON form (NaN and infinities are not numbers in JSON)"
        )
      }
      append(d.description)
    case .string(let s): writeString(s)
    case .binary(let bytes):
      guard options.contains(.base64Binary) else {
        throw AWSError(
          code: "JSONEncodeError",
          message:
            "binary data at \(describe(path)) has no JSON form; encode it as base64 text first")
      }
      output.append(UInt8(ascii: "\""))
      output.append(contentsOf: JSONWriter.base64(bytes))
      output.append(UInt8(ascii: "\""))
    case .array(let elements): try writeArray(elements, path: path)
    case .object(let members): try writeObject(members, path: path)
    }
  }

  private func describe(_ path: String) -> String {
    path.isEmpty ? "the top level" : path
  }

  private mutating func writeArray(_ elements: [JSONValue], path: String) throws {
    guard !elements.isEmpty else { return append("[]") }
    output.append(UInt8(ascii: "["))
    indent += 1
    for (offset, element) in elements.enumerated() {
      if offset > 0 { output.append(UInt8(ascii: ",")) }
      newline()
      try write(element, path: "\(path)[\(offset)]")
    }
    indent -= 1
    newline()
    output.append(UInt8(ascii: "]"))
  }

  private mutating func writeObject(_ members: OrderedDictionary<String, JSONValue>, path: String)
    throws
  {
    guard !members.isEmpty else { return append("{}") }
    var keys = Array(members.keys)
    if options.contains(.sortedKeys) {
      keys.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
    output.append(UInt8(ascii: "{"))
    indent += 1
    for (offset, key) in keys.enumerated() {
      if offset > 0 { output.append(UInt8(ascii: ",")) }
      newline()
      writeString(key)
      append(options.contains(.prettyPrinted) ? ": " : ":")
      if let member = members[key] {
        try write(member, path: "\(path).\(key)")
      }
    }
    indent -= 1
    newline()
    output.append(UInt8(ascii: "}"))
  }

  private mutating func newline() {
    guard options.contains(.prettyPrinted) else { return }
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  private mutating func append(_ text: String) {
    output.append(contentsOf: text.utf8)
  }

  private mutating func writeString(_ text: String) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0x08: append("\\b")
      case 0x0C: append("\\f")
      case 0..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        append("\\u00")
        output.append(digits[Int(byte >> 4)])
        output.append(digits[Int(byte & 0x0F)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
