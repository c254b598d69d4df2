/// Reads a json or rest-json answer in one pass over its bytes, guided by the output shape,
/// and feeds a `ResultBuilder`: no JSON tree is made first. It follows every rule of
/// `JSONProtocol.outputValue` (members read by wire name and named as the model names them,
/// unknown members and nulls dropped, scalars converted by `outputScalar`, documents and
/// values of the wrong type kept as they came) and accepts and refuses the same text as
/// `JSONDecoding`, with the same messages and the same depth limit: the whole body is read,
/// skipped members included, before an answer counts as valid.
struct JSONOutputReader {
    private var parser: JSONParser
    /// Arrays and objects open around the current position.
    private var depth = 0
    /// The pages of a large body given back as it is read, when the caller allows it.
    private var consumed: ConsumedBodyPages?
    /// The offset past which the next release is made (never, without `consumed`).
    private var nextRelease = Int.max

    /// `releasingPages`: the body is not read again, so the whole pages behind the reader may be
    /// given back to the system while the result grows (large bodies only).
    init(_ bytes: UnsafeBufferPointer<UInt8>, releasingPages: Bool = false) {
        parser = JSONParser(bytes)
        if releasingPages, let consumed = ConsumedBodyPages(bytes) {
            self.consumed = consumed
            nextRelease = consumed.nextRelease
        }
    }

