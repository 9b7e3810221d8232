import CityscoreText

/// How `check` and `build` print the problems they find: for a terminal, or for a CI service.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:column: error: message`, at most `DiagnosticReport.lineLimit` lines, then the counts.
    case text
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which
    /// show on the changed lines of a pull request; capped like `text`.
    case github
    /// A GitLab Code Quality report (a JSON array) written to a file, and `text` on standard error.
    case gitlab
    /// One JSON object per problem and line, every problem.
    case json

    /// The format for a run without `--format`: `github` under GitHub Actions (`GITHUB_ACTIONS=true`),
    /// `gitlab` under GitLab CI (`GITLAB_CI=true`), `text` otherwise.
    public static func automatic(environment: [String: String]) -> DiagnosticFormat {
        if environment["GITHUB_ACTIONS"] == "true" { return .github }
        if environment["GITLAB_CI"] == "true" { return .gitlab }
        return .text
    }
}

/// GitHub Actions workflow commands for diagnostics.
public enum GitHubAnnotations {
    /// The report as workflow commands, sorted and capped like `DiagnosticReport.text`, then the
    /// counts. `pathPrefix` (the site folder, `site/` or empty) makes paths relative to the
    /// repository, where GitHub looks for them.
    public static func report(
        _ diagnostics: [Diagnostic], pathPrefix: String = "", limit: Int = DiagnosticReport.lineLimit
    )
        -> String
    {
        DiagnosticReport.text(diagnostics, limit: limit) { command($0, pathPrefix: pathPrefix) }
    }

    /// `::error file=Content/results/2020.csv,line=14,col=8,title=unknown-kpi::unknown KPI …`; line
    /// and column are left out when the problem concerns the whole file.
    public static func command(_ diagnostic: Diagnostic, pathPrefix: String = "") -> String {
        var properties = ["file=" + escapeProperty(pathPrefix + diagnostic.location.path)]
        if diagnostic.location.line > 0 {
            properties.append("line=\(diagnostic.location.line)")
            if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
        }
        properties.append("title=" + escapeProperty(diagnostic.code.rawValue))
        var message = diagnostic.message
        if let suggestion = diagnostic.suggestion { message += "; " + suggestion }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// A command's message: `%`, CR and LF escaped, as GitHub's runner reads them back.
    public static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// A property value: like `escapeData`, and `:` and `,` too, which end a value.
    public static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Diagnostics as JSON: one object per line (`--format json`), and GitLab's Code Quality report.
public enum JSONDiagnostics {
    /// Calls `write` with one line (a JSON object and a newline) per problem, sorted by file and
    /// line, exact repeats once, every one of them.
    public static func lines(_ diagnostics: [Diagnostic], pathPrefix: String = "", write: (String) -> Void) {
        var list = DiagnosticList()
        list.append(contentsOf: diagnostics)
        for diagnostic in list.sorted { write(object(diagnostic, pathPrefix: pathPrefix) + "\n") }
    }

    /// `{"path":…,"line":…,"column":…,"severity":…,"code":…,"message":…,"suggestion":…}`;
    /// `suggestion` is `null` when absent.
    public static func object(_ diagnostic: Diagnostic, pathPrefix: String = "") -> String {
        let location = diagnostic.location
        return "{\"path\":\(string(pathPrefix + location.path)),\"line\":\(location.line),"
            + "\"column\":\(location.column),\"severity\":\(string(diagnostic.severity.rawValue)),"
            + "\"code\":\(string(diagnostic.code.rawValue)),\"message\":\(string(diagnostic.message)),"
            + "\"suggestion\":\(diagnostic.suggestion.map(string) ?? "null")}"
    }

    /// A JSON string literal (``JSONEscaping/quote(_:)``).
    public static func string(_ text: String) -> String { JSONEscaping.quote(text) }

    static func hex<T: BinaryInteger>(_ value: T, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// GitLab's Code Quality report: a JSON array of issues that merge requests show on the changed lines.
public enum GitLabCodeQuality {
    /// Calls `write` with the report in pieces (one issue each), every problem, sorted by file and line.
    public static func report(_ diagnostics: [Diagnostic], pathPrefix: String = "", write: (String) -> Void) {
        var list = DiagnosticList()
        list.append(contentsOf: diagnostics)
        var seen = Set<String>()
        var first = true
        write("[")
        for diagnostic in list.sorted {
            let path = pathPrefix + diagnostic.location.path
            // Two problems on one line with the same words (at other columns) still get apart fingerprints.
            var fingerprint = Self.fingerprint(path: path, line: diagnostic.location.line, message: diagnostic.message)
            var repeatCount = 1
            while !seen.insert(fingerprint).inserted {
                repeatCount += 1
                fingerprint = Self.fingerprint(
                    path: path, line: diagnostic.location.line, message: diagnostic.message + "#\(repeatCount)")
            }
            write((first ? "\n" : ",\n") + issue(diagnostic, path: path, fingerprint: fingerprint))
            first = false
        }
        write(first ? "]\n" : "\n]\n")
    }

    /// One issue: description, check_name, fingerprint, severity, location.path, location.lines.begin.
    static func issue(_ diagnostic: Diagnostic, path: String, fingerprint: String) -> String {
        var description = diagnostic.message
        if let suggestion = diagnostic.suggestion { description += "; " + suggestion }
        let severity = diagnostic.severity == .error ? "major" : "minor"
        return "{\"description\":\(JSONDiagnostics.string(description)),"
            + "\"check_name\":\(JSONDiagnostics.string(diagnostic.code.rawValue)),"
            + "\"fingerprint\":\"\(fingerprint)\",\"severity\":\"\(severity)\","
            + "\"location\":{\"path\":\(JSONDiagnostics.string(path)),"
            + "\"lines\":{\"begin\":\(max(diagnostic.location.line, 1))}}}"
    }

    /// A stable fingerprint of a problem: the 64-bit FNV-1a hash of its path, line and message, in hex.
    public static func fingerprint(path: String, line: Int, message: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (path + "\u{0}" + String(line) + "\u{0}" + message).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return JSONDiagnostics.hex(hash, digits: 16)
    }
}
