/// A whole `waiters-2.json` (version 2): the waiters of one service by name, checked when read.
public struct WaiterModel: Sendable {
    /// The definitions by their PascalCase names, in file order.
    public private(set) var definitions: [(name: String, definition: WaiterDefinition)]

    /// Reads the file's JSON; throws `InvalidWaiter` for a wrong version or a bad waiter.
    public init(_ json: JSONValue) throws {
        guard case .integer(2)? = json["version"] else {
            throw AWSError(code: "InvalidWaiter", message: "waiters file: version must be 2")
        }
        guard let waiters = json["waiters"]?.objectValue else {
            throw AWSError(code: "InvalidWaiter", message: "waiters file: \"waiters\" must be an object")
        }
        definitions = try waiters.map { name, value in (name, try WaiterDefinition(value, name: name)) }
    }

    /// The PascalCase names.
    public var names: [String] { definitions.map(\.name) }

    /// The names as scripts write them: `crawler_ready`.
    public var snakeNames: [String] { names.map(WaiterName.snakeCase) }

    /// The waiter named `name` (`crawler_ready` or `CrawlerReady`), with its PascalCase name.
    public func definition(named name: String) -> (name: String, definition: WaiterDefinition)? {
        guard let resolved = WaiterName.resolve(name, among: names) else { return nil }
        return definitions.first { $0.name == resolved }
    }
}
