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
    /// `routes`, when given, adds the templates of routes registered with their own.
    public static func compile(_ theme: ThemeSource, routes: RouteTable? = nil) -> (Templates, [Diagnostic]) {
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
        return (Templates(library: library, origins: origins), diagnostics)
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
