import ArgumentParser
import CityscoreDiagnostics
import CityscoreDiff
import Foundation

/// `cityscore diff OLD NEW`: what changed between two versions of a site.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a site: values and bands.",
        discussion: """
            OLD and NEW are each a site folder (with Content/), a built output folder (with \
            data/results.csv) or a results CSV file. Exit status: 0 when nothing changed, 1 when something \
            did, 2 on wrong usage or an input that cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: "The old version.")
    var old: String

    @Argument(help: "The new version.")
    var new: String

    @Option(name: .long, help: "text (a readable summary), markdown (a draft Content/changes entry) or json.")
    var format: Format = .text

    @Option(name: .long, help: "The date of the draft changes entry (YYYY-MM-DD); default: today (UTC).")
    var date: String?

    func run() throws {
        let sides: [DiffInput]
        do {
            sides = [try DiffInput.load(old), try DiffInput.load(new)]
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
        let diff = SiteDiff(old: sides[0], new: sides[1])
        let output: String
        switch format {
        case .text: output = DiffReport.text(diff, old: old, new: new)
        case .json: output = DiffReport.json(diff)
        case .markdown: output = DiffReport.markdown(diff, date: date ?? Self.today())
        }
        Console.out(String(output.dropLast()))
        if !diff.isEmpty { throw ExitCode(1) }
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
