/// The bytes `offset ..< offset + length` of a download, filled by one response body as it
/// arrives, so no part of a download waits in memory for long: the pieces are gathered and
/// written a few hundred KiB at a time (see `WriteGatherer`), and the last piece of the region
/// writes what is held. A body that runs past `length` is refused at its first byte too many.
///
/// When the same region is asked for again after a failed attempt, a temporary file is simply
/// written over; a target written in place keeps what it has, and the bytes it already holds
/// are skipped in the new body.
final class DownloadRegion {
    let file: DownloadFile
    /// What is downloaded (`s3://bucket/key`), for messages.
    let source: String
    let offset: Int64
    let length: Int64
    /// Bytes of the region in the file so far (not counting those still gathered in memory).
    private(set) var written: Int64 = 0
    /// Bytes of the current body received so far.
    private var received: Int64 = 0
    private let gatherer: WriteGatherer

    /// `gathering`: bytes held in memory at most before they are written.
    init(
        file: DownloadFile, source: String, offset: Int64, length: Int64,
        gathering: Int = WriteGatherer.defaultCapacity
    ) {
        self.file = file
        self.source = source
        self.offset = offset
        self.length = length
        gatherer = WriteGatherer(file: file, capacity: Int(min(Int64(gathering), max(1, length))))
    }

    /// Whether every byte of the region is in the file.
    var isComplete: Bool { written == length }

    /// A new body starts; `declaredLength` is its `Content-Length`, when it has one.
    /// Code: `BodyTooLong` when the body says it is longer than the region.
    func begin(declaredLength: Int64?) throws {
        received = 0
        if !file.isInPlace { written = 0 }
        gatherer.start(at: offset + written)
        if let declaredLength, declaredLength > length {
            throw tooLong("the answer is \(declaredLength) bytes long")
        }
    }

    /// Takes the next piece of the body; the region's last byte writes every byte held.
    /// Codes: `BodyTooLong`, `FileNotWritable`.
    func receive(_ piece: UnsafeRawBufferPointer) throws {
        let start = received
        received += Int64(piece.count)
        guard received <= length else {
            throw tooLong("more than that arrived")
        }
        let skipped = max(0, min(Int64(piece.count), written + Int64(gatherer.held) - start))
        guard skipped < piece.count else { return }
        written += Int64(try gatherer.add(UnsafeRawBufferPointer(rebasing: piece[Int(skipped)...])))
        if received == length { try end() }
    }

    /// The body ended or stopped: writes the bytes held, so a target written in place keeps
    /// every byte that arrived, and gives their memory back. Code: `FileNotWritable`.
    func end() throws {
        written += Int64(try gatherer.end())
    }

    private func tooLong(_ detail: String) -> AWSError {
        AWSError(
            code: "BodyTooLong",
            message: "\(source): \(length) bytes from offset \(offset) were asked for but \(detail); "
                + "the download was stopped" + (file.isInPlace ? "" : " and \(file.target.path) left as it was"))
    }
}
