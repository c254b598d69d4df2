/// What a managed upload did: the object's ETag, its size, the parts sent (0 for a single
/// PutObject) and the seconds it took.
public struct S3UploadResult: Sendable, Equatable {
    public var eTag: String
    public var size: Int64
    public var parts: Int
    public var seconds: Double

    /// As Lua and JSON see it: `{ETag=, size=, parts=, seconds=}`.
    public var json: JSONValue {
        .object([
            "ETag": .string(eTag), "size": .integer(size), "parts": .integer(Int64(parts)), "seconds": .double(seconds),
        ])
    }
}

/// What a managed download did: the bytes written, the ranged requests made (0 for a single
/// GetObject) and the seconds it took.
public struct S3DownloadResult: Sendable, Equatable {
    public var size: Int64
    public var parts: Int
    public var seconds: Double

    /// As Lua and JSON see it: `{size=, parts=, seconds=}`.
    public var json: JSONValue {
        .object(["size": .integer(size), "parts": .integer(Int64(parts)), "seconds": .double(seconds)])
    }
}
