/// The pages of a PDF's named destinations, read from the file Chromium (Skia) writes: the page
/// tree (`/Type /Pages … /Kids [n 0 R …]`) gives each page object its number, and the catalog's
/// `/Dests` dictionary names a page object for every element a link points to (`/id [n 0 R /XYZ …]`).
/// Skia writes these dictionaries as plain text (only content and font streams are compressed), so
/// no PDF library is needed; anything else read finds no destinations.
public enum PDFDestinations {
    /// Page numbers (from 1) by destination name.
    public static func pages(in pdf: [UInt8]) -> [String: Int] {
        let objects = Self.objects(pdf)
        guard let catalog = objects.values.first(where: { $0.contains("/Type /Catalog") }),
            let root = reference(after: "/Pages", in: catalog),
            let destsRef = reference(after: "/Dests", in: catalog), let dests = objects[destsRef]
        else { return [:] }
        var order: [Int] = []
        collectPages(root, objects: objects, into: &order, depth: 0)
        let pageNumbers = Dictionary(order.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        var out: [String: Int] = [:]
        // `/name [12 0 R /XYZ …]`
        var rest = dests[...]
        while let slash = rest.firstIndex(of: "/") {
            let afterSlash = rest.index(after: slash)
            let nameEnd =
                rest[afterSlash...].firstIndex { $0 == " " || $0 == "[" || $0 == "\n" || $0 == "/" }
                ?? rest.endIndex
            let name = decodeName(String(rest[afterSlash..<nameEnd]))
            rest = rest[nameEnd...]
            let trimmed = rest.drop { $0 == " " || $0 == "\n" }
            guard trimmed.first == "[" else { continue }
            let inside = trimmed.dropFirst()
            if let ref = leadingReference(inside), let page = pageNumbers[ref] { out[name] = page }
            rest = inside[(inside.firstIndex(of: "]") ?? inside.endIndex)...]
        }
        return out
    }

    /// Every `n 0 obj … endobj` as text (latin-1), without stream data.
    static func objects(_ pdf: [UInt8]) -> [Int: String] {
        pdf.withUnsafeBufferPointer { bytes in
            var out: [Int: String] = [:]
            let obj = Array(" 0 obj".utf8)
            let end = Array("endobj".utf8)
            let stream = Array("stream".utf8)
            var i = 0
            while let at = find(obj, in: bytes, from: i, to: bytes.count) {
                var start = at
                while start > 0, bytes[start - 1] >= 0x30, bytes[start - 1] <= 0x39 { start -= 1 }
                let number = Int(String(decoding: bytes[start..<at], as: UTF8.self))
                guard let close = find(end, in: bytes, from: at, to: bytes.count) else { break }
                let bodyEnd = find(stream, in: bytes, from: at, to: close) ?? close
                if let number {
                    var text = ""
                    text.unicodeScalars.append(contentsOf: bytes[(at + obj.count)..<bodyEnd].map { Unicode.Scalar($0) })
                    out[number] = text
                }
                i = close + end.count
            }
            return out
        }
    }

    /// Where `needle` starts in `bytes[from..<to]`, if it does.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let count = needle.count
        guard count > 0, to - count >= from else { return nil }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0]
            var i = from
            while i <= to - count {
                if bytes[i] == first {
                    var j = 1
                    while j < count && bytes[i + j] == needle[j] { j += 1 }
                    if j == count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    static func collectPages(_ number: Int, objects: [Int: String], into order: inout [Int], depth: Int) {
        guard depth < 32, let object = objects[number] else { return }
        if object.contains("/Type /Pages") {
            guard let kids = object.range(of: "/Kids [") else { return }
            let list = object[kids.upperBound...].prefix { $0 != "]" }
            let parts = list.split { $0 == " " || $0 == "\n" || $0 == "\r" }
            var i = 0
            while i < parts.count {
                if i + 2 < parts.count, parts[i + 2] == "R", let n = Int(parts[i]) {
                    collectPages(n, objects: objects, into: &order, depth: depth + 1)
                    i += 3
                } else {
                    i += 1
                }
            }
        } else if object.contains("/Type /Page") {
            order.append(number)
        }
    }

    /// The object number of `key n 0 R` in `text`.
    static func reference(after key: String, in text: String) -> Int? {
        var search = text[...]
        while let range = search.range(of: key) {
            let after = search[range.upperBound...]
            if after.first == " " || after.first == "\n", let n = leadingReference(after) { return n }
            search = after
        }
        return nil
    }

    /// `n` of a text that starts (after spaces) with `n 0 R`.
    static func leadingReference(_ text: Substring) -> Int? {
        let parts = text.drop { $0 == " " || $0 == "\n" }.split(separator: " ", maxSplits: 3)
        guard parts.count >= 3, parts[2].hasPrefix("R"), let n = Int(parts[0]) else { return nil }
        return n
    }

    /// A PDF name with its `#xx` escapes decoded.
    static func decodeName(_ name: String) -> String {
        guard name.contains("#") else { return name }
        var bytes: [UInt8] = []
        var scalars = Array(name.utf8)[...]
        while let byte = scalars.first {
            scalars = scalars.dropFirst()
            if byte == UInt8(ascii: "#"), scalars.count >= 2,
                let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                scalars = scalars.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
