import CityscoreModel
import CityscorePipeline
import CityscoreRouting
import Foundation
import Testing

/// Issue 20: `serve` keeps what it built and, after an edit, reads, checks, scores and renders
/// again only what depends on the files that changed; the files are those of a full build.
@Suite("Incremental builds (serve)")
struct IncrementalBuildTests {
    /// A deterministic random number generator (SplitMix64), so that a failing sequence repeats.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The repository.
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of the demo site (the repository's `Content/`) in a fresh temporary folder.
    static func demo() throws -> TestSite {
        let site = try TestSite(files: [:])
        try FileManager.default.copyItem(
            atPath: repo.appendingPathComponent("Content").path, toPath: site.root + "/Content")
        // In one language (a site in several is built whole): the translations removed.
        let config = text(site, "Content/site.yml") ?? ""
        try write(
            site, "Content/site.yml",
            config.replacingOccurrences(of: "languages: [en, nb]", with: "language: en\n#"))
        let content = site.root + "/Content"
        for path in FileManager.default.subpaths(atPath: content) ?? [] where path.contains(".nb.") {
            try FileManager.default.removeItem(atPath: content + "/" + path)
        }
        return site
    }

    /// The files of a full build in memory, or nil when it fails.
    static func full(_ site: TestSite) -> [String: [UInt8]]? {
        guard let (files, _) = try? Pipeline(siteRoot: site.root, output: nil).render() else { return nil }
        return Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, b in b })
    }

    static func text(_ site: TestSite, _ path: String) -> String? {
        FileManager.default.contents(atPath: site.root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func write(_ site: TestSite, _ path: String, _ text: String?) throws {
        if let text {
            try site.write(path, bytes: Array(text.utf8))
        } else {
            try FileManager.default.removeItem(atPath: site.root + "/" + path)
        }
    }

    static let action = """
        ---
        city: karmoy
        title: Fibre for every household
        kpis: ["EC: ICT: ICT: 1C"]
        status: in-progress
        start: 2024-01
        ---
        The municipality lays fibre to the last villages.

        """

    /// The kinds of edit `edit` makes.
    static let kinds = 11

    /// One edit of the given kind, of the kinds an author makes; returns the paths it changed.
    static func edit(_ site: TestSite, kind: Int, step: Int, random: inout Seeded) throws -> Set<String> {
        let narratives = [
            "Content/cities/karmoy.md", "Content/cities/asker.md", "Content/cities/karmoy/economy.md",
            "Content/cities/rana.md",
        ]
        switch kind {
        case 0:
            // A narrative's text edited.
            let path = narratives.randomElement(using: &random) ?? narratives[0]
            try write(site, path, (text(site, path) ?? "") + "\nA sentence added in step \(step).\n")
            return [path]
        case 1, 2:
            // One row's value changed.
            let path = "Content/results/u4ssc-2020.csv"
            var lines = (text(site, path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
            let row = Int.random(in: 1..<(lines.count - 1), using: &random)
            var cells = lines[row].split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(
                String.init)
            guard cells.count == 6, Double(cells[4]) != nil else { return [] }
            cells[4] = String(Int.random(in: 1...99, using: &random))
            lines[row] = cells.joined(separator: ",")
            try write(site, path, lines.joined(separator: "\n"))
            return [path]
        case 10:
            // One row's source edited: the same scores, another text on the pages that show it.
            let path = "Content/results/u4ssc-2020.csv"
            var lines = (text(site, path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
            let quoted = lines.indices.filter { lines[$0].contains("\"") }
            guard let row = quoted.randomElement(using: &random), let close = lines[row].lastIndex(of: "\"") else {
                return []
            }
            lines[row].insert(contentsOf: " (step \(step))", at: close)
            try write(site, path, lines.joined(separator: "\n"))
            return [path]
        case 3:
            // A narrative per dimension added or removed.
            let path = "Content/cities/asker/environment.md"
            try write(site, path, text(site, path) == nil ? "Asker's environment, step \(step).\n" : nil)
            return [path, "Content/cities/asker"]
        case 4:
            // A results file added or removed (rows of another year).
            let path = "Content/results/extra.csv"
            let rows = "city,kpi,datapoint,year,value,unit,source\nasker,EC: ICT: ICT: 1C,,2019,88,%,Extra\n"
            try write(site, path, text(site, path) == nil ? rows : nil)
            return [path]
        case 5:
            // A free page edited: its text, or its title.
            let path = "Content/pages/about.md"
            let old = text(site, path) ?? ""
            let new =
                Bool.random(using: &random)
                ? old + "\nMore about the site, step \(step).\n"
                : old.replacingOccurrences(of: "title: ", with: "title: New ")
            try write(site, path, new)
            return [path]
        case 6:
            // An action added, then edited.
            let path = "Content/actions/fibre.md"
            let old = text(site, path)
            try write(site, path, old.map { $0 + "\nProgress in step \(step).\n" } ?? action)
            return old == nil ? [path, "Content/actions"] : [path]
        case 7:
            // site.yml edited.
            let path = "Content/site.yml"
            try write(
                site, path,
                (text(site, path) ?? "").replacingOccurrences(of: "description: ", with: "description: Step \(step). "))
            return [path]
        case 9:
            // A template of the theme edited (the site's own copy of the built-in one).
            let path = "Themes/default/templates/page.mustache"
            let old = try text(site, path) ?? String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8)
            try write(site, path, old + "<!-- step \(step) -->\n")
            return [path]
        default:
            // A city's front matter edited (its population).
            let path = "Content/cities/rana.md"
            let old = text(site, path) ?? ""
            try write(
                site, path,
                old.replacingOccurrences(
                    of: "population: [0-9]+", with: "population: \(step + 1000)", options: .regularExpression))
            return [path]
        }
    }

    @Test func randomEditsBuildWhatAFullBuildBuilds() throws {
        let site = try Self.demo()
        defer { site.remove() }
        var incremental = IncrementalBuild(Pipeline(siteRoot: site.root, output: nil))
        guard case .built(let first, _, _, _) = incremental.build(changed: nil) else {
            Issue.record("the demo site does not build")
            return
        }
        #expect(first == Self.full(site))
        let everyPage = first.keys.filter { $0.hasSuffix(".html") }.count
        var bounded = 0
        for seed in [UInt64(20), 1313] {
            var random = Seeded(state: seed)
            // Every kind of edit once, in a random order, then a few more at random.
            let kinds =
                Array(0..<Self.kinds).shuffled(using: &random)
                + [Int.random(in: 0..<Self.kinds, using: &random)]
            for (step, kind) in kinds.enumerated() {
                let changed = try Self.edit(site, kind: kind, step: step, random: &random)
                let expected = Self.full(site)
                switch incremental.build(changed: changed) {
                case .built(let files, _, let pages, _):
                    if pages < everyPage { bounded += 1 }
                    #expect(expected != nil, "seed \(seed), step \(step): a full build fails")
                    guard let expected else { continue }
                    let differing = Set(files.keys).union(expected.keys).filter { files[$0] != expected[$0] }
                    #expect(
                        differing.isEmpty, "seed \(seed), step \(step) (\(changed.sorted())): \(differing.sorted())")
                case .failed(let problems):
                    // Every edit leaves a site that builds.
                    Issue.record("seed \(seed), step \(step), kind \(kind): \(problems.map(\.description))")
                    #expect(expected == nil)
                }
            }
        }
        // Text, row, action and front matter edits render part of the site only.
        #expect(bounded >= 6)
    }

    @Test func aNarrativeEditRendersOnlyItsPages() throws {
        let site = try Self.demo()
        defer { site.remove() }
        var incremental = IncrementalBuild(Pipeline(siteRoot: site.root, output: nil))
        guard case .built(_, _, let all, _) = incremental.build(changed: nil) else {
            Issue.record("the demo site does not build")
            return
        }
        let narrative = "Content/cities/karmoy/economy.md"
        try Self.write(site, narrative, (Self.text(site, narrative) ?? "") + "\nOne more sentence.\n")
        guard case .built(let files, let changed, let pages, _) = incremental.build(changed: [narrative]) else {
            Issue.record("the edit does not build")
            return
        }
        #expect(all > 50)
        // The dimension page that shows the narrative; nothing else shows its text.
        #expect(pages == 1)
        #expect(changed)
        #expect(
            String(decoding: files["cities/karmoy/economy/index.html"] ?? [], as: UTF8.self).contains(
                "One more sentence."))
        #expect(files == Self.full(site))

        // The city's own narrative: its page and its report.
        let city = "Content/cities/karmoy.md"
        try Self.write(site, city, (Self.text(site, city) ?? "") + "\nAnd one for the city.\n")
        guard case .built(let after, _, let cityPages, _) = incremental.build(changed: [city]) else {
            Issue.record("the edit does not build")
            return
        }
        #expect(cityPages == 2)
        #expect(after == Self.full(site))

        // Saving a file unchanged renders nothing and changes nothing.
        guard case .built(_, let same, let none, _) = incremental.build(changed: [city]) else {
            Issue.record("the save does not build")
            return
        }
        #expect(none == 0)
        #expect(!same)
    }

    @Test func aBrokenLinkElsewhereIsStillReportedAndTheFixBuilds() throws {
        let site = try Self.demo()
        defer { site.remove() }
        var incremental = IncrementalBuild(Pipeline(siteRoot: site.root, output: nil))
        guard case .built = incremental.build(changed: nil) else {
            Issue.record("the demo site does not build")
            return
        }
        // A broken link in one document; the next edit is in another, and the fix is read with it.
        let about = "Content/pages/about.md"
        let original = Self.text(site, about) ?? ""
        try Self.write(
            site, "Content/pages/methodology.md",
            (Self.text(site, "Content/pages/methodology.md") ?? "")
                + "\nSee [the missing page](nowhere.md).\n")
        guard case .failed(let problems) = incremental.build(changed: ["Content/pages/methodology.md"]) else {
            Issue.record("a broken link is not reported")
            return
        }
        #expect(problems.contains { $0.location.path == "Content/pages/methodology.md" })
        // The fix is built from the changes kept since the last good build.
        try Self.write(site, about, original + "\nFixed elsewhere.\n")
        var methodology = Self.text(site, "Content/pages/methodology.md") ?? ""
        methodology = methodology.replacingOccurrences(of: "\nSee [the missing page](nowhere.md).\n", with: "")
        try Self.write(site, "Content/pages/methodology.md", methodology)
        guard case .built(let files, _, _, _) = incremental.build(changed: [about]) else {
            Issue.record("the fix does not build")
            return
        }
        #expect(files == Self.full(site))
    }

    @Test func routesNameWhatTheyDependOn() throws {
        let site = Site(
            config: SiteConfig(title: "T"), framework: Framework(kpis: [], origin: "test"),
            cities: [
                City(
                    slug: "a", name: "A", peers: ["b"],
                    document: Document(path: "Content/cities/a.md", body: "", slug: "a")),
                City(slug: "b", name: "B", document: Document(path: "Content/cities/b.md", body: "", slug: "b")),
            ],
            observations: [], targets: [], pages: [], assets: [], actions: [])
        let table = RouteTable(site: site)
        let text = table.routes(affectedBy: SiteChange(texts: ["Content/cities/b.md"]), in: site)?.map(\.path)
        #expect(Set(text ?? []) == ["cities/b/", "cities/b/report/"])
        let data = table.routes(affectedBy: SiteChange(cityData: ["b"]), in: site)?.map(\.path) ?? []
        // B's own pages and every page that lists all cities; not A's, which names its peer B but
        // shows none of its scores (peers are compared on the dimension pages).
        #expect(!data.contains("cities/a/") && data.contains("cities/b/") && data.contains(""))
        let facts = table.routes(affectedBy: SiteChange(cityFacts: ["b"]), in: site)?.map(\.path) ?? []
        #expect(facts.contains("cities/a/") && facts.contains("cities/a/report/"))
        #expect(!data.contains("404.html"))
        #expect(table.routes(affectedByFiles: ["Content/site.yml"], in: site) == nil)
        #expect(table.routes(affectedByFiles: ["Themes/default/templates/city.mustache"], in: site) == nil)
        let files = table.routes(affectedByFiles: ["Content/results/2020.csv"], in: site)?.map(\.path) ?? []
        #expect(files.contains("cities/a/") && files.contains("cities/b/"))
    }
}
