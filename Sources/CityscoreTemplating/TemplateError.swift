/// A problem in a template's text, at its line and column, in words a theme editor understands.
public struct TemplateError: Error, Sendable, Equatable {
    /// The template's name (`city`, `partials/head`).
    public var template: String
    /// 1-based line of the tag.
    public var line: Int
    /// 1-based column of the tag, in characters.
    public var column: Int
    public var message: String
    public var suggestion: String?

    /// Creates an error.
    public init(template: String, line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }
}
