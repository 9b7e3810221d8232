import ArgumentParser
import Diagnostics
import Pipeline

/// `cityscore build`: validate, score and render the site into the output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (default: <site>/public).")

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    @Option(name: .long, help: "The output folder (default: <site>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The URL the site is served from; overrides site.yml's baseURL.")
    var baseURL: String?

    func run() throws {
        var pipeline = Pipeline(siteRoot: site, output: output ?? site + "/public", baseURL: baseURL)
        let progress = ProgressLine()
        pipeline.progress = progress.update
        defer { progress.finish() }
        do {
            let report = try pipeline.run()
            progress.finish()
            Console.report(report.warnings)
            Console.out(
                "built \(report.pages) pages (\(report.files) files) in \(Int((report.seconds * 1000).rounded())) ms")
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
