import OrderedCollections

/// The definitions of one block of a service model (its `operations` or its `shapes`) by name,
/// each decoded when first asked for: either byte ranges into the model's JSON text, found by
/// `JSONMemberIndex` without decoding anything, or values already decoded (a model given as
/// JSON, or merged with its `.sdk-extras`).
struct ModelDefinitions {
    private enum Storage {
        case text(ModelText, OrderedDictionary<String, Range<Int>>)
        case decoded(OrderedDictionary<String, JSONValue>)
    }

    private let storage: Storage

    init(text: ModelText, ranges: OrderedDictionary<String, Range<Int>>) {
        storage = .text(text, ranges)
    }

    init(decoded: OrderedDictionary<String, JSONValue>) {
        storage = .decoded(decoded)
    }

    /// The names, in model order.
    var names: OrderedSet<String> {
        switch storage {
        case .text(_, let ranges): ranges.keys
        case .decoded(let values): values.keys
        }
    }

    /// The definition called `name`, decoded now; nil when there is none. Text that is not
    /// JSON is an `InvalidModel` error naming `what` (`shape Foo`) and the position in it.
    func definition(_ name: String, what: @autoclosure () -> String) throws -> JSONValue? {
        switch storage {
        case .decoded(let values):
            return values[name]
        case .text(let text, let ranges):
            guard let range = ranges[name] else { return nil }
            do {
                return try text.decode(range)
            } catch let error as AWSError {
                throw AWSError(code: "InvalidModel", message: "\(what()) is not valid JSON: \(error.message)")
            }
        }
    }
}
