import CityscoreDiagnostics
import FuzzSupport
import CityscoreReading
import CityscoreValidation

/// libFuzzer entry: the bytes are `Content/site.yml` (decoded as UTF-8, as the reader requires).
/// Parses them with `YAMLFields`, asks for every key of the configuration, then validates a small
/// site with that configuration, which runs the configuration's own checks (base URL, language, theme).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return -1 }
    let (fields, diagnostics) = YAMLFields.parse(text, path: "Content/site.yml")
    for diagnostic in diagnostics { _ = diagnostic.description }
    var problems: [Diagnostic] = []
    for key in ["title", "description", "baseURL", "language", "theme"] { _ = fields.string(key, into: &problems) }
    _ = fields.bool("unsafe_html", into: &problems)
    _ = fields.strings("languages", into: &problems)
    _ = fields.int("weight", into: &problems)
    _ = fields.scalars(excluding: ["title"])
    var source = TinySite.source
    source.config = fields
    let (_, validation) = SiteValidator().validate(source)
    for problem in validation { _ = problem.description }
    return 0
}
