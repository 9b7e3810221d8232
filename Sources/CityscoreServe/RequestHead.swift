/// A request line and its header fields, parsed strictly from a complete head (see `HeadScanner`).
///
/// Only what the preview needs is accepted: an origin-form target (`/path?query`) of visible ASCII,
/// HTTP/1.0 or 1.1, header names made of token characters, values without control characters
/// (tab aside) and no folded lines. Anything else is a `400 Bad Request`, so no byte the preview
/// did not expect ever reaches a response.
public struct RequestHead: Sendable, Equatable {
    /// One header field, its name as sent.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// Why a head is refused.
    public enum Problem: Error, Sendable, Equatable {
        case badRequestLine
        case badTarget
        case badVersion
        case badField
    }

    /// `GET`, `HEAD`, …
    public var method: String
    /// The raw target: the path and, after `?`, the query, still percent-encoded.
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// The header fields in the order sent.
    public var fields: [Field]

    /// The target's path, before any `?`.
    public var path: String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark])
    }

    /// The target's query, after the first `?` (empty when there is none).
    public var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// Every value of the field `name` (compared without case).
    public func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The percent-decoded value of the query parameter `name`, if present and well encoded.
    public func queryValue(_ name: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first.map(String.init) == name else { continue }
            return RequestPath.decode(Array((parts.count > 1 ? parts[1] : "").utf8))
        }
        return nil
    }

    /// Parses a complete head: its bytes up to and including the empty line that ends it.
    public init(parsing head: [UInt8]) throws(Problem) {
        var lines = Self.lines(head)
        guard let requestLine = lines.first else { throw .badRequestLine }
        lines.removeFirst()
        let parts = requestLine.split(separator: Self.space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isToken) else {
            throw .badRequestLine
        }
        let target = parts[1]
        guard target.first == UInt8(ascii: "/"), target.allSatisfy(Self.isVisible) else {
            throw .badTarget
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .badVersion }
        var fields: [Field] = []
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .badField }
            let name = line[..<colon]
            // No empty name, no space before the colon, no folded continuation line.
            guard !name.isEmpty, name.allSatisfy(Self.isToken) else { throw .badField }
            let value = Self.trimmed(line[(colon + 1)...])
            guard value.allSatisfy(Self.isFieldByte) else { throw .badField }
            fields.append(
                Field(
                    name: String(decoding: name, as: UTF8.self),
                    value: String(decoding: value, as: UTF8.self)))
        }
        method = String(decoding: parts[0], as: UTF8.self)
        self.target = String(decoding: target, as: UTF8.self)
        self.version = version
        self.fields = fields
    }

    private static let space = UInt8(ascii: " ")

    /// The lines of a head, without their CR LF and without the final empty line. A carriage return
    /// not followed by a line feed stays in its line (and fails the checks of that line).
    static func lines(_ head: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + 1 < head.count {
            if head[index] == 0x0D && head[index + 1] == 0x0A {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func trimmed(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = value.firstIndex(where: { !isBlank($0) }),
            let last = value.lastIndex(where: { !isBlank($0) })
        else { return [] }
        return value[first...last]
    }

    /// RFC 9110 `tchar`: what method and field names are made of.
    static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// Visible ASCII (no space, no control character, nothing above 0x7E): what a target may hold.
    static func isVisible(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// What a field value may hold: visible characters, space, tab and bytes above 0x7F (RFC 9110
    /// `field-content`); no other control character.
    static func isFieldByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }
}
