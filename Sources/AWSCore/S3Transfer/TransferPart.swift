/// One piece of a file or object moved by a managed transfer: S3 part `number` (from 1),
/// covering `length` bytes from `offset`.
public struct TransferPart: Sendable, Equatable {
    public var number: Int
    public var offset: Int64
    public var length: Int64

    public init(number: Int, offset: Int64, length: Int64) {
        self.number = number
        self.offset = offset
        self.length = length
    }

    /// The HTTP `Range` header value that asks for this piece: `bytes=first-last`, both inclusive.
    public var rangeHeader: String { "bytes=\(offset)-\(offset + length - 1)" }
}
