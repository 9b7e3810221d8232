import ArgumentParser
import CityscoreConcurrency
import CityscoreDiagnostics
import CityscorePipeline
import CityscoreReport
import Dispatch
import Foundation

/// `cityscore report`: the city reports and the programme report printed to PDF.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the city reports and the programme report to PDF (default: <site>/reports/).",
        discussion: """
            The site is built into a temporary folder and each report page (cities/<slug>/report/, report/) \
            is printed with headless Chromium, found on PATH as \(Browser.names.joined(separator: ", ")) \
            unless --browser names it: <output>/<slug>.pdf for every city and <output>/programme.pdf, \
            and for each further language of the site the same in <output>/<language>/ (nb/). \
            Reports are printed in parallel, one browser per core.
            """)

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    @Option(name: .long, help: "The folder the PDFs are written to (default: <site>/reports).")
    var output: String?

    @Option(name: .customLong("city"), help: "Print only this city's report (a slug; repeat for more).")
    var cities: [String] = []

    @Option(
        name: .long, help: "The browser to print with (default: chromium, chromium-browser or google-chrome on PATH).")
    var browser: String?

    @OptionGroup var format: DiagnosticOptions

    func run() throws {
        let printer = format.printer(site: site)
        guard let found = Browser.find(explicit: browser) else {
            try printer.report([
                .error(
                    Browser.missingMessage(explicit: browser), at: .init(path: browser ?? site, line: 0, column: 0),
                    code: .noBrowser)
            ])
            throw ExitCode(1)
        }
        let files = FileManager.default
        let work = NSTemporaryDirectory() + "/cityscore-report-" + UUID().uuidString
        defer { try? files.removeItem(atPath: work) }
        let pipeline = Pipeline(siteRoot: site, output: work + "/site")
        let report: Pipeline.Report
        do {
            report = try pipeline.run()
        } catch {
            try printer.report(error.diagnostics)
            throw ExitCode(1)
        }
        try printer.report(report.warnings)
        let destination = output ?? site + "/reports"
        // The default language's reports in the folder, each other language's in its own (`nb/`).
        let jobs = report.languageFolders.flatMap { folder in
            ReportPrinter.jobs(
                site: work + "/site", output: destination + (folder.isEmpty ? "" : "/" + folder.dropLast()),
                cities: cities, language: folder)
        }
        let known = ReportPrinter.jobs(site: work + "/site", output: destination).map(\.name).filter {
            $0 != "programme"
        }
        let unknown = cities.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            try printer.report(
                unknown.map { slug in
                    let fix =
                        Suggestions.didYouMean(slug, in: known) ?? "the cities are " + known.joined(separator: ", ")
                    return .error(
                        "--city \(slug): the site has no city \"\(slug)\"; \(fix)",
                        at: .init(path: site + "/Content/cities/\(slug).md", line: 0, column: 0), code: .unknownCity)
                })
            throw ExitCode(1)
        }
        let seconds = try Self.print(jobs, with: found, printer: printer)
        printer.summary("printed \(jobs.count) reports to \(destination)/ in \(seconds) s")
    }

    /// Prints `jobs` with a progress line on standard error; returns the seconds it took, or exits
    /// 1 after naming every report that failed.
    static func print(_ jobs: [ReportJob], with browser: Browser, printer: DiagnosticPrinter) throws -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        let terminal = isatty(STDERR_FILENO) == 1
        let failures = ReportPrinter(browser: browser).print(jobs) { done, total in
            let line = "printing reports: \(done) of \(total) done"
            Console.error(terminal ? "\r\u{1B}[K" + line + (done == total ? "\r\u{1B}[K" : "") : line + "\n")
        }
        guard failures.isEmpty else {
            try printer.report(
                failures.map { .error($0.message, at: .init(path: $0.pdf, line: 0, column: 0), code: .printFailed) })
            throw ExitCode(1)
        }
        return Int((Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9).rounded())
    }

    /// After `build` wrote the site at `output` with `report_pdf: true`: every report printed into
    /// `<output>/reports/` (a further language's into `<output>/nb/reports/`), beside the pages that
    /// link to it.
    static func printIntoSite(
        _ output: String, languages: [String], site: String, printer: DiagnosticPrinter
    ) throws -> Int {
        guard let browser = Browser.find() else {
            try printer.report([
                .error(
                    "report_pdf: true asks for the reports as PDF: " + Browser.missingMessage(explicit: nil),
                    at: .init(path: site + "/Content/site.yml", line: 0, column: 0), code: .noBrowser)
            ])
            throw ExitCode(1)
        }
        let jobs = languages.flatMap { folder in
            ReportPrinter.jobs(site: output, output: output + "/" + folder + "reports", language: folder)
        }
        _ = try print(jobs, with: browser, printer: printer)
        return jobs.count
    }
}
