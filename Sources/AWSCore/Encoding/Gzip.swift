import CZlib

/// Reading gzip-compressed bytes (botocore ships its models as `.json.gz`), through zlib.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The uncompressed content of gzip (or zlib) data; an `AWSError` with code
    /// `InvalidCompressedData` when it is damaged or cut short.
    static func decompress(_ compressed: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard gs_inflate_init_auto(&stream) == Z_OK else {
            throw AWSError(code: "InvalidCompressedData", message: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(compressed.count * 8)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        var input = compressed
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else {
            let reason = status == Z_BUF_ERROR ? "the data is cut short" : "the data is damaged (zlib status \(status))"
            throw AWSError(code: "InvalidCompressedData", message: "cannot decompress gzip data: \(reason)")
        }
        return output
    }
}
