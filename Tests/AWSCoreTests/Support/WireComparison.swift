import Foundation

@testable import AWSCore

/// Compares a request gluescript builds, and an output it parses, with botocore's, in the
/// forms that must agree: method, host and path exactly; query parameters and form fields
/// as sorted pairs (their order means nothing to a service); headers by lower-cased name;
/// JSON bodies as values; XML and raw bodies byte for byte. Each returns nil when the two
/// agree, else a line saying what differs.
///
/// Where gluescript differs from botocore on purpose, `reconciled` takes gluescript's value
/// and counts it in `deliberate` (see `Deliberate`).
enum WireComparison {
    /// The ways gluescript departs from botocore on purpose.
    enum Deliberate: String, CaseIterable {
        /// botocore sends epoch-second timestamps as `int(timegm(...))`, dropping the fraction;
        /// gluescript keeps milliseconds.
        case epochFractionKept = "epoch seconds keep their milliseconds (botocore truncates them)"
        /// botocore writes a fraction of an ISO 8601 timestamp as microseconds (`.429000Z`),
        /// gluescript as milliseconds (`.429Z`): the same instant.
        case isoMilliseconds = "ISO 8601 fractions as milliseconds (botocore writes microseconds)"
        /// A JSON float of `"NaN"` or `"Infinity"` is the number for gluescript; botocore hands
        /// back the string.
        case jsonSpecialFloat = "JSON \"NaN\"/\"Infinity\" read as numbers (botocore keeps the string)"
        /// botocore's CBOR parser gives nothing at all for an operation without output;
        /// gluescript still gives `ResponseMetadata.RequestId`, as for every other protocol.
        case requestIdWithoutOutput =
            "the request id kept for operations without output (botocore's CBOR parser drops it)"
    }

    /// Deliberate differences met so far, by kind.
    nonisolated(unsafe) static var deliberate: [Deliberate: Int] = [:]
    private static let lock = NSLock()

    /// `theirs` with the values where gluescript deliberately differs replaced by `mine`.
    static func reconciled(_ mine: JSONValue, _ theirs: JSONValue) -> JSONValue {
        switch (mine, theirs) {
        case (.object(let left), .object(let right)):
            var out = right
            for (key, value) in right { if let other = left[key] { out[key] = reconciled(other, value) } }
            return .object(out)
        case (.array(let left), .array(let right)) where left.count == right.count:
            return .array(zip(left, right).map { reconciled($0.0, $0.1) })
        case (.double(let seconds), .integer(let whole)) where seconds.rounded(.down) == Double(whole):
            return count(.epochFractionKept, mine)
        case (.string(let left), .string(let right)) where left != right:
            if let a = Timestamp(parsing: left), let b = Timestamp(parsing: right), left.count >= 20,
                abs(a.epochSeconds - b.epochSeconds) < 0.0005
            {
                return count(.isoMilliseconds, mine)
            }
            return theirs
        case (.object(let special), .string(let text)) where special["__float__"]?.stringValue == text:
            return count(.jsonSpecialFloat, mine)
        default:
            return theirs
        }
    }

    private static func count(_ kind: Deliberate, _ value: JSONValue) -> JSONValue {
        lock.lock()
        deliberate[kind, default: 0] += 1
        lock.unlock()
        return value
    }

    /// `botocore` is the oracle's `request` answer: method, url, headers and base64 body.
    static func request(_ mine: HTTPRequest, _ botocore: JSONValue) -> String? {
        if mine.method != botocore["method"]?.stringValue {
            return "method \(mine.method) != \(botocore["method"]?.stringValue ?? "-")"
        }
        let (myAddress, myQuery) = split(mine.url)
        let (theirAddress, theirQuery) = split(botocore["url"]?.stringValue ?? "")
        if myAddress != theirAddress { return "address \(myAddress) != \(theirAddress)" }
        if myQuery != theirQuery, reconciledQuery(myQuery, theirQuery) != myQuery {
            return "query \(myQuery) != \(theirQuery)"
        }
        let myHeaders = mine.headers.map { "\($0.name.lowercased()): \($0.value)" }.sorted()
        let theirHeaders = (botocore["headers"]?.arrayValue ?? []).compactMap { pair -> String? in
            guard let items = pair.arrayValue, let name = items.first?.stringValue, let value = items.last?.stringValue
            else { return nil }
            return "\(name.lowercased()): \(value)"
        }.sorted()
        if myHeaders != theirHeaders {
            return "headers " + difference(myHeaders, theirHeaders)
        }
        var myBody: [UInt8] = []
        if case .bytes(let bytes) = mine.body { myBody = bytes }
        let theirBody = Base64.decode(botocore["body"]?.stringValue ?? "") ?? []
        return body(myBody, theirBody, contentType: mine.header("Content-Type") ?? "")
    }

