import ArgumentParser
import Diagnostics
import Pipeline

/// `cityscore check`: everything `build` validates, writing nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the site (data, narratives, links, templates) without writing anything.")

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    func run() throws {
        do {
            let report = try Pipeline(siteRoot: site, output: nil).run()
            Console.report(report.warnings)
            Console.out("no problems found (\(report.pages) pages would be built)")
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
