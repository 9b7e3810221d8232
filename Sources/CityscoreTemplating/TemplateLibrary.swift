import CityscoreDiagnostics

/// A theme's templates, compiled once and rendered many times, from any thread.
///
/// The templates are Mustache (https://mustache.github.io/mustache.5.html): variables, sections,
/// inverted sections, comments, partials (`{{>partials/head}}`, found by their name in the library)
/// and delimiter changes, with the standalone-line rules of the Mustache specification, and a few
/// functions (`empty(name)`, `first()`, …, see `TemplateFunction`). Rendering writes into one
/// growing text and looks names up in typed values, so a page costs about as much as writing it.
public struct TemplateLibrary: Sendable {
    /// Positions in `templates` by name.
    var names: [String: Int] = [:]
    /// Template names by position, for errors.
    var templateNames: [String] = []
    var templates: [[TemplateNode]] = []

    /// An empty library.
    public init() {}

    /// Compiles every template (name and text), then links the partials; every template with a
    /// problem is reported (the first problem in each), and a partial no template provides is one.
    public static func compile(_ sources: [(name: String, text: String)]) -> (TemplateLibrary, [TemplateError]) {
        var library = TemplateLibrary()
        var errors: [TemplateError] = []
        for source in sources {
            switch TemplateParser(template: source.name, text: source.text).parse() {
            case .success(let nodes):
                library.names[source.name] = library.templates.count
                library.templateNames.append(source.name)
                library.templates.append(nodes)
            case .failure(let error): errors.append(error)
            }
        }
        let known = Set(sources.map(\.name))
        for t in library.templates.indices {
            library.templates[t] = library.link(
                library.templates[t], template: library.templateNames[t], known: known, errors: &errors)
        }
        return (library, errors)
    }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool { names[name] != nil }

    /// How deep partials may include partials: a partial that includes itself without end (a theme
    /// mistake) stops here instead of exhausting the stack.
    public static let maxPartialDepth = 64

    /// How deep sections and partials may nest together while rendering: far beyond any real
    /// template, and well within a thread's stack.
    public static let maxNesting = 200

    /// The most bytes one rendered page may have (50 MB): partials that include each other twice at
    /// each level would otherwise double the page at every level.
    public static let maxOutputBytes = 50 * 1024 * 1024

    /// The template `name` rendered with `context`; an error when there is no such template, when
    /// partials nest deeper than `maxPartialDepth`, or when the page would be larger than `limit`
    /// bytes (at the partial or section tag being written when it grew past it).
    public func render(_ name: String, context: TemplateValue, limit: Int = maxOutputBytes) throws(TemplateError)
        -> String
    {
        guard let index = names[name] else {
            throw TemplateError(template: name, line: 1, column: 1, message: "there is no template \"\(name)\"")
        }
        var renderer = TemplateRenderer(templates: templates, names: templateNames, limit: limit)
        renderer.stack.append(context)
        renderer.current = index
        renderer.render(templates[index])
        if let error = renderer.error { throw error }
        return renderer.output
    }

    /// Resolves partial names to positions; a missing partial is an error unless a template by that
    /// name exists but failed to compile (that one is reported already).
    func link(_ nodes: [TemplateNode], template: String, known: Set<String>, errors: inout [TemplateError])
        -> [TemplateNode]
    {
        nodes.map { node in
            switch node {
            case .partial(let name, let indentation, _, let line, let column):
                if let index = names[name] {
                    return .partial(name: name, indentation: indentation, index: index, line: line, column: column)
                }
                if !known.contains(name) {
                    errors.append(
                        TemplateError(
                            template: template, line: line, column: column,
                            message: "there is no partial \"\(name)\"",
                            suggestion: Suggestions.closest(to: name, in: names.keys).map {
                                "did you mean {{>\($0)}}?"
                            }))
                }
                return node
            case .section(let name, let children, let inverted, let line, let column):
                return .section(
                    name, link(children, template: template, known: known, errors: &errors), inverted: inverted,
                    line: line, column: column)
            case .text, .variable: return node
            }
        }
    }
}
