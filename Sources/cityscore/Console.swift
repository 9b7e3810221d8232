import ArgumentParser
import CityscoreDiagnostics
import Foundation

/// The one place that writes to the terminal.
enum Console {
    /// Diagnostics to standard error, sorted by file and line, at most `DiagnosticReport.lineLimit`
    /// of them, with a count at the end.
    static func report(_ diagnostics: [Diagnostic]) {
        error(DiagnosticReport.text(diagnostics))
    }

    /// A line to standard output.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Text to standard error, as it is.
    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// `--format` and `--report`, shared by `check` and `build`.
struct DiagnosticOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            How problems are printed: text, github (workflow commands that annotate the lines of a pull \
            request), gitlab (a Code Quality report file, and text) or json (one object per line on standard \
            output). Default: github under GitHub Actions, gitlab under GitLab CI, text otherwise.
            """)
    var format: DiagnosticFormat?

    @Option(name: .long, help: "The file --format gitlab writes its Code Quality report to.")
    var report: String = "gl-code-quality-report.json"

    /// The printer for a run on the site folder `site`.
    func printer(site: String) -> DiagnosticPrinter {
        DiagnosticPrinter(
            format: format ?? .automatic(environment: ProcessInfo.processInfo.environment),
            pathPrefix: DiagnosticPrinter.pathPrefix(
                site: site, workingDirectory: FileManager.default.currentDirectoryPath),
            reportPath: report)
    }
}

/// Prints the problems of one `check` or `build` run in the chosen format, once per run.
struct DiagnosticPrinter {
    var format: DiagnosticFormat
    /// Put before each path by the CI formats, so paths are relative to the working folder (the
    /// repository) rather than to the site folder: `site/` or empty.
    var pathPrefix: String
    /// Where the GitLab report goes.
    var reportPath: String

    /// Prints (or writes) the problems; the GitLab report is written even when there is none, so
    /// GitLab finds it. Throws exit status 1 when the report cannot be written.
    func report(_ diagnostics: [Diagnostic]) throws {
        switch format {
        case .text:
            Console.report(diagnostics)
        case .github:
            Console.error(GitHubAnnotations.report(diagnostics, pathPrefix: pathPrefix))
        case .json:
            let out = BufferedOutput(FileHandle.standardOutput)
            JSONDiagnostics.lines(diagnostics, pathPrefix: pathPrefix) { out.write($0) }
            out.flush()
        case .gitlab:
            Console.report(diagnostics)
            try writeGitLabReport(diagnostics)
        }
    }

    /// The run's last line: on standard output, except with `json`, which keeps standard output for
    /// the problems alone.
    func summary(_ line: String) {
        if format == .json { Console.error(line + "\n") } else { Console.out(line) }
    }

    private func writeGitLabReport(_ diagnostics: [Diagnostic]) throws {
        let fm = FileManager.default
        let written =
            fm.createFile(atPath: reportPath, contents: nil)
            ? FileHandle(forWritingAtPath: reportPath) : nil
        guard let handle = written else {
            Console.report([
                .error(
                    "cannot write the GitLab Code Quality report", at: .init(path: reportPath, line: 0, column: 0),
                    suggestion: "check that its folder exists and can be written, or choose another with --report",
                    code: .reportUnwritable)
            ])
            throw ExitCode(1)
        }
        let out = BufferedOutput(handle)
        GitLabCodeQuality.report(diagnostics, pathPrefix: pathPrefix) { out.write($0) }
        out.flush()
        try? handle.close()
    }

    /// `site/` for `--site site`, `./site/`, `site/` or `$PWD/site`; empty for the working folder
    /// itself. A site outside the working folder keeps its path as given.
    static func pathPrefix(site: String, workingDirectory: String) -> String {
        var path = site
        let cwd = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
        if path == cwd {
            path = "."
        } else if !cwd.isEmpty, path.hasPrefix(cwd + "/") {
            path = String(path.dropFirst(cwd.count + 1))
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path == "." || path.isEmpty ? "" : path + "/"
    }
}

/// Collects text and writes it in chunks of about 64 KiB: a report of a million lines goes out as
/// it is made, without one string of them all.
final class BufferedOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ handle: FileHandle) { self.handle = handle }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
