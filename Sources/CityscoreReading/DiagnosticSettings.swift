import CityscoreDiagnostics

/// `diagnostics:` in `site.yml`: warning codes raised to errors or turned off, e.g.
/// `diagnostics: {raw-html-omitted: error, ignored-file: off}`.
public enum DiagnosticSettings {
    /// The key in `site.yml`.
    public static let key = "diagnostics"

    /// The levels asked for in `config`, and the problems with them: an unknown code (a warning with
    /// a "did you mean"), a level other than error, warning or off, an error that would be lowered.
    public static func read(_ config: YAMLFields) -> (DiagnosticLevels, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var levels = DiagnosticLevels()
        guard let pairs = config.mapping(key, into: &problems) else { return (levels, problems) }
        let names = DiagnosticCode.allCases.map(\.rawValue)
        let levelNames = DiagnosticLevels.Level.allCases.map(\.rawValue)
        for pair in pairs {
            guard let code = DiagnosticCode(named: pair.key) else {
                problems.append(
                    .warning(
                        "there is no diagnostic code \(pair.key.quotedForMessage()), so this line changes nothing",
                        at: pair.location,
                        suggestion: Suggestions.didYouMean(pair.key, in: names)
                            ?? "the codes are listed in the README's table \"Diagnostic codes\"",
                        code: .unknownDiagnosticCode))
                continue
            }
            // YAML's `off`, `no` and `false` are the same word to a reader: all mean off.
            let text = (pair.value ?? "").lowercased()
            let word = ["no", "false"].contains(text) ? "off" : text
            guard let level = DiagnosticLevels.Level(rawValue: word) else {
                problems.append(
                    .error(
                        "\(code.rawValue) cannot be set to \((pair.value ?? "a list").quotedForMessage()): "
                            + "write error, warning or off",
                        at: pair.valueLocation, suggestion: Suggestions.didYouMean(text, in: levelNames),
                        code: .invalidValue))
                continue
            }
            if let refusal = levels.set(code, to: level) {
                problems.append(
                    .warning(
                        refusal, at: pair.location,
                        suggestion: "fix the problems it reports, or remove this line", code: .errorNotLowered))
            }
        }
        return (levels, problems)
    }
}
