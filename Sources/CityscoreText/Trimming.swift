extension String {
    /// The one "trim spaces": the text without white space (spaces of any width, tabs, line breaks)
    /// at either end, as a spreadsheet user sees it. Cells, units and codes all go through it.
    public var trimmingSpaces: String {
        // A string that starts and ends with an ASCII byte other than whitespace has nothing to
        // trim (most cells): an ASCII scalar at the end can only share its character with a
        // preceding Prepend scalar, and no Prepend scalar is whitespace.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, !Self.isASCIIWhitespace(first),
            !Self.isASCIIWhitespace(last)
        {
            return self
        }
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return self }
        return String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// Whether an ASCII byte is white space (tab, line breaks, vertical tab, form feed, space).
    public static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
