import CityscoreDiagnostics
import CityscoreMarkdown
import CityscoreModel
import CityscorePipeline
import CityscoreTemplating
import Dispatch
import Foundation
import Testing

/// Bounds on work and output: each limit ends in a clear error (or a shortened text), never in a
/// crash, gigabytes of output or hours of work.
@Suite("Work bounds")
struct WorkBoundsTests {
    static let header = "city,kpi,datapoint,year,value,unit,source"

    /// Seconds `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// A results file with `extras` x- columns named from `first` on, and two rows.
    static func results(extras: Int, from first: Int = 1) -> (text: String, columnOf51st: Int) {
        let names = (first..<first + extras).map { "x-note-\($0)" }
        let header = Self.header + names.map { "," + $0 }.joined()
        let row1 = "karmoy,EC: ICT: ICT: 1C,,2020,97,%,Report" + String(repeating: ",n", count: extras)
        let row2 = "asker,EC: P: EM: 1C,,2020,2.5,%,Report" + String(repeating: ",n", count: extras)
        let before51st = Self.header.utf8.count + names.prefix(50).reduce(0) { $0 + 1 + $1.utf8.count }
        return (header + "\n" + row1 + "\n" + row2 + "\n", before51st + 2)
    }

    // MARK: 1. x- columns

