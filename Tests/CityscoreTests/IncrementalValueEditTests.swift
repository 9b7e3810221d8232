import CityscoreModel
import CityscorePipeline
import CityscoreRouting
import Foundation
import Testing

/// Issue 20: a changed value while serving. It changes its city's scores in one dimension: the
/// page of that dimension is made again, not those of the others, and the heat maps of every
/// city that stay as they were are not drawn again. The files are those of a full build, also
/// when a value goes back to what it was (a heat map drawn two edits ago).
@Suite("Incremental builds: changed values (serve)")
struct IncrementalValueEditTests {
    typealias Edits = IncrementalBuildTests
    typealias Details = IncrementalDetailEditTests

    /// The files of a full build of `site`, with its warnings.
    static func full(_ site: TestSite) -> ([String: [UInt8]], [String])? {
        guard let (made, warnings) = try? Pipeline(siteRoot: site.root, output: nil).render() else { return nil }
        return (
            Dictionary(made.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, b in b }),
            warnings.map(\.description).sorted()
        )
    }

    /// The first build of `site` kept for the next, and its files; nil (an issue recorded) when it fails.
    static func start(_ site: TestSite) -> (IncrementalBuild, [String: [UInt8]])? {
        var incremental = IncrementalBuild(Pipeline(siteRoot: site.root, output: nil))
        guard case .built(let first, _, _, _) = incremental.build(changed: nil) else {
            Issue.record("the site does not build")
            return nil
        }
        return (incremental, first)
    }

    @Test func valueEditsAndTheirUndoingBuildWhatAFullBuildBuilds() throws {
        let site = try Edits.demo()
        defer { site.remove() }
        guard let (build, first) = Self.start(site) else { return }
        var incremental = build
        #expect(first == Edits.full(site))
        let original = Edits.text(site, Details.results) ?? ""
        var random = Edits.Seeded(state: 357)
        for step in 0..<9 {
            switch step % 3 {
            case 0:
                // A number changed, within the scale or far beyond it (another band).
                let value = String(Double(Int.random(in: 0...400, using: &random)) / 4)
                _ = try Details.edit(site, column: 4, random: &random) { Double($0) == nil ? $0 : value }
            case 1:
                // A value no longer reported.
                _ = try Details.edit(site, column: 4, random: &random) { Double($0) == nil ? $0 : "NR" }
            default:
                // Back to the values of the start: every heat map as it was drawn first.
                try Edits.write(site, Details.results, original)
            }
            let outcome = incremental.build(changed: [Details.results])
            if case .failed(let problems) = outcome {
                Issue.record("step \(step): \(problems.map(\.description))")
            }
            guard case .built(let files, _, _, let warnings) = outcome, let (expected, fullWarnings) = Self.full(site)
            else { continue }
            let differing = Set(files.keys).union(expected.keys).filter { files[$0] != expected[$0] }
            #expect(differing.isEmpty, "step \(step): \(differing.sorted())")
            #expect(warnings.map(\.description).sorted() == fullWarnings, "step \(step)")
            if step % 3 == 2 {
                #expect(files == first, "step \(step): the values of the start, the files of the start")
            }
        }
    }

    @Test func aValueEditRendersTheDimensionPageItChangesAlone() throws {
        let site = try Edits.demo()
        defer { site.remove() }
        // A value of a KPI of the economy (`EC: …`), set far from what it was.
        var lines = (Edits.text(site, Details.results) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let row = lines.indices.first {
            let cells = Details.fields(lines[$0])
            return cells.count > 4 && cells[1].hasPrefix("EC:") && cells[2].isEmpty
                && Double(cells[4]) != nil
        }
        guard let row else {
            Issue.record("the demo has no number on the economy")
            return
        }
        var cells = Details.fields(lines[row])
        let city = cells[0]
        // A free page quoting the value: made again though its text did not change.
        try Edits.write(
            site, "Content/pages/quoted.md",
            "---\ntitle: Quoted\n---\n\nThe value: {{value \"\(cells[1])\" city=\"\(city)\"}}.\n")
        guard let (build, before) = Self.start(site) else { return }
        var incremental = build
        cells[4] = (Double(cells[4]) ?? 0) > 50 ? "0" : "100"
        lines[row] = Details.line(cells)
        try Edits.write(site, Details.results, lines.joined(separator: "\n"))
        guard case .built(let files, let changed, let pages, _) = incremental.build(changed: [Details.results]) else {
            Issue.record("the value edit does not build")
            return
        }
        #expect(changed)
        #expect(files == Edits.full(site))
        // The economy's page shows the new score; the other dimensions' pages are the same bytes,
        // and were not made again: fewer pages than the value edit made before dimensions were told apart.
        #expect(files["dimensions/economy/index.html"] != before["dimensions/economy/index.html"])
        #expect(files["quoted/index.html"] != nil && files["quoted/index.html"] != before["quoted/index.html"])
        let others = before.keys.filter {
            $0.hasPrefix("dimensions/") && $0.hasSuffix("/index.html") && !$0.hasPrefix("dimensions/economy/")
                && $0 != "dimensions/index.html"
        }
        #expect(!others.isEmpty)
        for page in others { #expect(files[page] == before[page], "\(page)") }
        let own = before.keys.filter { $0.hasPrefix("cities/\(city)/") && $0.hasSuffix("index.html") }.count
        // The city's pages; home, cities, indicators, the programme and its report (every city's
        // scores); one dimension's page, one indicator's; the page quoting the value.
        #expect(pages == own + 8, "\(pages) pages made again, the city has \(own)")
    }

    @Test func aDimensionPageDependsOnItsDimensionsScores() {
        func kpi(_ code: String, _ dimension: String) -> KPI {
            KPI(
                code: code, name: code, direction: .higher, dimension: dimension, subdimension: "S",
                category: "C")
        }
        let site = Site(
            config: SiteConfig(title: "T"),
            framework: Framework(kpis: [kpi("A: 1", "Economy"), kpi("B: 1", "Environment")], origin: "test"),
            cities: [
                City(slug: "a", name: "A", document: Document(path: "Content/cities/a.md", body: "", slug: "a")),
                City(slug: "b", name: "B", document: Document(path: "Content/cities/b.md", body: "", slug: "b")),
            ],
            observations: [], targets: [], pages: [], assets: [], actions: [])
        let table = RouteTable(site: site)
        let dimensionPages = table.routes.filter { $0.kind == .dimension }.map(\.path)
        #expect(dimensionPages.count == 2)
        var change = SiteChange(cityData: ["b"])
        change.cityScores = ["b"]
        change.dimensions = [1]
        let paths = table.routes(affectedBy: change, in: site)?.map(\.path) ?? []
        #expect(paths.contains(dimensionPages[1]) && !paths.contains(dimensionPages[0]))
        #expect(paths.contains("cities/") && paths.contains("cities/b/"))
        // Unknown dimensions (nil): every dimension page; no score changed: none.
        change.dimensions = nil
        let any = table.routes(affectedBy: change, in: site)?.map(\.path) ?? []
        #expect(dimensionPages.allSatisfy(any.contains))
        change.cityScores = []
        change.dimensions = [0, 1]
        let none = table.routes(affectedBy: change, in: site)?.map(\.path) ?? []
        #expect(!dimensionPages.contains(where: none.contains))
    }
}
