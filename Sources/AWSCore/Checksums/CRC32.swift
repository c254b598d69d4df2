/// A table-driven CRC-32 over the reflected polynomial of CRC-32 (ISO-HDLC, as zlib) or
/// CRC-32C (Castagnoli), eight bytes a step (slicing-by-8).
public struct CRC32 {
    /// The two CRC-32 variants AWS uses, by their reflected polynomials.
    public enum Variant {
        case crc32
        case crc32c

        fileprivate var tables: [[UInt32]] {
            switch self {
            case .crc32: return CRC32.crc32Tables
            case .crc32c: return CRC32.crc32cTables
            }
        }
    }

    private let tables: [[UInt32]]
    private var value: UInt32 = 0xFFFF_FFFF

    public init(_ variant: Variant) {
        tables = variant.tables
    }

    /// The checksum of the bytes so far.
    public var checksum: UInt32 { value ^ 0xFFFF_FFFF }

    var bigEndianBytes: [UInt8] {
        let c = checksum
        return [UInt8(c >> 24), UInt8((c >> 16) & 0xFF), UInt8((c >> 8) & 0xFF), UInt8(c & 0xFF)]
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = value
        tables.withUnsafeBufferPointer { t in
            let t0 = t[0]
            let t1 = t[1]
            let t2 = t[2]
            let t3 = t[3]
            let t4 = t[4]
            let t5 = t[5]
            let t6 = t[6]
            let t7 = t[7]
            var index = 0
            let count = bytes.count
            while count - index >= 8 {
                let low =
                    crc
                    ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                        | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
                crc =
                    t7[Int(low & 0xFF)] ^ t6[Int((low >> 8) & 0xFF)] ^ t5[Int((low >> 16) & 0xFF)]
                    ^ t4[Int(low >> 24)] ^ t3[Int(bytes[index + 4])] ^ t2[Int(bytes[index + 5])]
                    ^ t1[Int(bytes[index + 6])] ^ t0[Int(bytes[index + 7])]
                index += 8
            }
            while index < count {
                crc = t0[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        value = crc
    }

    static let crc32Tables = tables(polynomial: 0xEDB8_8320)
    static let crc32cTables = tables(polynomial: 0x82F6_3B78)

    /// Table 0 is the classic byte table; table k advances a byte through k more zero bytes.
    private static func tables(polynomial: UInt32) -> [[UInt32]] {
        var first = [UInt32](repeating: 0, count: 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            first[byte] = crc
        }
        var all = [first]
        for k in 1..<8 {
            all.append(
                (0..<256).map { byte in
                    let previous = all[k - 1][byte]
                    return first[Int(previous & 0xFF)] ^ (previous >> 8)
                })
        }
        return all
    }
}
