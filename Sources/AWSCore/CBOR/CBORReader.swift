import OrderedCollections

/// Reads a CBOR (RFC 8949) document into a `JSONValue`: integers as `.integer`, floats (half,
/// single, double) as `.double`, byte strings as `.binary`, text as `.string`, definite and
/// indefinite arrays, maps (text keys) and strings, tags by their content (tag 1 epoch
/// seconds stay numbers, for the shape to read as timestamps), `null` and `undefined` as null.
/// Anything malformed, cut short or nested deeper than 200 levels is a `ResponseParseError`.
struct CBORReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The one data item `bytes` holds.
    static func read(_ bytes: [UInt8]) throws -> JSONValue {
        var reader = CBORReader(bytes)
        let value = try reader.item(depth: 0)
        guard reader.index == bytes.count else { throw malformed("data after the end of the document") }
        return value
    }

    private mutating func item(depth: Int) throws -> JSONValue {
        guard depth < 200 else { throw Self.malformed("nested too deeply") }
        let initial = try byte()
        let major = initial >> 5
        let info = initial & 0x1F
        switch major {
        case 0: return .integer(try signed(try argument(info)))
        case 1: return .integer(-1 - (try signed(try argument(info))))
        case 2: return .binary(try string(major: 2, info: info))
        case 3: return .string(String(decoding: try string(major: 3, info: info), as: UTF8.self))
        case 4:
            var items: [JSONValue] = []
            if info == 31 {
                while try peek() != 0xFF { items.append(try item(depth: depth + 1)) }
                index += 1
            } else {
                for _ in 0..<(try count(try argument(info))) { items.append(try item(depth: depth + 1)) }
            }
            return .array(items)
        case 5:
            var members: OrderedDictionary<String, JSONValue> = [:]
            func entry() throws {
                guard case .string(let key) = try item(depth: depth + 1) else {
                    throw Self.malformed("a map key that is not text")
                }
                members[key] = try item(depth: depth + 1)
            }
            if info == 31 {
                while try peek() != 0xFF { try entry() }
                index += 1
            } else {
                for _ in 0..<(try count(try argument(info))) { try entry() }
            }
            return .object(members)
        case 6:
            _ = try argument(info)
            return try item(depth: depth + 1)
        default:
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22, 23: return .null
            case 25: return .double(Double(Float16Bits(UInt16(try bigEndian(2))).value))
            case 26: return .double(Double(Float(bitPattern: UInt32(try bigEndian(4)))))
            case 27: return .double(Double(bitPattern: try bigEndian(8)))
            default: throw Self.malformed("simple value \(info)")
            }
        }
    }

    private mutating func string(major: UInt8, info: UInt8) throws -> [UInt8] {
        guard info == 31 else {
            let length = try count(try argument(info))
            guard bytes.count - index >= length else { throw Self.malformed("a string longer than the document") }
            defer { index += length }
            return Array(bytes[index..<(index + length)])
        }
        var out: [UInt8] = []
        while try peek() != 0xFF {
            let chunk = try byte()
            guard chunk >> 5 == major, chunk & 0x1F != 31 else { throw Self.malformed("a bad string chunk") }
            out += try string(major: major, info: chunk & 0x1F)
        }
        index += 1
        return out
    }

    private mutating func argument(_ info: UInt8) throws -> UInt64 {
        switch info {
        case 0..<24: return UInt64(info)
        case 24: return try bigEndian(1)
        case 25: return try bigEndian(2)
        case 26: return try bigEndian(4)
        case 27: return try bigEndian(8)
        default: throw Self.malformed("additional information \(info)")
        }
    }

    private func signed(_ value: UInt64) throws -> Int64 {
        guard value <= UInt64(Int64.max) else { throw Self.malformed("an integer beyond 64 bits") }
        return Int64(value)
    }

    private func count(_ value: UInt64) throws -> Int {
        guard value <= UInt64(bytes.count - index) else { throw Self.malformed("a length beyond the document") }
        return Int(value)
    }

    private mutating func bigEndian(_ count: Int) throws -> UInt64 {
        guard bytes.count - index >= count else { throw Self.malformed("the document ends early") }
        var value: UInt64 = 0
        for _ in 0..<count {
            value = value << 8 | UInt64(bytes[index])
            index += 1
        }
        return value
    }

    private mutating func byte() throws -> UInt8 {
        guard index < bytes.count else { throw Self.malformed("the document ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    private func peek() throws -> UInt8 {
        guard index < bytes.count else { throw Self.malformed("the document ends early") }
        return bytes[index]
    }

    private static func malformed(_ what: String) -> AWSError {
        AWSError(code: "ResponseParseError", message: "the CBOR response is malformed: \(what)")
    }
}

/// An IEEE 754 half-precision value from its bits.
private struct Float16Bits {
    let bits: UInt16
    init(_ bits: UInt16) { self.bits = bits }

    var value: Float {
        let sign: Float = bits & 0x8000 == 0 ? 1 : -1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Float(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * Float(pow2: -24)
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(pow2: exponent - 15)
        }
    }
}

extension Float {
    fileprivate init(pow2 exponent: Int) {
        self = Float(sign: .plus, exponent: exponent, significand: 1)
    }
}
