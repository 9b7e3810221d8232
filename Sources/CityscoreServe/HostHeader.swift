/// A `Host` header read strictly: a name, an IPv4 address or a bracketed IPv6 address, then at most
/// `:` and a port of digits. No user information (`user@host`), no path, no percent sign, nothing
/// after the port: such headers are not a host and are refused.
public struct HostHeader: Sendable, Equatable {
    /// The host, lowercased; an IPv6 address without its brackets.
    public var host: String
    /// Whether the host was written as a bracketed IPv6 address.
    public var isIP6: Bool
    /// The port, when one is given.
    public var port: UInt16?

    /// Parses a header value; nil when it is not exactly `host` or `host:port`.
    public init?(_ value: String) {
        var rest = Substring(value.lowercased())
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let address = String(rest[rest.index(after: rest.startIndex)..<close])
            guard ListenAddress.isIPv6(address) else { return nil }
            host = address
            isIP6 = true
            rest = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(of: ":") ?? rest.endIndex
            let name = rest[..<end]
            // A DNS name or an IPv4 address: letters, digits, `-` and `.`.
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isNameByte) else { return nil }
            host = String(name)
            isIP6 = false
            rest = rest[end...]
        }
        if rest.isEmpty {
            port = nil
            return
        }
        let digits = rest.dropFirst()
        guard rest.first == ":", (1...5).contains(digits.count),
            digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = UInt16(digits)
        else { return nil }
        port = number
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}
