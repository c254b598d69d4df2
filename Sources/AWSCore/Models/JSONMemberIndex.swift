import OrderedCollections

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where each member of a JSON object lies in its bytes, found without building any value:
/// the byte range of every member's value, by key, in document order. A service model is
/// indexed this way so that only the operations and shapes a script uses are ever decoded.
///
/// The scan checks the object's own structure (keys, colons, commas, balanced brackets
/// outside strings) but not what lies inside each value; decoding a value's range later
/// checks that. Anything it does not expect gives nil, and the caller reads the document with
/// `JSONDecoding` instead, which names the fault and its position.
enum JSONMemberIndex {
    /// The members of the object in `bytes[range]` (whitespace may surround it); when a key
    /// repeats, the last value wins at the position of the first, as `JSONDecoding` has it.
    static func members(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>)
        -> OrderedDictionary<String, Range<Int>>?
    {
        var scanner = Scanner(bytes: bytes, index: range.lowerBound, end: range.upperBound)
        scanner.skipWhitespace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var members: OrderedDictionary<String, Range<Int>> = [:]
        // Models spend about a hundred bytes a member; growing the table once is cheaper than
        // growing it step by step.
        members.reserveCapacity(range.count / 128)
        scanner.skipWhitespace()
        if !scanner.take(UInt8(ascii: "}")) {
            while true {
                scanner.skipWhitespace()
                guard let key = scanner.key() else { return nil }
                scanner.skipWhitespace()
                guard scanner.take(UInt8(ascii: ":")) else { return nil }
                scanner.skipWhitespace()
                let start = scanner.index
                guard scanner.skipValue() else { return nil }
                members[key] = start..<scanner.index
                scanner.skipWhitespace()
                if scanner.take(UInt8(ascii: ",")) { continue }
                guard scanner.take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        scanner.skipWhitespace()
        return scanner.index == range.upperBound ? members : nil
    }

    /// A cursor over the bytes; every method leaves `index` after what it read.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while index < end {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        /// A member's key; one that is not plain ASCII (escapes, control characters, other
        /// UTF-8) is decoded and checked by `JSONDecoding`.
        mutating func key() -> String? {
            let start = index
            guard skipString() else { return nil }
            let inner = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(index - 1)])
            if inner.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\\") }) {
                return String(decoding: inner, as: UTF8.self)
            }
            let quoted = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            return (try? JSONDecoding.decode(quoted))?.stringValue
        }

        /// A string from its opening quote to past its closing one: the next quote not
        /// escaped (preceded by an even number of backslashes), found with `memchr`.
        mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            guard let base = bytes.baseAddress else { return false }
            while index < end {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), end - index) else {
                    return false
                }
                let quote = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                var backslashes = 0
                while quote - backslashes - 1 >= index, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                    backslashes += 1
                }
                index = quote + 1
                if backslashes % 2 == 0 { return true }
            }
            return false
        }

        /// One value: a string, an object or array with whatever it holds, or a scalar.
        mutating func skipValue() -> Bool {
            guard index < end else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < end {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default:
                        break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while index < end {
                    switch bytes[index] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                        return index > start
                    default:
                        index += 1
                    }
                }
                return index > start
            }
        }
    }
}
