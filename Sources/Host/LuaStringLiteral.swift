/// Writes Lua strings as Lua source literals, as the pretty printer shows them.
public enum LuaStringLiteral {
    private static let reserved: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// True when `bytes` can be written as a bare key (`name = ...`).
    static func isIdentifier(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, first == UInt8(ascii: "_") || isLetter(first) else {
            return false
        }
        guard bytes.allSatisfy({ $0 == UInt8(ascii: "_") || isLetter($0) || isDigit($0) }) else {
            return false
        }
        return !reserved.contains(String(decoding: bytes, as: UTF8.self))
    }

    /// A double-quoted literal of `bytes`, as `quote` writes it (for naming a key in a message).
    public static func quoted(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { quote($0) }
    }

    /// A double-quoted literal; control bytes and invalid UTF-8 are escaped as `\ddd`.
    static func quote(_ bytes: UnsafeRawBufferPointer) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(bytes.count + 2)
        let valid = String(validating: bytes, as: UTF8.self) != nil
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case UInt8(ascii: "\n"): out += Array("\\n".utf8)
            case UInt8(ascii: "\t"): out += Array("\\t".utf8)
            case UInt8(ascii: "\r"): out += Array("\\r".utf8)
            case 0..<32, 127: out += decimalEscape(byte)
            case 128...255 where !valid: out += decimalEscape(byte)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// `\ddd` with three digits, so a digit that follows cannot join the escape.
    private static func decimalEscape(_ byte: UInt8) -> [UInt8] {
        let digits = Array(String(byte).utf8)
        return [UInt8(ascii: "\\")] + Array(repeating: UInt8(ascii: "0"), count: 3 - digits.count)
            + digits
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }
}
