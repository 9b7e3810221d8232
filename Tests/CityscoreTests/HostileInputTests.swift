import CityscorePipeline
import Foundation
import Testing

/// Hostile input: broken files, wrong encodings, injection, path traversal, link loops and very large
/// files. Every case must end in the exact diagnostics below (or, for injection, in output without
/// executable markup), never in a crash, and never in partial output: a failed build leaves the
/// previous output folder exactly as it was, with no staging folder beside it.
///
/// Cases marked with `withKnownIssue` pin what the diagnostics should be where they are wrong today
/// (reported); when one is fixed the known issue stops happening and the test says so: then drop
/// the `withKnownIssue` wrapper.
@Suite("Hostile input")
struct HostileInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile").path

    static func fixture(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: fixtures + "/" + name) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: fixtures + "/" + name])
        }
        return [UInt8](data)
    }

    static let header = "city,kpi,datapoint,year,value,unit,source\n"

    /// A test site whose output folder already holds a previous build, so that a failed build can be
    /// seen to leave it untouched.
    struct Run {
        let site: TestSite
        let before: [String: Data]

        init(_ overrides: [String: String?] = [:]) throws {
            site = try TestSite.make(overrides)
            try FileManager.default.createDirectory(atPath: site.output + "/cities", withIntermediateDirectories: true)
            try Data("previous build\n".utf8).write(to: URL(fileURLWithPath: site.output + "/index.html"))
            try Data("previous city\n".utf8).write(to: URL(fileURLWithPath: site.output + "/cities/index.html"))
            // Marked as cityscore's own output, so that the next build may replace it.
            try Data("previous build\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.cityscore-output"))
            before = TestSite.tree(site.output)
        }

        func write(_ path: String, _ bytes: [UInt8]) throws { try site.write(path, bytes: bytes) }
        func write(_ path: String, _ text: String) throws { try site.write(path, bytes: Array(text.utf8)) }

        /// Builds; returns the diagnostics and checks that a failure changed nothing on disk.
        func fail(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
            let problems = site.build()
            #expect(!problems.isEmpty, "the build should have failed", sourceLocation: sourceLocation)
            #expect(
                TestSite.tree(site.output) == before, "a failed build changed the output folder",
                sourceLocation: sourceLocation)
            let parent = (site.output as NSString).deletingLastPathComponent
            let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter {
                $0.contains(".building")
            }
            #expect(
                leftovers.isEmpty, "staging folders left beside the output: \(leftovers)",
                sourceLocation: sourceLocation)
            return problems
        }
    }

    // MARK: Malformed CSV

    @Test func unclosedQuote() throws {
        let run = try Run([
            "Content/results/2020.csv": Self.header
                + "karmoy,EC: ICT: ICT: 1C,,2020,97,%,\"Report 2020\nasker,EC: P: EM: 1C,,2020,2.5,%,Report\n"
        ])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/results/2020.csv:2:36: error: a quoted cell is never closed: the closing quote (\") is missing [csv-quoting]"
            ])
    }

    @Test func quoteInTheMiddleAndTextAfterTheClosingQuote() throws {
        let run = try Run([
            "Content/results/2020.csv": Self.header
                + "karmoy,EC: ICT: ICT: 1C,,2020,97,%,Rep\"ort\nasker,EC: P: EM: 1C,,2020,2.5,%,\"Report\" 2020\n"
        ])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/results/2020.csv:2:39: error: a quote in the middle of an unquoted cell; put the whole cell in quotes and write the quote as \"\" [csv-quoting]",
                "Content/results/2020.csv:3:41: error: text after the closing quote of a quoted cell; put the whole cell in quotes and write a quote inside it as \"\" [csv-quoting]",
            ])
    }

    @Test func raggedRows() throws {
        let run = try Run([
            "Content/results/2020.csv": Self.header
                + "karmoy,EC: ICT: ICT: 1C,,2020,97\nasker,EC: P: EM: 1C,,2020,2.5,%,Report,extra,more\n"
        ])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/results/2020.csv:2:1: error: this row has 5 cells but the header has 7 columns; check for a missing or extra comma, or a comma inside a cell that is not quoted [cell-count]",
                "Content/results/2020.csv:3:1: error: this row has 9 cells but the header has 7 columns; check for a missing or extra comma, or a comma inside a cell that is not quoted [cell-count]",
            ])
    }

    @Test func binaryJunk() throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/results/2020.csv", try Self.fixture("binary-junk.csv"))
        // A file that is not text gives one error, not a cascade about its columns.
        #expect(
            run.fail() == [
                "Content/results/2020.csv:1:1: error: the header row is not UTF-8 text: is the file a spreadsheet (.xlsx) or an image renamed to .csv, or saved in another encoding?; save it as \"CSV UTF-8\" [not-csv-text]"
            ])
    }

    @Test func semicolonSeparatedExport() throws {
        let run = try Run([
            "Content/results/2020.csv": (Self.header + "karmoy,EC: ICT: ICT: 1C,,2020,97,%,Report\n")
                .replacingOccurrences(of: ",", with: ";")
        ])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/results/2020.csv:1:1: error: the columns are separated by semicolons; cityscore reads commas; save the sheet as \"CSV UTF-8 (comma delimited)\", or set the list separator to a comma [semicolon-separated]"
            ])
    }

    // MARK: Encodings

    @Test func latin1CSV() throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/results/2020.csv", try Self.fixture("latin1.csv"))
        #expect(
            run.fail() == [
                "Content/results/2020.csv:2:36: error: this cell is not valid UTF-8 text; save the file as \"CSV UTF-8\" [not-utf8]"
            ])
    }

    @Test func utf16CSV() throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/results/2020.csv", try Self.fixture("utf16.csv"))
        // A UTF-16 file (Excel's "Unicode Text") gives one error, not one per column.
        #expect(
            run.fail() == [
                "Content/results/2020.csv:1:1: error: the file is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8 CSV; save it as \"CSV UTF-8\" [not-csv-text]"
            ])
    }

    @Test func invalidUTF8Markdown() throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/cities/asker.md", try Self.fixture("cp1252.md"))
        let problems = run.fail()
        #expect(
            problems.first
                == "Content/cities/asker.md:4:1: error: the file is not valid UTF-8 text; save it with the UTF-8 encoding [not-utf8]"
        )
        // A city file that is not UTF-8 still counts as a city: one error, no cascade.
        #expect(
            problems == [
                "Content/cities/asker.md:4:1: error: the file is not valid UTF-8 text; save it with the UTF-8 encoding [not-utf8]"
            ])
    }

    @Test func nulByteInACSVCellDoesNotReachTheHTML() throws {
        let run = try Run(["Content/results/2020.csv": Self.header + "karmoy,EC: ICT: ICT: 1C,,2020,97,%,Rep\u{0}ort\n"]
        )
        defer { run.site.remove() }
        // A control character in a cell is reported at its cell, never published.
        #expect(
            run.fail() == [
                "Content/results/2020.csv:2:36: error: this cell holds an invisible control character (U+0000) that cannot be published; delete it [control-character]"
            ])
    }

    // MARK: Malformed YAML

    @Test func malformedFrontMatter() throws {
        let run = try Run(["Content/cities/asker.md": "---\nname: [Asker\ncountry: Norway\n---\nText.\n"])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/cities/asker.md:3:8: error: a list in [brackets] is not closed, or an item in it holds a comma; "
                    + "close the list with ], and put an item with a comma in quotes [yaml-syntax]"
            ])
    }

    @Test func unclosedFrontMatter() throws {
        let run = try Run(["Content/cities/asker.md": "---\nname: Asker\ncountry: Norway\nText.\n"])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/cities/asker.md:1:1: error: the front matter is not closed: add a line \"---\" after it [front-matter-unclosed]"
            ])
    }

    @Test func duplicateFrontMatterKey() throws {
        let run = try Run(["Content/cities/asker.md": "---\nname: Asker\nname: Other\n---\nText.\n"])
        defer { run.site.remove() }
        // A key given twice is reported at the second key, in our words.
        #expect(run.fail() == ["Content/cities/asker.md:3:1: error: \"name\" is given twice [duplicate-key]"])
    }

    @Test func malformedSiteYML() throws {
        let run = try Run(["Content/site.yml": "title: Test\nbaseURL: https://example.org/\n  language: en\n: bad\n"])
        defer { run.site.remove() }
        // An unreadable site.yml gives its YAML error only.
        #expect(
            run.fail().map { $0.components(separatedBy: "; ")[0] } == [
                "Content/site.yml:3:11: error: a value contains a colon followed by a space, which YAML reads as a new key"
            ])
    }

    @Test func siteYMLThatIsAList() throws {
        let run = try Run(["Content/site.yml": "- title\n- baseURL\n"])
        defer { run.site.remove() }
        #expect(
            run.fail() == ["Content/site.yml:1:1: error: expected \"key: value\" lines at the top level [yaml-syntax]"])
    }

    @Test func deeplyNestedSiteYML() throws {
        let run = try Run([
            "Content/site.yml": "title: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
                + "\n"
        ])
        defer { run.site.remove() }
        #expect(
            run.fail().contains(
                "Content/site.yml:1:9: error: values are nested too deeply (lists or brackets inside one another); "
                    + "write the value as plain text, in quotes [yaml-syntax]")
        )
    }

    @Test func aliasBombInFrontMatterIsRefused() throws {
        var yaml = "---\nname: Asker\na: &a [x,x,x,x,x,x,x,x,x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g"], ["a", "b", "c", "d", "e", "f"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let site = try TestSite.make(["Content/cities/asker.md": yaml + "---\nText.\n"])
        defer { site.remove() }
        #expect(
            site.build().first
                == "Content/cities/asker.md:3:4: error: \"&a\" is a YAML anchor (a name for a value), which cityscore does not read (and 60 more); write each value out in full; if you meant the text, put it in quotes: \"&a\" [yaml-alias]"
        )
    }

    // MARK: Empty files and a lone BOM

    @Test(arguments: [[UInt8](), [0xEF, 0xBB, 0xBF]])
    func emptyResultsFile(bytes: [UInt8]) throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/results/2020.csv", bytes)
        #expect(
            run.fail() == [
                "Content/results/2020.csv:1:1: error: the file is empty; it needs a header row, e.g. \"city,kpi,year,value\" [empty-file]"
            ])
    }

    @Test(arguments: [[UInt8](), [0xEF, 0xBB, 0xBF]])
    func emptyCityFile(bytes: [UInt8]) throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/cities/asker.md", bytes)
        #expect(
            run.fail() == [
                "Content/cities/asker.md:1:1: error: the city needs a name in its front matter, e.g. \"name: Karmøy\" [required-field]"
            ])
    }

    @Test(arguments: [[UInt8](), [0xEF, 0xBB, 0xBF]])
    func emptySiteYML(bytes: [UInt8]) throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/site.yml", bytes)
        #expect(
            run.fail() == [
                "Content/site.yml:1:1: error: site.yml needs a title, e.g. \"title: City scorecards\" [required-field]"
            ])
    }

    @Test func bomOnlyFixtureIsAnEmptyResultsFile() throws {
        let run = try Run()
        defer { run.site.remove() }
        try run.write("Content/results/2020.csv", try Self.fixture("bom-only.txt"))
        #expect(
            run.fail() == [
                "Content/results/2020.csv:1:1: error: the file is empty; it needs a header row, e.g. \"city,kpi,year,value\" [empty-file]"
            ])
    }

    // MARK: Path traversal

    @Test(arguments: [
        (
            "../../etc",
            "the slug \"../../etc\" is not allowed: a slug is one folder name of lowercase letters, digits and dashes, and may not leave its folder; did you mean \"etc\"?"
        ),
        (
            "/tmp/evil",
            "the slug \"/tmp/evil\" is not allowed: a slug is one folder name of lowercase letters, digits and dashes, and may not leave its folder; did you mean \"tmp-evil\"?"
        ),
        (
            "..",
            "the slug \"..\" is not allowed: a slug is one folder name of lowercase letters, digits and dashes, and may not leave its folder"
        ),
    ])
    func pageSlugThatLeavesItsFolder(slug: String, message: String) throws {
        let run = try Run(["Content/pages/evil.md": "---\ntitle: Evil\nslug: \(slug)\n---\nText.\n"])
        defer { run.site.remove() }
        #expect(run.fail() == ["Content/pages/evil.md:3:1: error: \(message) [invalid-slug]"])
        #expect(!FileManager.default.fileExists(atPath: run.site.root + "/etc"))
    }

    @Test func narrativeSlugThatLeavesItsFolder() throws {
        let run = try Run(["Content/cities/karmoy/economy.md": "---\nslug: ../../../x\n---\nText.\n"])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/cities/karmoy/economy.md:2:1: error: the slug \"../../../x\" is not allowed: a slug is one folder name of lowercase letters, digits and dashes, and may not leave its folder; did you mean \"x\"? [invalid-slug]"
            ])
    }

    @Test func cityThatIsAPathInTheResults() throws {
        let run = try Run([
            "Content/results/2020.csv": Self.header
                + "karmoy,EC: ICT: ICT: 1C,,2020,97,%,x\n../../etc/passwd,EC: ICT: ICT: 1C,,2020,97,%,x\n"
        ])
        defer { run.site.remove() }
        let problems = run.fail()
        #expect(problems.count == 1)
        // No suggestion to create a file outside Content/cities/.
        #expect(
            problems == [
                "Content/results/2020.csv:3:1: error: \"../../etc/passwd\" in column \"city\" is not a city slug (lowercase letters, digits and dashes) [unknown-city]"
            ])
    }

    @Test func cityFileNameThatIsNotASlug() throws {
        let run = try Run(["Content/cities/Bad Name.md": "---\nname: Bad\n---\n"])
        defer { run.site.remove() }
        #expect(
            run.fail() == [
                "Content/cities/Bad Name.md:1:1: error: the file name \"Bad Name.md\" cannot be a city slug: use lowercase letters, digits and dashes; rename it to bad-name.md [invalid-slug]"
            ])
    }

    // MARK: Links under Content/assets

    @Test func linkLoopUnderAssets() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let assets = site.root + "/Content/assets"
        try FileManager.default.createDirectory(atPath: assets + "/a", withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: URL(fileURLWithPath: assets + "/a/ok.txt"))
        try FileManager.default.createSymbolicLink(atPath: assets + "/a/loop", withDestinationPath: "..")
        #expect(
            site.build() == [
                "Content/assets/a/loop:1:1: error: the folder is a link to a folder it is in, which would repeat without end; remove the link [link-loop]"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func fileLinksThatPointAtEachOther() throws {
        let run = try Run()
        defer { run.site.remove() }
        let assets = run.site.root + "/Content/assets"
        try FileManager.default.createDirectory(atPath: assets, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: assets + "/loop1", withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: assets + "/loop2", withDestinationPath: "loop1")
        #expect(
            run.fail() == [
                "Content/assets/loop1:1:1: error: the link is part of a loop of links that never reaches a file; remove the link or point it at a real file [link-loop]",
                "Content/assets/loop2:1:1: error: the link is part of a loop of links that never reaches a file; remove the link or point it at a real file [link-loop]",
            ])
    }

    // MARK: Very large input

    @Test func oneMegabyteCell() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let site = try TestSite.make([
            "Content/results/2020.csv": Self.header + "karmoy,EC: ICT: ICT: 1C,,2020,97,%,\"\(big)\"\n"
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(site.read("cities/karmoy/economy/index.html")?.contains(big) == true)
    }

    @Test func oneMegabyteUnknownKPI() throws {
        let big = String(repeating: "Y", count: 1 << 20)
        let run = try Run(["Content/results/2020.csv": Self.header + "karmoy,\(big),,2020,97,%,x\n"])
        defer { run.site.remove() }
        let problems = run.fail()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/results/2020.csv:2:8: error: unknown KPI \"YYYY") == true)
        // A diagnostic quotes at most a few dozen characters of a cell.
        #expect((problems.first?.count ?? 0) < 1_000)
    }

    @Test func tenThousandExtraColumns() throws {
        let columns = (0..<10_000).map { ",x-c\($0)" }.joined()
        let run = try Run([
            "Content/results/2020.csv": Self.header.dropLast() + columns + "\nkarmoy,EC: ICT: ICT: 1C,,2020,97,%,x"
                + String(repeating: ",", count: 10_000) + "\n"
        ])
        defer { run.site.remove() }
        // At most 50 are published (WorkBoundsTests): one error at the 51st, none for the row.
        let problems = run.fail()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/results/2020.csv:1:333: error: too many extra columns") == true)
    }

    @Test func tenThousandUnknownColumns() throws {
        let columns = (0..<10_000).map { ",c\($0)" }.joined()
        let run = try Run(["Content/results/2020.csv": Self.header.dropLast() + columns + "\n"])
        defer { run.site.remove() }
        let problems = run.fail()
        #expect(
            problems.first
                == "Content/results/2020.csv:1:43: error: unknown column \"c0\"; the columns are city, kpi, year, value, datapoint, unit, source, note, quality, verified, benchmark, round, and any starting with x-; rename it to x-c0 to keep it as an extra column [unknown-column]"
        )
        // Many unknown columns are summed up, not listed one line each.
        #expect(problems.count == 11)
        #expect(
            problems.last?.hasPrefix(
                "Content/results/2020.csv:1:1: error: 9990 more unknown columns in the header row (10000 in all)")
                == true)
    }

    // MARK: Injection

    static let payload =
        "<script>alert(1)</script><img src=x onerror=alert(2)>\"><svg onload=alert(3)>'><iframe src=javascript:alert(4)>"

    /// YAML single-quoted scalar of `payload`.
    static var yamlPayload: String { "'" + payload.replacingOccurrences(of: "'", with: "''") + "'" }
    /// CSV quoted cell of `payload`.
    static var csvPayload: String { "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    @Test func injectionEverywhereGivesNoExecutableMarkup() throws {
        let p = Self.yamlPayload
        let narrative = """
            ## Heading \(Self.payload)

            \(Self.payload)

            [a](javascript:alert(5)) [b](JaVaScRiPt:alert(6)) [c](vbscript:msgbox(7)) [d](data:text/html,<script>alert(8)</script>)
            <javascript:alert(9)> [e](http://example.org/ "\\" onmouseover=alert(10)") [f](&#106;avascript:alert(11))
            ![alt \(Self.payload)](https://example.org/x.png "\\" onerror=alert(12)")

            <a href="javascript:alert(13)">raw</a> <div onclick="alert(14)">raw</div>

            `<script>alert(15)</script>`

            """
        let site = try TestSite.make([
            "Content/site.yml":
                "title: \(p)\ndescription: \(p)\nbaseURL: https://example.org/scores/\nlanguage: en\ncustom: \(p)\n",
            "Content/cities/karmoy.md":
                "---\nname: \(p)\ncountry: \(p)\nregion: \(p)\npeers: [asker]\ndescription: \(p)\n---\n" + narrative,
            "Content/cities/karmoy/economy.md": "---\ntitle: \(p)\ndescription: \(p)\n---\n" + narrative,
            "Content/pages/methodology.md": "---\ntitle: \(p)\ndescription: \(p)\n---\n" + narrative,
            "Content/pages/about.md": "---\ntitle: \(p)\n---\n" + narrative + "\n## Two\n\n## Three\n",
            "Content/results/2020.csv": "city,kpi,datapoint,year,value,unit,source,note,x-source-url\n"
                + "karmoy,EC: ICT: ICT: 1C,,2020,97,\(Self.csvPayload),\(Self.csvPayload),\(Self.csvPayload),javascript:alert(16)\n"
                + "asker,EC: ICT: ICT: 1C,,2020,97,%,\(Self.csvPayload),x,\"https://example.org/\"\"><script>alert(17)</script>\"\n",
            "Content/targets/goals.csv":
                "city,kpi,datapoint,target,note\nkarmoy,EC: ICT: ICT: 1C,,100,\(Self.csvPayload)\n",
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        let tree = TestSite.tree(site.output)
        let markup = tree.filter { entry in [".html", ".svg", ".xml"].contains { entry.key.hasSuffix($0) } }
        #expect(markup.count > 10)
        var found: [String] = []
        for (path, data) in markup.sorted(by: { $0.key < $1.key }) {
            found += ExecutableMarkup.find(in: String(decoding: data, as: UTF8.self)).map { "\(path): \($0)" }
        }
        #expect(found == [])
        // The payload did reach the pages, as text.
        #expect(site.read("cities/karmoy/index.html")?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
    }

    @Test func theScannerFindsExecutableMarkup() {
        #expect(
            ExecutableMarkup.find(in: "<p>&lt;script&gt; on=1 onload= javascript:</p><a href=\"https://x\">x</a>") == []
        )
        #expect(ExecutableMarkup.find(in: "<SCRIPT>x</SCRIPT>") == ["<script>"])
        #expect(ExecutableMarkup.find(in: "<svg><g onload='x'/></svg>") == ["<g onload>"])
        #expect(ExecutableMarkup.find(in: "<img src=x onerror=alert(1)>") == ["<img onerror>"])
        #expect(
            ExecutableMarkup.find(in: "<a href=\"&#106;ava&#x09;script&colon;alert(1)\">") == ["<a href=javascript:…>"])
        #expect(ExecutableMarkup.find(in: "<a title='>' href=' vbscript:x'>") == ["<a href=vbscript:…>"])
        #expect(ExecutableMarkup.find(in: "<!-- <script> --><iframe src=x>") == ["<iframe>"])
    }
}

