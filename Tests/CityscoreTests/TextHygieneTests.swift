import CityscoreDiagnostics
import CityscoreModel
import CityscoreRouting
import CityscoreText
import Foundation
import Testing

@testable import CityscoreCharts
@testable import CityscoreImport
@testable import CityscoreMarkdown
@testable import CityscoreRendering
@testable import CityscoreValidation

/// One escaper per output language, one slugger, one "trim spaces", one unit resolver, one column
/// list per data file: each shared helper gives what its callers gave before, and every caller uses it.
@Suite("Text hygiene: one helper per job") struct TextHygieneTests {
    static let awkward = [
        "", "plain", "a & b < c > d \" e ' f", "tab\there\r\nline", "x\u{0}\u{1}\u{8}\u{1F}y", "\u{7F}del",
        "\u{2028}\u{2029}", "é\u{0301}ø中文", "a\u{FFFE}b\u{FFFF}c\u{FEFF}", "\\back\\slash", "🏙️ city",
    ]

    @Test(arguments: awkward)
    func htmlEscapingIsTheTemplatesEscaping(_ text: String) {
        let references: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        let expected = text.unicodeScalars.map { references[Character($0)] ?? String($0) }.joined()
        #expect(HTMLEscaping.escape(text) == expected)
    }

    @Test(arguments: awkward)
    func svgAndSitemapUseTheOneXMLEscaper(_ text: String) {
        #expect(SVGWriter.escape(text) == XMLEscaping.escape(text))
        var bytes: [UInt8] = []
        XMLEscaping.appendEscaped(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == XMLEscaping.escape(text))
        let escaped = XMLEscaping.escape(text)
        #expect(!escaped.contains("<") && !escaped.contains("\"") && !escaped.contains("'"))
    }

    @Test(arguments: awkward)
    func diagnosticsAndDataFilesShareTheJSONEscaper(_ text: String) throws {
        #expect(JSONDiagnostics.string(text) == JSON.quote(text))
        #expect(JSON.quote(text) == JSONEscaping.quote(text))
        let back = try JSONSerialization.jsonObject(with: Data("[\(JSONEscaping.quote(text))]".utf8)) as? [String]
        #expect(back == [text])
    }

    @Test func theSitemapEscapesThroughTheXMLEscaper() throws {
        let site = try TestSite.make(["Content/site.yml": "title: T\nbaseURL: https://example.org/a&b/\n"])
        defer { site.remove() }
        #expect(site.build() == [])
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/a&amp;b/cities/karmoy/</loc>"))
        #expect(!sitemap.contains("a&b"))
    }

