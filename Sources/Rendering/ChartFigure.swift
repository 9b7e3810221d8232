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

    var context: [String: Any] {
        var context: [String: Any] = [
            "id": id, "title": title, "description": description, "svg": svg,
            "caption": caption, "headers": headers.map { ["text": $0] },
            "rows": rows.map { row in
                [
                    "cells": row.enumerated().map {
                        ["text": $0.element, "first": $0.offset == 0, "numeric": numeric.contains($0.offset)]
                    }
                ]
            },
        ]
        if let downloadURL { context["download"] = downloadURL }
        return context
    }
}
