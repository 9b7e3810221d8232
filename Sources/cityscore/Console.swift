import Diagnostics
import Foundation

/// The one place that writes to the terminal.
enum Console {
    /// Diagnostics to standard error, sorted by file and line, at most `DiagnosticReport.lineLimit`
    /// of them, with a count at the end.
    static func report(_ diagnostics: [Diagnostic]) {
        let text = DiagnosticReport.text(diagnostics)
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A line to standard output.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
