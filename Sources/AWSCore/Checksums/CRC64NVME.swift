/// A table-driven CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5), the checksum S3
/// computes for every object it stores; eight bytes a step (slicing-by-8).
public struct CRC64NVME {
    private var value: UInt64 = 0xFFFF_FFFF_FFFF_FFFF

    public init() {}

    /// The checksum of the bytes so far.
    public var checksum: UInt64 { value ^ 0xFFFF_FFFF_FFFF_FFFF }

    var bigEndianBytes: [UInt8] {
        let c = checksum
        return (0..<8).map { UInt8((c >> (56 - 8 * UInt64($0))) & 0xFF) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = value
        Self.tables.withUnsafeBufferPointer { t in
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
                var word: UInt64 = 0
                for shift in 0..<8 { word |= UInt64(bytes[index + shift]) << (8 * UInt64(shift)) }
                let x = crc ^ word
                crc =
                    t7[Int(x & 0xFF)] ^ t6[Int((x >> 8) & 0xFF)] ^ t5[Int((x >> 16) & 0xFF)]
                    ^ t4[Int((x >> 24) & 0xFF)] ^ t3[Int((x >> 32) & 0xFF)] ^ t2[Int((x >> 40) & 0xFF)]
                    ^ t1[Int((x >> 48) & 0xFF)] ^ t0[Int(x >> 56)]
                index += 8
            }
            while index < count {
                crc = t0[Int((crc ^ UInt64(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        value = crc
    }

    /// Table 0 is the classic byte table; table k advances a byte through k more zero bytes.
    private static let tables: [[UInt64]] = {
        let first: [UInt64] = (0..<256).map { byte in
            var crc = UInt64(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x9A6C_9329_AC4B_C9B5 : crc >> 1 }
            return crc
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
    }()
}
