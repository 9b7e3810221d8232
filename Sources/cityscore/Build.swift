import ArgumentParser
import CityscoreDiagnostics
import CityscorePipeline

/// `cityscore build`: validate, score and render the site into the output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (default: <site>/public).",
        discussion: """
            The output folder is replaced whole, and only if it is absent, empty, or a folder cityscore \
            built (it holds a .cityscore-output file). Anything else is refused unless --force is given; \
            the site folder, Content/, Themes/, your home folder, / and the folders that hold them are \
            never replaced, nor is a file.
            """)

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    @Option(name: .long, help: "The output folder (default: <site>/public).")
    var output: String?

    @Flag(
        name: .long,
        help: """
            Replace an output folder that cityscore did not build, deleting everything in it (never the \
            site folder, Content/, Themes/, your home folder, / or a folder holding one of them, nor a file).
            """)
    var force = false

    @Option(name: .customLong("base-url"), help: "The URL the site is served from; overrides site.yml's baseURL.")
    var baseURL: String?

    @OptionGroup var format: DiagnosticOptions

    func run() throws {
        var pipeline = Pipeline(siteRoot: site, output: output ?? site + "/public", baseURL: baseURL)
        let progress = ProgressLine()
        pipeline.force = force
        pipeline.progress = progress.update
        defer { progress.finish() }
        let printer = format.printer(site: site)
        let report: Pipeline.Report
        do {
            report = try pipeline.run()
        } catch {
            progress.finish()
            try printer.report(error.diagnostics)
            throw ExitCode(1)
        }
        progress.finish()
        try printer.report(report.warnings)
        printer.summary(
            "built \(report.pages) pages (\(report.files) files) in \(Int((report.seconds * 1000).rounded())) ms")
        if report.reportPDF {
            let destination = output ?? site + "/public"
            let count = try Report.printIntoSite(
                destination, languages: report.languageFolders, site: site, printer: printer)
            printer.summary("printed \(count) reports to \(destination)/reports/")
        }
    }
}
