/// How a file or object is cut into parts, with S3's multipart limits as s3transfer applies them.
public enum PartPlan {
    /// S3's smallest part, the last one excepted.
    public static let minimumPartSize: Int64 = 5 * 1024 * 1024
    /// S3's largest part.
    public static let maximumPartSize: Int64 = 5 * 1024 * 1024 * 1024
    /// S3's largest number of parts in one upload.
    public static let maximumParts = 10_000

    /// The part size to use for `size` bytes when `requested` is asked for: raised to `minimum`,
    /// then doubled until at most `maximumParts` parts are needed, and capped at `maximumPartSize`.
    public static func partSize(forSize size: Int64, requested: Int64, minimum: Int64 = minimumPartSize) -> Int64 {
        var partSize = max(requested, minimum, 1)
        while size > partSize * Int64(maximumParts) && partSize < maximumPartSize {
            partSize *= 2
        }
        return min(partSize, maximumPartSize)
    }

    /// The parts covering `size` bytes in order, each `partSize` long but the last; no parts
    /// for an empty file.
    public static func parts(size: Int64, partSize: Int64) -> [TransferPart] {
        guard size > 0, partSize > 0 else { return [] }
        var parts: [TransferPart] = []
        var offset: Int64 = 0
        while offset < size {
            let length = min(partSize, size - offset)
            parts.append(TransferPart(number: parts.count + 1, offset: offset, length: length))
            offset += length
        }
        return parts
    }
}
