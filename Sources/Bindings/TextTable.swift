/// Rows as an aligned text table in the style of one section of the AWS CLI's
/// `--output table`: `+---+` rules, the column names centred in a header row, each cell
/// left-aligned with two spaces before it, and an optional title row above.
///
/// ```
/// -----------------------------
/// |          ListJobs         |
/// +-----------+---------------+
/// |   Name    |     State     |
/// +-----------+---------------+
/// |  weather  |  SUCCEEDED    |
/// +-----------+---------------+
/// ```
enum TextTable {
    /// The table of `rows` (each as long as `header`, which is not empty) with `title` above when given. Every
    /// line ends with a newline; a cell's line breaks are shown as spaces.
    static func render(header: [String], rows: [[String]], title: String? = nil) -> String {
        let cleanRows = rows.map { $0.map(oneLine) }
        var widths = header.map { $0.count + 4 }
        for row in cleanRows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count + 4)
            }
        }
        if let title, !widths.isEmpty {
            let spanned = widths.reduce(0, +) + widths.count - 1
            let needed = oneLine(title).count + 4
            if needed > spanned { widths[widths.count - 1] += needed - spanned }
        }
        let inner = widths.reduce(0, +) + widths.count - 1
        let rule = "+" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+\n"
        var text = ""
        if let title {
            text += String(repeating: "-", count: inner + 2) + "\n"
            text += "|" + centred(oneLine(title), width: inner) + "|\n"
        }
        text += rule
        text += "|" + zip(header, widths).map { centred(oneLine($0), width: $1) }.joined(separator: "|") + "|\n"
        text += rule
        for row in cleanRows {
            let cells = widths.indices.map { column -> String in
                let cell = column < row.count ? row[column] : ""
                return "  " + cell + String(repeating: " ", count: widths[column] - cell.count - 2)
            }
            text += "|" + cells.joined(separator: "|") + "|\n"
        }
        if !cleanRows.isEmpty { text += rule }
        return text
    }

    private static func centred(_ text: String, width: Int) -> String {
        let space = max(0, width - text.count)
        let left = space / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: space - left)
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }
}
