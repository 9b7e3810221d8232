import Diagnostics

/// Renders CommonMark with cmark: safe by default, smart punctuation, heading ids, links between
/// site files rewritten to page URLs and checked.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML and every link scheme reach the page (`unsafe_html: true` in `site.yml`).
    public var unsafeHTML: Bool
    /// Smart punctuation (curly quotes, dashes).
    public var smartPunctuation: Bool

    /// Creates a renderer; safe mode and smart punctuation are the defaults.
    public init(unsafeHTML: Bool = false, smartPunctuation: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
    }

    /// Renders `markdown`, the body of the site file `path` starting at line `firstLine`.
    ///
    /// - Parameter resolve: given the site-relative path a relative link points to (for example
    ///   `Content/pages/about.md`, already joined with the document's folder and normalised), says
    ///   which URL it has. Absolute URLs, `mailto:` and in-page `#anchors` are left as they are.
    public func render(
        _ markdown: String, path: String, firstLine: Int = 1,
        resolve: (String) -> LinkTarget = { _ in .missing }
    ) -> RenderedMarkdown {
        CmarkConverter(unsafeHTML: unsafeHTML, smart: smartPunctuation).convert(
            markdown, path: path, firstLine: firstLine,
            rewrite: { destination, location in
                LinkRewriter(documentPath: path).rewrite(destination, at: location, resolve: resolve)
            })
    }
}

/// Turns link destinations written relative to a document into URLs.
struct LinkRewriter {
    var documentPath: String

    /// The new destination (nil: keep as written) and a problem, if any.
    func rewrite(_ destination: String, at location: SourceLocation, resolve: (String) -> LinkTarget)
        -> (String?, Diagnostic?)
    {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/")
            || destination.hasPrefix("//") || Self.hasScheme(destination)
        {
            return (nil, nil)
        }
        var pathPart = Substring(destination)
        var fragment = ""
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[hash...])
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let decoded = String(pathPart).removingPercentEncodingSimple()
        guard let target = Self.join(folder: Self.folder(of: documentPath), relative: decoded) else {
            return (
                "",
                .error("the link \"\(destination)\" leaves the site folder", at: location)
            )
        }
        switch resolve(target) {
        case .url(let url):
            return (url + fragment, nil)
        case .missing:
            return (
                nil,
                .error(
                    "the link \"\(destination)\" points to \(target), which does not exist",
                    at: location,
                    suggestion: "links are relative to this file's folder, e.g. ../pages/about.md")
            )
        }
    }

    static func hasScheme(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `folder/relative` with `.` and `..` resolved; nil when it would climb above the site folder.
    static func join(folder: String, relative: String) -> String? {
        // Most links name a file beside the document (`page-0042.md`): nothing to resolve.
        if !relative.utf8.contains(UInt8(ascii: "/")), relative != ".", relative != "..", !relative.isEmpty {
            return folder.isEmpty ? relative : folder + "/" + relative
        }
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

extension String {
    /// `%20` and friends decoded (UTF-8); the text as it is when it is not valid percent-encoding.
    func removingPercentEncodingSimple() -> String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let b = iterator.next() {
            if b == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(),
                let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
