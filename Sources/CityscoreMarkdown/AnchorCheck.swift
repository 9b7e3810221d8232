import CityscoreDiagnostics

/// Checks links to heading anchors across a site's rendered Markdown documents: `#anchor` within a
/// document and `other.md#anchor` to another one. A link whose anchor names no heading of its target
/// document is an error at the link's position.
public enum AnchorCheck {
    /// Every broken anchor link in `documents` (site-relative path → rendered document), in path order.
    ///
    /// Links to files that are not among `documents` (assets, missing files, which are reported
    /// where links are rewritten) and links with a scheme or an absolute path are not checked.
    public static func problems(in documents: [String: RenderedMarkdown]) -> [Diagnostic] {
        documents.keys.sorted().flatMap { problems(of: $0, in: documents) }
    }

    /// The broken anchor links of the one document at `path`; documents can be checked in parallel.
    public static func problems(of path: String, in documents: [String: RenderedMarkdown]) -> [Diagnostic] {
        guard let document = documents[path] else { return [] }
        var problems: [Diagnostic] = []
        for link in document.links {
            guard let (target, fragment) = anchorTarget(of: link.destination, in: path), fragment != "top" else {
                continue
            }
            let resolved = documents[target] != nil ? target : target + "/index.md"
            guard let linked = documents[resolved] else { continue }
            // Headings first; the HTML is searched for other `id`s only when no heading matches.
            if linked.headings.contains(where: { $0.id == fragment }) { continue }
            let known = Set(linked.headings.map(\.id)).union(elementIDs(in: linked.html))
            if known.contains(fragment) { continue }
            let place = resolved == path ? "this file" : resolved
            problems.append(
                .error(
                    "the link \"\(link.destination)\" points to the heading \"#\(fragment)\", which \(place) does not have",
                    at: link.location,
                    suggestion: Suggestions.didYouMean(fragment, in: known.sorted())
                        ?? "a heading's anchor is its text in lower case with dashes, e.g. #what-was-published",
                    code: .brokenAnchor
                ))
        }
        return problems
    }

    /// What an anchor link points into: a site file (a relative link, or `#anchor` within the
    /// document) or a page by its root-relative path without the leading `/` (`cities/rana/`).
    public enum Target: Hashable, Sendable {
        case document(String)
        case page(String)
    }

    /// The links of `document` (at site path `path`) that name an anchor, other than `#top`, with
    /// what they point into and the decoded anchor.
    public static func anchorLinks(of path: String, in document: RenderedMarkdown) -> [(
        link: Link, target: Target, fragment: String
    )] {
        document.links.compactMap { link in
            let destination = link.destination
            if destination.hasPrefix("/"), !destination.hasPrefix("//"), let hash = destination.firstIndex(of: "#") {
                let fragment = String(destination[destination.index(after: hash)...]).removingPercentEncodingSimple()
                var pathPart = destination[..<hash]
                if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
                guard !fragment.isEmpty, fragment != "top" else { return nil }
                return (link, .page(String(pathPart.dropFirst()).removingPercentEncodingSimple()), fragment)
            }
            guard let (target, fragment) = anchorTarget(of: destination, in: path), fragment != "top" else {
                return nil
            }
            return (link, .document(target), fragment)
        }
    }

    /// The error for a link whose anchor is none of `known` (the ids of the target page, its
    /// headings first), with a suggestion taken from the target.
    public static func missingAnchor(_ link: Link, fragment: String, place: String, known: [String]) -> Diagnostic {
        .error(
            "the link \"\(link.destination)\" points to the heading \"#\(fragment)\", which \(place) does not have",
            at: link.location,
            suggestion: Suggestions.didYouMean(fragment, in: known)
                ?? (known.first.map { "the anchors there include #\($0)" }
                    ?? "a heading's anchor is its text in lower case with dashes, e.g. #what-was-published"),
            code: .brokenAnchor)
    }

    /// The site path of the document a link points into and its decoded fragment; nil when the link
    /// has no fragment or is not a relative link between site files.
    static func anchorTarget(of destination: String, in documentPath: String) -> (String, String)? {
        guard let hash = destination.firstIndex(of: "#") else { return nil }
        let fragment = String(destination[destination.index(after: hash)...])
            .removingPercentEncodingSimple()
        guard !fragment.isEmpty else { return nil }
        var pathPart = destination[..<hash]
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        if pathPart.isEmpty { return (documentPath, fragment) }
        if pathPart.hasPrefix("/") || LinkRewriter.hasScheme(String(pathPart)) { return nil }
        let decoded = String(pathPart).removingPercentEncodingSimple()
        guard
            let target = LinkRewriter.join(
                folder: LinkRewriter.folder(of: documentPath), relative: decoded)
        else {
            return nil
        }
        return (target, fragment)
    }

    /// Values of `id="…"` attributes in an HTML fragment (raw HTML an author wrote in unsafe mode, and
    /// the headings' ids), in document order. Found by bytes as an HTML parser reads them: a quote
    /// after a prepend mark is one `Character` with it, but still ends the attribute.
    public static func elementIDs(in html: String) -> [String] {
        var found: [String] = []
        let bytes = Array(html.utf8)
        let marker = Array(" id=\"".utf8)
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            found.append(String(decoding: bytes[start..<end], as: UTF8.self))
            index = end + 1
        }
        return found
    }
}
