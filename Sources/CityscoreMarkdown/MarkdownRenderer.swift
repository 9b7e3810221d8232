import CityscoreDiagnostics

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
    /// - Parameter page: given the path of a root-relative link without its leading `/`, `#` and
    ///   `?` parts (`cities/rana/`), says which URL it has; nil leaves such links as written.
    /// - Parameter shortcodes: expands the live values (`{{value "…"}}`) of text; nil leaves `{{…}}`
    ///   as written.
    public func render(
        _ markdown: String, path: String, firstLine: Int = 1,
        resolve: (String) -> LinkTarget = { _ in .missing }, page: ((String) -> LinkTarget)? = nil,
        shortcodes: ((Shortcode) -> ShortcodeOutput)? = nil
    ) -> RenderedMarkdown {
        CmarkConverter(unsafeHTML: unsafeHTML, smart: smartPunctuation).convert(
            markdown, path: path, firstLine: firstLine,
            rewrite: { destination, location in
                LinkRewriter(documentPath: path).rewrite(destination, at: location, resolve: resolve, page: page)
            }, shortcodes: shortcodes)
    }
}

/// Turns link destinations written relative to a document into URLs.
struct LinkRewriter {
    var documentPath: String

    /// The new destination (nil: keep as written) and a problem, if any.
    func rewrite(
        _ destination: String, at location: SourceLocation, resolve: (String) -> LinkTarget,
        page: ((String) -> LinkTarget)? = nil
    )
        -> (String?, Diagnostic?)
    {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//")
            || Self.hasScheme(destination)
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
        if decoded.hasPrefix("/") {
            guard let page else { return (nil, nil) }
            let found = page(String(decoded.dropFirst()))
            switch found {
            case .url(let url): return (url + fragment, nil)
            case .missing, .misspelt:
                var suggestion = "link to a page the site makes, e.g. /cities/, /indicators/ or /dimensions/"
                if case .misspelt(let close) = found { suggestion = "did you mean \"/\(close)\"?" }
                return (
                    nil,
                    .error(
                        "the link \"\(destination)\" points to \(decoded), which is not a page or file of the site",
                        at: location, suggestion: suggestion, code: .brokenLink)
                )
            }
        }
        guard let target = Self.join(folder: Self.folder(of: documentPath), relative: decoded) else {
            return (
                "",
                .error("the link \"\(destination)\" leaves the site folder", at: location, code: .linkOutsideSite)
            )
        }
        let resolved = resolve(target)
        switch resolved {
        case .url(let url):
            return (url + fragment, nil)
        case .missing, .misspelt:
            var suggestion = "links are relative to this file's folder, e.g. ../pages/about.md"
            if case .misspelt(let close) = resolved {
                suggestion = "did you mean \"\(Self.relative(close, from: Self.folder(of: documentPath)))\"?"
            }
            return (
                nil,
                .error(
                    "the link \"\(destination)\" points to \(target), which does not exist",
                    at: location, suggestion: suggestion, code: .brokenLink)
            )
        }
    }

    /// `path` written relative to `folder` (both site-relative), as a link in that folder would say it.
    static func relative(_ path: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
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
