import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Why a workbook cannot be read at all, in words for a spreadsheet user.
public struct WorkbookError: Error, Sendable, Equatable {
    public var message: String
    public var suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }
}

/// The ZIP container of an `.xlsx` or `.ods` file: its XML parts, streamed through `XMLParser`.
///
/// A part is copied to a temporary file in chunks and parsed from there, so a large sheet never
/// sits in memory whole; a part larger than `partLimit` (a ZIP bomb, or no spreadsheet) is refused.
struct ZipXML {
    let archive: Archive
    /// The most bytes one part may unpack to.
    var partLimit: UInt64 = 2 << 30

    init(url: URL) throws(WorkbookError) {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookError(
                "the file is not a spreadsheet workbook (it is not a ZIP container)",
                suggestion: "save it from the spreadsheet program as .xlsx or .ods")
        }
    }

    func has(_ path: String) -> Bool { archive[path] != nil }

    /// Parses the part at `path` with `delegate`; false when the part does not exist.
    @discardableResult
    func parse(_ path: String, with delegate: some XMLParserDelegate) throws(WorkbookError) -> Bool {
        guard let entry = archive[path] else { return false }
        guard entry.uncompressedSize <= partLimit else {
            throw WorkbookError("the part \(path) of the workbook is too large to read (over 2 GB unpacked)")
        }
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("cityscore-import-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else {
            throw WorkbookError("cannot write a temporary file to unpack the workbook into")
        }
        var written: UInt64 = 0
        let limit = partLimit
        // Foundation's XMLParser stops the program on a name that is not UTF-8: the bytes are
        // checked as they unpack (the parts of both formats are UTF-8).
        var utf8 = UTF8Check()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += UInt64(chunk.count)
                if written > limit { throw WorkbookError("too large") }
                guard utf8.take(chunk) else { throw WorkbookError("not UTF-8") }
                try handle.write(contentsOf: chunk)
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw WorkbookError(
                written > limit
                    ? "the part \(path) of the workbook is too large to read (over 2 GB unpacked)"
                    : "the workbook is damaged: its part \(path) cannot be unpacked",
                suggestion: "open it in a spreadsheet program and save it again")
        }
        guard utf8.isComplete else {
            throw WorkbookError(
                "the workbook is damaged: its part \(path) is not UTF-8 text",
                suggestion: "open it in a spreadsheet program and save it again")
        }
        guard let stream = InputStream(url: temporary) else {
            throw WorkbookError("cannot read back the unpacked part \(path)")
        }
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        if !parser.parse() {
            if (delegate as? StoppableDelegate)?.aborted == true { return true }
            let error = parser.parserError
            throw WorkbookError(
                "the workbook is damaged: its part \(path) is not well-formed XML (line \(parser.lineNumber))\(error.map { ": " + $0.localizedDescription } ?? "")",
                suggestion: "open it in a spreadsheet program and save it again")
        }
        return true
    }

    /// Whether the part at `path` holds `needle` (searched in its bytes as they unpack, nothing kept).
    func contains(_ needle: String, in path: String) throws(WorkbookError) -> Bool {
        guard let entry = archive[path] else { return false }
        let pattern = Array(needle.utf8)
        var tail: [UInt8] = []
        var found = false
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                guard !found else { return }
                let window = tail + chunk
                found = window.withUnsafeBufferPointer { buffer in
                    guard buffer.count >= pattern.count, let first = pattern.first else { return false }
                    var i = 0
                    while i <= buffer.count - pattern.count {
                        if buffer[i] == first && buffer[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
                        i += 1
                    }
                    return false
                }
                tail = Array(window.suffix(pattern.count - 1))
            }
        } catch {
            throw WorkbookError(
                "the workbook is damaged: its part \(path) cannot be unpacked",
                suggestion: "open it in a spreadsheet program and save it again")
        }
        return found
    }
}

/// A delegate that can stop the parse on purpose (a row handler that has seen enough).
protocol StoppableDelegate: AnyObject {
    /// Whether the parse was aborted on purpose (not for broken XML).
    var aborted: Bool { get }
}

/// Fills merged cells: every cell of a merged range shows the value of its top-left cell.
/// Ranges must be added in order of their top row (as both file formats list or meet them once
/// sorted); only the ranges covering the current row are looked at.
struct MergeFill {
    struct Range {
        var top, left, bottom, right: Int
        var value: CellValue?
    }
    private var pending: [Range] = []
    private var next = 0
    private var active: [Range] = []
    /// Merges are bounded: a sheet with more is read without filling the rest.
    static let limit = 100_000

    var isEmpty: Bool { pending.isEmpty }

    mutating func add(top: Int, left: Int, bottom: Int, right: Int) {
        guard pending.count < Self.limit, bottom >= top, right >= left, bottom > top || right > left else { return }
        pending.append(Range(top: top, left: left, bottom: bottom, right: min(right, left + 1024)))
    }

    /// `A1:B3`.
    mutating func add(reference: Substring) {
        let parts = reference.split(separator: ":")
        guard parts.count == 2 else { return }
        let a = CellAddress.parse(parts[0])
        let b = CellAddress.parse(parts[1])
        guard let c1 = a.column, let r1 = a.row, let c2 = b.column, let r2 = b.row else { return }
        add(top: r1, left: c1, bottom: r2, right: c2)
    }

    /// Sorts the ranges by their top row (once all are added, before the first row).
    mutating func sort() { pending.sort { $0.top < $1.top } }

    /// `row` with the merged cells filled in.
    mutating func fill(_ row: SheetRow) -> SheetRow {
        while next < pending.count && pending[next].top <= row.number {
            if pending[next].bottom >= row.number { active.append(pending[next]) }
            next += 1
        }
        active.removeAll { $0.bottom < row.number }
        guard !active.isEmpty else { return row }
        let original = row
        var row = row
        var added = Set<Int>()
        for i in active.indices {
            if active[i].top == row.number { active[i].value = original.value(active[i].left) }
            guard let value = active[i].value else { continue }
            for column in active[i].left...active[i].right
            where original.value(column) == nil && !added.contains(column) {
                row.cells.append(SheetCell(column: column, value: value))
                added.insert(column)
            }
        }
        if !added.isEmpty { row.cells.sort { $0.column < $1.column } }
        return row
    }
}

/// UTF-8 validity of bytes that come in chunks: a character cut between two chunks is carried over.
struct UTF8Check {
    private var carry: [UInt8] = []

    /// Whether the bytes so far are UTF-8 (with at most one character unfinished at the end).
    mutating func take(_ chunk: Data) -> Bool {
        var bytes = carry
        bytes.append(contentsOf: chunk)
        // Where the last, possibly unfinished, character starts.
        var start = bytes.count
        var back = 0
        while start > 0 && back < 4 {
            start -= 1
            back += 1
            if bytes[start] & 0xC0 != 0x80 { break }
        }
        var complete = bytes.count
        if start < bytes.count {
            let lead = bytes[start]
            let length =
                lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 1
            if start + length > bytes.count { complete = start }
        }
        guard String(validating: bytes[..<complete], as: UTF8.self) != nil else { return false }
        carry = Array(bytes[complete...])
        return true
    }

    /// Whether no character was left unfinished.
    var isComplete: Bool { carry.isEmpty }
}
