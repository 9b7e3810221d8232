import Diagnostics
import Foundation

/// The one place that writes to the terminal.
enum Console {
    /// Diagnostics to standard error, sorted by file and line, with a count at the end.
    static func report(_ diagnostics: [Diagnostic]) {
        var list = DiagnosticList()
        list.append(contentsOf: diagnostics)
        let sorted = list.sorted
        guard !sorted.isEmpty else { return }
        var text = sorted.map(\.description).joined(separator: "\n") + "\n"
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        text += parts.joined(separator: ", ") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A line to standard output.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
