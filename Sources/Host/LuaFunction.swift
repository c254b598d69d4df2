/// A Swift function callable from Lua. It gets the call's arguments (after conversion)
/// and returns its results; a thrown error becomes a Lua error that `pcall` catches.
public final class LuaFunction: Hashable {
    public typealias Body = (LuaCall) throws -> [LuaValue]
    /// A function that works on the Lua stack itself (arguments at 1...top) and returns how
    /// many results it pushed; for values that must not be copied (cycles, identity).
    public typealias StackBody = (LuaState, OpaquePointer) throws -> Int32
    /// A function that gets its arguments as values and pushes its results itself on
    /// `call.thread` (with `LuaStackBuilder`), returning how many; for large results that
    /// would be wasteful to hold in Swift first.
    public typealias PushingBody = (LuaCall) throws -> Int32

    enum Kind {
        case values(Body)
        case stack(StackBody)
        case pushing(PushingBody)
    }

    public let name: String
    let kind: Kind
    /// What `help(f)` shows for this function, made when asked.
    public var help: (() -> String)?

    public init(_ name: String = "?", _ body: @escaping Body) {
        self.name = name
        self.kind = .values(body)
    }

    public init(stack name: String, _ body: @escaping StackBody) {
        self.name = name
        self.kind = .stack(body)
    }

    public init(pushing name: String, _ body: @escaping PushingBody) {
        self.name = name
        self.kind = .pushing(body)
    }

    public static func == (a: LuaFunction, b: LuaFunction) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// What a Swift function sees of one call from Lua: its arguments and the state.
public struct LuaCall {
    public let state: LuaState
    public let arguments: [LuaValue]
    public let functionName: String
    /// The Lua thread the call came from: the main thread or a coroutine.
    public let thread: OpaquePointer

    public init(state: LuaState, arguments: [LuaValue], functionName: String, thread: OpaquePointer? = nil) {
        self.state = state
        self.arguments = arguments
        self.functionName = functionName
        self.thread = thread ?? state.L
    }

    /// Calls a Lua function (a callback the script passed) on the calling thread.
    @discardableResult
    public func callBack(_ function: LuaValue, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        try state.call(function, arguments, on: thread)
    }

    /// The argument at 1-based position `index`, or nil past the end.
    public subscript(index: Int) -> LuaValue {
        index >= 1 && index <= arguments.count ? arguments[index - 1] : .nil
    }

    /// Argument `index` as text, or a usage error naming it; a string that is not UTF-8 is an
    /// error too, never repaired.
    public func string(_ index: Int, _ what: String? = nil) throws -> String {
        if case .bytes(let bytes) = self[index] {
            let name = what.map { " (\($0))" } ?? ""
            throw LuaError(
                "bad argument #\(index) to '\(functionName)'\(name): UTF-8 text expected, got "
                    + LuaStringLiteral.quoted(Array(bytes.prefix(40))) + (bytes.count > 40 ? "..." : ""))
        }
        guard let s = self[index].stringValue else {
            throw argumentError(index, expected: "string", what)
        }
        return s
    }

    /// Argument `index` as a table, or a usage error naming it.
    public func table(_ index: Int, _ what: String? = nil) throws -> LuaTable {
        guard let t = self[index].tableValue else {
            throw argumentError(index, expected: "table", what)
        }
        return t
    }

    /// Argument `index` as a table when present, nil when absent, or a usage error.
    public func optionalTable(_ index: Int, _ what: String? = nil) throws -> LuaTable? {
        if self[index] == .nil { return nil }
        return try table(index, what)
    }

    /// An error naming the argument, as the standard library phrases it.
    public func argumentError(_ index: Int, expected: String, _ what: String? = nil) -> LuaError {
        let name = what.map { " (\($0))" } ?? ""
        return LuaError(
            "bad argument #\(index) to '\(functionName)'\(name): \(expected) expected, got \(self[index].typeName)"
        )
    }
}
