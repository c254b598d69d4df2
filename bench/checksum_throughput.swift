// Throughput of the table-driven CRCs over 256 MiB in memory (see bench/checksums.sh).
import Foundation

let size = 256 * 1024 * 1024
let data = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }

func measure(_ name: String, _ body: () -> Void) {
    let start = Date()
    body()
    let seconds = Date().timeIntervalSince(start)
    print(name, String(format: "%.0f MB/s", Double(size) / seconds / 1e6))
}

measure("CRC32") {
    var crc = CRC32(.crc32)
    data.withUnsafeBytes { crc.update($0) }
    precondition(crc.checksum != 0)
}
measure("CRC32C") {
    var crc = CRC32(.crc32c)
    data.withUnsafeBytes { crc.update($0) }
    precondition(crc.checksum != 0)
}
measure("CRC64NVME") {
    var crc = CRC64NVME()
    data.withUnsafeBytes { crc.update($0) }
    precondition(crc.checksum != 0)
}
