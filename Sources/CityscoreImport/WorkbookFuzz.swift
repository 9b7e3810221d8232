import Foundation
import ZIPFoundation

/// Entry points for the fuzz targets (Fuzz/Sources/FuzzXLSX): any bytes as a whole workbook, or
/// as the XML of one sheet inside an otherwise valid `.xlsx`.
public enum WorkbookFuzz {
    /// Reads `data` as an `.xlsx` and then as an `.ods`; the number of rows read, or nil when the
    /// file was refused with a message (which must not be empty). The bytes are read from a file,
    /// as `cityscore import` reads them (ZIPFoundation's in-memory archives are another code path).
    public static func read(workbook data: Data) -> Int? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        guard (try? data.write(to: url)) != nil else { return nil }
        var rows = 0
        var refused = false
        for ods in [false, true] {
            do {
                let count = Counter()
                if ods {
                    try ODSReader(url: url).read { count.take($0) }
                } else {
                    try XLSXReader(url: url).read { count.take($0) }
                }
                rows += count.rows
            } catch {
                precondition(!error.message.isEmpty)
                refused = true
            }
        }
        return refused && rows == 0 ? nil : rows
    }

    /// `sheet` as `xl/worksheets/sheet1.xml` of a workbook with shared strings and styles.
    public static func workbook(sheetXML sheet: Data) -> Data? {
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
        let parts: [(String, Data)] = [
            (
                "xl/workbook.xml",
                Data(
                    #"<workbook xmlns:r="r"><workbookPr/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                        .utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)
            ),
            (
                "xl/sharedStrings.xml",
                Data(#"<sst><si><t>KPI</t></si><si><r><t>Val</t></r><r><t>ue</t></r></si></sst>"#.utf8)
            ),
            (
                "xl/styles.xml",
                Data(
                    #"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>"#
                        .utf8)
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        for (path, bytes) in parts {
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                return nil
            }
        }
        return archive.data
    }

    private final class Counter {
        var rows = 0
        func take(_ event: SheetEvent) -> ReadOn {
            if case .row(let row) = event {
                rows += 1
                precondition(row.number >= 1)
                precondition(zip(row.cells, row.cells.dropFirst()).allSatisfy { $0.column < $1.column })
                for cell in row.cells { _ = CellAddress.name(row: row.number, column: cell.column) }
            }
            return rows < 100_000 ? .next : .stop
        }
    }
}
