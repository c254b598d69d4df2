/// The namespace declarations in force while reading an element: each open element adds
/// the `xmlns` and `xmlns:p` attributes it declares, and removes them when it closes.
struct XMLNamespaceScope {
    /// The URI bound to `xml:` in every document.
    static let xmlURI = "http://www.w3.org/XML/1998/namespace"

    /// Declarations of the open elements that made any, innermost last; the default
    /// namespace's key is "".
    private var levels: [[String: String]] = []
    /// Whether each open element, innermost last, added a level to `levels`: most declare
    /// nothing, and looking a prefix up then costs nothing for them.
    private var declared: [Bool] = []

    mutating func push(_ declarations: [String: String]) {
        declared.append(!declarations.isEmpty)
        if !declarations.isEmpty { levels.append(declarations) }
    }

    mutating func pop() {
        if declared.removeLast() { levels.removeLast() }
    }

    /// The URI bound to `prefix` (nil: the default namespace), or nil when none is.
    /// An empty `xmlns=""` undeclares the default namespace.
    func uri(for prefix: String?) -> String? {
        if prefix == "xml" { return XMLNamespaceScope.xmlURI }
        let key = prefix ?? ""
        for level in levels.reversed() {
            if let uri = level[key] { return uri.isEmpty ? nil : uri }
        }
        return nil
    }
}
