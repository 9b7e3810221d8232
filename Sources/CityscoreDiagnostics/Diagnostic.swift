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
    /// The stable name of the kind of problem (`unknown-kpi`), printed with the message.
    public var code: DiagnosticCode

    /// Creates a diagnostic; `severity` is the code's own unless `site.yml` changed it.
    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String, suggestion: String? = nil,
        code: DiagnosticCode
    ) {
        self.location = location
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.code = code
    }

    /// An error at `location`, of a kind that is an error (`code.severity == .error`).
    public static func error(
        _ message: String, at location: SourceLocation, suggestion: String? = nil, code: DiagnosticCode
    ) -> Diagnostic {
        assert(code.severity == .error, "\(code.rawValue) is a warning code: make it with .warning")
        return Diagnostic(.error, at: location, message, suggestion: suggestion, code: code)
    }

    /// A warning at `location`, of a kind that is a warning (`code.severity == .warning`).
    public static func warning(
        _ message: String, at location: SourceLocation, suggestion: String? = nil, code: DiagnosticCode
    ) -> Diagnostic {
        assert(code.severity == .warning, "\(code.rawValue) is an error code: make it with .error")
        return Diagnostic(.warning, at: location, message, suggestion: suggestion, code: code)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:column: error: message; suggestion [code]`, one line.
    public var description: String {
        withoutCode + " [\(code.rawValue)]"
    }

    /// `path:line:column: error: message; suggestion`, one line, without the code.
    public var withoutCode: String {
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
