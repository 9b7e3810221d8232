import CityscoreReading

/// libFuzzer entry: the bytes are a Markdown file (decoded as UTF-8, as the reader does after
/// validating it). Splits its front matter and asks for every field a city or page has.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return -1 }
    let (frontMatter, diagnostics) = FrontMatter.split(text, path: "Content/cities/fuzz.md")
    for diagnostic in diagnostics { _ = diagnostic.description }
    var problems = diagnostics
    let fields = frontMatter.fields
    for key in ["name", "country", "region", "title", "description", "slug"] { _ = fields.string(key, into: &problems) }
    _ = fields.int("population", into: &problems)
    _ = fields.int("weight", into: &problems)
    _ = fields.bool("draft", into: &problems)
    _ = fields.strings("peers", into: &problems)
    _ = fields.scalars(excluding: ["name"])
    for key in fields.keys { _ = fields.location(of: key) }
    precondition(frontMatter.bodyLine >= 1)
    return 0
}
