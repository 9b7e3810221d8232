/// A compiled template: text, values to write and sections, with partials resolved to positions in
/// the library.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// A value to write, with the line and column of its tag.
    case variable(TemplateName, escaped: Bool, line: Int, column: Int)
    /// A section or inverted section, with the line and column of its opening tag.
    case section(TemplateName, [TemplateNode], inverted: Bool, line: Int, column: Int)
    /// A partial by name, with the indentation of its standalone line; `index` is set when linked.
    case partial(name: String, indentation: String, index: Int, line: Int, column: Int)
}

/// The name in a tag: `.`, `name`, `a.b.c`, a function of a name (`empty(items)`), or a function of
/// the current list position (`first()`, `last()`, `index()`).
struct TemplateName: Sendable, Equatable {
    /// The dotted parts; empty for `.` and for list-position functions.
    var parts: [String]
    var function: TemplateFunction?
    /// `first()`, `last()`, `index()`, `even()`, `odd()`: the function reads the list position.
    var readsPosition = false

    /// The current value (`{{.}}`).
    var isImplicit: Bool { parts.isEmpty && function == nil }
}

/// The functions a tag may apply, written `function(name)` (or `function()` for list positions).
enum TemplateFunction: String, Sendable, CaseIterable {
    /// `true` when a text or list is empty.
    case empty
    /// The number of items of a list, or characters of a text.
    case count
    /// The first or last item of a list; without a name, whether this is the first or last pass of
    /// the list being repeated.
    case first, last
    /// A list in reverse order.
    case reversed
    /// A text in capitals or in small letters.
    case uppercased, lowercased
    /// Without a name: the position in the list being repeated (from 0), or whether it is even or odd.
    case index, even, odd

    /// Functions that read the list being repeated and take no name.
    var isPositional: Bool {
        switch self {
        case .index, .even, .odd: true
        default: false
        }
    }
}
