import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading

/// The `round` column of `results/*.csv`: which evaluation round a row belongs to.
enum Rounds {
    /// The round of one row: its `round` cell as a year, the row's year when the cell is empty, nil
    /// when the file has no such column; or the problem with the cell.
    static func read(
        _ column: Columns.Column, in record: CSVTable.Record, columns: Columns, year: Int?, currentYear: Int
    ) -> (value: Int?, problem: Diagnostic?) {
        guard columns.has("round") else { return (nil, nil) }
        let text = columns.text(column, in: record)
        if text.isEmpty { return (year, nil) }
        let suggestion = "write the year of the evaluation the value belongs to, e.g. 2023, or leave the cell empty"
        guard let round = Int(text), text.utf8.count == 4, (1900...2200).contains(round) else {
            return (
                nil,
                .error(
                    "\(text.quotedForMessage()) in column \"round\" is not a four-digit year",
                    at: columns.location(column, in: record), suggestion: suggestion, code: .invalidYear)
            )
        }
        if round > currentYear {
            return (
                nil,
                .error(
                    "the round \(text) has not begun yet (it is \(currentYear) now)",
                    at: columns.location(column, in: record), suggestion: suggestion, code: .futureYear)
            )
        }
        if let year, year > round {
            return (
                nil,
                .error(
                    "a value of \(year) cannot belong to the round of \(round), which came before it",
                    at: columns.location(column, in: record),
                    suggestion: "write the round the value was reported in (\(year) or later)", code: .roundBeforeValue)
            )
        }
        return (round, nil)
    }
}
