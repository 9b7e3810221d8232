import CityscoreDiagnostics

/// The one duplicate-row finder, for results and targets alike: rows are sorted by key, equal keys
/// end up side by side (the first written first), and each later row gets an error placed right
/// after its own problems among the diagnostics.
struct DuplicateRows {
    /// The rows in key order, duplicates left out.
    var kept: [Int]

    /// Finds the rows of `keys` whose key an earlier row already has. `positions[row]` is where the
    /// row's error goes among `diagnostics` (their count after the row's own problems);
    /// `error(row, first)` words it.
    init<Key: Comparable>(
        keys: [Key], positions: [Int], diagnostics: inout [Diagnostic], error: (_ row: Int, _ first: Int) -> Diagnostic
    ) {
        let order = RowOrder.sortedOrder(keys)
        let duplicates = RowOrder.duplicates(keys, in: order)
        guard !duplicates.isEmpty else {
            kept = order
            return
        }
        var errors = duplicates.map { (position: positions[$0.row], row: $0.row, diagnostic: error($0.row, $0.first)) }
        errors.sort { ($0.position, $0.row) < ($1.position, $1.row) }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(diagnostics.count + errors.count)
        var next = 0
        for (position, diagnostic) in diagnostics.enumerated() {
            while next < errors.count && errors[next].position == position {
                merged.append(errors[next].diagnostic)
                next += 1
            }
            merged.append(diagnostic)
        }
        merged += errors[next...].map(\.diagnostic)
        diagnostics = merged
        let isDuplicate = Set(duplicates.map(\.row))
        kept = order.filter { !isDuplicate.contains($0) }
    }
}
