extension ServiceModel {
    /// Takes the `pagination` block of a `paginators-1.json` document; `source` names the
    /// file in errors (code `InvalidModel`).
    func attachPaginators(_ document: JSONValue, source: String) throws {
        guard let pagination = document["pagination"]?.objectValue else {
            throw AWSError(
                code: "InvalidModel", message: "\(source) is not a paginators file: it has no pagination object")
        }
        paginators = pagination
    }

    /// Takes the `waiters` block of a `waiters-2.json` document (version 2).
    func attachWaiters(_ document: JSONValue, source: String) throws {
        guard let waiters = document["waiters"]?.objectValue else {
            throw AWSError(code: "InvalidModel", message: "\(source) is not a waiters file: it has no waiters object")
        }
        if let version = document["version"]?.numberValue, version != 2 {
            throw AWSError(
                code: "InvalidModel",
                message: "\(source) has waiters version \(Int(version)); only version 2 is understood")
        }
        self.waiters = waiters
    }
}
