import CityscoreBuiltIn
import CityscoreConcurrency
import CityscoreModel
import CityscorePipeline
import Foundation
import Testing

/// End-to-end builds of small sites in temporary folders.
@Suite("Building a site")
struct BuildTests {
    @Test func buildsEveryPageKindAndDataFile() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        for path in [
            "index.html", "cities/index.html", "cities/karmoy/index.html", "cities/karmoy/economy/index.html",
            "cities/asker/society-and-culture/index.html", "dimensions/economy/index.html",
            "indicators/ec-ict-ict-1c/index.html", "methodology/index.html", "data/results.csv",
            "data/cities/karmoy.json", "data/framework.csv", "sitemap.xml", "robots.txt", "404.html",
            "theme/site.css",
        ] {
            #expect(site.read(path) != nil, "missing \(path)")
        }
    }

    @Test func linksWorkUnderASubPath() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        site.build()
        let page = try #require(site.read("cities/karmoy/index.html"))
        #expect(page.contains("href=\"/scores/theme/site.css\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/scores/cities/karmoy/\">"))
        // The narrative's relative links are rewritten to the pages' URLs.
        #expect(page.contains("href=\"/scores/methodology/\""))
        #expect(page.contains("href=\"/scores/cities/asker/\""))
        #expect(!page.contains("href=\"/cities/"))
        site.build(baseURL: "https://other.example/x/")
        #expect(site.read("index.html")?.contains("href=\"/x/cities/\"") == true)
    }

    @Test func cityJSONFollowsTheSpec() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        site.build()
        let text = try #require(site.read("data/cities/karmoy.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["city"] as? String == "karmoy")
        #expect(json["name"] as? String == "Karmøy")
        let overall = try #require(json["overall"] as? [String: Any])
        // 1C: 97/100 → 4 points; 2C: 84.51/60 → 4 points; 4C 3G: no target; 4C 4G: NR.
        #expect(overall["percent"] as? Double == 100.0)
        #expect(overall["band"] as? Int == 4)
        #expect(overall["scored"] as? Int == 2)
        #expect(overall["reported"] as? Int == 3)
        let dimensions = try #require(json["dimensions"] as? [[String: Any]])
        #expect(dimensions.map { $0["slug"] as? String } == ["economy", "environment", "society-and-culture"])
        let sub = try #require((dimensions[0]["subdimensions"] as? [[String: Any]])?.first)
        let category = try #require((sub["categories"] as? [[String: Any]])?.first)
        let indicators = try #require(category["indicators"] as? [[String: Any]])
        let first = indicators[0]
        #expect(first["code"] as? String == "EC: ICT: ICT: 1C")
        #expect(first["year"] as? Int == 2020)
        #expect(first["value"] as? Double == 97.0)
        #expect(first["target"] as? Double == 100.0)
        #expect(first["achievement"] as? Double == 97.0)
        #expect(first["points"] as? Int == 4)
        #expect(first["datapoint"] is NSNull)
        let notReported = try #require(indicators.first { $0["datapoint"] as? String == "4G" })
        #expect(notReported["value"] is NSNull)
        #expect(notReported["points"] is NSNull)
        let asker = try #require(site.read("data/cities/asker.json"))
        #expect(asker.contains("\"value\": false"))
    }

    @Test func chartsAreInlineWithStandaloneFilesForPageCharts() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("cities/karmoy/index.html"))
        #expect(page.contains("<svg"))
        #expect(page.contains("role=\"img\""))
        #expect(page.contains("href=\"/scores/cities/karmoy/charts/wheel.svg\""))
        #expect(site.read("cities/karmoy/charts/wheel.svg")?.hasPrefix("<?xml") == true)
        #expect(site.read("dimensions/economy/charts/heatmap.svg") != nil)
        #expect(site.read("indicators/ec-ict-ict-1c/charts/dots.svg") != nil)
        // Per-KPI charts are inline only, unless the site asks for their files too.
        let economy = try #require(site.read("cities/karmoy/economy/index.html"))
        #expect(economy.contains("id=\"bullet-ec-ict-ict-1c"))
        #expect(site.read("cities/karmoy/economy/charts/bullet-ec-ict-ict-1c.svg") == nil)
        try site.write("Content/site.yml", bytes: Array((TestSite.siteYML + "chart_files: all\n").utf8))
        #expect(site.build() == [])
        #expect(site.read("cities/karmoy/economy/charts/bullet-ec-ict-ict-1c.svg")?.hasPrefix("<?xml") == true)
    }

    @Test func assetsAreCopiedAndLinkedFromNarratives() throws {
        let site = try TestSite.make([
            "Content/cities/asker.md":
                "---\nname: Asker\n---\n![Map of Asker](../assets/maps/asker.svg) and [the plan](../assets/plan.pdf).\n",
            "Content/assets/maps/asker.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "Content/assets/plan.pdf": "%PDF-1.4",
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.read("cities/asker/index.html"))
        #expect(page.contains("src=\"/scores/assets/maps/asker.svg\""))
        #expect(page.contains("href=\"/scores/assets/plan.pdf\""))
        #expect(site.read("assets/maps/asker.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        #expect(site.read("assets/plan.pdf") == "%PDF-1.4")
    }

    @Test func onlyPagesMarkedForTheMenuAreInTheNavigation() throws {
        let site = try TestSite.make([
            "Content/pages/about.md": "---\ntitle: About us\nmenu: true\n---\nText.\n",
            "Content/pages/news.md": "---\ntitle: News item\n---\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        let home = try #require(site.read("index.html"))
        #expect(home.contains(">About us</a>"))
        #expect(!home.contains(">News item</a>"))
        #expect(site.read("news/index.html") != nil)
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let a = try TestSite.make()
        let b = try TestSite.make()
        defer {
            a.remove()
            b.remove()
        }
        a.build()
        // B is built by the executable under another time zone and locale. Not with `setenv` in
        // this process: changing the environment while other tests' threads read it (`getenv`,
        // `localtime`) is undefined behaviour in glibc, and crashed the test process now and then.
        let (status, errors) = try CityscoreBinary.run(
            ["build", "--site", b.root, "--output", b.output],
            environment: [
                "PATH": "/usr/bin:/bin", "TZ": "Pacific/Kiritimati", "LANG": "nb_NO.UTF-8", "LC_ALL": "nb_NO.UTF-8",
            ])
        #expect(status == 0, "\(errors)")
        let first = TestSite.tree(a.output)
        let second = TestSite.tree(b.output)
        #expect(first.count > 50)
        #expect(first == second)
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let before = TestSite.tree(site.output)
        try site.write(
            "Content/results/2020.csv", bytes: Array("city,kpi,year,value\nnowhere,EC: ICT: ICT: 1C,2020,1\n".utf8))
        #expect(!site.build().isEmpty)
        #expect(TestSite.tree(site.output) == before)
        // Nothing was left beside the output folder either.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root).sorted()
        #expect(siblings == ["Content", "public"])
    }

    @Test func refusesToWriteOverTheSite() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let problems = site.build(output: site.root)
        #expect(problems.first?.contains("holds the site itself") == true)
        #expect(FileManager.default.fileExists(atPath: site.root + "/Content/site.yml"))
    }

    @Test func scriptsFromMarkdownAndDataNeverReachTheOutput() throws {
        let site = try TestSite.make([
            "Content/cities/asker.md": """
            ---
            name: "<script>alert('name')</script>"
            ---
            <script>alert(1)</script>

            <img src=x onerror=alert(1)> [x](javascript:alert(1))

            """,
            "Content/results/2020.csv": """
            city,kpi,year,value,source,note
            asker,EC: P: EM: 1C,2020,2.5,"<script>alert(2)</script>","<img src=x onerror=alert(3)>"

            """,
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        for (path, data) in TestSite.tree(site.output) where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script"), "script in \(path)")
            #expect(!text.contains("<img src=x"), "raw img in \(path)")
            #expect(!text.lowercased().contains("javascript:"), "javascript: in \(path)")
        }
    }

    @Test func progressCountsEveryPageOnce() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let heard = Locked<[Int]>([])
        let total = Locked<Set<Int>>([])
        var pipeline = Pipeline(siteRoot: site.root, output: site.output)
        pipeline.progress = { done, all in
            heard.withLock { $0.append(done) }
            total.withLock { _ = $0.insert(all) }
        }
        let report = try pipeline.run()
        #expect(total.current == [report.pages])
        #expect(heard.current.sorted() == Array(1...report.pages))
    }

    @Test func aSiteThemeOverridesOneTemplate() throws {
        let site = try TestSite.make([
            "Themes/default/templates/404.mustache": "{{>partials/head}}<h1>Custom lost page</h1>{{>partials/foot}}"
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(site.read("404.html")?.contains("Custom lost page") == true)
        #expect(site.read("index.html")?.contains("<!DOCTYPE html>") == true)
    }

    @Test func aTemplateSyntaxErrorNamesTheFileAndLine() throws {
        let site = try TestSite.make(["Themes/default/templates/404.mustache": "line one\n{{#open}}never closed\n"])
        defer { site.remove() }
        let problems = site.build()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Themes/default/templates/404.mustache:") == true)
    }

    @Test func aPartialThatIncludesItselfFailsTheBuildWithoutTouchingTheOutput() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let before = site.read("index.html")
        try site.write(
            "Themes/default/templates/partials/foot.mustache", bytes: Array("</main>{{>partials/foot}}".utf8))
        let problems = site.build()
        #expect(problems.count == 1, "one problem, however many pages use the partial")
        #expect(
            problems.first?.hasPrefix("Themes/default/templates/partials/foot.mustache:1:8: error: template:") == true)
        #expect(site.read("index.html") == before)
    }

    @Test func theEmbeddedThemeAndFrameworkMatchTheFilesInTheRepository() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let framework = try String(
            contentsOf: repo.appendingPathComponent("Sources/CityscoreBuiltIn/framework/kpis.csv"), encoding: .utf8)
        #expect(BuiltInResources.frameworkCSV == framework, "run .ci/embed-resources")
        for (path, contents) in BuiltInResources.defaultTheme {
            let onDisk = try String(contentsOf: repo.appendingPathComponent("Themes/default/" + path), encoding: .utf8)
            #expect(onDisk == contents, "Themes/default/\(path) changed: run .ci/embed-resources")
        }
    }

    @Test func theDemoSiteBuilds() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cityscore-demo-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let site = TestSite(rootPath: repo.path)
        #expect(site.build(output: output) == [])
        #expect(site.read("cities/karmoy/index.html", in: output) != nil)
    }
}

extension TestSite {
    init(rootPath: String) { self.root = rootPath }
}
