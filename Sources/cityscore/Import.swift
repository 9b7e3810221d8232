import ArgumentParser
import Foundation
import CityscoreImport

/// `cityscore import`: a spreadsheet (.xlsx, .ods, Excel-style CSV) into tidy results CSV files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import results from a spreadsheet (.xlsx, .ods or .csv) into Content/results/.",
        discussion: """
            Finds the header row by its names (tidy results columns, the U4SSC data collection template, \
            or one column per year), checks every value like `build` does, and writes one \
            Content/results/<city>-<year>.csv per city and year. Nothing is written while any error remains, \
            and no file is replaced without --force.
            """)

    @Argument(help: "The spreadsheet: .xlsx, .ods or .csv.")
    var file: String

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    @Option(name: .long, help: "The city (slug) of every row, when the sheet has no city column.")
    var city: String?

    @Option(name: .long, help: "The year of every row, when the sheet has no year column.")
    var year: Int?

    @Option(name: .long, help: "Import only the sheet with this name.")
    var sheet: String?

    @Option(name: .long, help: "The layout, when its header is not recognised: tidy, template or wide.")
    var layout: Layout?

    @Flag(name: .long, help: "Replace results files that exist already.")
    var force = false

    @Flag(name: .long, help: "Write Content/cities/<slug>.md for cities that have none.")
    var createCities = false

    func run() throws {
        var options = Importer.Options(file: file)
        options.site = site
        options.city = city
        options.year = year
        options.sheet = sheet
        options.layout = layout
        options.force = force
        options.createCities = createCities
        let outcome = Importer(options).run()
        for line in outcome.report { Console.out(line) }
        let problems = outcome.problems.prefix(500).map { $0.description + "\n" }.joined()
        if !problems.isEmpty { FileHandle.standardError.write(Data(problems.utf8)) }
        if outcome.problems.count > 500 {
            FileHandle.standardError.write(
                Data("… and \(outcome.problems.count - 500) more problems (not shown)\n".utf8))
        }
        if outcome.hasErrors {
            Console.out("nothing was written")
            throw ExitCode(1)
        }
        for path in outcome.written { Console.out("wrote \(path)") }
    }
}

extension Layout: ExpressibleByArgument {}
