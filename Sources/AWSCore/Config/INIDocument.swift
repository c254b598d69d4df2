/// A parsed AWS-style INI file: sections of `key = value` properties, where a value may be a
/// nested block of indented `key = value` lines (as `s3 =` in a `[services]` section).
public struct INIDocument: Sendable, Equatable {
    /// The value of one property: plain text, or a nested block of sub-properties.
    public enum Value: Sendable, Equatable {
        case text(String)
        case nested([String: String])

        public var text: String? {
            if case .text(let value) = self { return value }
            return nil
        }

        public var nested: [String: String]? {
            if case .nested(let values) = self { return values }
            return nil
        }
    }

    /// One `[name]` section, its name as written between the brackets (trimmed).
    public struct Section: Sendable, Equatable {
        public var name: String
        /// Property names are lower-cased, as botocore's parser does.
        public var properties: [String: Value]
        /// Line of the section header, counting from 1.
        public var line: Int

        public init(name: String, properties: [String: Value] = [:], line: Int) {
            self.name = name
            self.properties = properties
            self.line = line
        }
    }

    /// Where the text came from, for error messages.
    public var path: String
    /// Sections in file order; a name written twice appears twice.
    public var sections: [Section]

    public init(path: String, sections: [Section] = []) {
        self.path = path
        self.sections = sections
    }
}
