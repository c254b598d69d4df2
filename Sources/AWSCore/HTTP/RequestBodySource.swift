#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Supplies a request body to curl in pieces, from memory or from a region of a file, and can
/// start over from the beginning when curl has to send it again.
final class RequestBodySource {
    private enum Storage {
        case bytes([UInt8])
        case file(descriptor: Int32, path: String, offset: UInt64)
    }

    private let storage: Storage
    /// Total number of bytes the body holds (the Content-Length).
    let length: UInt64
    private var position: UInt64 = 0

    /// Opens the body of `request`; a file that cannot be opened or is shorter than asked is an
    /// `AWSError` with the code `BodyFileError`.
    init(_ body: HTTPRequest.Body) throws {
        switch body {
        case .none:
            storage = .bytes([])
            length = 0
        case .bytes(let bytes):
            storage = .bytes(bytes)
            length = UInt64(bytes.count)
        case .file(let path, let offset, let length):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw AWSError(
                    code: "BodyFileError", message: "cannot open \(path): \(String(cString: strerror(errno)))"
                )
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, UInt64(info.st_size) < offset + length {
                close(descriptor)
                throw AWSError(
                    code: "BodyFileError",
                    message:
                        "\(path) has \(info.st_size) bytes, fewer than offset \(offset) + length \(length)")
            }
            storage = .file(descriptor: descriptor, path: path, offset: offset)
            self.length = length
        }
    }

    deinit {
        if case .file(let descriptor, _, _) = storage { close(descriptor) }
    }

    /// Copies up to `capacity` next bytes into `buffer` and returns how many (0 at the end). A
    /// file read fails with `FileChanged` when the file ends early, `FileNotReadable` otherwise.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
        let wanted = Int(min(UInt64(capacity), length - position))
        guard wanted > 0 else { return 0 }
        switch storage {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { source in
                guard let base = source.baseAddress else { return }
                buffer.copyMemory(from: base + Int(position), byteCount: wanted)
            }
            position += UInt64(wanted)
            return wanted
        case .file(let descriptor, let path, let offset):
            let count = try FileRegionRead.pread(
                descriptor, into: buffer, count: wanted, at: offset + position, path: path, length: length,
                done: position)
            position += UInt64(count)
            return count
        }
    }

    /// Moves to `offset` bytes from the start of the body; false if that is past its end.
    func seek(to offset: UInt64) -> Bool {
        guard offset <= length else { return false }
        position = offset
        return true
    }
}
