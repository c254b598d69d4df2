import Foundation

/// One wire protocol's response reading, on real operations of real models, as a client does
/// it: the error in the response if there is one, else the operation's output.
///
/// The input reads like an HTTP answer:
///
///     OperationName 200
///     header-name: value
///
///     body
///
/// The first line names an operation of the target's services and the status (200 when
/// missing); header lines follow up to an empty line; the rest is the body.
struct ResponseFuzzTarget {
    /// The services whose operations the target reads answers for.
    let services: () -> [ServiceModel]

    static let json = ResponseFuzzTarget(services: { [builtIn("glue")] })
    static let restXML = ResponseFuzzTarget(services: { [builtIn("s3")] })
    static let query = ResponseFuzzTarget(services: { [builtIn("iam"), builtIn("sts")] })
    /// No built-in service speaks rest-json: Lambda's botocore model, from the file named by
    /// `GLUESCRIPT_FUZZ_REST_JSON_MODEL` (scripts/fuzz writes it).
    static let restJSON = ResponseFuzzTarget(services: {
        let path = ProcessInfo.processInfo.environment["GLUESCRIPT_FUZZ_REST_JSON_MODEL"] ?? ""
        guard let data = FileManager.default.contents(atPath: path), let model = try? ServiceModel(bytes: [UInt8](data))
        else { fatalError("GLUESCRIPT_FUZZ_REST_JSON_MODEL must name a rest-json botocore model, got \"\(path)\"") }
        return [model]
    })

    static func builtIn(_ name: String) -> ServiceModel {
        do {
            return try ModelRegistry().model(for: name)
        } catch {
            fatalError("the built-in \(name) model does not load: \(error)")
        }
    }

    /// Each service's model with its protocol, made on first use.
    private static var loaded: [(model: ServiceModel, wireProtocol: AWSProtocol)]?

    func run(_ bytes: [UInt8]) {
        if Self.loaded == nil {
            Self.loaded = services().map { model in
                guard let wireProtocol = try? ProtocolRegistry.make(for: model) else {
                    fatalError("no protocol for \(model.metadata.serviceID)")
                }
                return (model, wireProtocol)
            }
        }
        guard let answer = Answer(bytes) else { return }
        for (model, wireProtocol) in Self.loaded ?? [] {
            guard let operation = model.operations[answer.operation] else { continue }
            let response = HTTPResponse(status: answer.status, headers: answer.headers, body: answer.body)
            if wireProtocol.error(in: response, for: operation) == nil {
                let output = Result { try wireProtocol.parseResponse(response, for: operation) }
                if wireProtocol is JSONProtocol { Self.checkAgainstTwoPasses(output, response, operation) }
                if wireProtocol is RESTXMLProtocol {
                    Self.checkAgainstTree(output, Result { try XMLTreeOutputs.restXML(response, for: operation) })
                }
                if wireProtocol is QueryProtocol {
                    Self.checkAgainstTree(output, Result { try XMLTreeOutputs.query(response, for: operation) })
                }
            }
            return
        }
    }

    /// The json protocol's one-pass reading (`JSONOutputReader`) must give what decoding the
    /// whole body and then shaping it gives: the same output, or an error for the same bodies.
    private static func checkAgainstTwoPasses(
        _ output: Result<JSONValue, Error>, _ response: HTTPResponse, _ operation: OperationModel
    ) {
        guard let shape = operation.output else { return }
        let blank = !response.body.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) })
        var expected: JSONValue? = .object([:])
        if !blank {
            expected = (try? JSONDecoding.decode(response.body))?.objectValue.map {
                .object(JSONProtocol.outputMembers($0, shape: shape))
            }
        }
        if var expected {
            if case .object(var members) = expected {
                JSONProtocol.addResponseMetadata(&members, response)
                expected = .object(members)
            }
            guard case .success(let got) = output, same(got, expected) else {
                fatalError("one-pass reading differs from two passes: \(output) against \(expected)")
            }
        } else if case .success(let got) = output {
            fatalError("one-pass reading accepted a body two passes refuse: \(got)")
        }
    }

    /// The XML protocols' one-pass reading (`XMLOutputReader`) must give what reading the
    /// whole tree and then shaping it gives: the same output, or an error for the same bodies,
    /// and for a body that is not XML the same `XMLParseError` message.
    private static func checkAgainstTree(_ output: Result<JSONValue, Error>, _ expected: Result<JSONValue, Error>) {
        switch (output, expected) {
        case (.success(let got), .success(let value)):
            guard same(got, value) else { fatalError("one-pass reading differs from the tree: \(got) against \(value)") }
        case (.failure(let got as AWSError), .failure(let value as AWSError)):
            guard value.code == "XMLParseError" else { return }
            guard got.code == "XMLParseError", got.message.hasSuffix(value.message) else {
                fatalError("one-pass reading refuses a document differently: \(got) against \(value)")
            }
        default:
            fatalError("one-pass reading and the tree disagree: \(output) against \(expected)")
        }
    }

    /// Equality in which NaN equals NaN.
    private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return x.keys == y.keys && zip(x.values, y.values).allSatisfy { same($0, $1) }
        default: return a == b
        }
    }

    /// The parts of a fuzz input.
    struct Answer {
        var operation: String
        var status = 200
        var headers: [(name: String, value: String)] = []
        var body: [UInt8] = []

        init?(_ bytes: [UInt8]) {
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
            guard let first = lines.popFirst() else { return nil }
            let words = String(decoding: first, as: UTF8.self).split(separator: " ")
            guard let name = words.first else { return nil }
            operation = String(name)
            if words.count > 1, let code = Int(words[1]) { status = code }
            var consumed = first.count + 1
            while let line = lines.popFirst() {
                consumed += line.count + 1
                let text = String(decoding: line, as: UTF8.self)
                if text.isEmpty { break }
                guard let colon = text.firstIndex(of: ":") else { continue }
                headers.append(
                    (text[..<colon].lowercased(), String(text[text.index(after: colon)...].drop { $0 == " " })))
            }
            body = consumed < bytes.count ? Array(bytes[consumed...]) : []
        }
    }
}
