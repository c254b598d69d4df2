import Foundation

extension ServiceModel {
    /// Reads a botocore-format service model from a file (`service-2.json`), with the
    /// `paginators-1.json` and `waiters-2.json` found in the same folder, when there are any.
    ///
    /// Errors are `AWSError`s naming the file: `ModelFileNotFound` (no such file, or not
    /// readable), `InvalidModel` (not JSON, with the line and column, or JSON that is not a
    /// service model).
    public static func load(path: String) throws -> ServiceModel {
        let json = try ModelFileLoader.json(at: path)
        for key in ["metadata", "operations", "shapes"] where json[key]?.objectValue == nil {
            throw AWSError(
                code: "InvalidModel",
                message: "\(path) is not a botocore service model (service-2.json format): it has no \(key) object")
        }
        let model = try ModelFileLoader.withFileName(path) { try ServiceModel(json: json) }
        let folder = (path as NSString).deletingLastPathComponent
        for (name, attach) in [
            ("paginators-1.json", model.attachPaginators),
            ("waiters-2.json", model.attachWaiters),
        ] {
            let companion = folder.isEmpty ? name : folder + "/" + name
            guard FileManager.default.fileExists(atPath: companion) else { continue }
            try attach(try ModelFileLoader.json(at: companion), companion)
        }
        let rules = folder.isEmpty ? "endpoint-rule-set-1.json" : folder + "/endpoint-rule-set-1.json"
        if FileManager.default.fileExists(atPath: rules) {
            model.endpointRules = try EndpointRuleSet(json: try ModelFileLoader.json(at: rules), source: rules)
        }
        return model
    }
}

/// Reading model files: errors name the file.
enum ModelFileLoader {
    static func json(at path: String) throws -> JSONValue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AWSError(code: "ModelFileNotFound", message: "model file \(path) does not exist")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw AWSError(code: "ModelFileNotFound", message: "model file \(path) is not a readable file")
        }
        if data.starts(with: [0x1f, 0x8b]) {
            throw AWSError(
                code: "InvalidModel", message: "\(path) is gzip-compressed; decompress it first (gunzip -k \(path))")
        }
        do {
            return try JSONDecoding.decode([UInt8](data))
        } catch let error as AWSError {
            throw AWSError(code: "InvalidModel", message: "\(path) is not valid JSON: \(error.message)")
        }
    }

    /// Runs `body`, prefixing the message of a model error with the file's name.
    static func withFileName<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as AWSError where error.code == "InvalidModel" && !error.message.hasPrefix(path) {
            error.message = "\(path): \(error.message)"
            throw error
        }
    }
}
