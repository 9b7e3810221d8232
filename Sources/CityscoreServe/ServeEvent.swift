import CityscoreDiagnostics

/// What happened while serving, for the command line to print.
public enum ServeEvent: Sendable {
    /// The first build worked.
    case built(pages: Int, milliseconds: Int, warnings: [Diagnostic])
    /// A rebuild after a change worked.
    case rebuilt(milliseconds: Int, warnings: [Diagnostic])
    /// A build failed; the last good site, if any, stays served with the problems over it.
    case failed(milliseconds: Int, diagnostics: [Diagnostic], initial: Bool)
}

/// Why the preview server could not start.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    /// The problem, in one line.
    public var description: String
    /// Problems of the site itself (for instance: the folder is not a site).
    public var diagnostics: [Diagnostic]
    /// Whether the problem is in the command line (exit status 2) rather than the site or the system.
    public var isUsage: Bool

    /// Creates the error.
    public init(_ description: String, diagnostics: [Diagnostic] = [], isUsage: Bool = false) {
        self.description = description
        self.diagnostics = diagnostics
        self.isUsage = isUsage
    }
}
