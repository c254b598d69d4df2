/// Writes CBOR (RFC 8949) the way botocore's `smithy-rpc-v2-cbor` serializer does: definite
/// lengths, the shortest integer heads, 32-bit floats for `float` shapes and 64-bit for
/// `double`, NaN and infinities as half-precision, timestamps as tag 1 epoch seconds (an
/// integer, or a 64-bit float when the value has a fraction, which botocore would drop).
struct CBORWriter {
    private(set) var bytes: [UInt8] = []

    /// Writes `value`, an input of `shape` reached through `member`; nulls in structures and
    /// maps are left out. Errors name the bad value by `path`.
    mutating func write(_ value: JSONValue, shape: Shape, member: ShapeMember?, path: String) throws {
        if shape.isDocument { return writeDocument(value) }
        switch shape.kind {
        case .structure:
            guard let members = value.objectValue else { throw mismatch(value, "a table", path) }
            let present = members.filter { $0.value != .null && shape.members[$0.key] != nil }
            head(5, UInt64(present.count))
            for (name, item) in present {
                guard let itemMember = shape.members[name] else { continue }
                text(itemMember.wireName)
                try write(item, shape: itemMember.shape, member: itemMember, path: join(path, name))
            }
        case .list:
            guard let items = value.arrayValue, let element = shape.member else {
                throw mismatch(value, "a list", path)
            }
            let present = items.filter { $0 != .null }
            head(4, UInt64(present.count))
            for (index, item) in present.enumerated() {
                try write(item, shape: element.shape, member: element, path: "\(path)[\(index + 1)]")
            }
        case .map:
            guard let entries = value.objectValue, let valueMember = shape.value else {
                throw mismatch(value, "a table", path)
            }
            let present = entries.filter { $0.value != .null }
            head(5, UInt64(present.count))
            for (key, item) in present {
                text(key)
                try write(item, shape: valueMember.shape, member: valueMember, path: join(path, key))
            }
        case .string:
            guard let string = value.stringValue else { throw mismatch(value, "a string", path) }
            text(string)
        case .blob:
            guard let data = value.inputBytes else { throw mismatch(value, "a string of bytes", path) }
            head(2, UInt64(data.count))
            bytes += data
        case .boolean:
            guard case .bool(let flag) = value else { throw mismatch(value, "a boolean", path) }
            bytes.append(flag ? 0xF5 : 0xF4)
        case .integer, .long:
            switch value {
            case .integer(let number): integer(number)
            case .double(let number) where number == number.rounded() && abs(number) < 9.2e18: integer(Int64(number))
            default: throw mismatch(value, "an integer", path)
            }
        case .float, .double:
            let number: Double
            switch value {
            case .integer(let whole): number = Double(whole)
            case .double(let real): number = real
            default: throw mismatch(value, "a number", path)
            }
            floatingPoint(number, single: shape.kind == .float)
        case .timestamp:
            guard let timestamp = value.inputTimestamp else {
                throw mismatch(value, "a timestamp (ISO 8601 text or epoch seconds)", path)
            }
            bytes.append(0xC1)
            let seconds = (timestamp.epochSeconds * 1000).rounded() / 1000
            if seconds == seconds.rounded(), abs(seconds) < 9.2e18 {
                integer(Int64(seconds))
            } else {
                floatingPoint(seconds, single: false)
            }
        }
    }

    private mutating func writeDocument(_ value: JSONValue) {
        switch value {
        case .null: bytes.append(0xF6)
        case .bool(let flag): bytes.append(flag ? 0xF5 : 0xF4)
        case .integer(let number): integer(number)
        case .double(let number): floatingPoint(number, single: false)
        case .string(let string): text(string)
        case .binary(let data):
            head(2, UInt64(data.count))
            bytes += data
        case .array(let items):
            head(4, UInt64(items.count))
            for item in items { writeDocument(item) }
        case .object(let members):
            head(5, UInt64(members.count))
            for (key, item) in members {
                text(key)
                writeDocument(item)
            }
        }
    }

    private mutating func integer(_ number: Int64) {
        if number >= 0 {
            head(0, UInt64(number))
        } else {
            head(1, UInt64(-1 - number))
        }
    }

    private mutating func floatingPoint(_ number: Double, single: Bool) {
        if number.isNaN || number.isInfinite {
            bytes.append(0xF9)
            let half: UInt16 = number.isNaN ? 0x7E00 : number > 0 ? 0x7C00 : 0xFC00
            bytes += [UInt8(half >> 8), UInt8(half & 0xFF)]
        } else if single {
            bytes.append(0xFA)
            appendBigEndian(UInt64(Float(number).bitPattern), count: 4)
        } else {
            bytes.append(0xFB)
            appendBigEndian(number.bitPattern, count: 8)
        }
    }

    private mutating func text(_ string: String) {
        let utf8 = Array(string.utf8)
        head(3, UInt64(utf8.count))
        bytes += utf8
    }

    /// The head of a data item: major type and its argument, in the fewest bytes.
    private mutating func head(_ major: UInt8, _ argument: UInt64) {
        let type = major << 5
        switch argument {
        case 0..<24: bytes.append(type | UInt8(argument))
        case 24..<256:
            bytes += [type | 24, UInt8(argument)]
        case 256..<65_536:
            bytes.append(type | 25)
            appendBigEndian(argument, count: 2)
        case 65_536..<4_294_967_296:
            bytes.append(type | 26)
            appendBigEndian(argument, count: 4)
        default:
            bytes.append(type | 27)
            appendBigEndian(argument, count: 8)
        }
    }

    private mutating func appendBigEndian(_ value: UInt64, count: Int) {
        for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(UInt8((value >> (8 * index)) & 0xFF)) }
    }

    private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    private func mismatch(_ value: JSONValue, _ expected: String, _ path: String) -> AWSError {
        AWSError.invalidInputValue(path, "expected \(expected), got \(RESTValueText.kindName(value))")
    }
}
