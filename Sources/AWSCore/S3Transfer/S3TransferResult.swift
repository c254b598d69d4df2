/// What a managed upload did: the object's ETag, its size, the parts sent (0 for a single
/// PutObject), the seconds it took, and the object's checksum when it has one (for a
/// multipart upload, the composite `…-N` checked against the parts').
public struct S3UploadResult: Sendable, Equatable {
    public var eTag: String
    public var size: Int64
    public var parts: Int
    public var seconds: Double
    public var checksum: String?

    public init(eTag: String, size: Int64, parts: Int, seconds: Double, checksum: String? = nil) {
        self.eTag = eTag
        self.size = size
        self.parts = parts
        self.seconds = seconds
        self.checksum = checksum
    }

    /// As Lua and JSON see it: `{ETag=, size=, parts=, seconds=, checksum=}`.
    public var json: JSONValue {
        var json: JSONValue = .object([
            "ETag": .string(eTag), "size": .integer(size), "parts": .integer(Int64(parts)), "seconds": .double(seconds),
        ])
        if let checksum { json = S3Transfer.merging(json, [("checksum", .string(checksum))]) }
        return json
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