    /// Whether the body has only whitespace (an empty answer).
    var isBlank: Bool {
        !parser.bytes.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) })
    }

    /// Feeds the members of `shape` found in the body's object into an object the caller has
    /// begun; located members (headers, status) are skipped when `skippingLocated`. Returns
    /// false, having fed nothing, when the body is valid JSON but not an object.
    mutating func readMembers<B: ResultBuilder>(of shape: Shape, skippingLocated: Bool, into builder: inout B) throws
        -> Bool
    {
        try startValue()
        guard parser.bytes[parser.index] == UInt8(ascii: "{") else { return try skipNonObject() }
        try readStructureMembers(shape, skippingLocated: skippingLocated, into: &builder)
        try finishDocument()
        return true
    }

    /// Feeds the body's object as one value of `shape` (a rest-json payload). Returns false,
    /// having fed nothing, when the body is valid JSON but not an object.
    mutating func readValue<B: ResultBuilder>(of shape: Shape, into builder: inout B) throws -> Bool {
        try startValue()
        guard parser.bytes[parser.index] == UInt8(ascii: "{") else { return try skipNonObject() }
        try readShaped(shape, into: &builder)
        try finishDocument()
        return true
    }

    // MARK: Shaped values

    /// A value of `shape`, not null, starting at the current byte.
    private mutating func readShaped<B: ResultBuilder>(_ shape: Shape, into builder: inout B) throws {
        if shape.isDocument { return try readAsItCame(into: &builder) }
        let byte = parser.bytes[parser.index]
        switch shape.kind {
        case .structure:
            guard byte == UInt8(ascii: "{") else { return try readAsItCame(into: &builder) }
            try builder.beginObject()
            try readStructureMembers(shape, skippingLocated: false, into: &builder)
            try builder.endObject()
        case .list:
            guard byte == UInt8(ascii: "["), let element = shape.member?.shape else {
                return try readAsItCame(into: &builder)
            }
            try readList(of: element, into: &builder)
        case .map:
            guard byte == UInt8(ascii: "{"), let value = shape.value?.shape else {
                return try readAsItCame(into: &builder)
            }
            try readMap(of: value, into: &builder)
        case .string:
            guard byte == UInt8(ascii: "\"") else { return try readAsItCame(into: &builder) }
            try parser.withString { try builder.string(utf8: $0) }
        default:
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { return try readAsItCame(into: &builder) }
            try builder.value(JSONProtocol.outputScalar(try readScalar(), shape: shape))
        }
    }

    /// The members of a structure, from its `{` to its `}`, fed without begin and end.
    private mutating func readStructureMembers<B: ResultBuilder>(
        _ shape: Shape, skippingLocated: Bool, into builder: inout B
    ) throws {
        let names = shape.wireNames
        try open()
        if try closes(UInt8(ascii: "}")) { return }
        while true {
            let member = try readKey { names.member(named: $0) }
            try startValue()
            if let member, !(skippingLocated && member.isLocated) {
                try builder.key(member.name, modelOrder: member.position)
                if try skipNull() {
                    try builder.absent()
                } else {
                    try readShaped(member.shape, into: &builder)
                }
            } else {
                var discard = DiscardingBuilder()
                try readAsItCame(into: &discard)
            }
            if try nextMember(UInt8(ascii: "}"), "'}' after an object member") { return }
        }
    }

    private mutating func readList<B: ResultBuilder>(of element: Shape, into builder: inout B) throws {
        try builder.beginArray()
        try open()
        if try !closes(UInt8(ascii: "]")) {
            while true {
                try startValue()
                if try !skipNull() { try readShaped(element, into: &builder) }
                if parser.index >= nextRelease { releaseConsumedPages() }
                if try nextMember(UInt8(ascii: "]"), "']' after an array element") { break }
            }
        }
        try builder.endArray()
    }

    private mutating func readMap<B: ResultBuilder>(of value: Shape, into builder: inout B) throws {
        try builder.beginObject()
        try open()
        if try !closes(UInt8(ascii: "}")) {
            while true {
                try readKey { try builder.key(utf8: $0) }
                try startValue()
                if try skipNull() {
                    try builder.absent()
                } else {
                    try readShaped(value, into: &builder)
                }
                if parser.index >= nextRelease { releaseConsumedPages() }
                if try nextMember(UInt8(ascii: "}"), "'}' after an object member") { break }
            }
        }
        try builder.endObject()
    }

    /// Gives back the pages the reader has passed, having counted their lines for errors.
    private mutating func releaseConsumedPages() {
        guard var pages = consumed else { return }
        parser.settle(upTo: parser.index)
        _ = pages.release(before: parser.index)
        consumed = pages
        nextRelease = pages.nextRelease
    }

    // MARK: Values as they came

    /// Any JSON value, fed as it is: objects in document order, nulls as `null`.
    private mutating func readAsItCame<B: ResultBuilder>(into builder: inout B) throws {
        switch parser.bytes[parser.index] {
        case UInt8(ascii: "{"):
            try builder.beginObject()
            try open()
            if try !closes(UInt8(ascii: "}")) {
                while true {
                    try readKey { try builder.key(utf8: $0) }
                    try startValue()
                    try readAsItCame(into: &builder)
                    if try nextMember(UInt8(ascii: "}"), "'}' after an object member") { break }
                }
            }
            try builder.endObject()
        case UInt8(ascii: "["):
            try builder.beginArray()
            try open()
            if try !closes(UInt8(ascii: "]")) {
                while true {
                    try startValue()
                    try readAsItCame(into: &builder)
                    if try nextMember(UInt8(ascii: "]"), "']' after an array element") { break }
                }
            }
            try builder.endArray()
        case UInt8(ascii: "\""):
            try parser.withString { try builder.string(utf8: $0) }
        default:
            try builder.value(try readScalar())
        }
    }

    /// A number, `true`, `false` or `null` (or a string) at the current byte.
    private mutating func readScalar() throws -> JSONValue {
        switch parser.bytes[parser.index] {
        case UInt8(ascii: "\""): return .string(try parser.parseString())
        case UInt8(ascii: "t"): return try parser.parseKeyword("true", .bool(true))
        case UInt8(ascii: "f"): return try parser.parseKeyword("false", .bool(false))
        case UInt8(ascii: "n"): return try parser.parseKeyword("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parser.parseNumber()
        default: throw parser.error("expected a JSON value, found \(parser.describeCurrent())")
        }
    }

    // MARK: Syntax

    /// Skips whitespace up to the start of a value, which must be there.
    private mutating func startValue() throws {
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count else {
            throw parser.error("expected a JSON value, found end of input")
        }
    }

    /// Consumes `null` when it is the value at the current byte.
    private mutating func skipNull() throws -> Bool {
        guard parser.bytes[parser.index] == UInt8(ascii: "n") else { return false }
        _ = try parser.parseKeyword("null", .null)
        return true
    }

    /// Enters the array or object whose bracket is the current byte.
    private mutating func open() throws {
        if depth >= JSONDecoding.maximumDepth {
            throw parser.error("nesting deeper than \(JSONDecoding.maximumDepth) arrays and objects")
        }
        depth += 1
        parser.index += 1
    }

    /// Consumes `close` when the container just opened is empty.
    private mutating func closes(_ close: UInt8) throws -> Bool {
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == close else { return false }
        parser.index += 1
        depth -= 1
        return true
    }

    /// After a member or element: true at the container's end (consumed), false after a ','.
    private mutating func nextMember(_ close: UInt8, _ what: String) throws -> Bool {
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count else {
            throw parser.error("expected ',' or \(what), found end of input")
        }
        let byte = parser.bytes[parser.index]
        if byte == UInt8(ascii: ",") {
            parser.index += 1
            return false
        }
        guard byte == close else {
            throw parser.error("expected ',' or \(what), found \(parser.describeCurrent())")
        }
        parser.index += 1
        depth -= 1
        return true
    }

    /// An object key and the ':' after it; `body` gets the key's bytes.
    @discardableResult
    private mutating func readKey<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
            throw parser.error("expected a string key in an object, found \(parser.describeCurrent())")
        }
        let result = try parser.withString(body)
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
            throw parser.error("expected ':' after an object key, found \(parser.describeCurrent())")
        }
        parser.index += 1
        return result
    }

    /// After the outermost value: only whitespace may follow.
    private mutating func finishDocument() throws {
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.error("expected end of input after the JSON value, found \(parser.describeCurrent())")
        }
    }

    /// Reads a body that is not an object to its end, so invalid JSON is reported as such.
    private mutating func skipNonObject() throws -> Bool {
        var discard = DiscardingBuilder()
        try readAsItCame(into: &discard)
        try finishDocument()
        return false
    }
}

/// A `ResultBuilder` that keeps nothing: for members the shape does not know, which are read
/// only to check them.
private struct DiscardingBuilder: ResultBuilder {
    func beginObject() {}
    func key(_ name: String, modelOrder: Int?) {}
    func key(utf8: UnsafeBufferPointer<UInt8>) {}
    func endObject() {}
    func beginArray() {}
    func endArray() {}
    func null() {}
    func absent() {}
    func bool(_ value: Bool) {}
    func integer(_ value: Int64) {}
    func double(_ value: Double) {}
    func string(_ text: String) {}
    func string(utf8: UnsafeBufferPointer<UInt8>) {}
    func binary(_ bytes: [UInt8]) {}
}
