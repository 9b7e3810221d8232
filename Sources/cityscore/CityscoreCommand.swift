import ArgumentParser
import CityscoreDiagnostics
import Foundation

/// `cityscore`: city sustainability scorecards (U4SSC KPIs) as a static website.
@main
struct CityscoreCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cityscore",
        abstract: "Publish city sustainability scorecards (U4SSC KPIs) as a static website.",
        discussion: """
            A site is a folder with Content/ (site.yml, results/*.csv, cities/*.md, pages/*.md) and optionally \
            Themes/. See the README for the formats.
            """,
        version: version,
        subcommands: [Build.self, Check.self, New.self, Serve.self, ImportCommand.self, Diff.self, Report.self],
        defaultSubcommand: nil
    )

    /// Runs the command; wrong usage exits with status 2 (README, "Usage"), not ArgumentParser's 64.
    /// No arguments at all is wrong usage: the help is printed and the status is 2.
    static func main() {
        guard CommandLine.arguments.count > 1 else {
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if let problem = siteProblem(command) {
                FileHandle.standardError.write(Data((problem.description + "\n").utf8))
                Foundation.exit(1)
            }
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// Why the `--site` folder of `build`, `check` or `serve` cannot be a site, naming it: it does not
    /// exist, is a file, or has no `Content/` folder. Nil when it may be one (the pipeline checks the rest).
    static func siteProblem(_ command: ParsableCommand) -> Diagnostic? {
        let site: String
        switch command {
        case let build as Build: site = build.site
        case let check as Check: site = check.site
        case let serve as Serve: site = serve.site
        case let report as Report: site = report.site
        default: return nil
        }
        let at = SourceLocation(path: site, line: 0, column: 0)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isFolder) else {
            return .error(
                "the site folder \"\(site)\" does not exist", at: at,
                suggestion: "check the path given to --site, or run `cityscore new \(site)` to start a site there",
                code: .siteFolder)
        }
        guard isFolder.boolValue else {
            return .error(
                "\"\(site)\" is a file, not a site folder", at: at,
                suggestion: "give --site the folder that holds Content/", code: .siteFolder)
        }
        guard FileManager.default.fileExists(atPath: site + "/Content") else {
            return .error(
                "the folder \"\(site)\" is not a cityscore site: it has no Content/ folder", at: at,
                suggestion: "give --site the folder that holds Content/, or run `cityscore new DIR` to start one",
                code: .notASite)
        }
        return nil
    }
}
