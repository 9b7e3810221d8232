import ArgumentParser
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
        subcommands: [Build.self, Check.self, New.self, Serve.self, ImportCommand.self],
        defaultSubcommand: nil
    )

    /// Runs the command; wrong usage exits with status 2 (README, "Usage"), not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
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
}
