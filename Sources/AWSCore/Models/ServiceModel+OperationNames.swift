extension ServiceModel {
    /// The operations' boto3 method names (`create_crawler`), in model order.
    public var methodNames: [String] { Array(operationNamesByMethod.keys) }

    /// The operation a boto3 method name (`list_objects_v2`) stands for.
    ///
    /// An unknown name is an `AWSError` with code `UnknownOperation` suggesting the closest
    /// method name (`get_databse` → "did you mean get_database?"); the API's own name
    /// (`GetDatabases`) is answered with its method name.
    public func operation(method name: String) throws -> OperationModel {
        if let apiName = operationNamesByMethod[name], let operation = try operations.named(apiName) {
            return operation
        }
        let service = metadata.endpointPrefix
        var message = "\(service) has no operation \(QuotedValue.shortened(name))"
        if operations.keys.contains(name) {
            message += "; did you mean \(OperationName.pythonic(name))?"
        } else {
            message += Suggestion.phrase(for: name, among: operationNamesByMethod.keys)
        }
        throw AWSError(code: "UnknownOperation", message: message, service: service)
    }
}
