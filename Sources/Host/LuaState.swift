import CLua
import CShims

/// One Lua state with the standard libraries open. Not shared between threads.
public final class LuaState {
    public let L: OpaquePointer

    public init() {
        L = luaL_newstate()
        luaL_openlibs(L)
    }

    deinit {
        lua_close(L)
    }
}
