import FoundationEssentials

extension ServiceModel {
    /// Reads a botocore-format service model from a file (`service-2.json` or, as botocore
    /// ships it, `service-2.json.gz`), with the `paginators-1`, `waiters-2` and
    /// `endpoint-rule-set-1` files found in the same folder, when there are any, and each file's
    /// `.sdk-extras` merged in as botocore merges it.
    ///
    /// Errors are `AWSError`s naming the file: `ModelFileNotFound` (no such file, or not
    /// readable), `InvalidModel` (not JSON, with the line and column, or JSON that is not a
    /// service model).
    public static func load(path: String) throws -> ServiceModel {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ""
        let typeName = ModelFileLoader.typeName(
            ofFile: String(slash.map { path[path.index(after: $0)...] } ?? path[...]))
        let json = try ModelFileLoader.withExtras(try ModelFileLoader.json(at: path), typeName, in: folder)
        for key in ["metadata", "operations", "shapes"] where json[key]?.objectValue == nil {
            throw AWSError(
                code: "InvalidModel",
                message: "\(path) is not a botocore service model (service-2.json format): it has no \(key) object")
        }
        let model = try ModelFileLoader.withFileName(path) { try ServiceModel(json: json, source: path) }
        for (name, attach) in [
            ("paginators-1", model.attachPaginators),
            ("waiters-2", model.attachWaiters),
        ] {
            guard let companion = ModelFileLoader.file(named: name, in: folder) else { continue }
            try attach(
                try ModelFileLoader.withExtras(try ModelFileLoader.json(at: companion), name, in: folder), companion)
        }
        if let rules = ModelFileLoader.file(named: "endpoint-rule-set-1", in: folder) {
            model.endpointRules = try EndpointRuleSet(json: try ModelFileLoader.json(at: rules), source: rules)
        }
        return model
    }
}

/// Reading model files: errors name the file.
enum ModelFileLoader {
    /// The endings a model file may have, in the order botocore tries them.
    static let fileEndings = [".json", ".json.gz"]

    /// `service-2` for `service-2.json` or `service-2.json.gz`.
    static func typeName(ofFile name: String) -> String {
        for ending in fileEndings.reversed() where name.hasSuffix(ending) {
            return String(name.dropLast(ending.count))
        }
        return name
    }

    /// The path of `typeName.json` or `typeName.json.gz` in `folder`, whichever exists first.
    static func file(named typeName: String, in folder: String) -> String? {
        for ending in fileEndings {
            let path = (folder.isEmpty ? "" : folder + "/") + typeName + ending
            var isDirectory = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory {
                return path
            }
        }
        return nil
    }

    /// `document` with the `merge` block of `typeName.sdk-extras.json` (in `folder`) merged
    /// into it, as botocore's loader does; unchanged when there is no such file.
    static func withExtras(_ document: JSONValue, _ typeName: String, in folder: String) throws -> JSONValue {
        guard let path = file(named: typeName + ".sdk-extras", in: folder) else { return document }
        guard let merge = try json(at: path)["merge"] else { return document }
        return document.deepMerged(with: merge)
    }

    /// The JSON in the file at `path`, decompressed first when it is gzip data.
    static func json(at path: String) throws -> JSONValue {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AWSError(code: "ModelFileNotFound", message: "model file \(path) does not exist")
        }
        guard !isDirectory, let data = FileManager.default.contents(atPath: path) else {
            throw AWSError(code: "ModelFileNotFound", message: "model file \(path) is not a readable file")
        }
        var bytes = [UInt8](data)
        if Gzip.isCompressed(bytes) {
            do {
                bytes = try Gzip.decompress(bytes)
            } catch let error as AWSError {
                throw AWSError(code: "InvalidModel", message: "\(path): \(error.message)")
            }
        }
        do {
            return try JSONDecoding.decode(bytes)
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
