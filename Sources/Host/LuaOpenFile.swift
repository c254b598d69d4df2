import CLua
import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file of Lua's io library (`io.open(path, "rb")`) seen from Swift: its descriptor and
/// the position Lua reads from next. The descriptor stays Lua's: use it while the file is
/// open, never close it.
public struct LuaOpenFile {
    public var descriptor: Int32
    /// Where Lua's next read starts, counting what the C stream has buffered.
    public var position: Int64
}

extension LuaState {
    /// The open file `value` is, nil when it is no Lua file; a closed file is an error.
    public func openFile(_ value: LuaValue) throws -> LuaOpenFile? {
        guard case .reference = value else { return nil }
        guard lua_checkstack(L, 2) != 0 else { return nil }
        push(value, on: L)
        defer { gs_pop(L, 1) }
        var stream: UnsafeMutablePointer<FILE>?
        switch gs_lua_file_stream(L, -1, &stream) {
        case 1:
            guard let stream else { return nil }
            fflush(stream)
            let position = ftello(stream)
            guard position >= 0 else {
                throw LuaError("cannot tell the position of the file: \(String(cString: strerror(errno)))")
            }
            return LuaOpenFile(descriptor: fileno(stream), position: Int64(position))
        case -1:
            throw LuaError("attempt to use a closed file")
        default:
            return nil
        }
    }
}
