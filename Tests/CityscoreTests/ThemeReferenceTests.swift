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

@testable import CityscorePipeline
@testable import CityscoreRendering

/// The typed description of every template variable (`ContextVariable`): `Themes/README.md` is made
/// from it, and it holds to the values the contexts really build, key for key.
/// `CITYSCORE_WRITE_THEMES_README=1 swift test --filter ThemeReferenceTests` rewrites the README.
@Suite("Theme reference")
struct ThemeReferenceTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let readme = repo.appendingPathComponent("Themes/README.md")

    @Test func themesREADMEIsGeneratedFromTheDescriptions() throws {
        let source = try #require(SiteReader(root: Self.repo.path).read().0)
        let generated = ContextVariable.reference(theme: source.theme)
        if ProcessInfo.processInfo.environment["CITYSCORE_WRITE_THEMES_README"] == "1" {
            try Data(generated.utf8).write(to: Self.readme)
        }
        let written = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(
            written == generated,
            "Themes/README.md has drifted from ContextVariables.swift: run CITYSCORE_WRITE_THEMES_README=1 swift test --filter ThemeReferenceTests and commit it"
        )
        for kind in PageKind.allCases { #expect(generated.contains("templates/\(kind.template).mustache")) }
        #expect(generated.contains("| `page.title` | text |"))
        #expect(generated.contains("| `cities[].overall.percent` | text |"))
        // Every partial of the default theme is listed with the templates that include it.
        let partials = try FileManager.default.contentsOfDirectory(
            atPath: Self.repo.appendingPathComponent("Themes/default/templates/partials").path)
        for file in partials where file.hasSuffix(".mustache") {
            #expect(generated.contains("`partials/\(file.dropLast(".mustache".count))`"), "\(file)")
        }
    }

    /// Every value each page's context holds is described with its type, and every variable
    /// described as always there is there: over the demo site, the fictional programme (three
    /// rounds) and a small site with rounds, actions, changes and free pages, every page kind.
    @Test(arguments: ["demo", "programme", "everything"])
    func everyContextHasExactlyTheDescribedVariables(_ which: String) throws {
        var made: TestSite?
        let root: String
        switch which {
        case "demo": root = Self.repo.path
        case "programme": root = Self.repo.appendingPathComponent("Examples/programme").path
        default:
            let site = try Self.everything()
            made = site
            root = site.root
        }
        defer { made?.remove() }
        var kindsSeen = Set<PageKind>()
        try Self.eachContext(root: root) { route, values in
            let problems = Self.mismatches(.object(values), .object(route.kind.allContextVariables), at: "")
            #expect(problems.isEmpty, "\(which) /\(route.path): \(problems)")
            kindsSeen.insert(route.kind)
        }
        if which == "everything" { #expect(kindsSeen == Set(PageKind.allCases)) }
        if which == "demo" { #expect(kindsSeen.count >= 12) }
    }

    /// A site with one of everything: rounds, actions, changes, free pages with a contents list, a
    /// city's dimension narrative, report PDFs.
    static func everything() throws -> TestSite {
        try TestSite.make([
            "Content/site.yml": TestSite.siteYML + "report_pdf: true\n",
            "Content/cities/rana.md": ActionsTests.rana,
            "Content/results/2020.csv": ActionsTests.results,
            "Content/results/rounds.csv": """
            city,kpi,datapoint,year,round,value,unit,source
            rana,EC: ICT: ICT: 2C,,2017,2017,20,%,Report 2017
            rana,EC: ICT: ICT: 2C,,2019,2019,97,%,Report 2019

            """,
            "Content/actions/asker-resilience.md": ActionsTests.resilience,
            "Content/changes/2026-11-30.md": ChangesTests.entry,
            "Content/pages/about.md": "---\ntitle: About\nmenu: true\n---\n## One\n## Two\n## Three\n",
            "Content/pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "Content/cities/asker/economy.md": "---\ntitle: Asker's economy\n---\nText.\n",
        ])
    }

    /// Every route of the site at `root` with its context, as rendering builds it.
    static func eachContext(root: String, _ body: (Route, [String: TemplateValue]) throws -> Void) throws {
        // As the pipeline prepares it (the record of changes is read after validation), in every
        // language of the site.
        for renderer in try Pipeline(siteRoot: root, output: nil).prepare().renderer.renderers {
            var diagnostics: [Diagnostic] = []
            let parts = renderer.pageParts(diagnostics: &diagnostics)
            for route in renderer.routes.routes {
                try body(route, parts.contexts.context(for: route, charts: parts.charts.charts(for: route)))
            }
        }
    }

    /// Where `value` differs from what `kind` describes.
    static func mismatches(_ value: TemplateValue, _ kind: ContextVariable.Kind, at path: String) -> [String] {
        switch (value, kind) {
        case (.string, .text), (.string, .html), (.bool, .flag), (.object, .parameters): return []
        case (.list(let items), .list(of: let item)):
            return items.flatMap { mismatches($0, item, at: path + "[]") }
        case (.object(let fields), .object(let described)):
            var out: [String] = []
            let byName = Dictionary(described.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
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
            return ["\(path) holds \(shape(of: value)) where \(ContextVariable.typeName(kind)) is described"]
        }
    }

    /// The kind of a value, in a word.
    static func shape(of value: TemplateValue) -> String {
        switch value {
        case .string: "text"
        case .bool: "flag"
        case .list: "list"
        case .object: "object"
        }
    }

    /// Names described twice in one object (the first would hide the second in the reference).
    static func duplicates(_ variables: [ContextVariable], at path: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for v in variables {
            if !seen.insert(v.name).inserted { out.append(path + v.name) }
            switch v.kind {
            case .object(let fields), .list(of: .object(let fields)): out += duplicates(fields, at: path + v.name + ".")
            default: break
            }
        }
        return out
    }

    @Test func noVariableIsDescribedTwice() {
        for kind in PageKind.allCases {
            #expect(
                Self.duplicates(kind.allContextVariables, at: "").isEmpty,
                "\(kind): \(Self.duplicates(kind.allContextVariables, at: ""))")
        }
    }

    /// The checker itself: an undescribed key, a missing one and a wrong type are each found.
    @Test func theComparisonFindsEveryKindOfDrift() {
        let described = ContextVariable.Kind.object([
            ContextVariable("title", .text, "t"), ContextVariable("flag", .flag, "f"),
            ContextVariable("note", .text, "n", optional: true),
        ])
        #expect(Self.mismatches(["title": "a", "flag": true], described, at: "") == [])
        #expect(
            Self.mismatches(["title": "a", "flag": true, "extra": "x"], described, at: "") == ["extra is not described"]
        )
        #expect(
            Self.mismatches(["title": "a"], described, at: "") == ["flag is described as always there but is missing"])
        #expect(Self.mismatches(["title": "a", "flag": "yes"], described, at: "").count == 1)
    }
}
