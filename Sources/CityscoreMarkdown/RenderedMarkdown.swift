import CityscoreDiagnostics

/// A heading of a rendered document, for anchors and tables of contents.
public struct Heading: Sendable, Hashable {
    /// 1–6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The `id` given to the heading: stable (from the text) and unique within the document.
    public var id: String
}

/// A link found in a document, after rewriting.
public struct Link: Sendable, Hashable {
    /// The destination as written.
    public var destination: String
    /// Where it is written.
    public var location: SourceLocation
}

/// The result of rendering one Markdown document.
public struct RenderedMarkdown: Sendable {
    /// HTML fragment.
    public var html: String
    /// Headings in document order.
    public var headings: [Heading]
    /// Every link and image destination, as written.
    public var links: [Link]
    /// Problems found: links to files that do not exist, to anchors that do not exist.
    public var diagnostics: [Diagnostic]

    /// The plain text of the first paragraph, for meta descriptions (at most `limit` characters).
    public var summary: String = ""
}

/// What a relative link to another file of the site turns into.
public enum LinkTarget: Sendable, Hashable {
    /// The page or file exists: link to this URL.
    case url(String)
    /// Nothing is published at that path.
    case missing
    /// Nothing is published at that path, but something is at this one (for "did you mean").
    case misspelt(String)
}