    @Test func slugsAndAnchorsComeFromOneSlugger() {
        #expect(Slug.make("EC: ICT: ICT: 1C") == "ec-ict-ict-1c")
        #expect(Slug.make("Society and Culture") == "society-and-culture")
        #expect(Slug.make("Størrelse på Åsen ß") == "storrelse-pa-asen-ss")
        #expect(Slug.make("中文") == "")
        #expect(Slug.anchor("## Økonomi og 中文!") == "økonomi-og-中文")
        #expect(Slug.anchor("e\u{0301}té") == "e\u{0301}té")
        #expect(Slug.anchor("\u{0301}x") == "x")
        #expect(Slug.anchor("a\u{200F}b <&> \"c\"") == "a-b-c")
        #expect(Slug.anchor("---") == "")
        var ids = HeadingIDs()
        #expect(
            [ids.id(for: "Økonomi"), ids.id(for: "økonomi"), ids.id(for: "!!")] == ["økonomi", "økonomi-2", "section"])
    }

    @Test func aSlugIsValidExactlyWhenTheSluggerLeavesItAsItIs() {
        let samples = [
            "", "-", "a", "a-", "-a", "a--b", "a-b", "ab9", "A", "é", "a b", "ec-ict-ict-1c", "9lives", "x_y",
            "a-b-c-d",
        ]
        for text in samples {
            #expect(Slug.isValid(text) == (!text.isEmpty && Slug.make(text) == text), "\(text)")
        }
    }

    @Test func anUnknownColumnSuggestsASlugAfterX() {
        #expect(
            Columns.extraColumnSuggestion("Local Note") == "rename it to x-local-note to keep it as an extra column")
        #expect(Columns.extraColumnSuggestion("中文") == "start its name with x- to keep it as an extra column")
    }

    @Test func oneTrimForCellsUnitsAndCodes() {
        #expect(" \t 12 \t".trimmingSpaces == "12")
        #expect("\u{00A0}%\u{2003}".trimmingSpaces == "%")
        #expect("x\n".trimmingSpaces == "x")
        #expect("   ".trimmingSpaces == "")
        #expect("a b".trimmingSpaces == "a b")
        let plain = "EC: ICT: ICT: 1C"
        #expect(plain.trimmingSpaces == plain)
    }

    @Test(arguments: [
        ("%", "%", true, true), ("Percentage", "%", true, true),
        ("Percentage (of city labour force)", "%", true, false),
        ("Percentage of city GDP (per definition)", "% of city GDP", true, false),
        ("% / City GDP", "% / City GDP", true, false), ("Percentage and Number", "", false, false),
        ("Yes or No", "", false, false), ("Number (public services)", "", false, false),
        ("per 100 000 inhabitants", "per 100 000 inhabitants", false, false),
        ("percentage points", "% points", false, false),
        (" per cent ", "%", true, true), ("", "", false, false),
    ])
    func oneUnitResolver(unit: String, shown: String, percentage: Bool, percentWord: Bool) {
        #expect(UnitResolver.shown(unit) == shown)
        #expect(UnitResolver.isPercentage(unit) == percentage)
        #expect(Plausibility.isPercentage(unit) == percentage)
        #expect(UnitResolver.isPercentWord(unit) == percentWord)
        #expect(Units.framework(unit) == shown)
    }

    @Test func aRowsUnitWinsOverTheFrameworks() {
        let kpi = KPI(
            code: "X: 1", name: "x", unit: "Percentage (of households)", direction: .higher, dimension: "D",
            subdimension: "S", category: "C")
        #expect(UnitResolver.resolve(reported: "", kpi: kpi) == "%")
        #expect(UnitResolver.resolve(reported: "km", kpi: kpi) == "km")
        #expect(UnitResolver.isPercentage(reported: "", kpi: kpi))
        #expect(!UnitResolver.isPercentage(reported: "km", kpi: kpi))
    }

    @Test func everyDataFileHasOneColumnList() throws {
        #expect(DataColumns.results == ResultsColumn.allCases.map(\.rawValue))
        #expect(
            ResultsValidator.required + ResultsValidator.optional == DataColumns.results.filter(
                ResultsValidator.required.contains)
                + DataColumns.optional(DataColumns.results, besides: ResultsValidator.required))
        #expect(Set(TargetsValidator.required + TargetsValidator.optional) == Set(DataColumns.targets))
        #expect(Set(FrameworkValidator.required + FrameworkValidator.optional) == Set(DataColumns.framework))
        #expect(Importer.columns { _ in true } == DataColumns.results)
        #expect(Importer.columns { $0 == "round" } == DataColumns.results.filter { $0 != "benchmark" })
        #expect(Importer.columns { _ in false } == DataColumns.results.filter { $0 != "benchmark" && $0 != "round" })
        // The writer of data/results.csv: the header and every row follow the one list.
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let csv = try #require(site.read("data/results.csv"))
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines[0].map(String.init) == DataColumns.results + DataColumns.resultsComputed)
        let row = try #require(
            lines.first { $0.count > 4 && $0[3] == "2020" && $0[1] == "EC: ICT: ICT: 1C" && $0[0] == "karmoy" })
        let cells = Dictionary(uniqueKeysWithValues: zip(lines[0].map(String.init), row.map(String.init)))
        #expect(cells["value"] == "97" && cells["unit"] == "%" && cells["source"] == "Report 2020")
        #expect(cells["status"] == "scored")
        let framework = try #require(site.read("data/framework.csv"))
        #expect(framework.hasPrefix(DataColumns.framework.joined(separator: ",") + "\n"))
    }

    @Test func duplicateTargetsAndRowsAreFoundTheSameWay() throws {
        let site = try TestSite.make([
            "Content/targets/goals.csv":
                "city,kpi,datapoint,target,note\nkarmoy,EC: ICT: ICT: 1C,,100,a\nasker,EC: P: EM: 1C,,2,b\nkarmoy,EC: ICT: ICT: 1C,,90,c\n",
            "Content/results/2021.csv": "city,kpi,year,value\nasker,EC: P: EM: 1C,2020,3\n",
        ])
        defer { site.remove() }
        #expect(
            site.checkCodes() == [
                "Content/results/2021.csv:2:1 duplicate-row", "Content/targets/goals.csv:4:1 duplicate-row",
            ])
        #expect(
            site.check().map(\.withoutCodeSuffix) == [
                "Content/results/2021.csv:2:1: error: duplicate row: asker, EC: P: EM: 1C, 2020 is already given at Content/results/2020.csv:8; keep one of the two rows",
                "Content/targets/goals.csv:4:1: error: duplicate target: karmoy, EC: ICT: ICT: 1C is already given at Content/targets/goals.csv:2",
            ])
    }
}

