extension XMLReader {
    /// The five entities every XML document knows; no other named entity is accepted.
    static let predefinedEntities: [String: UInt8] = [
        "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "amp": UInt8(ascii: "&"),
        "quot": UInt8(ascii: "\""), "apos": UInt8(ascii: "'"),
    ]

    /// Decodes `&name;`, `&#NN;` or `&#xHH;` at the current position and appends its UTF-8.
    mutating func readReference(into out: inout [UInt8]) throws {
        let start = index
        index += 1
        guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw failure("'&' does not start an entity reference (write &amp;)", at: start)
        }
        let body = bytes[index..<semicolon]
        index = semicolon + 1
        if body.first == UInt8(ascii: "#") {
            let isHex = body.dropFirst().first == UInt8(ascii: "x")
            let digits = String(decoding: body.dropFirst(isHex ? 2 : 1), as: UTF8.self)
            guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit), let code = UInt32(digits, radix: isHex ? 16 : 10),
                code != 0, let scalar = Unicode.Scalar(code)
            else {
                throw failure("invalid character reference &\(String(decoding: body, as: UTF8.self));", at: start)
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
            return
        }
        let name = String(decoding: body, as: UTF8.self)
        guard let byte = XMLReader.predefinedEntities[name] else {
            throw failure("unknown entity &\(name);", at: start)
        }
        out.append(byte)
    }
}
