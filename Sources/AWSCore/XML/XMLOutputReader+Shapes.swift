/// The shape rules of `XMLOutputReader`, as botocore's XML parsers read the query and rest-xml
/// protocols:
///
/// - Structure members are found by `locationName` (else the member name), matching local
///   names, so namespaces and prefixes do not matter; the first element of a name is the
///   member, later ones are passed over; absent members stay absent. `xmlAttribute` members
///   come from the structure element's attributes (by qualified name, else local name), as
///   text. Members bound to HTTP headers, the status code or the URI are left to the caller;
///   elements the shape does not know are skipped.
/// - Lists are the children of their element (`<member>`, `<item>` or any name), or, when
///   flattened, the repeated elements themselves, wherever they stand among their siblings;
///   maps are `entry` elements (or repeated elements when flattened) holding `key` and
///   `value` (or their `locationName`s): an entry without a key is dropped, one without a
///   value gives null, a repeated key keeps its first place and its last value.
/// - Scalars follow the shape: integers, floats, booleans (`true`, anything else false),
///   timestamps as `Timestamp.iso8601` strings (milliseconds kept), blobs base64-decoded;
///   numbers, booleans, timestamps and blobs are read with the whitespace around them
///   trimmed, strings as they are (entities, character references and CDATA decoded).
/// - With `decodesPolicyDocuments`, strings of IAM's `policyDocumentType` shape are
///   URL-decoded and read as JSON (kept as the decoded string when they are not JSON).
///
/// Unreadable scalars are `AWSError`s with code `ResponseParseError` naming the element.
extension XMLOutputReader {
    /// Reads the element `tag` (just opened) as a value of `shape`; `flattened`: the member
    /// that refers to `shape` is marked flattened (then a list or map is this one element).
    mutating func readValue<B: ResultBuilder>(
        _ tag: Tag, as shape: Shape, flattened: Bool, into builder: inout B
    ) throws {
        switch shape.kind {
        case .structure:
            try builder.beginObject()
            try readMembers(tag, of: shape, into: &builder)
            try builder.endObject()
        case .list:
            try builder.beginArray()
            if shape.flattened || flattened {
                try readItem(tag, of: shape, into: &builder)
            } else if !tag.selfClosing {
                while let child = try nextChild() { try readItem(child, of: shape, into: &builder) }
                try closeElement()
            }
            try builder.endArray()
        case .map:
            try builder.beginObject()
            if shape.flattened || flattened {
                try readItem(tag, of: shape, into: &builder)
            } else if !tag.selfClosing {
                while let child = try nextChild() { try readItem(child, of: shape, into: &builder) }
                try closeElement()
            }
            try builder.endObject()
        default:
            try readScalar(tag, as: shape, into: &builder)
        }
    }

