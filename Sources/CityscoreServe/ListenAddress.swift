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

    /// Whether this is an IPv6 address.
    var isIP6: Bool {
        if case .ip6 = self { return true }
        return false
    }

    /// Whether this is a loopback address (`127.x.x.x`, `::1`).
    public var isLoopback: Bool {
        switch self {
        case .ip4(let address): address.hasPrefix("127.")
        case .ip6(let address): address == "::1"
        }
    }

    /// Whether a request's `Host` header is one this server answers: a strict `host[:port]` (see
    /// `HostHeader`: no `user@`, nothing after the port) and, for a server on loopback, a name of
    /// this machine (`localhost`, `127.x.x.x`, `[::1]`) with the port it listens on (`port`; nil
    /// skips that check; no port in the header means 80). A web page elsewhere that rebinds its own
    /// name to 127.0.0.1 (DNS rebinding) sends its own name and is refused. Servers on other
    /// interfaces accept every well-formed host and port (they may be reached through a forwarded port).
    public func accepts(hostHeader: String?, port: UInt16? = nil) -> Bool {
        guard let header = hostHeader.flatMap(HostHeader.init) else { return false }
        guard isLoopback else { return true }
        if let port, (header.port ?? 80) != port { return false }
        if header.isIP6 { return header.host == "::1" }
        return header.host == "localhost" || (header.host.hasPrefix("127.") && Self.isIPv4(header.host))
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
