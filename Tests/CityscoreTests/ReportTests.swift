import CityscoreConcurrency
import Foundation
import Testing

@testable import CityscoreRendering
@testable import CityscoreReport

/// The printed reports: the report pages `build` writes, the PDF printer's parts, and
/// `cityscore report` without a browser or with a stand-in for one.
@Suite("Reports")
struct ReportTests {
    /// The text between `<td class="num value">` and its first `<`: each KPI value as a
    /// city × dimension page shows it.
    static func shownValues(_ html: String) -> [String] {
        html.components(separatedBy: "<td class=\"num value\">").dropFirst().compactMap {
            $0.split(separator: "<", maxSplits: 1).first.map(String.init)
        }
    }

    @Test("build writes a report page for every city and one for the programme, in print layout")
    func pagesAreWritten() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let city = try #require(site.read("cities/karmoy/report/index.html"))
        let programme = try #require(site.read("report/index.html"))
        #expect(site.read("cities/asker/report/index.html") != nil)
        // Cover, contents, the U4SSC table's columns, every chapter, the method, paged media.
        for text in [
            "City sustainability report", "<h1>Karmøy</h1>", "Contents", "data-toc=\"summary\"",
            "<th scope=\"col\">Category</th><th scope=\"col\">KPI / data point</th>",
            ">Result</th>", ">Target</th>", ">Achievement</th>", ">Band</th>", "What was not reported",
            "What has no benchmark", "Where to act next", "Sources", "Method", "@page { size: A4;",
            "counter(page)", "counter(pages)", "<title>Karmøy: city report – Test scorecards</title>",
            "<html lang=\"en\">", "../../../theme/report.css",
        ] {
            #expect(city.contains(text), "the city report lacks \(text)")
        }
        // Chart data tables are open (no <details>), charts keep their text alternative.
        #expect(!city.contains("<details"))
        #expect(city.contains("class=\"report-chart-data\""))
        #expect(city.contains("role=\"img\"") || city.contains("aria-labelledby"))
        #expect(programme.contains("Programme report"))
        #expect(programme.contains("Karmøy") && programme.contains("Asker"))
        #expect(programme.contains("../theme/report.css"))
        #expect(site.read("theme/report.css")?.contains("break-inside: avoid") == true)
    }

    @Test("every KPI value of a city is in its report as its dimension page shows it")
    func valuesMatchThePages() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let report = try #require(site.read("cities/karmoy/report/index.html"))
        let page = try #require(site.read("cities/karmoy/economy/index.html"))
        let values = Self.shownValues(page).filter { !$0.contains("not reported") && !$0.contains("no value") }
        #expect(!values.isEmpty)
        for value in values {
            #expect(report.contains(">\(value)"), "the report lacks the value \(value)")
        }
        // A not-reported data point is listed as such, not in the KPI table.
        #expect(report.contains("id=\"not-reported\""))
        #expect(report.contains("(4G)"))
    }

    @Test("report_paper: letter prints on Letter; report_pdf: true links each report's PDF")
    func paperAndPDFLink() throws {
        let plain = try TestSite.make()
        defer { plain.remove() }
        #expect(plain.build().isEmpty)
        #expect(plain.read("cities/karmoy/report/index.html")?.contains(".pdf") == false)
        let site = try TestSite.make(["Content/site.yml": TestSite.siteYML + "report_paper: letter\nreport_pdf: true\n"]
        )
        defer { site.remove() }
        // The PDFs themselves are printed by the command-line tool after the build.
        #expect(site.build().isEmpty)
        let city = try #require(site.read("cities/karmoy/report/index.html"))
        #expect(city.contains("@page { size: letter;"))
        #expect(city.contains("href=\"../../../reports/karmoy.pdf\""))
        #expect(site.read("report/index.html")?.contains("href=\"../reports/programme.pdf\"") == true)
    }

    @Test("a wrong report_paper or report_pdf is an error at its line; report is a reserved page name")
    func settingsAreChecked() throws {
        let site = try TestSite.make(["Content/site.yml": TestSite.siteYML + "report_paper: legal\nreport_pdf: maybe\n"]
        )
        defer { site.remove() }
        let problems = site.check()
        #expect(problems.contains { $0.contains("site.yml:4:") && $0.contains("\"report_paper\" cannot be \"legal\"") })
        #expect(problems.contains { $0.contains("site.yml:5:") && $0.contains("\"report_pdf\" cannot be \"maybe\"") })
        let page = try TestSite.make(["Content/pages/report.md": "---\ntitle: Report\n---\nText.\n"])
        defer { page.remove() }
        #expect(page.check().contains { $0.contains("Content/pages/report.md") })
    }

    @Test("running-header texts become CSS strings that cannot end the style element")
    func cssStrings() {
        #expect(Contexts.cssString("Ålesund") == "\"Ålesund\"")
        #expect(Contexts.cssString("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(Contexts.cssString("</style><script>") == "\"\\3c /style\\3e \\3c script\\3e \"")
        #expect(Contexts.cssString("two\nlines") == "\"two\\a lines\"")
    }

    @Test("the page of every named destination is read from a PDF, through a nested page tree")
    func destinations() {
        let pdf = """
            %PDF-1.4
            1 0 obj
            <</Type /Catalog
            /Pages 2 0 R
            /Dests 9 0 R>>
            endobj
            2 0 obj
            <</Type /Pages
            /Count 3
            /Kids [3 0 R 4 0 R]>>
            endobj
            3 0 obj
            <</Type /Page
            /Parent 2 0 R>>
            endobj
            4 0 obj
            <</Type /Pages
            /Kids [5 0 R 6 0 R]>>
            endobj
            5 0 obj
            <</Type /Page>>
            endobj
            6 0 obj
            <</Type /Page
            /Contents 7 0 R>>
            endobj
            7 0 obj
            <</Length 10>> stream
            /fake [3 0 R]
            endstream
            endobj
            9 0 obj
            <</summary [3 0 R /XYZ 6 827 0]
            /dimension-economy [5 0 R /XYZ 6 827 0]
            /act#2Dnext [6 0 R /XYZ 6 800 0]>>
            endobj
            """
        let pages = PDFDestinations.pages(in: Array(pdf.utf8))
        #expect(pages == ["summary": 1, "dimension-economy": 2, "act-next": 3])
        #expect(PDFDestinations.pages(in: Array("not a PDF".utf8)).isEmpty)
    }

    @Test("the table of contents gets the page numbers found, and only those")
    func contentsFilled() {
        let html = """
            <li><a href="#a"><span class="toc-text">A</span><span class="toc-page" data-toc="a"></span></a></li>
            <li><a href="#b"><span class="toc-text">B</span><span class="toc-page" data-toc="b"></span></a></li>
            """
        let filled = ReportPrinter.fillContents(html, pages: ["a": 3])
        #expect(filled.contains("data-toc=\"a\">3</span>"))
        #expect(filled.contains("data-toc=\"b\"></span>"))
        #expect(ReportPrinter.fillContents(html, pages: [:]) == html)
    }

    @Test("the browser is found on PATH by its names, or as given; a folder or a missing file is none")
    func browserLookup() throws {
        let folder = NSTemporaryDirectory() + "/cityscore-browser-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/chromium-browser", withIntermediateDirectories: true)
        #expect(Browser.find(searchPath: folder) == nil)
        let chrome = folder + "/google-chrome"
        #expect(FileManager.default.createFile(atPath: chrome, contents: Data("#!/bin/sh\n".utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: chrome)
        #expect(Browser.find(searchPath: "/nonexistent:" + folder)?.path == chrome)
        #expect(Browser.find(explicit: folder + "/nope", searchPath: folder) == nil)
        #expect(Browser.find(explicit: folder, searchPath: folder) == nil)
        #expect(Browser.find(explicit: chrome, searchPath: "")?.path == chrome)
        #expect(Browser.missingMessage(explicit: nil).contains("sudo apt-get install -y chromium"))
    }

    @Test("cityscore report without a browser exits 1 and prints the command that installs one")
    func noBrowser() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let empty = site.root + "/empty-bin"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let run = try CIFormatTests.run(["report", "--site", site.root], in: site.root, environment: ["PATH": empty])
        #expect(run.status == 1)
        #expect(run.err.contains("sudo apt-get install -y chromium"))
        #expect(run.err.contains("--browser"))
        #expect(run.err.contains("[no-browser]"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/reports"))
        let given = try CIFormatTests.run(
            ["report", "--site", site.root, "--browser", site.root + "/nope"], in: site.root)
        #expect(given.status == 1)
        #expect(given.err.contains("\(site.root)/nope"))
    }

    /// A stand-in for Chromium: writes a small PDF where `--print-to-pdf=` says and reports it as
    /// Chromium does; it also records the page it was given.
    static let fakeBrowser = """
        #!/bin/sh
        out=""; page=""
        for a in "$@"; do
          case "$a" in
            --print-to-pdf=*) out="${a#--print-to-pdf=}" ;;
            file://*) page="$a" ;;
          esac
        done
        printf '%%PDF-1.4\\n%% %s\\n' "$page" > "$out"
        echo "$page" >> "$(dirname "$0")/pages.log"
        echo "42 bytes written to file $out" >&2
        """

    @Test("cityscore report prints every city and the programme, or the cities asked for; an unknown city is named")
    func printsWithABrowser() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let browser = site.root + "/bin/chromium"
        try FileManager.default.createDirectory(atPath: site.root + "/bin", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: browser, contents: Data(Self.fakeBrowser.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser)
        let path = site.root + "/bin:/usr/bin:/bin"
        let all = try CIFormatTests.run(["report", "--site", site.root], in: site.root, environment: ["PATH": path])
        #expect(all.status == 0, "\(all.err)")
        for name in ["karmoy", "asker", "programme"] {
            let pdf = FileManager.default.contents(atPath: site.root + "/reports/\(name).pdf")
            #expect(pdf.map { $0.starts(with: Array("%PDF".utf8)) } == true, "\(name).pdf")
        }
        #expect(all.out.contains("printed 3 reports"))
        #expect(all.err.contains("3 of 3"))
        let log = String(
            decoding: FileManager.default.contents(atPath: site.root + "/bin/pages.log") ?? Data(), as: UTF8.self)
        #expect(log.contains("/cities/karmoy/report/index.html"))

        let one = try CIFormatTests.run(
            ["report", "--site", site.root, "--output", site.root + "/one", "--city", "asker", "--browser", browser],
            in: site.root)
        #expect(one.status == 0, "\(one.err)")
        let written = try FileManager.default.contentsOfDirectory(atPath: site.root + "/one")
        #expect(written == ["asker.pdf"])

        let wrong = try CIFormatTests.run(
            ["report", "--site", site.root, "--city", "karmy", "--browser", browser], in: site.root)
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("no city \"karmy\""))
        #expect(wrong.err.contains("karmoy"))
        #expect(wrong.err.contains("[unknown-city]"))

        // A browser that prints nothing: each report is named with the code print-failed.
        let broken = site.root + "/broken-chromium"
        #expect(FileManager.default.createFile(atPath: broken, contents: Data("#!/bin/sh\nexit 3\n".utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: broken)
        let failed = try CIFormatTests.run(
            ["report", "--site", site.root, "--city", "asker", "--browser", broken], in: site.root)
        #expect(failed.status == 1)
        #expect(failed.err.contains("[print-failed]"))
    }

    @Test("build with report_pdf: true prints the reports into the site, beside the pages that link them")
    func buildPrintsIntoTheSite() throws {
        let site = try TestSite.make(["Content/site.yml": TestSite.siteYML + "report_pdf: true\n"])
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.root + "/bin", withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: site.root + "/bin/chromium", contents: Data(Self.fakeBrowser.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.root + "/bin/chromium")
        let run = try CIFormatTests.run(
            ["build", "--site", site.root], in: site.root, environment: ["PATH": site.root + "/bin:/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.err)")
        #expect(FileManager.default.fileExists(atPath: site.output + "/reports/karmoy.pdf"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/reports/programme.pdf"))
        #expect(site.read("cities/karmoy/report/index.html")?.contains("../../../reports/karmoy.pdf") == true)
        // No leftovers of the second pass beside the pages.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.output + "/cities/karmoy/report")
        #expect(leftovers == ["index.html"])
        let without = try CIFormatTests.run(
            ["build", "--site", site.root], in: site.root, environment: ["PATH": site.root + "/none"])
        #expect(without.status == 1)
        #expect(without.err.contains("report_pdf: true"))
        #expect(without.err.contains("Content/site.yml"))
        #expect(without.err.contains("[no-browser]"))
    }

    @Test("a site in two languages prints each language's reports, and each report page links its own")
    func eachLanguagePrintsItsReports() throws {
        let site = try TestSite.make([
            "Content/site.yml": TestSite.siteYML.replacingOccurrences(of: "language: en", with: "languages: [en, nb]")
                + "report_pdf: true\n"
        ])
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.root + "/bin", withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: site.root + "/bin/chromium", contents: Data(Self.fakeBrowser.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.root + "/bin/chromium")
        let environment = ["PATH": site.root + "/bin:/usr/bin:/bin"]
        let run = try CIFormatTests.run(["build", "--site", site.root], in: site.root, environment: environment)
        #expect(run.status == 0, "\(run.err)")
        for folder in ["", "nb/"] {
            #expect(FileManager.default.fileExists(atPath: site.output + "/\(folder)reports/karmoy.pdf"), "\(folder)")
            #expect(
                FileManager.default.fileExists(atPath: site.output + "/\(folder)reports/programme.pdf"), "\(folder)")
        }
        // The Norwegian page links the Norwegian PDF, from one folder deeper.
        #expect(site.read("cities/karmoy/report/index.html")?.contains("\"../../../reports/karmoy.pdf\"") == true)
        #expect(
            site.read("nb/cities/karmoy/report/index.html")?.contains("\"../../../../nb/reports/karmoy.pdf\"") == true)
        #expect(site.read("nb/report/index.html")?.contains("\"../../nb/reports/programme.pdf\"") == true)
        // `cityscore report` writes the further language's PDFs into a folder of their own.
        let out = site.root + "/pdf"
        let printed = try CIFormatTests.run(
            ["report", "--site", site.root, "--output", out, "--city", "asker"], in: site.root, environment: environment
        )
        #expect(printed.status == 0, "\(printed.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/asker.pdf"))
        #expect(FileManager.default.fileExists(atPath: out + "/nb/asker.pdf"))
        #expect(!FileManager.default.fileExists(atPath: out + "/nb/karmoy.pdf"))
    }
}
