import AWSCore
import Host

/// `client:resolve_endpoint(params)`: what the service's endpoint rules give, for debugging.
extension LuaClient {
    static let endpointBuiltins: [String: Builtin] = [
        "resolve_endpoint": { client, call in
            try client.checkSelf(call, method: "resolve_endpoint")
            let given = try call[2] == .nil ? JSONValue.object([:]) : call.table(2, "params").toJSONValue()
            guard case .object(let members) = given else {
                throw AWSError(
                    code: "ValidationError",
                    message: "\(client.name):resolve_endpoint: params must be a table of rule parameters, "
                        + "e.g. {Region = \"us-west-2\", UseFIPS = true}")
            }
            let parameters = Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
            let endpoint = try client.client.resolveEndpoint(parameters)
            let result: JSONValue = .object([
                "url": .string(endpoint.url), "properties": .object(endpoint.properties),
                "headers": .object(endpoint.headers.mapValues { .array($0.map(JSONValue.string)) }),
            ])
            return [result.toLua()]
        }
    ]
}