    @Test func fiftyExtraColumnsArePublished() throws {
        let site = try TestSite.make(["Content/results/2020.csv": Self.results(extras: 50).text])
        defer { site.remove() }
        #expect(site.build() == [])
        let csv = try #require(site.read("data/results.csv"))
        let header = try #require(csv.split(separator: "\n").first)
        #expect(
            header.split(separator: ",").count == DataColumns.results.count + 50 + DataColumns.resultsComputed.count)
    }

    @Test func the51stExtraColumnIsAnErrorAtItsHeaderCell() throws {
        let (text, column) = Self.results(extras: 51)
        let site = try TestSite.make(["Content/results/2020.csv": text])
        defer { site.remove() }
        #expect(
            site.build() == [
                "Content/results/2020.csv:1:\(column): error: too many extra columns: \"x-note-51\" is x- column number 51 of the results, and cityscore publishes at most 50; remove the x- columns you do not need to publish, or keep them in another sheet [too-many-extra-columns]"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func theLimitCountsDifferentNamesAcrossFiles() throws {
        // 30 names in one file and 30 others in the second: the 21st of the second is the 51st.
        let second = Self.results(extras: 30, from: 31).text.replacingOccurrences(of: ",2020,", with: ",2019,")
        let site = try TestSite.make([
            "Content/results/2020.csv": Self.results(extras: 30).text, "Content/results/2021.csv": second,
        ])
        defer { site.remove() }
        let problems = site.build()
        #expect(problems.count == 1)
        let column = Self.header.utf8.count + (31...50).reduce(0) { $0 + "x-note-\($1)".utf8.count + 1 } + 2
        #expect(
            problems.first?.hasPrefix("Content/results/2021.csv:1:\(column): error: too many extra columns") == true)
    }

    @Test func twentyThousandExtraColumnsAreOneErrorAndLittleWork() throws {
        let site = try TestSite.make(["Content/results/2020.csv": Self.results(extras: 20_000).text])
        defer { site.remove() }
        var problems: [String] = []
        let time = Self.seconds { problems = site.build() }
        // One error for the header; the rows, 20,007 cells like the header, are not miscounted.
        #expect(problems.count == 1)
        #expect(problems.first?.contains("x- column number 51") == true)
        #expect(time < 10)
    }

    // MARK: 2. Descriptions

    @Test func aShortParagraphIsTheWholeDescription() {
        #expect(Summary.cut("Asker's narrative.") == "Asker's narrative.")
        #expect(Summary.cut(String(repeating: "a", count: 300)) == String(repeating: "a", count: 300))
    }

    @Test func aLongParagraphIsCutAfterAWord() {
        let text = String(repeating: "sustainable city ", count: 100)
        let cut = Summary.cut(text)
        #expect(cut.hasSuffix("city…") || cut.hasSuffix("sustainable…"))
        #expect(cut.count <= Summary.limit + 1)
        #expect(cut.count > Summary.limit - 20)
        #expect(text.hasPrefix(String(cut.dropLast())))
    }

    @Test func aWordLongerThanHalfTheLimitIsCutInside() {
        let cut = Summary.cut("short " + String(repeating: "x", count: 1000))
        #expect(cut.count == Summary.limit + 1)
        #expect(cut.hasSuffix("x…"))
    }

    @Test func graphemesAreNeverSplit() {
        // "é" as e + combining acute, and a family emoji of 7 scalars: one Character each.
        let accented = String(repeating: "e\u{301}", count: 400)
        let cut = Summary.cut(accented)
        #expect(cut.count == Summary.limit + 1)
        #expect(cut.dropLast().allSatisfy { $0 == "e\u{301}" })
        let family = String(repeating: "👨‍👩‍👧‍👦", count: 301)
        #expect(Summary.cut(family).dropLast().allSatisfy { $0 == "👨‍👩‍👧‍👦" })
        // A text cut short by its reader loses its last Character, which may be incomplete.
        #expect(Summary.cut("ab e", truncated: true) == "ab…")
    }

    @Test func aHugeParagraphGivesAShortDescriptionQuickly() {
        let words = String(repeating: "word ", count: 2_000_000)  // 10 MB in one paragraph
        var rendered: RenderedMarkdown?
        let time = Self.seconds { rendered = MarkdownRenderer().render(words, path: "Content/pages/long.md") }
        let summary = rendered?.summary ?? ""
        #expect(summary.count <= Summary.limit + 1)
        #expect(summary.hasSuffix("word…"))
        #expect(time < 10)
    }

    @Test func combiningMarksWithoutEndStayWithinTheByteBudget() {
        // Each Character is a letter with 5,000 combining marks: the reader stops after a few
        // kilobytes, and the description keeps only whole Characters.
        let zalgo = String(repeating: "a" + String(repeating: "\u{301}", count: 5_000), count: 20)
        let summary = MarkdownRenderer().render(zalgo, path: "Content/pages/z.md").summary
        #expect(summary.utf8.count <= 300 * 16 + 3)
        #expect(summary == "…")
        let mixed = "Plain words " + zalgo
        #expect(MarkdownRenderer().render(mixed, path: "Content/pages/z.md").summary == "Plain words…")
    }

    @Test func aPageWithAHugeParagraphIsNotThreeTimesItsSize() throws {
        let paragraph = String(repeating: "word ", count: 400_000)  // 2 MB
        let site = try TestSite.make(["Content/pages/long.md": "---\ntitle: Long\n---\n" + paragraph + "\n"])
        defer { site.remove() }
        #expect(site.build() == [])
        let html = try #require(site.read("long/index.html"))
        #expect(html.utf8.count < paragraph.utf8.count + 100_000)
        let meta = try #require(html.range(of: "<meta name=\"description\" content=\""))
        let content = html[meta.upperBound...].prefix { $0 != "\"" }
        #expect(content.count <= Summary.limit + 1)
        #expect(content.hasSuffix("word…"))
    }

    // MARK: 3. Page size

    /// Partials `p0`…`p<depth>` where each includes the next twice: 2^depth copies of the leaf.
    static func doubling(depth: Int, leaf: String) -> [(name: String, text: String)] {
        (0..<depth).map { ("p\($0)", "{{>p\($0 + 1)}}\n{{>p\($0 + 1)}}\n") } + [("p\(depth)", leaf)]
    }

    @Test func aPageOverTheLimitStopsAtTheTagBeingWritten() throws {
        let main = "<html>\n<body>\n  {{#items}}{{>row}}{{/items}}\n</body>\n"
        let (library, errors) = TemplateLibrary.compile([("main", main), ("row", "<p>{{.}}</p>\n")])
        #expect(errors.isEmpty)
        let items = TemplateValue.list((0..<1000).map { .string("item \($0)") })
        let context = TemplateValue.object(["items": items])
        #expect(throws: Never.self) { _ = try library.render("main", context: context) }
        #expect {
            _ = try library.render("main", context: context, limit: 1_000)
        } throws: { error in
            // The innermost tag being written: the partial in the section, at line 3, column 13.
            guard let error = error as? TemplateError else { return false }
            return error.template == "main" && error.line == 3 && error.column == 13
                && error.message == "this page would be larger than 1000 bytes; writing stopped here"
        }
    }

    @Test func aPageOfExactlyTheLimitIsWritten() throws {
        let (library, _) = TemplateLibrary.compile([("main", "{{#items}}{{.}}{{/items}}")])
        let context = TemplateValue.object(["items": .list(Array(repeating: .string("0123456789"), count: 100))])
        #expect(try library.render("main", context: context, limit: 1_000).utf8.count == 1_000)
        #expect(throws: TemplateError.self) { _ = try library.render("main", context: context, limit: 999) }
    }

    @Test func partialsThatDoubleAtEachLevelCostNoMoreThanTheLimit() throws {
        // 2^40 copies of the leaf if nothing stopped it.
        let (library, errors) = TemplateLibrary.compile(
            [("main", "<h1>Title</h1>\n{{>p0}}")] + Self.doubling(depth: 40, leaf: "<p>leaf</p>\n"))
        #expect(errors.isEmpty)
        var thrown: TemplateError?
        let time = Self.seconds {
            do throws(TemplateError) {
                _ = try library.render("main", context: .object([:]), limit: 64 * 1024)
            } catch { thrown = error }
        }
        let error = try #require(thrown)
        #expect(error.template.hasPrefix("p"))
        #expect(error.line >= 1 && error.column == 1)
        #expect(time < 2)
    }

    @Test func aBuildRefusesAPageOverFiftyMegabytesAtItsTemplate() throws {
        var overrides: [String: String?] = [
            "Themes/default/templates/404.mustache": "<h1>Lost</h1>\n\n{{>partials/p0}}\n"
        ]
        // 2^10 copies of a 64 KB leaf: 64 MB, stopped at 50 MB.
        for (name, text) in Self.doubling(depth: 10, leaf: String(repeating: "<p>lost</p>\n", count: 5_600)) {
            overrides["Themes/default/templates/partials/\(name).mustache"] = text.replacingOccurrences(
                of: "{{>p", with: "{{>partials/p")
        }
        let site = try TestSite.make(overrides)
        defer { site.remove() }
        var problems: [String] = []
        let time = Self.seconds { problems = site.build() }
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.hasPrefix("Themes/default/templates/partials/p"))
        #expect(problem.contains(": error: template: this page would be larger than 50 MB; writing stopped here"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
        #expect(time < 30)
    }

    // MARK: 4. Diagnostics

    @Test func aReportShowsFiveHundredProblemsAndCountsTheRest() {
        let diagnostics = (1...2_000).reversed().map {
            Diagnostic.error(
                "bad value", at: SourceLocation(path: "Content/results/2020.csv", line: $0 + 1, column: 5),
                code: .notANumber)
        }
        let lines = DiagnosticReport.text(diagnostics + diagnostics.prefix(10)).split(separator: "\n")
        #expect(lines.count == 502)
        #expect(lines.first == "Content/results/2020.csv:2:5: error: bad value [not-a-number]")
        #expect(lines[499] == "Content/results/2020.csv:501:5: error: bad value [not-a-number]")
        #expect(lines[500] == "… and 1,500 more problems (not shown)")
        #expect(lines[501] == "2,000 errors")
        #expect(DiagnosticReport.text([]) == "")
        #expect(DiagnosticReport.text(Array(diagnostics.prefix(3))).split(separator: "\n").count == 4)
    }

    @Test(arguments: ["check", "build"])
    func twoThousandBadRowsPrintFiveHundredLinesAndTheCount(command: String) throws {
        let rows = (1...2_000).map { "karmoy,EC: ICT: ICT: 1C,,y\($0),97,%,Report\n" }.joined()
        let site = try TestSite.make(["Content/results/2020.csv": Self.header + "\n" + rows])
        defer { site.remove() }
        let (status, text) = try CityscoreBinary.run([command, "--site", site.root])
        #expect(status == 1)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 502)
        #expect(lines.first?.hasPrefix("Content/results/2020.csv:2:26: error: ") == true)
        #expect(lines.dropLast(2).allSatisfy { $0.hasPrefix("Content/results/2020.csv:") })
        #expect(lines[500] == "… and 1,500 more problems (not shown)")
        #expect(lines[501] == "2,000 errors")
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    // MARK: 5. Output path lengths

    @Test func aCitySlugOf252CharactersFailsCheckAndBuildAlike() throws {
        let slug = String(repeating: "k", count: 252)
        let site = try TestSite.make(["Content/cities/\(slug).md": "---\nname: Long\n---\nText.\n"])
        defer { site.remove() }
        let checked = site.check()
        #expect(checked.count == 1)
        let problem = try #require(checked.first)
        #expect(problem.hasPrefix("Content/cities/\(slug).md:1:1: error: the city slug \"kkkk"))
        #expect(problem.contains("within 200 bytes"))
        #expect(problem.contains("rename the file to a shorter one, e.g. "))
        #expect(site.build() == checked)
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func theLongestCitySlugAllowedMakesPathsOfAtMost200Bytes() throws {
        // With the built-in framework, the longest path of a city is a chart of its longest dimension.
        let probe = try TestSite.make(["Content/cities/\(String(repeating: "k", count: 240)).md": "---\nname: L\n---\n"]
        )
        let message = probe.check().first ?? ""
        probe.remove()
        let room = try #require(
            message.range(of: "at most ").flatMap { Int(message[$0.upperBound...].prefix { $0.isNumber }) })
        let slug = String(repeating: "k", count: room)
        let site = try TestSite.make(["Content/cities/\(slug).md": "---\nname: Long\n---\nText.\n"])
        defer { site.remove() }
        #expect(site.build() == [])
        let longest = TestSite.tree(site.output).keys.map(\.utf8.count).max() ?? 0
        #expect(longest == 200)
        let tooLong = try TestSite.make(["Content/cities/\(slug)k.md": "---\nname: Long\n---\nText.\n"])
        defer { tooLong.remove() }
        #expect(tooLong.build().count == 1)
    }

    @Test func aPageSlugIsLimitedTo189Characters() throws {
        let fits = String(repeating: "p", count: 189)
        let site = try TestSite.make(["Content/pages/a.md": "---\ntitle: A\nslug: \(fits)\n---\nText.\n"])
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(site.read("\(fits)/index.html") != nil)

        let long = try TestSite.make(["Content/pages/a.md": "---\ntitle: A\nslug: \(fits)p\n---\nText.\n"])
        defer { long.remove() }
        let checked = long.check()
        #expect(long.checkCodes() == ["Content/pages/a.md:3:1 path-too-long"])
        #expect(
            checked.first?.hasSuffix("set a shorter slug in the front matter, e.g. \"slug: \(fits)\" [path-too-long]")
                == true)
        #expect(long.build() == checked)
    }
}
