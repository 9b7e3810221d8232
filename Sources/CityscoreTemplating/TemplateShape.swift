import CityscoreDiagnostics

/// What a template receives, described without values: which names an object has and what each
/// holds. Used to find, before rendering, a name no context provides (`{{page.titel}}`), which
/// would otherwise render as nothing.
public indirect enum TemplateShape: Sendable, Equatable {
    /// A text (escaped by `{{name}}`, written as is by `{{{name}}}`).
    case text
    /// A flag, for sections (`{{#name}}…{{/name}}`).
    case flag
    /// An object with these names.
    case object([String: TemplateShape])
    /// An object with any names (free parameters): nothing under it is checked.
    case anyObject
    /// A list whose items have this shape.
    case list(TemplateShape)
}

extension TemplateLibrary {
    /// The names of the template `name` (and of the partials it includes, seen with the context of
    /// the including page) checked against `shape`: every name `shape` does not provide, at its line
    /// and column with a did-you-mean among the names that are there, each place once; and every
    /// place checked (`template:line:column`), so that a partial's name is called unknown only when
    /// no page that includes it provides it.
    public func checkNames(in name: String, shape: TemplateShape) -> (problems: [TemplateError], places: Set<String>) {
        guard let index = names[name] else { return ([], []) }
        var checker = ShapeChecker(library: self)
        checker.check(templates[index], template: index, stack: [shape], depth: 0)
        return (checker.problems, checker.places)
    }

    /// The place key of a problem, as in `checkNames`'s places.
    public static func place(of error: TemplateError) -> String { "\(error.template):\(error.line):\(error.column)" }
}

/// Walks templates as the renderer would, with shapes in place of values.
struct ShapeChecker {
    let library: TemplateLibrary
    var problems: [TemplateError] = []
    /// Every place checked (`template:line:column`).
    var places = Set<String>()

    init(library: TemplateLibrary) { self.library = library }

    mutating func check(_ nodes: [TemplateNode], template: Int, stack: [TemplateShape], depth: Int) {
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let name, _, let line, let column):
                _ = resolve(name, stack: stack, template: template, line: line, column: column)
            case .section(let name, let children, let inverted, let line, let column):
                let shape = resolve(name, stack: stack, template: template, line: line, column: column)
                var inner = stack
                // Inside a section whose name is unknown, anything goes (one problem, not a cascade).
                if shape == nil && !name.readsPosition { inner.append(.anyObject) }
                if !inverted, let shape, !name.readsPosition {
                    switch (name.function, shape) {
                    case (.empty?, _), (.count?, _), (.uppercased?, _), (.lowercased?, _): break
                    case (_, .list(let item)):
                        // A list repeats its items; first(), last() and a flag-like test see one item.
                        inner.append(item)
                    default: inner.append(shape)
                    }
                }
                check(children, template: template, stack: inner, depth: depth + 1)
            case .partial(_, _, let index, _, _):
                // Partials see the context of the page including them; one that includes itself is
                // followed a few levels deep only (its names are the same at every level).
                guard index >= 0, index < library.templates.count, depth < 24 else { continue }
                check(library.templates[index], template: index, stack: stack, depth: depth + 1)
            }
        }
    }

    /// The shape `name` names, or nil after reporting it when nothing in the stack provides it.
    mutating func resolve(_ name: TemplateName, stack: [TemplateShape], template: Int, line: Int, column: Int)
        -> TemplateShape?
    {
        guard let first = name.parts.first else { return stack.last }
        let firstVisit = places.insert("\(library.templateNames[template]):\(line):\(column)").inserted
        if let shape = Self.lookUp(name.parts, stack: stack) { return shape }
        guard firstVisit else { return nil }
        // Report the first part that is missing, with the names that are there instead.
        var known = Set<String>()
        var missing = first
        if let head = Self.lookUp([first], stack: stack) {
            var shape = head
            for part in name.parts.dropFirst() {
                guard case .object(let fields) = shape, let next = fields[part] else {
                    if case .object(let fields) = shape { known = Set(fields.keys) }
                    missing = part
                    break
                }
                shape = next
            }
        } else {
            for case .object(let fields) in stack { known.formUnion(fields.keys) }
        }
        report(name, unknown: missing, among: known, template: template, line: line, column: column)
        return nil
    }

    /// The shape dotted `parts` name: the first part looked up from the innermost section out, the
    /// rest inside it (as Mustache resolves them); nil when it is not there.
    static func lookUp(_ parts: [String], stack: [TemplateShape]) -> TemplateShape? {
        guard let first = parts.first else { return stack.last }
        var shape: TemplateShape?
        for frame in stack.reversed() {
            if case .object(let fields) = frame, let found = fields[first] { shape = found }
            if case .anyObject = frame { shape = .anyObject }
            if shape != nil { break }
        }
        for part in parts.dropFirst() {
            switch shape {
            case .object(let fields)?: shape = fields[part]
            case .anyObject?: return .anyObject
            default: return nil
            }
        }
        return shape
    }

    mutating func report(
        _ name: TemplateName, unknown part: String, among known: Set<String>, template: Int, line: Int, column: Int
    ) {
        let written = name.parts.joined(separator: ".")
        let templateName = library.templateNames[template]
        var suggestion: String?
        if let closest = Suggestions.closest(to: part, in: known) {
            let fixed = name.parts.map { $0 == part ? closest : $0 }.joined(separator: ".")
            suggestion = "did you mean {{\(fixed)}}?"
        }
        let message =
            written == part
            ? "no page gives this template a value named \"\(written)\": it would show as nothing"
            : "no page gives this template a value named \"\(written)\" (there is no \"\(part)\"): it would show as nothing"
        problems.append(
            TemplateError(template: templateName, line: line, column: column, message: message, suggestion: suggestion))
    }
}

extension TemplateLibrary {
    /// Every template name of the library, sorted.
    public var allNames: [String] { templateNames.sorted() }

    /// The partials the template `name` includes, directly or through other partials, sorted.
    public func partials(includedBy name: String) -> [String] {
        guard let start = names[name] else { return [] }
        var seen = Set<Int>()
        var queue = [start]
        while let index = queue.popLast() {
            for included in Self.partialIndices(in: templates[index]) where seen.insert(included).inserted {
                queue.append(included)
            }
        }
        seen.remove(start)
        return seen.map { templateNames[$0] }.sorted()
    }

    /// The positions of the partials `nodes` include, in sections too.
    static func partialIndices(in nodes: [TemplateNode]) -> [Int] {
        nodes.flatMap { node -> [Int] in
            switch node {
            case .partial(_, _, let index, _, _): index >= 0 ? [index] : []
            case .section(_, let children, _, _, _): partialIndices(in: children)
            case .text, .variable: []
            }
        }
    }
}
