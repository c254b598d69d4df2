import OrderedCollections

/// The byte-level JSON writer behind `JSONEncoding`.
struct JSONWriter {
    let options: JSONEncoding.Options
    private(set) var output: [UInt8] = []
    private var indent = 0
    /// Where the values written lie in a larger document (`.Document`), for error messages.
    var basePath = ""

    init(options: JSONEncoding.Options) {
        self.options = options
    }

    /// An array or object being written: its children and how many are written.
    private struct OpenContainer {
        var isObject: Bool
        var keys: [String]
        var values: [JSONValue]
        var next = 0
    }

    /// Containers being written, outermost first; kept on an explicit stack so that nesting
    /// never deepens the call stack.
    private var open: [OpenContainer] = []

    /// Writes `value` and everything in it.
    mutating func write(_ value: JSONValue) throws {
        var pending: JSONValue? = value
        while true {
            if let value = pending {
                try writeStart(value)
                pending = nil
            }
            guard let top = open.indices.last else { return }
            let next = open[top].next
            if next < open[top].values.count {
                if next > 0 { output.append(UInt8(ascii: ",")) }
                newline()
                if open[top].isObject {
                    writeString(open[top].keys[next])
                    append(options.contains(.prettyPrinted) ? ": " : ":")
                }
                pending = open[top].values[next]
                open[top].next += 1
            } else {
                indent -= 1
                newline()
                output.append(UInt8(ascii: open[top].isObject ? "}" : "]"))
                open.removeLast()
            }
        }
    }

    /// Writes a scalar, an empty container, or the opening of a container (then pushed on `open`).
    private mutating func writeStart(_ value: JSONValue) throws {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .integer(let i): append(String(i))
        case .double(let d):
            guard d.isFinite else {
                throw AWSError(
                    code: "JSONEncodeError",
                    message:
                        "\(d) at \(currentPath()) has no JSON form (NaN and infinities are not numbers in JSON)"
                )
            }
            append(d.description)
        case .string(let s): writeString(s)
        case .binary(let bytes):
            guard options.contains(.base64Binary) else {
                throw AWSError(
                    code: "JSONEncodeError",
                    message:
                        "binary data at \(currentPath()) has no JSON form; encode it as base64 text first")
            }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: Base64.encodeBytes(bytes))
            output.append(UInt8(ascii: "\""))
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]") }
            output.append(UInt8(ascii: "["))
            indent += 1
            open.append(OpenContainer(isObject: false, keys: [], values: elements))
        case .object(let members):
            guard !members.isEmpty else { return append("{}") }
            var keys = Array(members.keys)
            if options.contains(.sortedKeys) {
                keys.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            }
            output.append(UInt8(ascii: "{"))
            indent += 1
            open.append(
                OpenContainer(isObject: true, keys: keys, values: keys.map { members[$0] ?? .null }))
        }
    }

    /// Where the value being written lies (`.Tags[2].Value`), for error messages.
    private func currentPath() -> String {
        var path = ""
        for container in open {
            let written = container.next - 1
            path += container.isObject ? ".\(container.keys[written])" : "[\(written)]"
        }
        path = basePath + path
        return path.isEmpty ? "the top level" : path
    }

    private mutating func newline() {
        guard options.contains(.prettyPrinted) else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Appends `text` as it is: punctuation, numbers, keywords.
    mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// Appends one byte as it is.
    mutating func append(byte: UInt8) {
        output.append(byte)
    }

    /// Appends `text` as a JSON string, quoted and escaped; runs of bytes that need no escape
    /// are copied at once.
    mutating func writeString(_ text: String) {
        var text = text
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                default:
                    append("\\u00")
                    output.append(Self.hexDigits[Int(byte >> 4)])
                    output.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
