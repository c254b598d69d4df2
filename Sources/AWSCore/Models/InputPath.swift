/// Where a value sits in an operation's input (`Targets.S3Targets[1].Path`). It is made as a
/// walk goes down the input and written out only when a problem is reported, so checking and
/// converting a large input builds no text for the values that are right.
public indirect enum InputPath: Sendable {
    case root
    /// A member of a structure, or a field of a table.
    case member(InputPath, String)
    /// An element of a list, counted from 1.
    case index(InputPath, Int)
    /// An entry of a map.
    case key(InputPath, String)

    /// `parent.name` (`name` at the root).
    public func member(_ name: String) -> InputPath { .member(self, name) }

    /// `parent[position]`.
    public func index(_ position: Int) -> InputPath { .index(self, position) }

    /// `parent.key` for a map entry.
    public func key(_ key: String) -> InputPath { .key(self, key) }

    /// A path already written out (`Tables[2].Name`); empty for the root.
    public static func written(_ text: String) -> InputPath { text.isEmpty ? .root : .member(.root, text) }

    public var isRoot: Bool {
        if case .root = self { return true }
        return false
    }

    /// Names as they are, map keys after a dot: `Tags.owner`, `Columns[2].Name`.
    public var text: String {
        switch self {
        case .root: return ""
        case .member(let parent, let name), .key(let parent, let name):
            return parent.isRoot ? name : parent.text + "." + name
        case .index(let parent, let position): return parent.text + "[\(position)]"
        }
    }

    /// As `text`, with long names shortened and map keys that are not Lua identifiers
    /// written `["any key"]`: the form of validation messages.
    var validationText: String {
        switch self {
        case .root: return ""
        case .member(let parent, let name):
            let short = QuotedValue.shortened(name)
            return parent.isRoot ? short : parent.validationText + "." + short
        case .key(let parent, let key): return parent.validationText + Self.keySuffix(key)
        case .index(let parent, let position): return parent.validationText + "[\(position)]"
        }
    }

    /// `.Name` for map keys that are Lua identifiers, `["any key"]` otherwise.
    private static func keySuffix(_ fullKey: String) -> String {
        let key = QuotedValue.shortened(fullKey)
        let identifier =
            key.first.map { $0.isLetter || $0 == "_" } == true
            && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        if identifier { return "." + key }
        let escaped = key.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"")
        return "[\"\(escaped)\"]"
    }
}
