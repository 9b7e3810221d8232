/// A request's path, checked and decoded: which file of the built site it may name.
///
/// The raw, still percent-encoded path of the request line is checked segment by segment, so that
/// no spelling of `..` (`..`, `%2e%2e`, `%2E%2e`), no encoded separator (`%2f`, `%5c`) and no NUL
/// can name anything outside the site, whatever the HTTP library normalised before.
public enum RequestPath: Equatable, Sendable {
    /// A folder written with its trailing slash (`/`, `/cities/karmoy/`): served from its `index.html`.
    /// The value is the folder relative to the site root, ending in `/` (`""` for the root).
    case folder(String)
    /// Anything else (`/data/results.csv`, or `/cities` without its slash), relative to the site root.
    case file(String)
    /// A path that can name no file of the site: it is answered with 404.
    case refused

    /// Checks and decodes the raw path of a request line (without the query).
    public init(rawPath: String) {
        guard rawPath.hasPrefix("/") else {
            self = .refused
            return
        }
        var segments = rawPath.utf8.split(
            separator: UInt8(ascii: "/"), omittingEmptySubsequences: false
        )
        .dropFirst()
        let isFolder = segments.last?.isEmpty ?? true
        if isFolder { segments = segments.dropLast() }
        var decoded: [String] = []
        for raw in segments {
            guard let segment = Self.decode(Array(raw)), Self.isAllowed(segment) else {
                self = .refused
                return
            }
            decoded.append(segment)
        }
        let path = decoded.joined(separator: "/")
        if isFolder {
            self = .folder(path.isEmpty ? "" : path + "/")
        } else {
            self = .file(path)
        }
    }

    /// One percent-decoded segment; nil for broken encoding or bytes that are not UTF-8.
    static func decode(_ bytes: [UInt8]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Whether a decoded segment may be part of a site path: not empty, not `.` or `..`, and free of
    /// separators and control characters.
    static func isAllowed(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return !segment.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
