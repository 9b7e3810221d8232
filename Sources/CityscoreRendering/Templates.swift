import CityscoreDiagnostics
import CityscoreReading
import CityscoreRouting
import CityscoreTemplating

/// The theme's Mustache templates, compiled, with every syntax error reported at its line and column.
public struct Templates: Sendable {
    /// Templates every theme must provide (a site may override each): one per kind of page.
    public static var required: [String] { PageKind.requiredTemplates }

    var library: TemplateLibrary
    /// The file each template came from (`Themes/default/templates/city.mustache`, or the built-in
    /// theme's path), by template name.
    var origins: [String: String] = [:]

    /// Compiles `templates/**/*.mustache` of the theme.
    /// `routes`, when given, adds the templates of routes registered with their own. With `strings`,
    /// every name a page's template (and the partials it includes) uses is checked against the
    /// variables its page kind receives (`ContextVariable`), and `t.<key>` against the strings.
    public static func compile(_ theme: ThemeSource, routes: RouteTable? = nil, strings: Strings? = nil) -> (
        Templates, [Diagnostic]
    ) {
        let prefix = "templates/"
        let suffix = ".mustache"
        var origins: [String: String] = [:]
        var sources: [(name: String, text: String)] = []
        for path in theme.files.keys.sorted() where path.hasPrefix(prefix) && path.hasSuffix(suffix) {
            guard let file = theme.files[path] else { continue }
            let name = String(path.dropFirst(prefix.count).dropLast(suffix.count))
            origins[name] = file.origin
            sources.append((name, file.contents))
        }
        let (library, errors) = TemplateLibrary.compile(sources)
        var diagnostics = errors.map { diagnostic($0, origins: origins, code: .templateSyntax) }
        var names = required
        for route in routes?.routes ?? [] where !names.contains(route.template) { names.append(route.template) }
        for name in names where !library.contains(name) {
            if !diagnostics.contains(where: { $0.location.path.hasSuffix("templates/\(name).mustache") }) {
                diagnostics.append(
                    .error(
                        "the theme has no template \"\(name)\"",
                        at: SourceLocation(path: "Themes/\(name).mustache", line: 0, column: 0),
                        suggestion: "add templates/\(name).mustache to the theme, or remove the override that hides it",
                        code: .missingTemplate)
                )
            }
        }
        if let strings {
            var checked: [(template: String, kind: PageKind)] = PageKind.allCases.map { ($0.template, $0) }
            for route in routes?.routes ?? [] where !checked.contains(where: { $0.template == route.template }) {
                checked.append((route.template, route.kind))
            }
            diagnostics += unknownNames(library, checked: checked, strings: strings).map {
                diagnostic($0, origins: origins, code: .unknownTemplateVariable)
            }
        }
        return (Templates(library: library, origins: origins), diagnostics)
    }

    /// The names templates use that no variable of their page kind provides, each place once. A
    /// partial is seen with the context of each page including it: its name is unknown only when no
    /// such page provides it (a partial may show a part on the pages that have it).
    static func unknownNames(
        _ library: TemplateLibrary, checked: [(template: String, kind: PageKind)], strings: Strings
    )
        -> [TemplateError]
    {
        let words = TemplateShape.object(strings.table.mapValues { _ in TemplateShape.text })
        var reached: [String: Int] = [:]
        var unknown: [String: (count: Int, error: TemplateError)] = [:]
        var order: [String] = []
        for (template, kind) in checked where library.contains(template) {
            guard case .object(var fields) = ContextVariable.shape(of: kind.allContextVariables) else { continue }
            fields["t"] = words
            let (problems, places) = library.checkNames(in: template, shape: .object(fields))
            for place in places { reached[place, default: 0] += 1 }
            for problem in problems {
                let place = TemplateLibrary.place(of: problem)
                if unknown[place] == nil { order.append(place) }
                unknown[place] = ((unknown[place]?.count ?? 0) + 1, unknown[place]?.error ?? problem)
            }
        }
        return order.compactMap { place in
            guard let (count, error) = unknown[place], count == reached[place] else { return nil }
            return error
        }
    }

    /// Renders `context` with the template `name`, or the problem that stops it.
    func render(_ context: [String: TemplateValue], template name: String) throws(TemplateError) -> String {
        try library.render(name, context: .object(context))
    }

    /// A problem found while rendering, at its template file's line and column.
    func diagnostic(_ error: TemplateError) -> Diagnostic {
        Self.diagnostic(error, origins: origins, code: .templateRender)
    }

    /// A template problem as a diagnostic at the template file's line and column.
    static func diagnostic(_ error: TemplateError, origins: [String: String], code: DiagnosticCode) -> Diagnostic {
        .error(
            "template: \(error.message)",
            at: SourceLocation(
                path: origins[error.template] ?? "templates/\(error.template).mustache", line: error.line,
                column: error.column),
            suggestion: error.suggestion, code: code)
    }
}
