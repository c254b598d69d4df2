/// "Did you mean ...?" for a name that matched nothing: the closest candidate by edit
/// distance, when it is close enough to be a plausible typo.
public enum Suggestion {
    /// The candidate nearest to `name` (ignoring case, `_` and `-`), or nil when none is
    /// within a third of the name's length (2 edits for short names, 1 for the shortest).
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let wanted = normalized(name)
        let limit = wanted.count <= 3 ? 1 : Swift.max(2, wanted.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = normalized(candidate)
            // The distance is at least the difference in length: a huge name costs no quadratic work.
            guard abs(other.count - wanted.count) <= limit else { continue }
            let distance = editDistance(wanted, other)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The `; did you mean X?` suffix for a message, or the empty string.
    public static func phrase(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { "; did you mean \($0)?" } ?? ""
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return a.count + b.count }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        for i in 1...a.count {
            let rowBefore = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = Swift.min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = Swift.min(row[j], rowBefore[j - 2] + 1)
                }
            }
        }
        return row[b.count]
    }

    private static func normalized(_ name: String) -> [Character] {
        name.lowercased().filter { $0 != "_" && $0 != "-" }.map { $0 }
    }
}
