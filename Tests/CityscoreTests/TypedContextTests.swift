import CityscoreDiagnostics
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating
import Foundation
import Testing

@testable import CityscorePipeline
@testable import CityscoreRendering

/// Page contexts are Swift types whose fields are declared once: the template value and the
/// documented variables (names, kinds, optionality) both come from that one declaration.
@Suite("Typed page contexts")
struct TypedContextTests {
    struct Part: TemplateRecord {
        var label: String
        static let templateFields: [TemplateField<Self>] = [.field("label", \.label, "a label")]
    }

    struct Sample: TemplateRecord {
        var band: BandFields
        var title: String
        var note: String?
        var shown: Bool
        var html: HTML
        var parts: [Part]
        var extra: Parameters
        static let templateFields: [TemplateField<Self>] = [
            .inline(\.band), .field("title", \.title, "the title"), .field("note", \.note, "a note"),
            .field("shown", \.shown, "a flag"), .field("html", \.html, "some HTML"),
            .field("parts", \.parts, "the parts"), .field("extra", \.extra, "free names"),
        ]
    }

    static let sample = Sample(
        band: BandFields(bandNumber: "2", bandName: "Two", bandClass: "band-2"), title: "T", note: nil, shown: true,
        html: HTML("<b>x</b>"), parts: [Part(label: "a"), Part(label: "b")], extra: Parameters(["k": "v"]))

