import CLua
import CShims

/// A Lua value kept alive in the registry so Swift can hold it (a function to call back,
/// a table whose identity matters). Released when the last Swift copy goes.
public final class LuaReference: Hashable {
    weak var state: LuaState?
    let ref: Int32
    /// The Lua type name of the referenced value.
    public let typeName: String

    init(state: LuaState, ref: Int32, typeName: String) {
        self.state = state
        self.ref = ref
        self.typeName = typeName
    }

    deinit {
        if let state, !state.isClosed {
            luaL_unref(state.L, gs_registryindex(), ref)
        }
    }

    public static func == (a: LuaReference, b: LuaReference) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
