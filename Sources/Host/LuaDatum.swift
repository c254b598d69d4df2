import CLua

/// A Lua value read where it lies by a `LuaDataView`: scalars by value, strings borrowed
/// from Lua, tables by handle. Nothing is copied.
public enum LuaDatum {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(LuaBorrowedString)
    case table(LuaTableHandle)
    /// A full or light userdata, by identity (compare with `LuaDataView.identity(at:)`).
    case userdata(UnsafeRawPointer?)
    /// A function or a thread.
    case other(typeName: String)
}

/// A table held by a `LuaDataView`, valid while the view is open.
public struct LuaTableHandle: Hashable, Sendable {
    /// Its position in the view's anchor table.
    let slot: lua_Integer

    /// 1 for the first table the view handed out, 2 for the next, and so on.
    public var number: Int { Int(slot) }
}

/// The bytes of a Lua string, borrowed from Lua: valid while the `LuaDataView` that read it
/// is open (the view keeps the collector from running, and its tables from changing).
public struct LuaBorrowedString {
    public let bytes: UnsafeRawBufferPointer

    /// The bytes as text, nil when they are not UTF-8.
    public var text: String? { String(utf8Text: bytes) }

    /// The bytes as text, invalid sequences replaced by U+FFFD.
    public var repairedText: String { String(decoding: bytes, as: UTF8.self) }

    /// A copy of the bytes.
    public var array: [UInt8] { Array(bytes) }
}
