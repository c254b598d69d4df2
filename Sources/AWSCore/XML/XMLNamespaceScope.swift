/// The namespace declarations in force while reading an element: each open element adds
/// the `xmlns` and `xmlns:p` attributes it declares, and removes them when it closes.
struct XMLNamespaceScope {
    /// The URI bound to `xml:` in every document.
    static let xmlURI = "http://www.w3.org/XML/1998/namespace"

    /// Declarations of the open elements that made any, innermost last; the default
    /// namespace's key is "".
    private var levels: [[String: String]] = []
    /// Whether each open element, innermost last, added a level to `levels` and declared a
    /// default namespace: most declare nothing, and looking a prefix up then costs nothing
    /// for them.
    private var declared: [(level: Bool, defaultNamespace: Bool)] = []
    /// The default namespace declarations in force, innermost last (an empty one undeclares).
    private var defaults: [String] = []

    mutating func push(_ declarations: [String: String]) {
        let defaultNamespace = declarations[""]
        declared.append((!declarations.isEmpty, defaultNamespace != nil))
        if !declarations.isEmpty { levels.append(declarations) }
        if let defaultNamespace { defaults.append(defaultNamespace) }
    }

    mutating func pop() {
        let last = declared.removeLast()
        if last.level { levels.removeLast() }
        if last.defaultNamespace { defaults.removeLast() }
    }

    /// The URI bound to `prefix` (nil: the default namespace), or nil when none is.
    /// An empty `xmlns=""` undeclares the default namespace.
    func uri(for prefix: String?) -> String? {
        guard let prefix else { return defaults.last.flatMap { $0.isEmpty ? nil : $0 } }
        if prefix == "xml" { return XMLNamespaceScope.xmlURI }
        for level in levels.reversed() {
            if let uri = level[prefix] { return uri.isEmpty ? nil : uri }
        }
        return nil
    }
}