/// `.ci/quality/deps`: declared dependencies are exactly the imported ones, without a build.
@Suite("Package hygiene: declared dependencies") struct DependencyCheckTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repo.appendingPathComponent(".ci/quality/deps").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func thisPackageDeclaresExactlyWhatItImports() throws {
        let (status, output) = try Self.run([])
        #expect(status == 0, "\(output)")
        #expect(output.contains("declared dependencies are exactly the imported ones"))
    }

    @Test func aMissingAndAnUnusedDependencyAreBothReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "Package.swift": """
            // swift-tools-version: 6.1
            import PackageDescription
            let package = Package(
                name: "p",
                dependencies: [.package(url: "https://example.org/y", exact: "1.0.0")],
                targets: [
                    .target(name: "A"),
                    // B imports A without declaring it, and declares Yams without importing it.
                    .target(name: "B", dependencies: [.product(name: "Yams", package: "y")]),
                    .testTarget(name: "BTests", dependencies: ["B"]),
                ]
            )
            """,
            "Sources/A/a.swift": "public let a = 1\n",
            "Sources/B/b.swift": "import Foundation\n// import Nothing\nimport A\nlet s = \"import Fake\"\n",
            "Tests/BTests/t.swift": "import Testing\n@testable import B\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (status, output) = try Self.run([root.path])
        #expect(status == 1)
        #expect(output.contains("Sources/B/b.swift: error: B imports A but Package.swift does not declare it"))
        #expect(output.contains("Package.swift: error: B declares Yams but none of its sources imports it"))
        #expect(!output.contains("Nothing") && !output.contains("Fake") && !output.contains("BTests"))
    }
}

/// The contract lives in the repository: docs/ describes every column, key and output file the
/// code knows, and comments point there.
@Suite("Docs: the contract in the repository") struct ContractDocsTests {
    static let repo = DependencyCheckTests.repo

    static func doc(_ name: String) throws -> String {
        try String(contentsOf: repo.appendingPathComponent("docs/" + name), encoding: .utf8)
    }

    @Test func dataFormatsNameEveryColumnAndKey() throws {
        let text = try Self.doc("data-formats.md")
        for column in DataColumns.results + DataColumns.framework + DataColumns.targets {
            #expect(text.contains("`\(column)`"), "docs/data-formats.md does not name the column \(column)")
        }
        for key in ConfigValidator.known.union(ConfigValidator.readFromParams) {
            #expect(text.contains("`\(key)`"), "docs/data-formats.md does not name the site.yml key \(key)")
        }
        for level in DataQuality.allCases.map(\.rawValue) + TargetKind.allCases.map(\.rawValue) {
            #expect(text.contains("`\(level)`"), "\(level)")
        }
    }

    @Test func outputAndScoringNameWhatTheCodeWrites() throws {
        let output = try Self.doc("output.md")
        for path in [URLs.resultsCSV, URLs.frameworkCSV, URLs.dataPackage, "sitemap.xml", "robots.txt", "404.html"] {
            #expect(output.contains(path), "\(path)")
        }
        for column in DataColumns.resultsComputed { #expect(output.contains(column), "\(column)") }
        let scoring = try Self.doc("scoring.md")
        for band in Band.allCases {
            let name = ChartWords.english.band(band)
            #expect(scoring.contains(name), "\(name)")
        }
        for status in ["scored", "no-target", "not-reported", "missing", "not-applicable"] {
            #expect(scoring.contains("`\(status)`"), "\(status)")
        }
    }

    @Test func commentsPointAtDocsThatExist() throws {
        let sources = Self.repo.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var cited = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("SPEC section"), "\(file.lastPathComponent) cites the SPEC, outside the repository")
            for contract in ["README, \"Scoring\"", "README, \"Output\"", "README, \"targets"] {
                #expect(!text.contains(contract), "\(file.lastPathComponent) cites \(contract) instead of docs/")
            }
            for after in text.components(separatedBy: "docs/").dropFirst() {
                let name = String(after.prefix { $0.isLetter || $0 == "-" || $0 == "." })
                if name.hasSuffix(".md") { cited.insert(name) }
            }
        }
        #expect(cited.isSuperset(of: ["data-formats.md", "scoring.md", "output.md"]))
        for name in cited {
            #expect(
                FileManager.default.fileExists(atPath: Self.repo.appendingPathComponent("docs/" + name).path), "\(name)"
            )
        }
    }
}
