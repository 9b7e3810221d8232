import Foundation
import CityscoreImport

/// libFuzzer entry: the bytes are the XML of one sheet inside an otherwise valid `.xlsx` (shared
/// strings, percent and date styles), read by XLSXReader; and, as they are, a whole workbook read
/// as `.xlsx` and `.ods`. Rows must come in order with their cells in column order, and a refused
/// file must say why.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let workbook = WorkbookFuzz.workbook(sheetXML: bytes) {
        _ = WorkbookFuzz.read(workbook: workbook)
    }
    _ = WorkbookFuzz.read(workbook: bytes)
    return 0
}

/// AddressSanitizer's options for this target: no leak report at exit. Foundation's XMLParser leaks
/// the CFError of every XML error it reports (a toolchain leak, about 70 bytes each, not ours), and
/// libFuzzer's `-detect_leaks=0` does not cover the final check.
@_cdecl("__asan_default_options")
public func asanDefaultOptions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(("detect_leaks=0" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}
