import CityscoreConcurrency
import FlyingSocks
import Foundation
import CityscoreModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the preview's HTTP server tolerates from one connection.
public struct HTTPLimits: Sendable, Equatable {
    /// The most bytes a request head (request line and header fields) may have: longer → 431.
    public var maxHeadBytes: Int
    /// How long a client has, from connecting, to send its whole head: slower → the connection is
    /// closed without an answer.
    public var headDeadline: Duration
    /// How long the answer may take to send: a client that does not read it is dropped.
    public var writeDeadline: Duration
    /// How many connections are served at once; more are closed as soon as they are accepted.
    public var maxConnections: Int

    /// Creates limits; the defaults are those of `cityscore serve`.
    public init(
        maxHeadBytes: Int = 16 * 1024, headDeadline: Duration = .seconds(10),
        writeDeadline: Duration = .seconds(30), maxConnections: Int = 256
    ) {
        self.maxHeadBytes = maxHeadBytes
        self.headDeadline = headDeadline
        self.writeDeadline = writeDeadline
        self.maxConnections = maxConnections
    }
}

/// The preview's HTTP/1.1 server, on FlyingSocks' non-blocking sockets: one request per connection.
///
/// Each connection gets `limits.headDeadline` to send a head of at most `limits.maxHeadBytes`,
/// read with `HeadScanner` (linear, never rescanned). The head is then parsed strictly
/// (`RequestHead`) and its `Host` checked (`ListenAddress.accepts`) before anything else runs; only
/// then is `handler` asked. Every answer closes the connection; header values never carry a control
/// character.
final class HTTPListener: Sendable {
    typealias Handler = @Sendable (RequestHead) async -> PreviewResponse

    let address: ListenAddress
    let limits: HTTPLimits
    private let handler: Handler
    private let open = Locked(0)

    init(address: ListenAddress, limits: HTTPLimits, handler: @escaping Handler) {
        self.address = address
        self.limits = limits
        self.handler = handler
    }

    /// A listening socket and its port (the one asked for, or the free one picked for 0).
    struct Listening: Sendable {
        var socket: Socket
        var port: UInt16
    }

    /// Binds and listens on `port` of the address.
    func listen(port: UInt16) throws -> Listening {
        let socket = try Socket(domain: address.isIP6 ? AF_INET6 : AF_INET, type: .stream)
        do {
            try socket.setValue(true, for: .localAddressReuse)
            switch address {
            case .ip4(let ip): try socket.bind(to: sockaddr_in.inet(ip4: ip, port: port))
            case .ip6(let ip): try socket.bind(to: sockaddr_in6.inet6(ip6: ip, port: port))
            }
            try socket.listen()
            switch try socket.sockname() {
            case .ip4(_, let bound), .ip6(_, let bound): return Listening(socket: socket, port: bound)
            case .unix: throw SocketError.unsupportedAddress
            }
        } catch {
            try? socket.close()
            throw error
        }
    }

    /// Accepts and serves connections until the task is cancelled; closes the socket at the end.
    func serve(_ listening: Listening) async {
        defer { try? listening.socket.close() }
        let pool = SocketPool<Poll>.make(maxEvents: 64)
        let listener: AsyncSocket
        do {
            try await pool.prepare()
            listener = try AsyncSocket(socket: listening.socket, pool: pool)
        } catch {
            return
        }
        await withDiscardingTaskGroup { group in
            group.addTask { try? await pool.run() }
            while !Task.isCancelled {
                let connection: AsyncSocket
                do {
                    connection = try await listener.accept()
                } catch {
                    // Out of file descriptors, say: wait a little rather than spin.
                    try? await Task.sleep(for: .milliseconds(50))
                    continue
                }
                let admitted = open.withLock { count in
                    guard count < limits.maxConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    try? connection.close()
                    continue
                }
                group.addTask {
                    await self.serve(connection: connection, port: listening.port)
                    self.open.withLock { $0 -= 1 }
                }
            }
            group.cancelAll()
        }
    }