    /// Feeds the members of structure `shape` read from the element `tag` (just opened) into
    /// an object the caller has begun, and reads the element to its end.
    mutating func readMembers<B: ResultBuilder>(_ tag: Tag, of shape: Shape, into builder: inout B) throws {
        let plan = plans.plan(of: shape)
        for member in plan.attributes {
            let local = XMLName.split(member.elementName).localName
            guard
                let value = tag.attributes.first(where: { $0.name == member.elementName })?.value
                    ?? tag.attributes.first(where: { $0.localName == local })?.value
            else { continue }
            try builder.key(member.name, modelOrder: member.order)
            try builder.string(value)
        }
        guard !tag.selfClosing else { return }
        var state = StructureReading()
        while let child = try nextChild() {
            guard let index = plan.elements.firstIndex(where: { hasLocalName(child, $0.elementBytes) }) else {
                try skipElement(child)
                continue
            }
            let member = plan.elements[index]
            if member.sharesName {
                try state.closeRun(&builder)
                for (other, candidate) in plan.elements.enumerated() where candidate.elementBytes == member.elementBytes
                {
                    if candidate.gathers || !state.seen(other) { state.defer(other, at: child.start) }
                }
                try skipElement(child)
            } else if member.gathers {
                state.record(index, at: child.start)
                if state.run == index {
                    try readItem(child, of: member.shape, into: &builder)
                } else if !state.seen(index) {
                    try state.closeRun(&builder)
                    state.see(index)
                    try builder.key(member.name, modelOrder: member.order)
                    try member.shape.kind == .list ? builder.beginArray() : builder.beginObject()
                    state.run = index
                    state.runIsList = member.shape.kind == .list
                    try readItem(child, of: member.shape, into: &builder)
                } else {
                    state.deferred.insert(index)
                    try skipElement(child)
                }
            } else if !state.seen(index) {
                try state.closeRun(&builder)
                state.see(index)
                try builder.key(member.name, modelOrder: member.order)
                try readValue(child, as: member.shape, flattened: member.flattened, into: &builder)
            } else {
                try skipElement(child)
            }
        }
        try state.closeRun(&builder)
        for index in state.deferred.sorted() {
            let member = plan.elements[index]
            let offsets = state.offsets[index] ?? []
            try builder.key(member.name, modelOrder: member.order)
            if member.gathers {
                try member.shape.kind == .list ? builder.beginArray() : builder.beginObject()
                for offset in offsets {
                    try reread(at: offset) { reader, item in
                        try reader.readItem(item, of: member.shape, into: &builder)
                    }
                }
                try member.shape.kind == .list ? builder.endArray() : builder.endObject()
            } else if let offset = offsets.first {
                try reread(at: offset) { reader, element in
                    try reader.readValue(element, as: member.shape, flattened: member.flattened, into: &builder)
                }
            }
        }
        try closeElement()
    }

    /// Feeds the members of `shape` read from the element reached from `tag` through the
    /// first child of each name in `path` (none when one is missing), then reads `tag` to its
    /// end.
    mutating func readMembers<B: ResultBuilder>(
        _ tag: Tag, at path: ArraySlice<[UInt8]>, of shape: Shape, into builder: inout B
    ) throws {
        guard let name = path.first else { return try readMembers(tag, of: shape, into: &builder) }
        guard !tag.selfClosing else { return }
        var found = false
        while let child = try nextChild() {
            if !found && hasLocalName(child, name) {
                found = true
                try readMembers(child, at: path.dropFirst(), of: shape, into: &builder)
            } else {
                try skipElement(child)
            }
        }
        try closeElement()
    }

    /// One item of a list (`shape`), or one entry of a map, read from the element `tag`.
    private mutating func readItem<B: ResultBuilder>(_ tag: Tag, of shape: Shape, into builder: inout B) throws {
        if shape.kind == .list {
            guard let item = shape.member else { return try skipElement(tag) }
            return try readValue(tag, as: item.shape, flattened: item.flattened, into: &builder)
        }
        guard let keyMember = shape.key, let valueMember = shape.value, !tag.selfClosing else {
            return try skipElement(tag)
        }
        let keyName = Array((keyMember.locationName ?? keyMember.shape.locationName ?? "key").utf8)
        let valueName = Array((valueMember.locationName ?? valueMember.shape.locationName ?? "value").utf8)
        var key: String?
        var keyAt: Int?
        var valueAt: Int?
        var valueRead = false
        while let child = try nextChild() {
            let isKey = key == nil && keyAt == nil && hasLocalName(child, keyName)
            let isValue = !valueRead && valueAt == nil && hasLocalName(child, valueName)
            if isKey && !isValue {
                key = try readString(child)
            } else if isValue && !isKey, let key {
                valueRead = true
                try builder.key(key, modelOrder: nil)
                try readValue(child, as: valueMember.shape, flattened: valueMember.flattened, into: &builder)
            } else {
                if isKey { keyAt = child.start }
                if isValue { valueAt = child.start }
                try skipElement(child)
            }
        }
        if !valueRead {
            if key == nil, let keyAt {
                try reread(at: keyAt) { reader, element in key = try reader.readString(element) }
            }
            if let key {
                try builder.key(key, modelOrder: nil)
                if let valueAt {
                    try reread(at: valueAt) { reader, element in
                        try reader.readValue(
                            element, as: valueMember.shape, flattened: valueMember.flattened, into: &builder)
                    }
                } else {
                    try builder.null()
                }
            }
        }
        try closeElement()
    }

