/// The status line a terminal shows during a managed transfer:
/// `upload part1.csv: 12.0 of 100.0 MiB (12%) 45.2 MiB/s`.
public struct TransferProgressLine: Sendable, Equatable {
    public var text: String

    /// The line for `progress` of the transfer called `verb` (`upload`) of the file `name`.
    public init(_ progress: S3TransferProgress, verb: String, name: String) {
        let percent = progress.totalBytes > 0 ? Int(progress.bytesDone * 100 / progress.totalBytes) : 100
        text =
            "\(verb) \(name): \(Self.mebibytes(progress.bytesDone)) of \(Self.mebibytes(progress.totalBytes)) MiB "
            + "(\(percent)%) \(Self.mebibytes(Int64(min(progress.bytesPerSecond, 1e15)))) MiB/s"
    }

    /// Bytes as MiB with one decimal: `12.0`.
    static func mebibytes(_ bytes: Int64) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }
}
