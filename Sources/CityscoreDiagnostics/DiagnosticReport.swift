/// The text `check` and `build` print for the problems of a run: sorted by file and line, at most
/// `limit` of them, then how many more there are, then the counts.
public enum DiagnosticReport {
    /// How many problems are printed one by one; a file of errors can hold millions, and nobody
    /// reads past the first few hundred.
    public static let lineLimit = 500

    /// The report, one line per problem and a newline at the end; empty when there is none. Exact
    /// repeats count once. `line` writes one problem (`path:line:column: error: message` unless
    /// given: GitHub's workflow commands use it).
    public static func text(
        _ diagnostics: [Diagnostic], limit: Int = lineLimit, line: (Diagnostic) -> String = \.description
    ) -> String {
        var list = DiagnosticList()
        list.append(contentsOf: diagnostics)
        let sorted = list.sorted
        guard !sorted.isEmpty else { return "" }
        let shown = max(0, limit)
        var text = ""
        for diagnostic in sorted.prefix(shown) { text += line(diagnostic) + "\n" }
        if sorted.count > shown {
            let rest = sorted.count - shown
            text += "… and \(grouped(rest)) more problem\(rest == 1 ? "" : "s") (not shown)\n"
        }
        let errors = sorted.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) }
        let warnings = sorted.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(grouped(errors)) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(grouped(warnings)) warning\(warnings == 1 ? "" : "s")") }
        return text + parts.joined(separator: ", ") + "\n"
    }

    /// `2,299,500`: digits in groups of three, as the count of a long report is easier to read.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
