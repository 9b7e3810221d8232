import ArgumentParser
import CityscoreDiagnostics
import CityscorePipeline

/// `cityscore check`: everything `build` validates, writing nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the site (data, narratives, links, templates) without writing anything.")

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    @OptionGroup var format: DiagnosticOptions

    func run() throws {
        let printer = format.printer(site: site)
        let report: Pipeline.Report
        do {
            report = try Pipeline(siteRoot: site, output: nil).run()
        } catch {
            try printer.report(error.diagnostics)
            throw ExitCode(1)
        }
        try printer.report(report.warnings)
        printer.summary("no problems found (\(report.pages) pages would be built)")
    }
}
