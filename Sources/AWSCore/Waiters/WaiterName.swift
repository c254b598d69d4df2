/// Waiter names as scripts write them (`crawler_ready`, as boto3's `get_waiter` takes them)
/// and as `waiters-2.json` holds them (`CrawlerReady`).
public enum WaiterName {
    /// botocore's `xform_name`: `CrawlerReady` -> `crawler_ready`, `DBInstanceAvailable` ->
    /// `db_instance_available`. A name holding `_` is returned unchanged.
    public static func snakeCase(_ name: String) -> String {
        if name.contains("_") { return name }
        var scalars = Array(name.unicodeScalars)
        if let suffix = pluralAcronymSuffix(scalars) {
            scalars = Array(scalars[..<suffix]) + ["_"] + scalars[suffix...].map { lowercase($0) }
        }
        var out: [Unicode.Scalar] = []
        for (index, scalar) in scalars.enumerated() {
            if index > 0, isUpper(scalar) {
                let previous = scalars[index - 1]
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let startsWord = next.map(isLower) ?? false
                if (isLower(previous) || isDigit(previous)) || (startsWord && previous != "_") {
                    out.append("_")
                }
            }
            out.append(lowercase(scalar))
        }
        return String(String.UnicodeScalarView(out))
    }

    /// The naive inverse: `crawler_ready` -> `CrawlerReady`. Use `resolve` when the real names
    /// are known, since acronyms (`DB`) cannot be recovered.
    public static func pascalCase(_ name: String) -> String {
        name.split(separator: "_").map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined()
    }

    /// The name among `names` that `name` designates, given in either form.
    public static func resolve(_ name: String, among names: [String]) -> String? {
        if names.contains(name) { return name }
        return names.first { snakeCase($0) == name } ?? names.first { $0 == pascalCase(name) }
    }

    /// The index where a plural acronym ends the name (`ARNs`, `ACLs`), as botocore splits it.
    private static func pluralAcronymSuffix(_ s: [Unicode.Scalar]) -> Int? {
        guard s.count >= 3, s[s.count - 1] == "s" else { return nil }
        var start = s.count - 1
        while start > 0, isUpper(s[start - 1]) { start -= 1 }
        return s.count - 1 - start >= 2 ? start : nil
    }

    private static func isUpper(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
    private static func isLower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func lowercase(_ c: Unicode.Scalar) -> Unicode.Scalar {
        isUpper(c) ? Unicode.Scalar(c.value + 32) ?? c : c
    }
}
