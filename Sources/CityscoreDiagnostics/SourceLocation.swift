/// A place in a site file: the path relative to the site folder, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// Path relative to the site folder, with `/` separators (`Content/results/2020.csv`).
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column number; 0 when unknown.
    public var column: Int

    /// Creates a location; line and column default to the start of the file.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `path:line:column`, the form editors and CI logs turn into links.
    public var description: String { "\(path):\(max(line, 1)):\(max(column, 1))" }
}
