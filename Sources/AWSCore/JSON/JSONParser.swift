import Glibc
import OrderedCollections

/// The byte-level JSON reader behind `JSONDecoding`; works on UTF-8 bytes directly. Its
/// pieces (strings, numbers, keywords, errors) also serve `JSONOutputReader`, which reads
/// answers guided by their shape, so both accept and refuse the same text with the same
/// messages.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Where counting lines for an error's position starts (see `settle`).
    private var settled = (offset: 0, line: 1, column: 1)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// One value surrounded by optional whitespace, and nothing after it.
    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("expected end of input after the JSON value, found \(describeCurrent())")
        }
        return value
    }

    /// An array or object being read: its elements or members so far, and the key whose value
    /// comes next. Containers are kept on an explicit stack, so nesting never deepens the call
    /// stack.
    private struct OpenContainer {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members = OrderedDictionary<String, JSONValue>()
        var key = ""
    }

    private mutating func parseValue() throws -> JSONValue {
        var open: [OpenContainer] = []
        while true {
            // Read the start of a value: a scalar, or the opening of a container.
            var value: JSONValue
            skipWhitespace()
            guard index < bytes.count else {
                throw error("expected a JSON value, found end of input")
            }
            switch bytes[index] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let isObject = bytes[index] == UInt8(ascii: "{")
                if open.count >= JSONDecoding.maximumDepth {
                    throw error("nesting deeper than \(JSONDecoding.maximumDepth) arrays and objects")
                }
                index += 1
                skipWhitespace()
                let close = UInt8(ascii: isObject ? "}" : "]")
                if index < bytes.count, bytes[index] == close {
                    index += 1
                    value = isObject ? .object([:]) : .array([])
                } else {
                    open.append(OpenContainer(isObject: isObject))
                    if isObject { open[open.count - 1].key = try parseKey() }
                    continue
                }
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "t"): value = try parseKeyword("true", .bool(true))
            case UInt8(ascii: "f"): value = try parseKeyword("false", .bool(false))
            case UInt8(ascii: "n"): value = try parseKeyword("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
            default: throw error("expected a JSON value, found \(describeCurrent())")
            }
            // Add the finished value to its container, closing containers as they end.
            while true {
                guard !open.isEmpty else { return value }
                let top = open.count - 1
                if open[top].isObject {
                    open[top].members[open[top].key] = value
                } else {
                    open[top].elements.append(value)
                }
                skipWhitespace()
                let what = open[top].isObject ? "'}' after an object member" : "']' after an array element"
                guard index < bytes.count else {
                    throw error("expected ',' or \(what), found end of input")
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    index += 1
                    if open[top].isObject { open[top].key = try parseKey() }
                    break
                }
                guard byte == UInt8(ascii: open[top].isObject ? "}" : "]") else {
                    throw error("expected ',' or \(what), found \(describeCurrent())")
                }
                index += 1
                let finished = open.removeLast()
                value = finished.isObject ? .object(finished.members) : .array(finished.elements)
            }
        }
    }

    /// An object key and the ':' after it.
    mutating func parseKey() throws -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw error("expected a string key in an object, found \(describeCurrent())")
        }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after an object key, found \(describeCurrent())")
        }
        index += 1
        return key
    }

    mutating func parseKeyword(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
        let start = index
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != expected[offset] {
                return false
            }
            return true
        }
        guard matches else {
            index = start
            throw error("expected '\(word)', found \(describeCurrent())")
        }
        index += count
        return value
    }

    /// A string starting at the opening quote; leaves the index after the closing quote.
    mutating func parseString() throws -> String {
        try withString { String(decoding: $0, as: UTF8.self) }
    }

    /// A string starting at the opening quote, handed to `body` as UTF-8 bytes checked to be
    /// valid (they are the document's own bytes when the string has no escape); leaves the
    /// index after the closing quote.
    mutating func withString<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        index += 1
        let start = index
        var highBits: UInt8 = 0
        // Fast path: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if highBits & 0x80 != 0 { try checkUTF8(text, at: start) }
                index += 1
                return try body(text)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw error(
                    "expected a string character, found an unescaped control character (0x\(hex(byte)))")
            }
            highBits |= byte
            index += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try scratch.withUnsafeBufferPointer { text in
                    try checkUTF8(text, at: start)
                    return try body(text)
                }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &scratch)
            case 0..<0x20:
                throw error(
                    "expected a string character, found an unescaped control character (0x\(hex(byte)))")
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw error("expected '\"' to close the string, found end of input")
    }

    private func checkUTF8(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) throws {
        guard String(validating: utf8, as: UTF8.self) == nil else { return }
        throw AWSError(
            code: "JSONDecodeError",
            message: "expected UTF-8 text, found invalid UTF-8 in the string \(position(of: start))")
    }

    /// An escape sequence starting at the backslash, appended to `scratch` as UTF-8.
    private mutating func parseEscape(into scratch: inout [UInt8]) throws {
        index += 1
        guard index < bytes.count else {
            throw error("expected an escape character after '\\', found end of input")
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(byte)
        case UInt8(ascii: "\\"): scratch.append(byte)
        case UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = index - 2
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else {
                    index = escapeStart
                    throw error("expected a low surrogate '\\uDC00'-'\\uDFFF' after a high surrogate")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    index = escapeStart
                    throw error("expected a low surrogate '\\uDC00'-'\\uDFFF' after a high surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                index = escapeStart
                throw error("expected a high surrogate before a low surrogate escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                index = escapeStart
                throw error("expected a Unicode scalar value in the escape")
            }
            scratch.append(contentsOf: unicode.utf8)
        default:
            index -= 1
            throw error(
                "expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u' after '\\', found \(describeCurrent())"
            )
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw error("expected 4 hexadecimal digits after '\\u', found \(describeCurrent())")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    mutating func parseNumber() throws -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error("expected a digit in the number, found \(describeCurrent())")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error("expected '.', 'e' or the end of the number after a leading 0, found a digit")
            }
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("expected a digit after the decimal point, found \(describeCurrent())")
            }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent, found \(describeCurrent())")
            }
            skipDigits()
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, let integer = parseInt64(text) {
            return .integer(integer)
        }
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite else {
            index = start
            throw error("expected a number that fits a 64-bit double, found one out of range")
        }
        return .double(double)
    }

    /// The integer when it fits in an Int64, nil on overflow.
    private func parseInt64(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var digits = text[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        var value: Int64 = 0
        for byte in digits {
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: Errors

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// "at line L, column C (byte N)": lines and columns count from 1, columns in characters.
    private func position(of offset: Int) -> String {
        let start = offset >= settled.offset ? settled : (offset: 0, line: 1, column: 1)
        let (line, column) = lineAndColumn(from: start, to: offset)
        return "at line \(line), column \(column) (byte \(offset))"
    }

    /// The line and column at `offset`, counted on from `start`; quick over long stretches,
    /// since `settle` counts every byte of a large body.
    private func lineAndColumn(from start: (offset: Int, line: Int, column: Int), to offset: Int) -> (Int, Int) {
        let from = min(start.offset, bytes.count)
        let end = min(offset, bytes.count)
        guard let base = bytes.baseAddress, from < end else { return (start.line, start.column) }
        var line = start.line
        var lineStart = from
        var cursor = from
        while cursor < end, let hit = memchr(base + cursor, 0x0A, end - cursor) {
            line += 1
            cursor = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            lineStart = cursor
        }
        let characters = Self.characterCount(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
        return (line, (line == start.line ? start.column : 1) + characters)
    }

    /// Characters in UTF-8 `text`: its bytes that are not continuation bytes.
    private static func characterCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var continuations = 0
        for byte in text where byte & 0xC0 == 0x80 { continuations += 1 }
        return text.count - continuations
    }

    /// Counts lines and columns up to `offset` now, so that error positions stay right once the
    /// bytes before it are gone (`ConsumedBodyPages`).
    mutating func settle(upTo offset: Int) {
        guard offset > settled.offset else { return }
        let (line, column) = lineAndColumn(from: settled, to: offset)
        settled = (offset, line, column)
    }

    func error(_ what: String) -> AWSError {
        AWSError(code: "JSONDecodeError", message: "\(what) \(position(of: index))")
    }
}
