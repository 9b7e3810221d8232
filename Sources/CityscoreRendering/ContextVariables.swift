import CityscoreReading
import CityscoreRouting
import CityscoreTemplating

/// One variable a template receives: its name, what it holds and what it means. The variables are
/// not written by hand: each page kind's context is a type (`PageKind.contextType`) whose fields
/// are declared once (`TemplateRecord`), and its variables come from those declarations, their
/// kinds from the fields' Swift types. `Themes/README.md` is generated from them, `check` reports a
/// template name none of them provides, and a test holds them to the values the contexts build.
public struct ContextVariable: Sendable, Equatable {
    /// What a variable holds.
    public indirect enum Kind: Sendable, Equatable {
        case text
        /// Text that is HTML already: write it with `{{{name}}}`.
        case html
        case flag
        case object([ContextVariable])
        /// An object with whatever names the site's files give (free parameters).
        case parameters
        case list(of: Kind)
    }

    public var name: String
    public var kind: Kind
    /// One line: what it is.
    public var meaning: String
    /// Whether some pages leave it out (then `{{#name}}…{{/name}}` shows a part only when it is there).
    public var optional: Bool

    init(_ name: String, _ kind: Kind, _ meaning: String, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.meaning = meaning
        self.optional = optional
    }

    /// The shape the template checker walks.
    var shape: TemplateShape { Self.shape(kind) }

    static func shape(_ kind: Kind) -> TemplateShape {
        switch kind {
        case .text, .html: .text
        case .flag: .flag
        case .parameters: .anyObject
        case .list(let item): .list(shape(item))
        case .object(let fields):
            .object(Dictionary(fields.map { ($0.name, $0.shape) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The shape of the context of a page whose variables are `variables`.
    static func shape(of variables: [ContextVariable]) -> TemplateShape { shape(.object(variables)) }
}

extension PageKind {
    /// The type of the context of this kind's pages, beyond the variables every page shares; nil
    /// for a kind that shows only those (the 404 page). A kind without data of its own needs no arm.
    var contextType: (any PageContext.Type)? {
        switch self {
        case .home: HomePage.self
        case .cities: CitiesPage.self
        case .city: CityPage.self
        case .cityDimension: CityDimensionPage.self
        case .cityRound: CityRoundPage.self
        case .dimensions: DimensionsPage.self
        case .dimension: DimensionPage.self
        case .indicators: IndicatorsPage.self
        case .indicator: IndicatorPage.self
        case .programme: ProgrammePage.self
        case .page: FreePage.self
        case .methodology: MethodologyPage.self
        case .cityReport: CityReportPage.self
        case .programmeReport: ProgrammeReportPage.self
        case .action: ActionPage.self
        case .changes: ChangesPageContext.self
        default: nil
        }
    }

    /// The variables the templates of this kind receive, beyond those every page shares: the
    /// fields of its context type.
    public var contextVariables: [ContextVariable] { contextType?.variables ?? [] }

    /// Every variable of this kind's templates: the shared ones, then the kind's own.
    public var allContextVariables: [ContextVariable] { ContextVariable.shared + contextVariables }
}

extension ContextVariable {
    /// `Themes/README.md`: every template of `theme` with the variables it receives and the
    /// partials it includes, generated from the descriptions above (a test keeps the file in step).
    public static func reference(theme: ThemeSource) -> String {
        let library = Templates.compile(theme).0.library
        var out = """
            # Template variables

            <!-- Generated from the page context types of Sources/CityscoreRendering/ by
                 `CITYSCORE_WRITE_THEMES_README=1 swift test --filter ThemeReferenceTests`; do not edit by hand
                 (the test fails when this file drifts from the code). -->

            Every page is rendered by one Mustache template of the theme (`templates/<name>.mustache`),
            which may include partials (`{{>partials/head}}`); a partial sees the variables of the page
            that includes it. This is every variable each template receives. `cityscore check` reports a
            name that no page gives its template, at its line and column, with the closest name that is
            there (`unknown-template-variable`): it would otherwise show as nothing.

            Names inside a list are written `list[].name`: inside `{{#list}}…{{/list}}` they are read
            as `{{name}}`. *Optional* variables are left out on some pages: show a part only when one
            is there with `{{#name}}…{{/name}}`. Values are text unless the type says otherwise; texts
            marked *HTML* are written with `{{{name}}}`. Numbers come formatted for the site's language.

            ## Every page


            """
        out += table(shared)
        for kind in PageKind.allCases {
            out += "\n## `\(kind.template)` (templates/\(kind.template).mustache)\n\n"
            let partials = library.partials(includedBy: kind.template)
            if !partials.isEmpty {
                out += "Includes " + partials.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
            }
            let own = kind.contextVariables
            out +=
                own.isEmpty
                ? "Only the variables of every page.\n" : "The variables of every page, and:\n\n" + table(own)
        }
        out += "\n## Partials\n\nA partial receives the variables of each template that includes it.\n\n"
        out += "| Partial | Included by |\n| --- | --- |\n"
        let pages = PageKind.allCases.map(\.template)
        for name in library.allNames where name.hasPrefix("partials/") {
            let users = pages.filter { library.partials(includedBy: $0).contains(name) }
            out += "| `\(name)` | \(users.isEmpty ? "no page" : users.map { "`\($0)`" }.joined(separator: ", ")) |\n"
        }
        return out
    }

    static func table(_ variables: [ContextVariable]) -> String {
        var rows = "| Variable | Type | Meaning |\n| --- | --- | --- |\n"
        func add(_ variables: [ContextVariable], prefix: String) {
            for v in variables {
                let name = prefix + v.name
                rows += "| `\(name)` | \(typeName(v.kind))\(v.optional ? ", optional" : "") | \(v.meaning) |\n"
                switch v.kind {
                case .object(let fields): add(fields, prefix: name + ".")
                case .list(of: .object(let fields)): add(fields, prefix: name + "[].")
                default: break
                }
            }
        }
        add(variables, prefix: "")
        return rows
    }

    static func typeName(_ kind: Kind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML"
        case .flag: "flag"
        case .object: "object"
        case .parameters: "any names"
        case .list(of: let item): "list of \(typeName(item))s"
        }
    }
}
