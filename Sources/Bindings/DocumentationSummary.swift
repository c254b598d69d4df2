import AWSCore

/// The first sentence of an API's documentation, as plain text on one line. The embedded
/// models hold it already (scripts/update-models cuts it); a model read from a botocore file
/// holds the full HTML, cut here the same way.
enum DocumentationSummary {
    private static let abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "Inc.", "approx.", "No."]
    private static let limit = 300

    static func firstSentence(_ documentation: String) -> String {
        guard documentation.hasPrefix("<") else { return documentation }
        var paragraph = ""
        for part in documentation.split(separator: "<p>", omittingEmptySubsequences: true) {
            paragraph = plainText(String(part))
            if !paragraph.isEmpty { break }
        }
        var sentence = paragraph
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let next = paragraph.index(after: index)
            if ".!?".contains(paragraph[index]), next == paragraph.endIndex || paragraph[next] == " " {
                let candidate = String(paragraph[..<next])
                if !abbreviations.contains(where: candidate.hasSuffix) {
                    sentence = candidate
                    break
                }
            }
            index = next
        }
        if sentence.count > limit {
            let cut = sentence.prefix(limit - 3)
            sentence = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "..."
        }
        return sentence
    }

    /// The text without tags, the common entities decoded and blanks collapsed.
    private static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text.append(" ")
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingEvery(entity, with: character)
        }
        var collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for mark in [".", ",", ";", ":", ")"] {
            collapsed = collapsed.replacingEvery(" " + mark, with: mark)
        }
        return collapsed.replacingEvery("( ", with: "(")
    }
}
