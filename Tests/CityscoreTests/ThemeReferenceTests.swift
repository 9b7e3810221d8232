import CityscoreDiagnostics
import CityscoreFormatting
import CityscoreMarkdown
import CityscoreModel
import CityscoreReading
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating
import CityscoreValidation
import Foundation
import Testing

@testable import CityscoreRendering

/// The typed description of every template variable (`ContextVariable`): `Themes/README.md` is made
/// from it, and it holds to the values the contexts really build.
@Suite("Theme reference")
struct ThemeReferenceTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes/README.md")

    @Test func themesREADMEListsEveryVariableOfEveryTemplate() throws {
        let generated = ContextVariable.reference()
        let written = (try? String(contentsOf: Self.readme, encoding: .utf8)) ?? ""
        if generated != written {
            if !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty {
                Issue.record(
                    "Themes/README.md is not what the variables' descriptions give: run swift test without CI set and commit it"
                )
            } else {
                try Data(generated.utf8).write(to: Self.readme)
            }
        }
        for kind in PageKind.allCases { #expect(generated.contains("templates/\(kind.template).mustache")) }
        #expect(generated.contains("| `page.title` | text |"))
        #expect(generated.contains("| `cities[].overall.percent` | text |"))
    }

    /// Every value a page's context holds is described with its type, and every variable described
    /// as always there is there: the descriptions cannot drift from the contexts.
    @Test func everyContextMatchesItsDescription() throws {
        let site = try TestSite.make([
            "Content/pages/about.md": "---\ntitle: About\nmenu: true\n---\n## One\n## Two\n## Three\n",
            "Content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "Content/cities/asker/economy.md": "---\ntitle: Asker's economy\n---\nText.\n",
        ])
        defer { site.remove() }
        let source = try #require(SiteReader(root: site.root).read().0)
        let strings = Strings(source.strings)
        let validated = try #require(SiteValidator().validate(source).0)
        let scorecards = Scorer(site: validated).scorecards()
        let renderer = SiteRenderer(
            site: validated, scorecards: scorecards, theme: source.theme, strings: source.strings)
        var diagnostics: [Diagnostic] = []
        let urls = URLs(config: validated.config)
        let markdown = renderer.renderMarkdown(urls: urls, diagnostics: &diagnostics)
        let display = Display(format: .forLanguage("en"), strings: strings, urls: urls)
        let charts = ChartBuilder(site: validated, scorecards: scorecards, display: display, urls: urls)
        let contexts = Contexts(
            site: validated, scorecards: scorecards, display: display, urls: urls, strings: strings,
            markdown: markdown, routes: renderer.routes)
        var kindsSeen = Set<PageKind>()
        for route in renderer.routes.routes {
            let values = contexts.context(for: route, charts: charts.charts(for: route))
            let problems = Self.mismatches(.object(values), .object(route.kind.allContextVariables), at: "")
            #expect(problems.isEmpty, "\(route.path): \(problems)")
            kindsSeen.insert(route.kind)
        }
        #expect(kindsSeen == Set(PageKind.allCases))
    }

    /// Where `value` differs from what `kind` describes.
    static func mismatches(_ value: TemplateValue, _ kind: ContextVariable.Kind, at path: String) -> [String] {
        switch (value, kind) {
        case (.string, .text), (.string, .html), (.bool, .flag), (_, .parameters): return []
        case (.list(let items), .list(of: let item)):
            return items.flatMap { mismatches($0, item, at: path + "[]") }
        case (.object(let fields), .object(let described)):
            var out: [String] = []
            let byName = Dictionary(described.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for (name, value) in fields {
                guard let variable = byName[name] else {
                    out.append("\(path)\(name) is not described")
                    continue
                }
                out += mismatches(value, variable.kind, at: path + name + ".")
            }
            for variable in described where !variable.optional && fields[variable.name] == nil {
                out.append("\(path)\(variable.name) is described as always there but is missing")
            }
            return out
        default:
            return ["\(path) holds \(value) where \(kind) is described"]
        }
    }
}
