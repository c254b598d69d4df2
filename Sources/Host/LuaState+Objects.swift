import CLua
import CShims

extension LuaState {
    /// Marks userdata made by this bridge (its user value), so foreign userdata is never
    /// mistaken for a retained Swift object.
    nonisolated(unsafe) static let retainedMarker: UnsafeMutableRawPointer = {
        let p = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
        return p
    }()

    /// Exposes Swift objects of type `T` to Lua as userdata with these methods and
    /// metamethods (`__tostring`, `__eq`, ...). `__index` is the methods table unless given.
    public func registerType<T: AnyObject>(
        _ type: T.Type, name: String, methods: [String: LuaFunction.Body] = [:],
        metamethods: [String: LuaFunction.Body] = [:]
    ) {
        userdataTypes[ObjectIdentifier(type)] = name
        LuaState.pushNewMetatable(name, on: L)
        lua_pushcfunction_gc(L)
        LuaState.setRawField("__gc", of: -2, on: L)
        if !methods.isEmpty {
            lua_createtable(L, 0, Int32(methods.count))
            for (methodName, body) in methods {
                push(.function(LuaFunction(methodName, body)), on: L)
                LuaState.setRawField(methodName, of: -2, on: L)
            }
            LuaState.setRawField("__index", of: -2, on: L)
        }
        for (metaName, body) in metamethods {
            push(.function(LuaFunction(metaName, body)), on: L)
            LuaState.setRawField(metaName, of: -2, on: L)
        }
        gs_pop(L, 1)
    }

    /// Creates the metatable `name` (with `__name` set, so tables read back carry it as
    /// `LuaTable.metatableName`) holding these metamethods. Tables pushed with that
    /// `metatableName` get it.
    public func defineMetatable(_ name: String, metamethods: [String: LuaFunction.Body] = [:]) {
        LuaState.pushNewMetatable(name, on: L)
        for (metaName, body) in metamethods {
            push(.function(LuaFunction(metaName, body)), on: L)
            LuaState.setRawField(metaName, of: -2, on: L)
        }
        gs_pop(L, 1)
    }

    /// Pushes a Swift object. The same object pushes as the same userdata while Lua holds it.
    func pushObject(_ object: AnyObject, on L: OpaquePointer) {
        let key = UnsafeMutableRawPointer(Unmanaged.passUnretained(object).toOpaque())
        LuaState.pushRawField(LuaState.objectCacheKey, of: gs_registryindex(), on: L)
        lua_pushlightuserdata(L, key)
        if lua_rawget(L, -2) == LUA_TUSERDATA {
            gs_remove(L, -2)
            return
        }
        gs_pop(L, 1)
        let name = userdataTypes[ObjectIdentifier(type(of: object))] ?? LuaState.plainObjectMetatable
        pushRetained(object, metatable: name, on: L)
        lua_pushlightuserdata(L, key)
        lua_pushvalue(L, -2)
        lua_rawset(L, -4)
        gs_remove(L, -2)
    }

    static let objectCacheKey = "gluescript.objects"
    static let plainObjectMetatable = "gluescript.object"

    func createObjectCache() {
        lua_createtable(L, 0, 0)
        lua_createtable(L, 0, 1)
        lua_pushstring(L, "v")
        LuaState.setRawField("__mode", of: -2, on: L)
        lua_setmetatable(L, -2)
        LuaState.setRawField(LuaState.objectCacheKey, of: gs_registryindex(), on: L)
        for name in [LuaState.functionBoxMetatable, LuaState.plainObjectMetatable] {
            LuaState.pushNewMetatable(name, on: L)
            lua_pushcfunction_gc(L)
            LuaState.setRawField("__gc", of: -2, on: L)
            gs_pop(L, 1)
        }
    }

    /// Pushes a full userdata holding a retained reference to `object`, with metatable `name`.
    func pushRetained(_ object: AnyObject, metatable name: String, on L: OpaquePointer) {
        let block = gs_newuserdata(L, MemoryLayout<UnsafeRawPointer>.size)!
        block.storeBytes(
            of: Unmanaged.passRetained(object).toOpaque(), as: UnsafeMutableRawPointer.self)
        lua_pushlightuserdata(L, LuaState.retainedMarker)
        lua_setiuservalue(L, -2, 1)
        LuaState.setMetatable(named: name, on: L)
    }

    /// The Swift object behind the userdata at `index`, when it is one of ours.
    func objectIfSwift(at index: Int32, on L: OpaquePointer) -> AnyObject? {
        guard let object = retainedObject(at: index, on: L), !(object is LuaFunction) else {
            return nil
        }
        return object
    }
}

/// `__gc` of every retained userdata: releases the Swift object once. Lua calls it directly,
/// not through the trampoline, so it marks the stack as held by Swift itself: the object's
/// `deinit` may touch the state (releasing a `LuaReference`).
private func releaseRetained(_ L: OpaquePointer?) -> Int32 {
    guard let L, let block = lua_touserdata(L, 1) else { return 0 }
    let data = gs_data(L)!
    let saved = data.pointee.errors_caught_by_lua
    data.pointee.errors_caught_by_lua = 0
    defer { data.pointee.errors_caught_by_lua = saved }
    let raw = block.load(as: UnsafeMutableRawPointer?.self)
    if let raw {
        Unmanaged<AnyObject>.fromOpaque(raw).release()
        block.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
    }
    return 0
}

func lua_pushcfunction_gc(_ L: OpaquePointer) {
    lua_pushcclosure(L, { releaseRetained($0) }, 0)
}
