import CityscoreBuiltIn
import CityscoreConcurrency
import CityscoreServe
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 client for the preview server tests: sends the path exactly as given (no
/// normalisation, unlike URLSession), never follows redirects, and gives up after a few seconds.
/// Its blocking socket calls run on a thread of their own, off Swift's cooperative pool.
struct ServeTestClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var port: UInt16

    func get(_ path: String, method: String = "GET", timeoutSeconds: Int = 15) async throws
        -> Response
    {
        let port = self.port
        // A thread of its own: Dispatch's global queues on Linux add threads for blocked work only
        // after a delay, which would show up as latency that is not the server's.
        return try await withCheckedThrowingContinuation { continuation in
            OwnThread.start {
                continuation.resume(
                    with: Result {
                        try Self.request(method: method, path: path, port: port, timeoutSeconds: timeoutSeconds)
                    })
            }
        }
    }

    static func request(method: String, path: String, port: UInt16, timeoutSeconds: Int) throws
        -> Response
    {
        let fd = try connectToLoopback(port: port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array(
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw Failure(description: "send() failed")
        }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw Failure(description: "recv() failed or timed out: errno \(errno)") }
            if count == 0 { break }
            data += buffer[0..<count]
            if let parsed = parse(data), parsed.complete { return parsed.response }
        }
        guard let parsed = parse(data) else { throw Failure(description: "no HTTP response") }
        return parsed.response
    }

    /// A blocking TCP socket connected to `port` of 127.0.0.1.
    static func connectToLoopback(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect() failed: errno \(errno)")
        }
        return fd
    }

    /// The response so far, and whether its body is complete (by `Content-Length`).
    static func parse(_ data: [UInt8]) -> (response: Response, complete: Bool)? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = data.indices.first(where: { data[$0...].starts(with: separator) }) else {
            return nil
        }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first else { return nil }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let body = data[(end + separator.count)...]
        let length = headers["content-length"].flatMap { Int($0) }
        let complete = length.map { body.count >= $0 } ?? false
        return (
            Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)),
            complete
        )
    }
}

/// Runs `body` with a preview server for `site` on a free port of 127.0.0.1, and always stops it.
func withPreviewServer(
    _ site: TestSite, watch: WatchMethod = .inotify, limits: HTTPLimits = HTTPLimits(),
    _ body: (PreviewServer, ServeTestClient) async throws -> Void
) async throws {
    let server = try PreviewServer(
        .init(siteRoot: site.root, port: 0, watch: watch, limits: limits), events: { _ in })
    let url = try await server.start()
    let port = UInt16(url.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0
    do {
        try #require(port != 0, "no port in \(url)")
        try await body(server, ServeTestClient(port: port))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Fetches `path` until `condition` holds or `limit` passes; returns the last response and the time taken.
func fetch(
    _ client: ServeTestClient, _ path: String, within limit: Duration,
    until condition: (ServeTestClient.Response) -> Bool
) async throws -> (ServeTestClient.Response, Duration) {
    let start = ContinuousClock.now
    var response = try await client.get(path)
    while !condition(response) && ContinuousClock.now - start < limit {
        try await Task.sleep(for: .milliseconds(10))
        response = try await client.get(path)
    }
    return (response, ContinuousClock.now - start)
}

/// Test sites for the live server: the default `TestSite` with a framework cut down to the KPIs its
/// results use, so that a rebuild takes milliseconds even when the whole test run shares two cores.
enum ServeTestSite {
    static let codes = [
        "EC: ICT: ICT: 1C,", "EC: ICT: ICT: 2C,", "EC: ICT: ICT: 4C,", "SC: SH: SA: 3A,",
        "EC: P: EM: 1C,",
    ]

    static var framework: String {
        let lines = BuiltInResources.frameworkCSV.split(
            separator: "\n", omittingEmptySubsequences: false)
        let kept =
            lines.prefix(1) + lines.dropFirst().filter { line in codes.contains { line.hasPrefix($0) } }
        return kept.joined(separator: "\n") + "\n"
    }

    static func make() throws -> TestSite {
        try TestSite.make(["Content/framework/kpis.csv": framework])
    }
}
