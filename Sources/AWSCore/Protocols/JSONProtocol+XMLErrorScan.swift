import Foundation

extension JSONProtocol {
    /// `Code`, `Message` and `RequestId` (or `RequestID`) of an XML error body, such as the
    /// query-style `<ErrorResponse><Errors><Error><Code>..` moto sends for a JSON service's
    /// authentication failures; nil when the text has no `<Code>` element.
    ///
    /// A small scan for the first element of each name (entities decoded), not an XML reader:
    /// the query protocol's error parser can take its place once it is in the core.
    static func xmlErrorFields(in text: String) -> (code: String?, message: String?, requestID: String?)? {
        guard let code = firstElement("Code", in: text) else { return nil }
        return (
            code, firstElement("Message", in: text),
            firstElement("RequestId", in: text) ?? firstElement("RequestID", in: text)
        )
    }

    private static func firstElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
            let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else { return nil }
        return decodeEntities(String(text[open.upperBound..<close.lowerBound]))
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            if let decoded = decodeEntity(entity) {
                out += decoded
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func decodeEntity(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
