/// The data of a chart as a plain table, so a page can offer it as an HTML `<table>`.
public struct DataTable: Sendable, Hashable {
    /// What the table holds (for `<caption>`).
    public var caption: String
    /// Column headers.
    public var columns: [String]
    /// Rows of cell text, each as long as `columns`, numbers already formatted.
    public var rows: [[String]]
    /// Indexes of the columns holding numbers (to align them right).
    public var numericColumns: [Int]

    /// Creates a table; rows shorter than `columns` are padded with empty cells, longer ones cut.
    public init(caption: String, columns: [String], rows: [[String]], numericColumns: [Int] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows.map { row in
            Array(row.prefix(columns.count)) + Array(repeating: "", count: max(0, columns.count - row.count))
        }
        self.numericColumns = numericColumns.filter { columns.indices.contains($0) }
    }
}
