/// botocore's `partitions.json`: which partition (aws, aws-cn, aws-us-gov, ...) a region
/// belongs to, and that partition's DNS suffixes and FIPS and dual-stack support.
public struct Partitions: @unchecked Sendable {
    private struct Entry {
        var outputs: JSONValue
        var regions: Set<String>
        /// `regionRegex`, compiled when a region is not among the named ones; a pattern that
        /// does not compile matches nothing.
        var pattern: String?

        /// Python's `re.match`: anchored at the start only.
        func matches(_ region: String) -> Bool {
            guard let pattern, let regex = try? Regex(pattern) else { return false }
            return (try? regex.prefixMatch(in: region)) != nil
        }
    }
    private let entries: [Entry]

    /// The partitions compiled into gluescript (Sources/CModels/partitions.c).
    public static let embedded: Partitions = {
        do {
            return try Partitions(json: try JSONDecoding.decode(EmbeddedModels.partitions))
        } catch {
            fatalError("the embedded partitions.json does not load: \(error)")
        }
    }()

    public init(json: JSONValue) throws {
        guard let partitions = json["partitions"]?.arrayValue, !partitions.isEmpty else {
            throw AWSError(code: "InvalidModel", message: "partitions.json has no partitions")
        }
        entries = partitions.map { partition in
            var outputs = partition["outputs"]?.objectValue ?? [:]
            outputs["name"] = partition["id"] ?? .null
            return Entry(
                outputs: .object(outputs), regions: Set(partition["regions"]?.objectValue?.keys ?? []),
                pattern: partition["regionRegex"]?.stringValue)
        }
    }

    /// The outputs of the partition `region` belongs to (named regions first, then the
    /// partition's pattern); the first partition (aws) when none matches.
    func partition(for region: String?) -> JSONValue {
        if let region {
            for entry in entries where entry.regions.contains(region) || entry.matches(region) {
                return entry.outputs
            }
        }
        return entries[0].outputs
    }
}
