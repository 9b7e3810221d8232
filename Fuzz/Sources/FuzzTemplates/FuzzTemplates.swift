import CityscoreTemplating

/// The values every input is rendered with: texts that need escaping, flags, an object, and lists
/// of one item (longer lists would let nested sections multiply the output without bound, which
/// measures the input's size, not the engine).
let context: TemplateValue = [
    "title": "Scores & <ratings>", "yes": true, "no": false, "empty": [], "blank": "",
    "page": ["title": "A \"page\"", "url": "/x/"],
    "items": [["name": "Oslo", "score": "97 %", "band": ["n": "4"], "items": []]],
    "t": ["label": "Label"], "list": ["a"],
]

/// libFuzzer entry: the bytes are a template (decoded as UTF-8, as the theme reader does). It is
/// compiled as `main` beside a partial of the same text and one that includes `main`, then rendered.
/// Every problem must have a line and column; rendering may fail (partials that include each other
/// without end) but must not crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return -1 }
    let (library, errors) = TemplateLibrary.compile([
        ("main", text), ("partials/same", text), ("partials/back", "<{{>main}}>"),
    ])
    for error in errors {
        precondition(error.line >= 1 && error.column >= 1, "\(error)")
        precondition(!error.message.isEmpty)
    }
    if library.contains("main") {
        do {
            _ = try library.render("main", context: context)
        } catch {
            precondition(error.line >= 1 && error.column >= 1, "\(error)")
        }
    }
    return 0
}
