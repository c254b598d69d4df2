import Host

/// `aws.json.null`: the JSON null where Lua's nil cannot stand — inside arrays, and as a
/// member of a document decoded by `aws.json.decode` — as `cjson.null` is for lua-cjson.
/// It is one userdata per state, so `v == aws.json.null` tests for it; it prints as `null`.
final class JSONNull: Sendable {
    static let shared = JSONNull()
    static let metatableName = "aws.json.null"

    /// The sentinel as a Lua value.
    static var value: LuaValue { .object(AnyHashableObject(shared)) }

    private init() {}

    static func register(in state: LuaState) {
        state.registerType(
            JSONNull.self, name: metatableName, metamethods: ["__tostring": { _ in ["null"] }])
    }
}
