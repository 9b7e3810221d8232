import CityscoreCharts
import CityscoreTemplating

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
    /// A heading when the figure is shown under one of its own (`headedCharts`), not in `charts`.
    var heading: String? = nil
    /// Whether a headed figure starts folded.
    var folded = false

    /// `<tr>` elements of the data table: the first cell of each row is its header. Cells are escaped
    /// with the charts' own escaping (valid in HTML as in SVG).
    var tableRows: String {
        var html = ""
        html.reserveCapacity(rows.count * 96)
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    html += "<th scope=\"row\">" + SVGWriter.escape(cell) + "</th>"
                } else {
                    html += (numeric.contains(i) ? "<td class=\"num\">" : "<td>") + SVGWriter.escape(cell) + "</td>"
                }
            }
            html += "</tr>\n"
        }
        return html
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
