import Diagnostics
import Mustache
import Reading

/// The theme's Mustache templates, compiled, with every syntax error reported at its line and column.
public struct Templates: Sendable {
    /// Templates every theme must provide (a site may override each).
    public static let required = [
        "home", "cities", "city", "city-dimension", "dimensions", "dimension", "indicators", "indicator", "page",
        "methodology", "404",
    ]

    var library: MustacheLibrary

    /// Compiles `templates/**/*.mustache` of the theme.
    public static func compile(_ theme: ThemeSource) -> (Templates, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        let prefix = "templates/"
        let suffix = ".mustache"
        for path in theme.files.keys.sorted() where path.hasPrefix(prefix) && path.hasSuffix(suffix) {
            guard let file = theme.files[path] else { continue }
            let name = String(path.dropFirst(prefix.count).dropLast(suffix.count))
            do {
                library.register(try MustacheTemplate(string: file.contents), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        "template syntax: \(error.error)",
                        at: SourceLocation(
                            path: file.origin, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: file.origin)))
            }
        }
        for name in required where library.getTemplate(named: name) == nil {
            if !diagnostics.contains(where: { $0.location.path.hasSuffix("templates/\(name).mustache") }) {
                diagnostics.append(
                    .error(
                        "the theme has no template \"\(name)\"",
                        at: SourceLocation(path: "Themes/\(name).mustache", line: 0, column: 0),
                        suggestion: "add templates/\(name).mustache to the theme, or remove the override that hides it")
                )
            }
        }
        return (Templates(library: library), diagnostics)
    }

    /// Renders `context` with the template `name`; nil when there is no such template.
    func render(_ context: [String: Any], template name: String) -> String? {
        library.render(context, withTemplate: name)
    }
}
