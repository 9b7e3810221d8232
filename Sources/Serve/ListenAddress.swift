#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interface the preview server listens on, from `--host`.
public enum ListenAddress: Sendable, Equatable {
    /// An IPv4 address such as `127.0.0.1`.
    case ip4(String)
    /// An IPv6 address such as `::1`, without brackets.
    case ip6(String)

    /// Parses `--host`: an IPv4 or IPv6 address (brackets allowed), or `localhost`.
    public init(host: String) throws(ServeError) {
        var text = host
        if text == "localhost" { text = "127.0.0.1" }
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.contains(":") {
            guard Self.isIPv6(text) else { throw Self.invalid(host) }
            self = .ip6(text)
        } else {
            guard Self.isIPv4(text) else { throw Self.invalid(host) }
            self = .ip4(text)
        }
    }

    /// The host as written in a URL: `127.0.0.1`, `[::1]`.
    public var urlHost: String {
        switch self {
        case .ip4(let address): address
        case .ip6(let address): "[\(address)]"
        }
    }

    /// Whether this is a loopback address (`127.x.x.x`, `::1`).
    public var isLoopback: Bool {
        switch self {
        case .ip4(let address): address.hasPrefix("127.")
        case .ip6(let address): address == "::1"
        }
    }

    /// Whether a request's `Host` header names this machine, for a server on loopback: a web page
    /// elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name and is
    /// refused. Servers on other interfaces accept every host.
    public func accepts(hostHeader: String?) -> Bool {
        guard isLoopback else { return true }
        guard let header = hostHeader?.lowercased(), !header.isEmpty else { return false }
        var host = Substring(header)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            host = host[host.index(after: host.startIndex)..<close]
            return host == "::1"
        }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        return host == "localhost" || (host.hasPrefix("127.") && Self.isIPv4(String(host)))
    }

    /// The URL of the site served at `port`.
    public func url(port: UInt16) -> String { "http://\(urlHost):\(port)/" }

    static func invalid(_ host: String) -> ServeError {
        ServeError(
            "--host \"\(host)\" is not an IP address; use 127.0.0.1 (the default), ::1, or 0.0.0.0 for every interface",
            isUsage: true)
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
