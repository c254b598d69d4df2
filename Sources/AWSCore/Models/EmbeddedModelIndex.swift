import CModels
import OrderedCollections

/// Where the members of an embedded service model lie in its JSON text, as
/// `scripts/update-models` wrote them beside the text (`gs_model_index`): for the top-level
/// object, `operations` and `shapes`, each member's key and value as byte ranges; and boto3's
/// method name of each operation (`gs_model_methods`). Making a client reads these instead of
/// scanning the text with `JSONMemberIndex` and spelling every name with
/// `OperationName.pythonic` (together most of the work of a first client otherwise).
///
/// Each entry must fit the compact text it was written for: inside its object, the key between
/// quotes, a colon right after it, then the value, then a comma or the object's end. One that
/// does not (a text other than the one indexed) makes the whole block unusable, and the text
/// is scanned instead.
struct EmbeddedModelIndex {
    /// The service, as `EmbeddedModels` names it.
    let service: String

    /// The members of `block` ("" for the top level, `operations`, `shapes`), which lies in
    /// `range` of `text` (the whole text when nil), by key in model order; nil when the block
    /// is not indexed or its index does not fit.
    func members(of block: String, in text: ModelText, range: Range<Int>? = nil)
        -> OrderedDictionary<String, Range<Int>>?
    {
        var count = 0
        guard !service.utf8.contains(0), let entries = gs_model_index(service, block, &count), count > 0 else {
            return nil
        }
        let bytes = text.bytes
        let bounds = range ?? 0..<bytes.count
        var members: OrderedDictionary<String, Range<Int>> = [:]
        members.reserveCapacity(count)
        for entry in 0..<count {
            let row = entries + 4 * entry
            let keyStart = Int(row[0])
            let keyEnd = keyStart + Int(row[1])
            let value = Int(row[2])..<Int(row[3])
            guard keyStart > bounds.lowerBound, value.lowerBound == keyEnd + 2, !value.isEmpty,
                value.upperBound < bounds.upperBound, bytes[keyStart - 1] == UInt8(ascii: "\""),
                bytes[keyEnd] == UInt8(ascii: "\""), bytes[keyEnd + 1] == UInt8(ascii: ":"),
                bytes[value.upperBound] == UInt8(ascii: ",") || bytes[value.upperBound] == UInt8(ascii: "}")
            else { return nil }
            let key = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[keyStart..<keyEnd]), as: UTF8.self)
            }
            members[key] = value
        }
        return members
    }

    /// boto3's method names of the `count` operations, in model order (botocore's
    /// `xform_name`, run when the index was written); nil when there are none or not `count`.
    func methodNames(count: Int) -> [String]? {
        var length = 0
        guard !service.utf8.contains(0), let text = gs_model_methods(service, &length), length > 0 else {
            return nil
        }
        let bytes = UnsafeRawBufferPointer(start: text, count: length)
        let names = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        return names.count == count ? names : nil
    }
}