    /// How many connections are being served.
    var openConnections: Int { open.current }

    /// One connection: its head within the deadline, the answer, a short drain, close.
    func serve(connection: AsyncSocket, port: UInt16) async {
        defer { try? connection.close() }
        let limit = limits.maxHeadBytes
        guard
            let progress = await Self.within(
                limits.headDeadline,
                {
                    try await Self.readHead(connection, limit: limit)
                })
        else { return }  // too slow, or gone
        let response = await answer(progress, port: port)
        let bytes = Self.serialize(response)
        let sent = await Self.within(limits.writeDeadline) {
            try await connection.write(Data(bytes))
            return true
        }
        guard sent == true else { return }
        await Self.linger(connection)
    }

    /// The answer to a head: an error for a head that is too long, malformed, or for another host;
    /// otherwise the handler's.
    func answer(_ progress: HeadScanner.Progress, port: UInt16) async -> PreviewResponse {
        let bytes: [UInt8]
        switch progress {
        case .complete(let head): bytes = head
        case .tooLarge:
            return Self.plain(
                431, "The request head is longer than \(limits.maxHeadBytes) bytes.")
        case .malformed, .needMore: return Self.plain(400, "Malformed request.")
        }
        let head: RequestHead
        do {
            head = try RequestHead(parsing: bytes)
        } catch {
            return Self.plain(400, "Malformed request.")
        }
        let hosts = head.values("Host")
        guard hosts.count == 1, let host = hosts.first, HostHeader(host) != nil else {
            return Self.plain(400, "A request needs exactly one Host header of the form host or host:port.")
        }
        guard address.accepts(hostHeader: host, port: port) else {
            return Self.plain(
                403, "This preview answers requests for localhost or 127.0.0.1 on port \(port) only.")
        }
        return await handler(head)
    }

    /// Reads until the head is complete, too long or malformed; throws when the client is gone.
    static func readHead(_ socket: AsyncSocket, limit: Int) async throws -> HeadScanner.Progress {
        var scanner = HeadScanner(limit: limit)
        while true {
            let progress = scanner.feed(try await socket.read(atMost: 4096))
            if case .needMore = progress { continue }
            return progress
        }
    }

    /// After the answer: no more writing, and what the client still sends (the rest of an
    /// over-long head, a body) is read and dropped for a moment, so that closing does not reset the
    /// connection before the client has read the answer. At most 1 MiB and 500 ms.
    static func linger(_ socket: AsyncSocket) async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        _ = await within(.milliseconds(500)) {
            var drained = 0
            while drained < 1 << 20 { drained += try await socket.read(atMost: 4096).count }
            return true
        }
    }

    /// `body`'s value, or nil when it throws or `limit` passes first (it is then cancelled).
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T)
        async -> T?
    {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { try? await body() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// A short plain-text answer of the server itself.
    static func plain(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"],
            body: Array((text + "\n").utf8))
    }

    /// The bytes of a response: status line, header fields (sorted, without control characters in
    /// names or values), `Content-Length` when missing, `Connection: close`, then the body.
    static func serialize(_ response: PreviewResponse) -> [UInt8] {
        var headers = response.headers
        headers["Connection"] = "close"
        if !headers.keys.contains(where: { $0.lowercased() == "content-length" }) {
            headers["Content-Length"] = String(response.body.count)
        }
        var out = Array("HTTP/1.1 \(response.status) \(phrase(response.status))\r\n".utf8)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            let cleanName = name.utf8.filter(RequestHead.isToken)
            guard !cleanName.isEmpty else { continue }
            out += cleanName
            out += Array(": ".utf8)
            out += value.utf8.filter { $0 >= 0x20 && $0 != 0x7F }
            out += Array("\r\n".utf8)
        }
        out += Array("\r\n".utf8)
        out += response.body
        return out
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Internal Server Error"
        }
    }
}
