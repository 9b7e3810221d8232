/// One problem found in the input, with where it is and, when obvious, how to fix it.
public struct Diagnostic: Hashable, Sendable {
    /// How serious a problem is: errors stop the build, warnings do not.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// Error or warning.
    public var severity: Severity
    /// The problem, in words a spreadsheet user understands.
    public var message: String
    /// A fix, when one is obvious (`did you mean "EC: ICT: ICT: 1C"?`).
    public var suggestion: String?
    /// A stable name for the kind of problem (`unknown-kpi`), for CI annotations; nil when it has none.
    public var code: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String, suggestion: String? = nil,
        code: String? = nil
    ) {
        self.location = location
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.code = code
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation, suggestion: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, at: location, message, suggestion: suggestion)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation, suggestion: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.warning, at: location, message, suggestion: suggestion)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:column: error: message (suggestion)`, one line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text.replacingNewlines()
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(
            unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0)
            })
    }
}
