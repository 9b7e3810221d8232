/// What `site.yml`'s `diagnostics:` asks of warning codes: `raw-html-omitted: error` makes such a
/// warning an error (the build stops), `ignored-file: off` silences it. Errors are never lowered.
public struct DiagnosticLevels: Hashable, Sendable {
    /// What one code is turned into.
    public enum Level: String, CaseIterable, Hashable, Sendable {
        case error
        case warning
        case off
    }

    /// The level asked for each code; codes not named keep their own severity.
    public private(set) var levels: [DiagnosticCode: Level] = [:]

    /// No changes: every code keeps its own severity.
    public init() {}

    /// Whether no code is changed.
    public var isEmpty: Bool { levels.isEmpty }

    /// Why `level` cannot be set for `code` (an error lowered), or nil when it is set.
    @discardableResult
    public mutating func set(_ code: DiagnosticCode, to level: Level) -> String? {
        if code.severity == .error && level != .error {
            return "\"\(code.rawValue)\" is an error, and errors cannot be turned into warnings or off: "
                + "the site would be built from input that is wrong"
        }
        levels[code] = level
        return nil
    }

    /// `diagnostic` as asked: its severity changed, or nil when its code is off.
    public func apply(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard let level = levels[diagnostic.code] else { return diagnostic }
        var changed = diagnostic
        switch level {
        case .off: return nil
        case .error: changed.severity = .error
        case .warning: changed.severity = .warning
        }
        return changed
    }

    /// `diagnostics` as asked, those that are off left out.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !levels.isEmpty else { return diagnostics }
        return diagnostics.compactMap(apply)
    }
}
