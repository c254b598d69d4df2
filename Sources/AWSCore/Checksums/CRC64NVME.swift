/// A table-driven CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5), the checksum S3
/// computes for every object it stores.
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
        Self.table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt64(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        value = crc
    }

    private static let table: [UInt64] = (0..<256).map { byte in
        var crc = UInt64(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x9A6C_9329_AC4B_C9B5 : crc >> 1 }
        return crc
    }
}
