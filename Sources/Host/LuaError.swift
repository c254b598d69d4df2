/// A Lua error seen from Swift, or an error a Swift function raises into Lua.
///
/// `value` is the error object itself (a string, or a table kept by reference so that it
/// reaches an outer `pcall` unchanged); `message` is its text and `traceback` the Lua stack
/// where it was raised, when known.
public struct LuaError: Error, CustomStringConvertible {
    public var message: String
    public var traceback: String?
    /// The error object; like every Lua value it belongs to its state's thread, so an error
    /// carried to another thread is read there by `message` and `traceback` only.
    nonisolated(unsafe) public var value: LuaValue
    /// Raised by Swift code with a message of its own: when it reaches Lua, the position of
    /// the calling Lua code is put in front, as `luaL_error` does.
    public var needsPosition = false

    /// An error with a message, raised by a Swift function.
    public init(_ message: String, traceback: String? = nil) {
        self.message = message
        self.traceback = traceback
        self.value = .string(message)
        self.needsPosition = true
    }

    public init(value: LuaValue, message: String, traceback: String?) {
        self.value = value
        self.message = message
        self.traceback = traceback
    }

    public var description: String {
        guard let traceback else { return message }
        return message + "\n" + traceback
    }
}
