import Foundation

/// Reading a request body's file region (`HTTPRequest.Body.file`) in 1 MiB chunks from its
/// offset, so large uploads are hashed or checksummed without being loaded into memory.
enum FileRegionChunks {
    /// Calls `body` with each chunk of `length` bytes of `path` from `offset`. Errors name the
    /// file and `purpose` ("hash", "checksum"): `FileNotReadable`, or `FileChanged` when the file
    /// ends before `length` bytes.
    static func read(
        _ path: String, offset: UInt64, length: UInt64, purpose: String, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AWSError(code: "FileNotReadable", message: "cannot open \(path) to \(purpose) the request body")
        }
        defer { try? handle.close() }
        var remaining = length
        do {
            try handle.seek(toOffset: offset)
            while remaining > 0 {
                let chunk = try handle.read(upToCount: Int(min(remaining, 1 << 20))) ?? Data()
                guard !chunk.isEmpty else {
                    throw AWSError(
                        code: "FileChanged",
                        message: "\(path) ended \(remaining) bytes before the \(length) bytes to be sent")
                }
                chunk.withUnsafeBytes { body($0) }
                remaining -= UInt64(chunk.count)
            }
        } catch let error as AWSError {
            throw error
        } catch {
            throw AWSError(
                code: "FileNotReadable", message: "cannot read \(path) to \(purpose) the request body: \(error)")
        }
    }
}
