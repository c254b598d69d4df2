/// The JMESPath parser and interpreter. The first line of the input is the expression, the
/// rest a JSON document to search (a fixed one when the rest is not JSON).
enum JMESPathFuzzTarget {
    static let fallbackDocument = try! JSONDecoding.decode(
        #"{"a": {"b": [1, 2, {"c": "d"}], "e": null, "f": true}, "s": "text", "n": -3, "#
            + #""people": [{"name": "a", "age": 30}, {"name": "b", "age": 25.5}, {"name": "c"}]}"#)

    static func run(_ bytes: [UInt8]) {
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let expression = String(decoding: bytes[..<newline], as: UTF8.self)
        let rest = Array(bytes[min(newline + 1, bytes.endIndex)...])
        let document = (try? JSONDecoding.decode(rest)) ?? fallbackDocument
        guard let compiled = try? JMESPath.compile(expression) else { return }
        _ = compiled.description
        _ = try? compiled.search(document)
    }
}
