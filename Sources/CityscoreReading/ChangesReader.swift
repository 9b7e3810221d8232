import CityscoreDiagnostics
import CityscoreModel
import CityscoreText

/// Reads `Content/changes/*.md`, the site's public record of what changed: front matter `date`
/// (`YYYY-MM-DD`), `title` and optional `cities` (slugs), each checked at its line and column.
public struct ChangesReader: Sendable {
    public static let folder = "Content/changes"
    static let keys = ["date", "title", "cities", "draft"]

    public var files: SiteFiles

    public init(files: SiteFiles) { self.files = files }

    /// The entries, oldest first (by date, then file name); drafts are left out.
    public func read(cities: [String], into diagnostics: inout [Diagnostic]) -> [ChangeEntry] {
        guard files.exists(Self.folder) else { return [] }
        let entries = files.entries(of: Self.folder, into: &diagnostics)
        diagnostics += ContentInventory.markdownFolder(entries, foldersAllowed: false)
        var out: [ChangeEntry] = []
        for entry in entries where entry.kind == .file && entry.path.hasSuffix(".md") {
            guard case .bytes(let bytes) = files.read(entry.path, limit: 1 << 20, into: &diagnostics) else { continue }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(
                    .error(
                        "the file is not valid UTF-8 text; save it with the UTF-8 encoding",
                        at: SourceLocation(path: entry.path, line: 0, column: 0), code: .notUTF8))
                continue
            }
            if let change = Self.entry(text, path: entry.path, cities: cities, into: &diagnostics) {
                out.append(change)
            }
        }
        return out.sorted { ($0.date, $0.document.path) < ($1.date, $1.document.path) }
    }

    /// One entry from the text of `path`; nil (with the problems) when it cannot be published.
    public static func entry(_ text: String, path: String, cities: [String], into diagnostics: inout [Diagnostic])
        -> ChangeEntry?
    {
        let (front, problems) = FrontMatter.split(text, path: path)
        diagnostics += problems
        let fields = front.fields
        var found: [Diagnostic] = []
        for (key, location) in fields.keyLocations where !keys.contains(key) {
            found.append(
                .warning(
                    "\"\(key)\" is not a key of a change entry; it is ignored", at: location,
                    suggestion: Suggestions.didYouMean(key, in: keys) ?? "the keys are: "
                        + keys.joined(separator: ", "), code: .unknownKey
                ))
        }
        let name = String(path.split(separator: "/").last?.dropLast(3) ?? "")
        let date = fields.string("date", into: &found)
        if date == nil {
            found.append(
                .error(
                    "a change entry needs a date", at: SourceLocation(path: path, line: 1, column: 1),
                    suggestion: "add `date: \(isDate(name) ? name : "2026-11-30")` to the front matter",
                    code: .requiredField))
        } else if let date, !isDate(date) {
            found.append(
                .error(
                    "the date \"\(date)\" is not a date written YYYY-MM-DD", at: fields.valueLocation(of: "date"),
                    suggestion: "write it as 2026-11-30", code: .invalidValue))
        }
        let title = fields.string("title", into: &found)?.trimmingSpaces ?? ""
        if title.isEmpty {
            found.append(
                .error(
                    "a change entry needs a title saying what changed",
                    at: fields.keys.contains("title")
                        ? fields.valueLocation(of: "title") : SourceLocation(path: path, line: 1, column: 1),
                    suggestion: "add e.g. `title: 3 values corrected` to the front matter", code: .requiredField))
        }
        let slugs = fields.strings("cities", into: &found) ?? []
        for (index, slug) in slugs.enumerated() where !cities.contains(slug) {
            found.append(
                .error(
                    "the change entry names the city \"\(slug)\", which is not a city of this site",
                    at: fields.location(of: "cities", item: index),
                    suggestion: Suggestions.didYouMean(slug, in: cities)
                        ?? "cities are named by the file name of Content/cities/<slug>.md", code: .unknownCity))
        }
        diagnostics += found
        let draft = fields.bool("draft", into: &diagnostics) ?? false
        guard !found.contains(where: { $0.severity == .error }), let date, !draft else { return nil }
        let document = Document(path: path, body: front.body, bodyLine: front.bodyLine, title: title, slug: name)
        return ChangeEntry(date: date, title: title, cities: slugs, document: document)
    }

    /// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