    /// `mine` is what `parseResponse` gave, `botocore` the oracle's `parsed` answer.
    static func output(_ mine: JSONValue, _ botocore: JSONValue) -> String? {
        var mine = comparable(mine)
        if var object = mine.objectValue, var metadata = object["ResponseMetadata"]?.objectValue {
            metadata["HTTPStatusCode"] = nil
            object["ResponseMetadata"] = metadata.isEmpty ? nil : .object(metadata)
            if object.count == 1, object["ResponseMetadata"] != nil, botocore == .object([:]) {
                object = [:]
                _ = count(.requestIdWithoutOutput, .null)
            }
            mine = .object(object)
        }
        let theirs = BotocoreProtocolOracle.sortedKeys(reconciled(mine, botocore))
        let sortedMine = BotocoreProtocolOracle.sortedKeys(mine)
        guard sortedMine != theirs else { return nil }
        return "output " + firstDifference(sortedMine, theirs, path: "")
    }

    /// A value sent by the oracle as input: `{"__binary__"}` as bytes, `{"__float__"}` as a double.
    static func input(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            if members.count == 1, let text = members["__binary__"]?.stringValue {
                return .binary(Base64.decode(text) ?? [])
            }
            if members.count == 1, let text = members["__float__"]?.stringValue {
                return .double(text == "NaN" ? .nan : text.hasPrefix("-") ? -.infinity : .infinity)
            }
            return .object(members.mapValues(input))
        case .array(let items): return .array(items.map(input))
        default: return value
        }
    }

    /// An output value in the oracle's form: bytes and NaN or infinite doubles spelled out.
    static func comparable(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number) where !number.isFinite:
            return ["__float__": .string(number.isNaN ? "NaN" : number > 0 ? "Infinity" : "-Infinity")]
        case .binary: return BotocoreProtocolOracle.portable(value)
        case .object(let members): return .object(members.mapValues(comparable))
        case .array(let items): return .array(items.map(comparable))
        default: return value
        }
    }

    private static func body(_ mine: [UInt8], _ theirs: [UInt8], contentType: String) -> String? {
        if mine == theirs { return nil }
        if contentType.contains("json") || (mine.first == UInt8(ascii: "{") && theirs.first == UInt8(ascii: "{")) {
            if let a = try? JSONDecoding.decode(mine), let b = try? JSONDecoding.decode(theirs) {
                let left = BotocoreProtocolOracle.sortedKeys(comparable(a))
                let right = BotocoreProtocolOracle.sortedKeys(reconciled(comparable(a), comparable(b)))
                return left == right ? nil : "json body " + firstDifference(left, right, path: "")
            }
        }
        if contentType == "application/cbor" {
            guard let a = try? CBORReader.read(mine), let b = try? CBORReader.read(theirs) else {
                return "cbor body that does not read back"
            }
            let left = BotocoreProtocolOracle.sortedKeys(comparable(a))
            let right = BotocoreProtocolOracle.sortedKeys(reconciled(comparable(a), comparable(b)))
            return left == right ? nil : "cbor body " + firstDifference(left, right, path: "")
        }
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let left = formPairs(mine)
            var right = formPairs(theirs)
            if left != right {
                let (milliseconds, replaced) = isoMilliseconds(Array(right.joined(separator: "\u{1}").utf8))
                let cut = String(decoding: milliseconds, as: UTF8.self).split(
                    separator: "\u{1}", omittingEmptySubsequences: false
                ).map(String.init)
                if replaced > 0, cut == left {
                    for _ in 0..<replaced { _ = count(.isoMilliseconds, .null) }
                    right = cut
                }
            }
            return left == right ? nil : "form " + difference(left, right)
        }
        if contentType.isEmpty, theirs.first == UInt8(ascii: "<") {
            let (milliseconds, replaced) = isoMilliseconds(theirs)
            if replaced > 0, milliseconds == mine {
                for _ in 0..<replaced { _ = count(.isoMilliseconds, .null) }
                return nil
            }
        }
        let common = zip(mine, theirs).prefix { $0.0 == $0.1 }.count
        let start = max(0, common - 40)
        return "body differs from byte \(common): ...\(excerpt(Array(mine[start...].prefix(160))))"
            + " != ...\(excerpt(Array(theirs[start...].prefix(160))))"
    }

    /// botocore's query pairs with microsecond fractions (`%3A26.429000Z`) cut to milliseconds,
    /// counted as deliberate when that makes them gluescript's.
    private static func reconciledQuery(_ mine: [String], _ theirs: [String]) -> [String] {
        let (cut, replaced) = isoMilliseconds(Array(theirs.joined(separator: "\u{1}").utf8))
        let pairs = String(decoding: cut, as: UTF8.self).split(separator: "\u{1}", omittingEmptySubsequences: false)
            .map(String.init).sorted()
        if replaced > 0, pairs == mine { for _ in 0..<replaced { _ = count(.isoMilliseconds, .null) } }
        return pairs
    }

    /// An XML body with botocore's microsecond fractions (`:26.429000Z`) cut to milliseconds.
    private static func isoMilliseconds(_ body: [UInt8]) -> ([UInt8], Int) {
        var out: [UInt8] = []
        var replaced = 0
        var index = 0
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        while index < body.count {
            if body[index] == UInt8(ascii: "."), index + 7 < body.count,
                body[(index + 1)...(index + 3)].allSatisfy(digits.contains),
                Array(body[(index + 4)...(index + 7)]) == Array("000Z".utf8)
            {
                out += body[index...(index + 3)]
                out.append(UInt8(ascii: "Z"))
                index += 8
                replaced += 1
                continue
            }
            out.append(body[index])
            index += 1
        }
        return (out, replaced)
    }

    private static func split(_ url: String) -> (String, [String]) {
        guard let mark = url.firstIndex(of: "?") else { return (url, []) }
        let query = url[url.index(after: mark)...].split(separator: "&").map { pair in
            pair.contains("=") ? String(pair) : String(pair) + "="
        }
        return (String(url[..<mark]), query.sorted())
    }

    private static func formPairs(_ body: [UInt8]) -> [String] {
        String(decoding: body, as: UTF8.self).split(separator: "&").map {
            PercentEncoding.decode(String($0).replacingOccurrences(of: "+", with: "%20"))
        }.sorted()
    }

    private static func difference(_ mine: [String], _ theirs: [String]) -> String {
        let onlyMine = mine.filter { !theirs.contains($0) }
        let onlyTheirs = theirs.filter { !mine.contains($0) }
        return "gluescript only \(onlyMine.prefix(3)), botocore only \(onlyTheirs.prefix(3))"
    }

    private static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 300 ? String(text.prefix(300)) + "..." : text
    }

    /// Where two values first part, as a path and both sides.
    static func firstDifference(_ a: JSONValue, _ b: JSONValue, path: String) -> String {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() where x[key] != y[key] {
                guard let left = x[key], let right = y[key] else {
                    return
                        "\(path).\(key): \(x[key].map { short($0) } ?? "absent") != \(y[key].map { short($0) } ?? "absent")"
                }
                return firstDifference(left, right, path: "\(path).\(key)")
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (index, pair) in zip(x, y).enumerated() where pair.0 != pair.1 {
                return firstDifference(pair.0, pair.1, path: "\(path)[\(index + 1)]")
            }
        default: break
        }
        return "\(path): \(short(a)) != \(short(b))"
    }

    private static func short(_ value: JSONValue) -> String {
        let text = (try? JSONEncoding.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        return text.count > 120 ? String(text.prefix(120)) + "..." : text
    }
}
