import CityscorePipeline
import Foundation
import Testing

/// Every link on a page of another language leads to a file the build writes: the framework's names
/// are translated but the pages' addresses are not, and pages one folder deeper (`nb/`) link their
/// shared theme files one level further up.
@Suite struct LanguageLinksTests {
    /// The file a link on the page at `page` leads to, or nil for a link that leaves the site.
    static func target(of href: String, on page: String) -> String? {
        let base = "/scores/"
        var path: String
        if href.hasPrefix("https://example.org/scores/") {
            path = String(href.dropFirst("https://example.org".count))
        } else {
            path = href
        }
        if path.contains("://") || path.hasPrefix("mailto:") || path.hasPrefix("#") { return nil }
        path = String(path.prefix { $0 != "#" && $0 != "?" })
        var parts: [Substring]
        if path.hasPrefix(base) {
            parts = path.dropFirst(base.count).split(separator: "/", omittingEmptySubsequences: false)
        } else if path.hasPrefix("/") {
            return path  // outside the base path: reported as it is
        } else {
            parts = page.split(separator: "/").dropLast() + path.split(separator: "/", omittingEmptySubsequences: false)
        }
        var resolved: [Substring] = []
        for part in parts {
            if part == ".." {
                guard !resolved.isEmpty else { return "../" + path }
                resolved.removeLast()
            } else if part != "." {
                resolved.append(part)
            }
        }
        let joined = resolved.joined(separator: "/")
        return joined.isEmpty || joined.hasSuffix("/") ? joined + "index.html" : joined
    }

    @Test func linksResolveAsABrowserResolvesThem() {
        let report = "nb/cities/asker/report/index.html"
        #expect(Self.target(of: "../../../../theme/site.css", on: report) == "theme/site.css")
        // One level short, as the reports linked before: a file no build writes.
        #expect(Self.target(of: "../../../theme/site.css", on: report) == "nb/theme/site.css")
        #expect(Self.target(of: "/scores/nb/dimensions/okonomi/", on: report) == "nb/dimensions/okonomi/index.html")
        #expect(Self.target(of: "https://example.org/scores/nb/#main", on: report) == "nb/index.html")
        #expect(Self.target(of: "https://www.itu.int/", on: report) == nil)
    }

    @Test func everyLinkOfTheNorwegianPagesLeadsToAWrittenFile() throws {
        let site = try TestSite.make(["Content/site.yml": LanguagesTests.bilingual])
        defer { site.remove() }
        let (files, _) = try LanguagesTests.render(site)
        let pages = files.filter { $0.key.hasPrefix("nb/") && $0.key.hasSuffix(".html") }
        #expect(pages.count > 20)
        #expect(pages.keys.contains { $0.hasSuffix("/report/index.html") })
        let regex = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]+)\"")
        var broken: [String] = []
        for (page, html) in pages {
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let href = String(html[range]).replacingOccurrences(of: "&amp;", with: "&")
                guard let file = Self.target(of: href, on: page) else { continue }
                if files[file] == nil, files[file + "/index.html"] == nil { broken.append("\(page): \(href)") }
            }
        }
        #expect(broken.isEmpty, "\(broken.count) broken: \(broken.sorted().prefix(10))")
    }
}
