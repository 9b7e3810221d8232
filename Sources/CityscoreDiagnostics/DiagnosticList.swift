/// The problems of one run, collected from every stage and reported together.
public struct DiagnosticList: Sendable {
    /// Every diagnostic added so far, in the order added.
    public private(set) var all: [Diagnostic] = []

    /// An empty list.
    public init() {}

    /// Adds one diagnostic.
    public mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds an error.
    public mutating func error(_ message: String, at location: SourceLocation, suggestion: String? = nil) {
        add(.error(message, at: location, suggestion: suggestion))
    }

    /// Adds a warning.
    public mutating func warning(_ message: String, at location: SourceLocation, suggestion: String? = nil) {
        add(.warning(message, at: location, suggestion: suggestion))
    }

    /// Adds every diagnostic of another list.
    public mutating func append(contentsOf other: DiagnosticList) { all += other.all }

    /// Adds several diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) { all += other }

    /// Whether any error (not just warnings) was found.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics sorted by file, line and column, duplicates removed: the order they are printed in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }
            .enumerated()
            .sorted { a, b in
                a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
            }
            .map(\.element)
    }
}

/// Thrown by a stage that found errors; carries every problem of that stage.
public struct DiagnosticsError: Error, Sendable {
    /// The problems found.
    public var diagnostics: [Diagnostic]

    /// Creates the error from the problems found.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