    /// Kinds come from the Swift types: `String` text, `Bool` flag, `HTML` HTML, arrays lists,
    /// records objects, `Parameters` free names; an optional field is marked optional; an inline
    /// part's fields are the record's own.
    @Test func theVariablesComeFromTheFieldsTypes() {
        let variables = Sample.variables
        #expect(
            variables.map(\.name) == [
                "bandNumber", "bandName", "bandClass", "title", "note", "shown", "html", "parts", "extra",
            ])
        let byName = Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0) })
        #expect(byName["title"]?.kind == .text)
        #expect(byName["title"]?.optional == false)
        #expect(byName["note"]?.kind == .text)
        #expect(byName["note"]?.optional == true)
        #expect(byName["shown"]?.kind == .flag)
        #expect(byName["html"]?.kind == .html)
        #expect(byName["parts"]?.kind == .list(of: .object([ContextVariable("label", .text, "a label")])))
        #expect(byName["extra"]?.kind == .parameters)
        #expect(byName["bandClass"]?.meaning == "CSS class `band-<n>` or `band-none`")
    }

    /// The template value reads the same declaration: every field under its name, a nil optional
    /// left out, an inline part's fields flattened into the object.
    @Test func theTemplateValueReadsTheSameDeclaration() {
        let value = Self.sample.templateValue
        guard case .object(let fields) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(
            Set(fields.keys) == ["bandNumber", "bandName", "bandClass", "title", "shown", "html", "parts", "extra"])
        #expect(fields["bandName"] == "Two")
        #expect(fields["shown"] == .bool(true))
        #expect(fields["html"] == "<b>x</b>")
        #expect(fields["parts"] == .list([["label": "a"], ["label": "b"]]))
        #expect(fields["extra"] == ["k": "v"])
        var withNote = Self.sample
        withNote.note = "n"
        #expect(withNote.templateValue["note"] == "n")
        // What the value holds is what the variables describe, key for key.
        #expect(ThemeReferenceTests.mismatches(value, Sample.templateKind, at: "") == [])
        #expect(ThemeReferenceTests.mismatches(withNote.templateValue, Sample.templateKind, at: "") == [])
    }

    /// A part made once and shared (`Made`) is described by the type that made it, and a record
    /// that shows it inline adds its own fields after it (a later field replaces a hidden one).
    @Test func aSharedPartKeepsItsTypesVariables() {
        let made = Made(Self.sample)
        #expect(Made<Sample>.variables == Sample.variables)
        #expect(made.templateValue == Self.sample.templateValue)
        let row = ActedRow(item: Made(fields: ["code": "EC: ICT: ICT: 1C"]), rowActions: [], noAction: true)
        #expect(row.templateValue == ["code": "EC: ICT: ICT: 1C", "rowActions": .list([]), "noAction": true])
        #expect(ActedRow.variables.map(\.name).suffix(2) == ["rowActions", "noAction"])
        #expect(ActedRow.variables.count == ItemRow.variables.count + 2)
        // The round page's category shows its KPI rows where a score has its count of items.
        let items = RoundCategory.variables.filter { $0.name == "items" }
        #expect(items.count == 1)
        #expect(items.first?.kind == [Made<ItemRow>].templateKind)
    }

    /// Every kind that shows data has a context type; every variable of a kind is described once.
    @Test func everyKindWithDataHasAContextType() {
        for kind in PageKind.allCases where kind != .notFound {
            #expect(kind.contextType != nil, "\(kind)")
            #expect(!kind.contextVariables.isEmpty, "\(kind)")
        }
        #expect(PageKind.notFound.contextType == nil)
        #expect(PageKind.notFound.allContextVariables == ContextVariable.shared)
        let shared = ContextVariable.shared.map(\.name)
        #expect(
            shared == [
                "site", "t", "assets", "nav", "breadcrumbs", "hasBreadcrumbs", "page", "charts", "headedCharts",
                "languages", "hasLanguages", "pager",
            ])
    }

    /// A KPI row is made for the page that shows it (none are kept for every city: issue 20's
    /// memory), and the city's dimension page and the indicator page show the same row: the one
    /// `Display.itemRow` makes for the city's latest year.
    @Test func eachKPIRowIsTheSameOnEveryPage() throws {
        let site = try ThemeReferenceTests.everything()
        defer { site.remove() }
        let renderer = try #require(try Pipeline(siteRoot: site.root, output: nil).prepare().renderer.renderers.first)
        var diagnostics: [Diagnostic] = []
        let parts = renderer.pageParts(diagnostics: &diagnostics)
        let contexts = parts.contexts
        for card in contexts.scorecards {
            for item in card.items {
                let shared = contexts.row(item, of: card)
                let fresh = parts.display.itemRow(item, latestYear: card.coverage.latestYear)
                #expect(shared.made == fresh.fields, "\(card.city.slug) \(item.kpi.code)")
            }
        }
        // The rows on the city's dimension page and the indicator page are those rows, with the
        // fields of their page added.
        let card = try #require(contexts.scorecards.first { $0.city.slug == "rana" })
        let item = try #require(card.items.first { $0.latest != nil })
        let made = contexts.row(item, of: card).made
        let c = try #require(contexts.cityIndex[card.city.slug])
        var seen: Set<PageKind> = []
        for route in renderer.routes.routes {
            let onCityPage = route.kind == .cityDimension && route.place.city == c
            guard onCityPage || route.kind == .indicator else { continue }
            let context = contexts.context(for: route, charts: parts.charts.charts(for: route))
            for row in Self.rows(in: .object(context))
            where row["code"] == made["code"] && row["label"] == made["label"]
                && (onCityPage || row["city"] == .string(card.city.name))
            {
                for (key, value) in made { #expect(row[key] == value, "\(route.path) \(key)") }
                seen.insert(route.kind)
            }
        }
        #expect(seen == [.cityDimension, .indicator])
    }

    /// Every object in `value` that has a `statusClass` of a KPI row.
    static func rows(in value: TemplateValue) -> [[String: TemplateValue]] {
        switch value {
        case .object(let fields):
            let own: [[String: TemplateValue]] =
                (fields["statusClass"].map { if case .string(let s) = $0 { s.hasPrefix("status-") } else { false } }
                    ?? false) ? [fields] : []
            return own + fields.values.flatMap { rows(in: $0) }
        case .list(let items): return items.flatMap { rows(in: $0) }
        case .string, .bool: return []
        }
    }
}