/// A small HTML/SVG tag scanner that finds markup a browser would run: script-like elements, event
/// handler attributes, and links or sources with javascript:, vbscript: or data: URLs (entities decoded,
/// tabs and newlines dropped, as browsers do). Text and comments are skipped.
enum ExecutableMarkup {
    static let elements: Set<String> = [
        "script", "iframe", "frame", "object", "embed", "applet", "base", "meta-refresh",
    ]
    static let urlAttributes: Set<String> = [
        "href", "src", "xlink:href", "action", "formaction", "data", "poster", "background",
    ]

    static func find(in text: String) -> [String] {
        var out: [String] = []
        let s = Array(text.unicodeScalars)
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            CharacterSet.alphanumerics.contains(c) || c == "-" || c == ":" || c == "_"
        }
        while i < s.count {
            guard s[i] == "<" else {
                i += 1
                continue
            }
            if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                var j = i + 4
                while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                i = j + 3
                continue
            }
            var j = i + 1
            guard j < s.count, CharacterSet.letters.contains(s[j]) else {
                i += 1
                continue
            }
            while j < s.count, isNameChar(s[j]) { j += 1 }
            let tag = String(String.UnicodeScalarView(s[(i + 1)..<j])).lowercased()
            if elements.contains(tag) { out.append("<\(tag)>") }
            // Attributes until ">".
            while j < s.count, s[j] != ">" {
                while j < s.count, s[j] == " " || s[j] == "\n" || s[j] == "\t" || s[j] == "\r" || s[j] == "/" { j += 1 }
                let nameStart = j
                while j < s.count, s[j] != "=", s[j] != ">", s[j] != " ", s[j] != "\n", s[j] != "\t", s[j] != "/" {
                    j += 1
                }
                let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        let start = j + 1
                        j = start
                        while j < s.count, s[j] != quote { j += 1 }
                        value = String(String.UnicodeScalarView(s[start..<min(j, s.count)]))
                        j += 1
                    } else {
                        let start = j
                        while j < s.count, s[j] != " ", s[j] != ">", s[j] != "\n", s[j] != "\t" { j += 1 }
                        value = String(String.UnicodeScalarView(s[start..<j]))
                    }
                }
                if name.hasPrefix("on") && name.count > 2 { out.append("<\(tag) \(name)>") }
                if urlAttributes.contains(name) {
                    let url = normalizedURL(value)
                    for scheme in ["javascript:", "vbscript:", "data:"] where url.hasPrefix(scheme) {
                        out.append("<\(tag) \(name)=\(scheme)…>")
                    }
                }
                if name.isEmpty && j < s.count && s[j] != ">" { j += 1 }
            }
            i = j + 1
        }
        return out
    }

    /// The URL as a browser reads it: character references decoded, ASCII whitespace and control
    /// characters removed, lowercased.
    static func normalizedURL(_ value: String) -> String {
        var decoded = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            decoded += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) < 12 else {
                decoded.append("&")
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semi].lowercased()
            let named = [
                "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
            ]
            if let text = named[name] {
                decoded += text
            } else if name.hasPrefix("#x"), let n = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(n) {
                decoded.unicodeScalars.append(u)
            } else if name.hasPrefix("#"), let n = UInt32(name.dropFirst()), let u = Unicode.Scalar(n) {
                decoded.unicodeScalars.append(u)
            } else {
                decoded += rest[...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        decoded += rest
        return String(String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
            .lowercased()
    }
}
