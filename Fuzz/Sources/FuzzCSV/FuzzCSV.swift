import CityscoreDiagnostics
import FuzzSupport
import CityscoreReading
import CityscoreScoring
import CityscoreValidation

/// libFuzzer entry: the bytes are a `results/*.csv` file. Reads them with `CSVReader`, then validates
/// a small site whose results are that table (as `SiteReader` would hand it on), and scores the site
/// when it is valid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (table, diagnostics) = CSVReader(path: "Content/results/fuzz.csv").read(
        Array(UnsafeBufferPointer(start: data, count: size)))
    for diagnostic in diagnostics { _ = diagnostic.description }
    guard let table else {
        precondition(!diagnostics.isEmpty, "no table and no diagnostic")
        return 0
    }
    for record in table.records {
        for field in record.fields { precondition(field.line >= 1 && field.column >= 1) }
    }
    var source = TinySite.source
    source.results[0].table = table
    let (site, problems) = SiteValidator().validate(source)
    for problem in problems { _ = problem.description }
    if let site { _ = Scorer(site: site).scorecards() }
    return 0
}
