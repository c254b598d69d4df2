/// The status line a terminal shows during a managed transfer:
/// `upload part1.csv: 12.0 MiB of 100.0 MiB (12%) 45.2 MiB/s`, each figure in the unit its
/// size calls for (B, KiB, MiB, GiB), so a 14 KB file reads `14.0 KiB of 14.0 KiB`.
public struct TransferProgressLine: Sendable, Equatable {
    public var text: String

    /// The line for `progress` of the transfer called `verb` (`upload`) of the file `name`.
    public init(_ progress: S3TransferProgress, verb: String, name: String) {
        let percent = progress.totalBytes > 0 ? Int(progress.bytesDone * 100 / progress.totalBytes) : 100
        text =
            "\(verb) \(name): \(Self.size(progress.bytesDone)) of \(Self.size(progress.totalBytes)) "
            + "(\(percent)%) \(Self.size(Int64(min(progress.bytesPerSecond, 1e15))))/s"
    }

    /// Bytes in the largest binary unit that keeps the figure at 1 or more, with one decimal
    /// above bytes: `512 B`, `14.0 KiB`, `12.5 MiB`, `3.2 GiB`.
    public static func size(_ bytes: Int64) -> String {
        let units: [(name: String, bytes: Int64)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        guard let unit = units.first(where: { bytes >= $0.bytes }) else { return "\(max(0, bytes)) B" }
        let tenths = (bytes * 10 + unit.bytes / 2) / unit.bytes
        return "\(tenths / 10).\(tenths % 10) \(unit.name)"
    }
}
