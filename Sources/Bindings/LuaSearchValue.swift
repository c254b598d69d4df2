import Host
import OrderedCollections

/// A value `aws.search` works on: Lua data read where it lies (tables, strings), or a value
/// the expression made (new arrays and objects, strings, numbers).
enum LuaSearchValue {
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    /// A Lua string of the data, borrowed.
    case string(LuaBorrowedString)
    /// A string the expression made.
    case text(String)
    /// A table of the data, itself.
    case table(LuaTableHandle)
    case array([LuaSearchValue])
    case object(OrderedDictionary<String, LuaSearchValue>)
}
