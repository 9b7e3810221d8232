import CityscoreMarkdown
import CityscoreReading

/// The document every link of the fuzzed one may point to, with a heading to link to.
let other = MarkdownRenderer().render("## Other page\n", path: "Content/pages/other.md")

/// What a relative link resolves to: the other page and images exist, nothing else does.
func resolve(_ target: String) -> LinkTarget {
    if target == "Content/pages/other.md" || target == "Content/pages/fuzz.md" { return .url("/\(target)/") }
    return target.hasSuffix(".png") ? .url("/" + target) : .missing
}

/// Whether one scalar may be in a heading id: a letter, a digit, a mark or `-`, and never anything
/// HTML or a URL gives a meaning to, a space, a control or a format character (checked here by
/// categories, apart from the allow-list HeadingIDs uses).
func mayBeInID(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "-" { return true }
    if "\"'<>&=`/\\#%?".unicodeScalars.contains(scalar) { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse,
        .unassigned:
        return false
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
        .nonspacingMark, .spacingMark, .enclosingMark:
        return true
    default:
        return scalar.properties.isAlphabetic
    }
}

/// Whether `id` is a heading id as promised: allowed scalars, no dash at either end, no dash run.
func isAllowedID(_ id: String) -> Bool {
    !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
        && id.unicodeScalars.allSatisfy(mayBeInID)
}

/// libFuzzer entry: the bytes are a Markdown page (decoded as UTF-8, as the reader does). Its front
/// matter is split off and the body rendered with cmark, heading ids and link rewriting, in safe and
/// in unsafe mode; anchors are checked. Every heading id must be allowed and be in the HTML; in safe
/// mode every `id` attribute of the page is a heading's, so all of them must be allowed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return -1 }
    let path = "Content/pages/fuzz.md"
    let (frontMatter, splitProblems) = FrontMatter.split(text, path: path)
    for problem in splitProblems { precondition(problem.location.line >= 1, "\(problem)") }
    for unsafe in [false, true] {
        let rendered = MarkdownRenderer(unsafeHTML: unsafe).render(
            frontMatter.body, path: path, firstLine: frontMatter.bodyLine, resolve: resolve)
        var seen = Set<String>()
        for heading in rendered.headings {
            precondition(isAllowedID(heading.id), "heading id \(heading.id.debugDescription)")
            precondition(seen.insert(heading.id).inserted, "heading id \(heading.id.debugDescription) twice")
        }
        if !unsafe {
            let found = AnchorCheck.elementIDs(in: rendered.html)
            precondition(found == rendered.headings.map(\.id), "ids \(found) in safe mode")
        } else {
            // Raw HTML (an unclosed quote) can hide ids from the scan: look for each heading's own tag.
            let html = Array(rendered.html.utf8)
            for heading in rendered.headings {
                precondition(html.firstRange(of: Array(" id=\"\(heading.id)\">".utf8)) != nil, "\(heading.id) missing")
            }
        }
        for problem in rendered.diagnostics { precondition(problem.location.line >= 1, "\(problem)") }
        let problems = AnchorCheck.problems(in: [path: rendered, "Content/pages/other.md": other])
        for problem in problems { precondition(problem.location.line >= 1, "\(problem)") }
    }
    return 0
}
