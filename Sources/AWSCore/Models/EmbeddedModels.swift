import CModels

/// The model files compiled into the program (Sources/CModels, made by scripts/update-models).
enum EmbeddedModels {
    /// The files a service model is made of.
    enum Kind: String {
        case service, paginators, waiters, endpoints
    }

    /// botocore's `partitions.json`.
    static var partitions: [UInt8] {
        var length = 0
        let start = gs_partitions(&length)!
        return Array(UnsafeBufferPointer(start: start, count: length))
    }

    /// The embedded services, as boto3.client names them.
    static var serviceNames: [String] {
        (0..<gs_model_service_count()).compactMap { gs_model_service_name($0).map { String(cString: $0) } }
    }

    /// The JSON bytes of one file, or nil when the service or that file is not embedded.
    static func bytes(service: String, kind: Kind) -> [UInt8]? {
        var length = 0
        guard !service.utf8.contains(0), let start = gs_model_lookup(service, kind.rawValue, &length) else {
            return nil
        }
        return Array(UnsafeBufferPointer(start: start, count: length))
    }
}
