import ArgumentParser

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
        subcommands: [Build.self, Check.self, New.self],
        defaultSubcommand: nil
    )
}
