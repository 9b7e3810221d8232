/// The problems of one run, collected from every stage and reported together: the one place where
/// `site.yml`'s `diagnostics:` raises or silences warnings, and so where a run's errors are decided.
public struct DiagnosticList: Sendable {
    /// Every diagnostic added so far, in the order added, as `levels` asks.
    public private(set) var all: [Diagnostic] = []

    /// Warning codes raised to errors or turned off; applied to what was added before, and to all
    /// that is added after.
    public var levels = DiagnosticLevels() {
        didSet { all = levels.apply(all) }
    }

    /// An empty list.
    public init() {}

    /// Adds one diagnostic (unless its code is off).
    public mutating func add(_ diagnostic: Diagnostic) {
        if let diagnostic = levels.apply(diagnostic) { all.append(diagnostic) }
    }

    /// Adds an error.
    public mutating func error(
        _ message: String, at location: SourceLocation, suggestion: String? = nil, code: DiagnosticCode
    ) {
        add(.error(message, at: location, suggestion: suggestion, code: code))
    }

    /// Adds a warning.
    public mutating func warning(
        _ message: String, at location: SourceLocation, suggestion: String? = nil, code: DiagnosticCode
    ) {
        add(.warning(message, at: location, suggestion: suggestion, code: code))
    }

    /// Adds every diagnostic of another list.
    public mutating func append(contentsOf other: DiagnosticList) { all += levels.apply(other.all) }

    /// Adds several diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) { all += levels.apply(other) }

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