    private mutating func readScalar<B: ResultBuilder>(_ tag: Tag, as shape: Shape, into builder: inout B) throws {
        try collectText(tag)
        if shape.kind == .string {
            if decodesPolicyDocuments && shape.name == "policyDocumentType" {
                return try builder.value(Self.policyDocument(String(decoding: text, as: UTF8.self)))
            }
            return try text.withUnsafeBufferPointer { try builder.string(utf8: $0) }
        }
        let trimmed = Self.trimmed(String(decoding: text, as: UTF8.self))
        switch shape.kind {
        case .integer, .long:
            guard let number = Int64(trimmed) else { throw unreadable(tag, "an integer") }
            try builder.integer(number)
        case .float, .double:
            guard let number = Double(trimmed) else { throw unreadable(tag, "a number") }
            try builder.double(number)
        case .boolean:
            try builder.bool(trimmed == "true")
        case .timestamp:
            guard let timestamp = Timestamp(parsing: trimmed) else { throw unreadable(tag, "a timestamp") }
            try builder.string(timestamp.iso8601)
        case .blob:
            guard let bytes = Base64.decode(trimmed) else { throw unreadable(tag, "base64 data") }
            try builder.binary(bytes)
        case .string, .structure, .list, .map:
            try builder.null()
        }
    }

    /// `text` without the whitespace around it; text that starts and ends with a printable
    /// ASCII character (almost every number and timestamp) is returned as it is.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        return text.trimmingCharacters(where: \.isWhitespace)
    }

    /// An IAM policy document: URL-decoded, then read as JSON when it is JSON.
    static func policyDocument(_ text: String) -> JSONValue {
        let decoded = PercentEncoding.decode(text)
        if let json = try? JSONDecoding.decode(decoded), json.objectValue != nil || json.arrayValue != nil {
            return json
        }
        return .string(decoded)
    }

    /// The error for the element `tag` whose text (in `text`) is not what its shape says.
    private func unreadable(_ tag: Tag, _ expected: String) -> AWSError {
        let value = String(decoding: text, as: UTF8.self)
        let excerpt = value.count > 40 ? String(value.prefix(40)) + "..." : value
        return AWSError(
            code: "ResponseParseError",
            message: "<\(qualifiedName(tag))> should hold \(expected), but holds \"\(excerpt)\"")
    }
}

/// What `readMembers` keeps while it reads one structure element.
private struct StructureReading {
    /// Members given a value already (the first element of a name wins), by plan index.
    private var seenBits: UInt64 = 0
    private var seenBeyond: Set<Int> = []
    /// The flattened list or map whose items are being fed, still open in the builder.
    var run: Int?
    var runIsList = true
    /// Where each element of a flattened member starts, and where a member sharing its
    /// element name with another was first met: what is read again at the end.
    var offsets: [Int: [Int]] = [:]
    /// Members read at the end, from `offsets`: flattened members whose elements are not
    /// side by side, and members sharing an element name.
    var deferred: Set<Int> = []

    func seen(_ index: Int) -> Bool {
        index < 64 ? seenBits & (1 << UInt64(index)) != 0 : seenBeyond.contains(index)
    }

    mutating func see(_ index: Int) {
        if index < 64 {
            seenBits |= 1 << UInt64(index)
        } else {
            seenBeyond.insert(index)
        }
    }

    mutating func record(_ index: Int, at offset: Int) {
        offsets[index, default: []].append(offset)
    }

    mutating func `defer`(_ index: Int, at offset: Int) {
        see(index)
        record(index, at: offset)
        deferred.insert(index)
    }

    /// Ends the flattened member being fed, if any.
    mutating func closeRun<B: ResultBuilder>(_ builder: inout B) throws {
        guard run != nil else { return }
        run = nil
        try runIsList ? builder.endArray() : builder.endObject()
    }
}
