import CityscoreModel
import CityscorePipeline
import CityscoreRouting
import Foundation
import Testing

/// Issue 20: a results file edited while serving. Correcting a value's source or note changes the
/// pages that show it (the city's own, the indicator page, the data files), not the pages of every
/// city, which show scores only; a value, quality or verification edit, or a row added, changes
/// those as well.
/// Either way the files are those of a full build.
@Suite("Incremental builds: sources, notes and values of results (serve)")
struct IncrementalDetailEditTests {
    typealias Edits = IncrementalBuildTests

    static let results = "Content/results/u4ssc-2020.csv"

    /// The fields of one CSV line (quoted fields with commas and doubled quotes).
    static func fields(_ line: String) -> [String] {
        var (out, field, quoted) = ([String](), "", false)
        var characters = Array(line)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        return out + [field]
    }

    /// One CSV line of `fields`, quoted where needed.
    static func line(_ fields: [String]) -> String {
        fields.map {
            $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
        }
        .joined(separator: ",")
    }

    /// Changes field `column` of a random row (of `cities`, when given) of the demo's results with
    /// `change`; returns the row's city.
    static func edit(
        _ site: TestSite, column: Int, cities: Set<String>? = nil, random: inout Edits.Seeded,
        _ change: (String) -> String
    ) throws -> String {
        var lines = (Edits.text(site, results) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let rows = lines.indices.dropFirst().filter { i in
            let cells = fields(lines[i])
            return cells.count > column && (cities.map { $0.contains(cells[0]) } ?? true)
        }
        guard let row = rows.randomElement(using: &random) else { return "" }
        var cells = fields(lines[row])
        cells[column] = change(cells[column])
        lines[row] = line(cells)
        try Edits.write(site, results, lines.joined(separator: "\n"))
        return cells[0]
    }

    @Test func sourceNoteAndValueEditsBuildWhatAFullBuildBuilds() throws {
        let site = try Edits.demo()
        defer { site.remove() }
        var incremental = IncrementalBuild(Pipeline(siteRoot: site.root, output: nil))
        guard case .built(let first, _, _, _) = incremental.build(changed: nil) else {
            Issue.record("the demo site does not build")
            return
        }
        #expect(first == Edits.full(site))
        let qualities = DataQuality.allCases.map(\.rawValue) + [""]
        var random = Edits.Seeded(state: 2020)
        for step in 0..<14 {
            let kind = step < 6 ? step : Int.random(in: 0..<6, using: &random)
            switch kind {
            case 0: _ = try Self.edit(site, column: 6, random: &random) { $0 + " (corrected \(step))" }
            case 1: _ = try Self.edit(site, column: 7, random: &random) { _ in "Checked again in step \(step)" }
            case 2:
                let value = String(Int.random(in: 1...99, using: &random))
                _ = try Self.edit(site, column: 4, random: &random) { Double($0) == nil ? $0 : value }
            case 3:
                let quality = qualities.randomElement(using: &random) ?? ""
                _ = try Self.edit(site, column: 9, random: &random) { _ in quality }
            case 4: _ = try Self.edit(site, column: 10, random: &random) { $0 == "yes" ? "no" : "yes" }
            default:
                // A row added: an earlier year of a value, in the middle of the file.
                var lines = (Edits.text(site, Self.results) ?? "").split(separator: "\n").map(String.init)
                lines.insert("asker,EC: ICT: ICT: 1C,,\(2000 + step),\(step),%,Added in step \(step),,,,,", at: 2)
                try Edits.write(site, Self.results, lines.joined(separator: "\n") + "\n")
            }
            let outcome = incremental.build(changed: [Self.results])
            if case .failed(let problems) = outcome {
                Issue.record("step \(step), kind \(kind): \(problems.map(\.description))")
            }
            guard case .built(let files, _, _, let warnings) = outcome else { continue }
            guard let (made, fullWarnings) = try? Pipeline(siteRoot: site.root, output: nil).render() else {
                Issue.record("step \(step): a full build fails")
                continue
            }
            let expected = Dictionary(made.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, b in b })
            let differing = Set(files.keys).union(expected.keys).filter { files[$0] != expected[$0] }
            #expect(differing.isEmpty, "step \(step), kind \(kind): \(differing.sorted())")
            #expect(
                warnings.map(\.description).sorted() == fullWarnings.map(\.description).sorted(),
                "step \(step), kind \(kind)")
        }
    }

    @Test func aSourceEditRendersOnlyThePagesThatShowIt() throws {
        let site = try Edits.demo()
        defer { site.remove() }
        var incremental = IncrementalBuild(Pipeline(siteRoot: site.root, output: nil))
        guard case .built(let before, _, let all, _) = incremental.build(changed: nil) else {
            Issue.record("the demo site does not build")
            return
        }
        var random = Edits.Seeded(state: 7)
        let city = try Self.edit(site, column: 6, cities: ["asker"], random: &random) { $0 + " (corrected)" }
        #expect(city == "asker")
        guard case .built(let files, let changed, let pages, _) = incremental.build(changed: [Self.results]) else {
            Issue.record("the source edit does not build")
            return
        }
        #expect(changed)
        #expect(files == Edits.full(site))
        // The city's own pages (its page, report and dimension pages) and one indicator page.
        let own = before.keys.filter { $0.hasPrefix("cities/asker/") && $0.hasSuffix("index.html") }.count
        #expect(pages > 0 && pages <= own + 1 && pages < all / 4, "\(pages) of \(all) pages, the city has \(own)")
        // The pages that list every city show its scores only: the same bytes.
        for page in ["index.html", "cities/index.html", "dimensions/economy/index.html"] {
            #expect(files[page] != nil && files[page] == before[page], "\(page)")
        }
        #expect(files["data/results.csv"] != before["data/results.csv"])

        // A value edited changes the scores: the pages of every city are made again.
        _ = try Self.edit(site, column: 4, cities: ["asker"], random: &random) {
            Double($0) == nil ? $0 : String((Double($0) ?? 0) + 1)
        }
        guard case .built(let after, _, let valuePages, _) = incremental.build(changed: [Self.results]) else {
            Issue.record("the value edit does not build")
            return
        }
        #expect(after == Edits.full(site))
        #expect(valuePages > pages)
    }

    @Test func pagesOfEveryCityDependOnScoresNotOnSources() throws {
        let site = Site(
            config: SiteConfig(title: "T"), framework: Framework(kpis: [], origin: "test"),
            cities: [
                City(slug: "a", name: "A", document: Document(path: "Content/cities/a.md", body: "", slug: "a")),
                City(slug: "b", name: "B", document: Document(path: "Content/cities/b.md", body: "", slug: "b")),
            ],
            observations: [], targets: [], pages: [], assets: [], actions: [])
        let table = RouteTable(site: site)
        var sources = SiteChange(cityData: ["b"])
        sources.cityScores = []
        let paths = table.routes(affectedBy: sources, in: site)?.map(\.path) ?? []
        #expect(paths.contains("cities/b/") && paths.contains("cities/b/report/"))
        #expect(!paths.contains("") && !paths.contains("cities/") && !paths.contains("cities/a/"))
        var scores = sources
        scores.cityScores = ["b"]
        let scored = table.routes(affectedBy: scores, in: site)?.map(\.path) ?? []
        #expect(scored.contains("") && scored.contains("cities/") && scored.contains("cities/b/"))
        // Without the distinction every changed city's scores changed.
        #expect(SiteChange(cityData: ["b"]).touches(.everyCityData))
        #expect(!sources.touches(.everyCityData) && sources.touches(.cityData("b")))
    }
}
