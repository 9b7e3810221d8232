import CityscoreDiagnostics
import CityscoreModel
import CityscoreText
import Foundation

/// The longest output path each name of the site makes, so that `check` refuses what `build` could
/// not write.
///
/// The rule: every path a city or page slug makes, relative to the output folder, is at most
/// `maxBytes` (200) bytes of UTF-8. That keeps every folder and file name well under the 255 bytes
/// Linux and macOS allow for one name, and leaves more than 3,800 bytes of the 4,096 a whole path
/// may have to the output folder's own path.
struct OutputPaths {
    /// The most bytes of an output path, relative to the output folder.
    static let maxBytes = 200

    /// What follows `cities/<slug>/` in the longest file of a city: a chart file of its longest
    /// dimension page (per-KPI charts too with `chart_files: all`).
    let cityTail: String

    /// The paths the framework's dimensions and KPIs give every city.
    init(framework: Framework, perKPIFiles: Bool) {
        var longest = "charts/scores.svg"
        for dimension in framework.dimensions {
            var files = ["scores"]
            if perKPIFiles {
                for kpi in dimension.kpis {
                    files += kpi.itemDatapoints.map { "bullet-" + kpi.slug + ($0.map { "-" + Slug.make($0) } ?? "") }
                }
            }
            for file in files {
                let path = dimension.slug + "/charts/" + file + ".svg"
                if path.utf8.count > longest.utf8.count { longest = path }
            }
        }
        cityTail = longest
    }

    /// The longest path the city `slug` makes: its longest chart, or its JSON data file.
    func longestCityPath(_ slug: String) -> String {
        let chart = "cities/" + slug + "/" + cityTail
        let json = "data/cities/" + slug + ".json"
        return chart.utf8.count >= json.utf8.count ? chart : json
    }

    /// The path of the page with `slug`.
    static func pagePath(_ slug: String) -> String { slug + "/index.html" }

    /// An error at `location` when `path`, made by `slug`, is longer than `maxBytes`; `fix` says
    /// how to shorten the slug, given a shorter one.
    static func check(
        _ path: String, slug: String, what: String, at location: SourceLocation, fix: (String) -> String
    ) -> Diagnostic? {
        let bytes = path.utf8.count
        guard bytes > maxBytes else { return nil }
        let room = maxBytes - (bytes - slug.utf8.count)
        let shown = path.replacingOccurrences(of: slug, with: "<slug>")
        let message =
            "the \(what) \(slug.quotedForMessage(limit: 40)) is too long: the site would have a file \(shown) of \(bytes) bytes with it, and cityscore keeps every output path within \(maxBytes) bytes so that any computer can write it"
        guard room > 0 else { return .error(message, at: location, code: .pathTooLong) }
        var shorter = String(slug.utf8.prefix(room)) ?? ""
        while shorter.hasSuffix("-") { shorter.removeLast() }
        return .error(
            message, at: location,
            suggestion: "the slug may have at most \(room) characters: " + fix(shorter.isEmpty ? "city" : shorter),
            code: .pathTooLong)
    }
}
