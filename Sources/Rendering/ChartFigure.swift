/// A chart placed on a page: the inline SVG, its words, its data as a table, and its download.
struct ChartFigure: Sendable {
    var id: String
    var title: String
    var description: String
    /// Inline SVG markup.
    var svg: String
    /// The standalone `.svg` file's contents.
    var standalone: String
    /// Output path of the standalone file; nil when it is not written (per-KPI charts, unless
    /// `chart_files: all` in `site.yml`).
    var downloadPath: String?
    /// Link to the standalone file.
    var downloadURL: String?
    var caption: String
    var headers: [String]
    var rows: [[String]]
    /// Columns holding numbers (aligned right).
    var numeric: Set<Int> = []

    /// Template fields. The chart's data table comes as ready HTML (`tableRows`), like the SVG: it is
    /// generated data, and a large one (a wheel lists every KPI) renders far faster in Swift.
    var context: [String: Any] {
        var context: [String: Any] = [
            "id": id, "title": title, "description": description, "svg": svg, "caption": caption,
            "headers": headers.enumerated().map { ["text": $0.element, "numeric": numeric.contains($0.offset)] },
            "tableRows": tableRows,
        ]
        if let downloadURL { context["download"] = downloadURL }
        return context
    }

    /// `<tr>` elements of the data table: the first cell of each row is its header.
    var tableRows: String {
        var html = ""
        html.reserveCapacity(rows.count * 96)
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    html += "<th scope=\"row\">" + HTML.escape(cell) + "</th>"
                } else {
                    html += (numeric.contains(i) ? "<td class=\"num\">" : "<td>") + HTML.escape(cell) + "</td>"
                }
            }
            html += "</tr>\n"
        }
        return html
    }
}

/// HTML text escaping for markup built in Swift.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` escaped; text without them is returned as it is.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The small charts of one KPI row: drawn inline, their data is the row itself.
struct RowCharts: Sendable {
    /// Inline SVG of the value against its target.
    var bullet: String?
    /// Inline SVG of the values across years.
    var sparkline: String?
    /// Standalone files to write (path, contents), with `chart_files: all`.
    var files: [(String, String)] = []
}

/// The charts of one page.
struct PageCharts: Sendable {
    /// Figures in page order.
    var figures: [ChartFigure]
    /// Row charts by item key (KPI code and data point).
    var rows: [String: RowCharts] = [:]
    /// Standalone files of the row charts.
    var files: [(String, String)] = []
}
