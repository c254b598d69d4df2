import OrderedCollections

/// The shapes of a service model, each decoded and linked the first time something asks for
/// it: asking for an operation's input links that shape and every shape it reaches, and no
/// other. Kept for the model's lifetime (members refer to their shapes without owning them).
///
/// A definition found unusable on the way (an unknown type, a member naming a shape that does
/// not exist) is an `InvalidModel` error naming the model, the shape and the member; nothing
/// of that attempt is kept, so asking again gives the same error.
///
/// Like the clients using it, a model belongs to one thread.
public final class ShapeTable {
    private let definitions: ModelDefinitions
    private var linked: [String: Shape] = [:]
    /// The link in progress: shapes made so far (forgotten if it fails) and those made but not
    /// yet filled. Linking works through this list rather than by recursion, so however long a
    /// chain of shapes a model holds, it never deepens the stack.
    private var made: [String] = []
    private var unfilled: [(Shape, JSONValue)] = []
    /// Names the model in errors: `the embedded glue model`, a file's path.
    let source: String

    init(_ definitions: ModelDefinitions, source: String) {
        self.definitions = definitions
        self.source = source
    }

    /// Every shape's name, in model order.
    public var names: OrderedSet<String> { definitions.names }

    /// The shapes linked so far.
    public var linkedCount: Int { linked.count }

    /// The shape called `name`, linked with every shape it reaches; nil when the model has none
    /// of that name.
    public func shape(named name: String) throws -> Shape? {
        if let shape = linked[name] { return shape }
        made = []
        unfilled = []
        defer {
            made = []
            unfilled = []
        }
        do {
            guard let shape = try make(name) else { return nil }
            while let (next, definition) = unfilled.popLast() {
                try fill(next, from: definition)
            }
            return shape
        } catch {
            for name in made { linked[name] = nil }
            throw error
        }
    }

    /// The shape a reference (`{"shape": "Name", ...}`) of `owner` points at, linked; `what`
    /// names the reference in the error when there is no such shape.
    func target(of reference: JSONValue, _ what: @autoclosure () -> String) throws -> Shape {
        guard let name = reference["shape"]?.stringValue, let shape = try shape(named: name) else {
            throw invalid("\(what()) refers to an unknown shape \(reference["shape"]?.stringValue ?? "(none)")")
        }
        return shape
    }

    /// The shape called `name`, made from its definition and queued to be filled unless it
    /// already exists; nil when there is no such definition.
    private func make(_ name: String) throws -> Shape? {
        if let shape = linked[name] { return shape }
        guard let definition = try definitions.definition(name, what: "\(source): shape \(name)") else {
            return nil
        }
        guard let kindName = definition["type"]?.stringValue, let kind = Shape.Kind(rawValue: kindName) else {
            throw invalid("shape \(name) has an unknown type \(definition["type"]?.stringValue ?? "(none)")")
        }
        let shape = Shape(name: name, kind: kind)
        linked[name] = shape
        made.append(name)
        unfilled.append((shape, definition))
        return shape
    }

    /// An `InvalidModel` error naming the model.
    func invalid(_ what: String) -> AWSError {
        AWSError(code: "InvalidModel", message: "\(source) is not usable: \(what)")
    }

    private func fill(_ shape: Shape, from d: JSONValue) throws {
        for (memberName, reference) in d["members"]?.objectValue ?? [:] {
            shape.members[memberName] = try member(memberName, reference, in: shape.name)
        }
        shape.required = Set((d["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        shape.payload = d["payload"]?.stringValue
        if let reference = d["member"] { shape.member = try member("", reference, in: shape.name) }
        if let reference = d["key"] { shape.key = try member("", reference, in: shape.name) }
        if let reference = d["value"] { shape.value = try member("", reference, in: shape.name) }
        shape.flattened = d["flattened"] == .bool(true)
        shape.enumValues = (d["enum"]?.arrayValue ?? []).compactMap(\.stringValue)
        shape.min = d["min"]?.numberValue
        shape.max = d["max"]?.numberValue
        shape.pattern = d["pattern"]?.stringValue
        shape.timestampFormat = d["timestampFormat"]?.stringValue
        shape.streaming = d["streaming"] == .bool(true) || d["eventstream"] == .bool(true)
        shape.isException = d["exception"] == .bool(true)
        shape.errorCode = d["error"]?["code"]?.stringValue
        shape.errorStatus = d["error"]?["httpStatusCode"]?.numberValue.flatMap { Int(exactly: $0) }
        shape.locationName = d["locationName"]?.stringValue
        shape.xmlNamespace = XMLNamespace(modelValue: d["xmlNamespace"])
        shape.isDocument = d["document"] == .bool(true)
        shape.isUnion = d["union"] == .bool(true)
        shape.isSensitive = d["sensitive"] == .bool(true)
    }

    private func member(_ name: String, _ r: JSONValue, in owner: String) throws -> ShapeMember {
        guard let targetName = r["shape"]?.stringValue, let target = try make(targetName) else {
            throw invalid(
                "shape \(owner) member \(name) refers to an unknown shape \(r["shape"]?.stringValue ?? "(none)")")
        }
        var m = ShapeMember(name: name, shape: target)
        if let location = r["location"]?.stringValue {
            guard let parsed = ShapeMember.Location(rawValue: location) else {
                throw invalid("shape \(owner) member \(name) has an unknown location \(location)")
            }
            m.location = parsed
        }
        m.locationName = r["locationName"]?.stringValue
        m.queryName = r["queryName"]?.stringValue
        m.flattened = r["flattened"] == .bool(true)
        m.xmlAttribute = r["xmlAttribute"] == .bool(true)
        m.xmlNamespace = XMLNamespace(modelValue: r["xmlNamespace"])
        m.timestampFormat = r["timestampFormat"]?.stringValue
        m.idempotencyToken = r["idempotencyToken"] == .bool(true)
        m.jsonValue = r["jsonvalue"] == .bool(true)
        m.hostLabel = r["hostLabel"] == .bool(true)
        m.contextParam = r["contextParam"]?["name"]?.stringValue
        m.documentation = r["documentation"]?.stringValue
        return m
    }
}
