import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreScoring
import CityscoreText
import CityscoreValidation
import Foundation

/// One side of `cityscore diff`: a site folder (with `Content/`), a built output folder (with
/// `data/results.csv`) or a results CSV file, read and scored as a build would.
public struct DiffInput: Sendable {
    /// The path as given.
    public var path: String
    /// The checked site (its values) and every city's scores.
    public var site: Site
    public var scorecards: [Scorecard]

    /// Why an input cannot be compared: the problems found reading it.
    public struct Problem: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// Reads and scores `path`.
    public static func load(_ path: String) throws(Problem) -> DiffInput {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let at = SourceLocation(path: path, line: 0, column: 0)
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Problem(diagnostics: [
                .error("\"\(path)\" does not exist", at: at, suggestion: usage, code: .diffInput)
            ])
        }
        if isFolder.boolValue {
            if manager.fileExists(atPath: path + "/Content") { return try site(root: path, shownAs: path) }
            let results = path + "/data/results.csv"
            if manager.fileExists(atPath: results) {
                return try csv(results, shownAs: path, builtFolder: path)
            }
            throw Problem(diagnostics: [
                .error(
                    "\"\(path)\" is neither a site folder (with Content/) nor a built site (with data/results.csv)",
                    at: at, suggestion: usage, code: .diffInput)
            ])
        }
        return try csv(path, shownAs: path, builtFolder: nil)
    }

    static let usage = "give a site folder, a built output folder or a results .csv file"

    /// A site folder, read and validated as `cityscore check` does.
    static func site(root: String, shownAs path: String) throws(Problem) -> DiffInput {
        let (read, readProblems) = SiteReader(root: root).read()
        guard let source = read else { throw Problem(diagnostics: readProblems) }
        let (site, problems) = SiteValidator().validate(source)
        let all = readProblems + problems
        guard let site, !all.contains(where: { $0.severity == .error }) else { throw Problem(diagnostics: all) }
        return DiffInput(path: path, site: site, scorecards: Scorer(site: site).scorecards())
    }

    /// A results CSV as `data/results.csv` writes it (or as `Content/results/*.csv` holds it): made
    /// into a site in a temporary folder (its values as results, the targets it was scored against as
    /// targets, the built site's framework and city names when there is one), then read as a site.
    static func csv(_ file: String, shownAs path: String, builtFolder: String?) throws(Problem) -> DiffInput {
        let at = SourceLocation(path: file, line: 0, column: 0)
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw Problem(diagnostics: [.error("\"\(file)\" cannot be read", at: at, code: .unreadableFile)])
        }
        let (table, problems) = CSVReader(path: file).read(Array(bytes))
        guard let table, !problems.contains(where: { $0.severity == .error }) else {
            throw Problem(diagnostics: problems)
        }
        let header = table.header.map(\.text)
        guard let cityColumn = header.firstIndex(of: "city") else {
            throw Problem(diagnostics: [
                .error(
                    "\"\(file)\" has no \"city\" column: it is not a results file", at: at, suggestion: usage,
                    code: .diffInput)
            ])
        }
        let inputColumns = header.indices.filter {
            DataColumns.results.contains(header[$0]) || header[$0].hasPrefix("x-")
        }
        var results = CSVText()
        results.row(inputColumns.map { header[$0] })
        var targets = CSVText()
        targets.row(["city", "kpi", "datapoint", "target", "note", "kind"])
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var cities = Set<String>()
        for record in table.records {
            let fields = record.fields.map(\.text)
            func field(_ index: Int?) -> String { index.flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
            results.row(inputColumns.map { field($0) })
            cities.insert(field(cityColumn))
            let target = field(column("target"))
            if !target.isEmpty {
                let kind = field(column("target_kind"))
                targets.row([
                    field(cityColumn), field(column("kpi")), field(column("datapoint")), target, "",
                    kind.isEmpty ? "local" : kind,
                ])
            }
        }
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("cityscore-diff-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: root) }
        do {
            for folder in ["results", "targets", "cities", "framework"] {
                try manager.createDirectory(atPath: root + "/Content/" + folder, withIntermediateDirectories: true)
            }
            try Data("title: \(Self.quoted(path))\nbaseURL: https://example.org/\n".utf8).write(
                to: URL(fileURLWithPath: root + "/Content/site.yml"))
            try Data(results.text.utf8).write(to: URL(fileURLWithPath: root + "/Content/results/results.csv"))
            try Data(targets.text.utf8).write(to: URL(fileURLWithPath: root + "/Content/targets/targets.csv"))
            if let builtFolder, let framework = manager.contents(atPath: builtFolder + "/data/framework.csv") {
                try framework.write(to: URL(fileURLWithPath: root + "/Content/framework/kpis.csv"))
            } else {
                try manager.removeItem(atPath: root + "/Content/framework")
            }
            for slug in cities where Slug.make(slug) == slug && !slug.isEmpty {
                let name = builtFolder.flatMap { cityName(slug, in: $0) } ?? slug
                try Data("---\nname: \(Self.quoted(name))\n---\n".utf8).write(
                    to: URL(fileURLWithPath: root + "/Content/cities/\(slug).md"))
            }
        } catch {
            throw Problem(diagnostics: [
                .error("a temporary copy of \"\(file)\" could not be written: \(error)", at: at, code: .diffInput)
            ])
        }
        do {
            return try site(root: root, shownAs: path)
        } catch {
            // Problems are reported against the file compared, not the temporary copy.
            throw Problem(
                diagnostics: error.diagnostics.map { problem in
                    var problem = problem
                    if problem.location.path.hasPrefix("Content/results/") {
                        problem.location.path = file
                    } else if problem.location.path.hasPrefix("Content/") {
                        problem.location = at
                    }
                    return problem
                })
        }
    }

    /// The name a built site gives the city (its `data/cities/<slug>.json`).
    static func cityName(_ slug: String, in folder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: folder + "/data/cities/\(slug).json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["name"] as? String
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A small RFC 4180 writer: every field quoted when it needs to be.
struct CSVText {
    var text = ""

    mutating func row(_ fields: [String]) {
        text +=
            fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + "\n"
    }
}
