import CityscoreConcurrency
import Foundation
import Testing

@testable import CityscoreServe

#if canImport(Glibc)
    import Glibc
#endif

/// A raw TCP connection to the preview server for requests no polite client sends: over-long,
/// trickling, half-sent, with odd `Host` headers or control bytes. Blocking calls run on a thread
/// of their own, off Swift's cooperative pool.
struct RawConnection: Sendable {
    /// What came back, and how the connection ended.
    struct Outcome: Sendable {
        var bytes: [UInt8]
        /// The server closed (or reset) the connection.
        var closed: Bool
        /// From connecting to the end of the exchange.
        var elapsed: Duration

        /// The response, parsed by the tests' client.
        var response: ServeTestClient.Response? { ServeTestClient.parse(bytes)?.response }

        /// The response head: everything before the empty line.
        var head: [UInt8] {
            let separator: [UInt8] = Array("\r\n\r\n".utf8)
            guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
                return bytes
            }
            return Array(bytes[..<end])
        }
    }

    let fd: Int32

    init(port: UInt16) throws { fd = try ServeTestClient.connectToLoopback(port: port) }

    /// Sends all of `bytes`; false when the server closed the connection first.
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Whether the server has closed the connection, waiting at most `milliseconds` for news;
    /// bytes that arrive are added to `received`.
    func isClosed(waiting milliseconds: Int32, received: inout [UInt8]) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return true }
        received += buffer[0..<count]
        return false
    }

    /// Reads until the server closes the connection or `limit` passes.
    func readUntilClosed(limit: Duration) -> (bytes: [UInt8], closed: Bool) {
        let end = ContinuousClock.now + limit
        var received: [UInt8] = []
        while ContinuousClock.now < end {
            if isClosed(waiting: 20, received: &received) { return (received, true) }
        }
        return (received, false)
    }

    func close() { _ = Glibc.close(fd) }

    /// Connects, sends `request` at once, reads until the server closes (at most `limit`).
    static func exchange(port: UInt16, _ request: [UInt8], limit: Duration = .seconds(5)) async throws
        -> Outcome
    {
        try await onThread {
            let start = ContinuousClock.now
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            _ = connection.send(request)
            let (bytes, closed) = connection.readUntilClosed(limit: limit)
            return Outcome(bytes: bytes, closed: closed, elapsed: ContinuousClock.now - start)
        }
    }

    /// Connects, sends `first`, then one byte of `trickle` every `every` until the server closes
    /// the connection or `limit` passes.
    static func trickle(
        port: UInt16, first: [UInt8], _ trickle: [UInt8], every: Duration, limit: Duration
    ) async throws -> Outcome {
        try await onThread {
            let start = ContinuousClock.now
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            var received: [UInt8] = []
            guard connection.send(first) else {
                return Outcome(bytes: [], closed: true, elapsed: ContinuousClock.now - start)
            }
            let wait = Int32(every.components.attoseconds / 1_000_000_000_000_000)
            var index = 0
            while ContinuousClock.now - start < limit {
                if connection.isClosed(waiting: wait, received: &received) {
                    return Outcome(bytes: received, closed: true, elapsed: ContinuousClock.now - start)
                }
                if !trickle.isEmpty {
                    _ = connection.send([trickle[index % trickle.count]])
                    index += 1
                }
            }
            return Outcome(bytes: received, closed: false, elapsed: ContinuousClock.now - start)
        }
    }

    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            OwnThread.start { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// A request with the given target and header lines (each without its CR LF).
private func request(_ target: String = "/", _ lines: [String]) -> [UInt8] {
    Array(("GET \(target) HTTP/1.1\r\n" + lines.map { $0 + "\r\n" }.joined() + "\r\n").utf8)
}

/// Whether a response head holds a control byte other than the CR LF that end its lines.
private func hasControlBytes(_ head: [UInt8]) -> Bool {
    for (index, byte) in head.enumerated() where byte < 0x20 || byte == 0x7F {
        let isLineEnd =
            (byte == 0x0D && index + 1 < head.count && head[index + 1] == 0x0A)
            || (byte == 0x0A && index > 0 && head[index - 1] == 0x0D)
        if !isLineEnd { return true }
    }
    return false
}

@Suite("Serve: request heads read in one pass")
struct ServeHeadScannerTests {
    @Test func findsTheEndOfAHeadWhateverTheChunks() {
        let head = Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
        var whole = HeadScanner(limit: 16_384)
        #expect(whole.feed(head + Array("body".utf8)) == .complete(head))
        // One byte at a time: the CR LF CR LF split across every possible boundary.
        var bytewise = HeadScanner(limit: 16_384)
        var last = HeadScanner.Progress.needMore
        for byte in head {
            #expect(last == .needMore)
            last = bytewise.feed([byte])
        }
        #expect(last == .complete(head))
        #expect(bytewise.feed(Array("more".utf8)) == .complete(head))
    }

    @Test func stopsAtTheLimitWithoutWaitingForTheRest() {
        var scanner = HeadScanner(limit: 16)
        #expect(scanner.feed(Array("GET /aaaaaaaaaaa".utf8)) == .needMore)  // exactly 16 bytes
        #expect(scanner.feed(Array("a".utf8)) == .tooLarge)
        #expect(scanner.feed(Array("\r\n\r\n".utf8)) == .tooLarge)
        // A head of exactly the limit, empty line included, is complete.
        let exact = Array("GET / HTTP/1.1\r\n\r\n".utf8)
        var fits = HeadScanner(limit: exact.count)
        #expect(fits.feed(exact) == .complete(exact))
    }

    @Test func refusesNulAndBareLineFeedsAtOnce() {
        for bad in ["GET /\0 HTTP/1.1\r\n", "GET / HTTP/1.1\n", "GET / HTTP/1.1\r\nA: b\n\n", "\n"] {
            var scanner = HeadScanner(limit: 16_384)
            #expect(scanner.feed(Array(bad.utf8)) == .malformed, "\(bad.debugDescription)")
        }
    }

    @Test func aQuarterMegabyteIsRefusedAfterTheLimitInLinearTime() {
        let huge = Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
        let clock = ContinuousClock()
        var progress = HeadScanner.Progress.needMore
        let elapsed = clock.measure {
            var scanner = HeadScanner(limit: 16 * 1024)
            var offset = 0
            while offset < huge.count, progress == .needMore {
                progress = scanner.feed(huge[offset..<min(offset + 4096, huge.count)])
                offset += 4096
            }
        }
        #expect(progress == .tooLarge)
        #expect(elapsed < .milliseconds(200), "took \(elapsed)")
    }
}

@Suite("Serve: request heads parsed strictly")
struct ServeRequestHeadTests {
    @Test func parsesARequest() throws {
        let head = try RequestHead(
            parsing: request(
                "/__cityscore/reload?since=ab-1&x=%20", ["Host: localhost:1313", "Accept:  text/html \t"]))
        #expect(head.method == "GET")
        #expect(head.path == "/__cityscore/reload")
        #expect(head.query == "since=ab-1&x=%20")
        #expect(head.queryValue("since") == "ab-1")
        #expect(head.queryValue("x") == " ")
        #expect(head.values("host") == ["localhost:1313"])
        #expect(head.values("Accept") == ["text/html"])
    }

    @Test func refusesWhatIsNotAPlainOriginFormRequest() {
        let bad: [[UInt8]] = [
            Array("GET  / HTTP/1.1\r\nHost: a\r\n\r\n".utf8),  // two spaces
            Array("GET / HTTP/2.0\r\nHost: a\r\n\r\n".utf8),
            Array("GET http://evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n".utf8),  // absolute form
            Array("GET /a\u{1}b HTTP/1.1\r\nHost: a\r\n\r\n".utf8),
            Array("GET /é HTTP/1.1\r\nHost: a\r\n\r\n".utf8),
            Array("G(T / HTTP/1.1\r\nHost: a\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nHost : a\r\n\r\n".utf8),  // space before the colon
            Array("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nX: a\u{0B}b\r\nHost: a\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nX: a\rSet-Cookie: b\r\nHost: a\r\n\r\n".utf8),  // bare CR
            Array("GET / HTTP/1.1\r\nX: a\u{7F}\r\nHost: a\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nno colon\r\n\r\n".utf8),
            Array("\r\n\r\n".utf8),
        ]
        for head in bad {
            #expect(throws: RequestHead.Problem.self, "\(String(decoding: head, as: UTF8.self).debugDescription)") {
                try RequestHead(parsing: head)
            }
        }
    }
}

@Suite("Serve: Host headers read strictly")
struct ServeStrictHostTests {
    @Test func refusesUserinfoJunkAfterThePortAndOtherPorts() throws {
        let loopback = try ListenAddress(host: "127.0.0.1")
        for host in ["127.0.0.1:1313", "localhost:1313", "LOCALHOST:1313", "[::1]:1313", "127.1.2.3:1313"] {
            #expect(loopback.accepts(hostHeader: host, port: 1313), "\(host)")
        }
        for host in [
            "evil.com", "evil.com:1313", "127.0.0.1@evil", "user@127.0.0.1:1313", "127.0.0.1:1313junk",
            "localhost:1313/x", "localhost:1313 ", "localhost:", "localhost:99999", "localhost:+1313",
            "127.0.0.1:1314", "127.0.0.1", "[::1", "[::1]x", "127.0.0.1%00", "127.0.0.1\r\nX: y",
            "localhost.:1313", "127.1:1313",
        ] {
            #expect(!loopback.accepts(hostHeader: host, port: 1313), "\(host.debugDescription)")
        }
        // Port 80 may go unsaid.
        #expect(loopback.accepts(hostHeader: "localhost", port: 80))
    }

    @Test func otherInterfacesStillWantAWellFormedHost() throws {
        let everywhere = try ListenAddress(host: "0.0.0.0")
        #expect(everywhere.accepts(hostHeader: "laptop.local:8080", port: 1313))
        for host in ["user@laptop.local", "laptop.local:1313junk", "laptop.local/x", ""] {
            #expect(!everywhere.accepts(hostHeader: host, port: 1313), "\(host)")
        }
    }

    @Test func parsesHostAndPort() {
        let name = HostHeader("LocalHost:1313")
        #expect(name?.host == "localhost" && name?.isIP6 == false && name?.port == 1313)
        let ip6 = HostHeader("[::1]")
        #expect(ip6?.host == "::1" && ip6?.isIP6 == true && ip6?.port == nil)
        #expect(HostHeader("[::1]:") == nil)
    }
}

@Suite("Serve: responses carry no control bytes")
struct ServeResponseBytesTests {
    @Test func headerValuesLoseTheirControlBytes() {
        let bytes = HTTPListener.serialize(
            PreviewResponse(
                status: 302,
                headers: ["Location": "/a\r\nSet-Cookie: x=1\0\u{7F}", "Bad\r\nName": "v"],
                body: Array("see".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!hasControlBytes(Array(bytes.prefix(bytes.count - 7))))  // head, without "\r\n\r\nsee"
        #expect(text.hasPrefix("HTTP/1.1 302 Found\r\n"))
        #expect(text.contains("\r\nLocation: /aSet-Cookie: x=1\r\n"))
        #expect(!text.contains("\r\nSet-Cookie"))
        #expect(text.contains("\r\nBadName: v\r\n"))
        #expect(text.contains("\r\nConnection: close\r\n"))
        #expect(text.contains("\r\nContent-Length: 3\r\n"))
        #expect(text.hasSuffix("\r\n\r\nsee"))
    }
}

/// The hardened server end to end: a real socket on a free port of 127.0.0.1.
@Suite("Serve: hostile clients", .serialized)
struct ServeHardeningTests {
    /// A deadline short enough for tests.
    static let limits = HTTPLimits(headDeadline: .milliseconds(300))

    @Test func aQuarterMegabyteRequestLineGets431WhileOthersAreServed() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site, limits: Self.limits) { _, client in
            let port = client.port
            let huge =
                Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
                + Array(" HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
            // At most three tries: in a full parallel `swift test` on two cores, other suites'
            // synchronous work can hold Swift's cooperative pool for a while.
            var latencies: [Duration] = []
            for _ in 1...3 {
                let attackers = (0..<2).map { _ in
                    Task { try await RawConnection.exchange(port: port, huge) }
                }
                let start = ContinuousClock.now
                let normal = try await client.get("/theme/site.css")
                latencies.append(ContinuousClock.now - start)
                #expect(normal.status == 200)
                for attacker in attackers {
                    let outcome = try await attacker.value
                    #expect(outcome.closed)
                    #expect(outcome.elapsed < .seconds(2), "the refusal took \(outcome.elapsed)")
                    // 431, or a connection closed before the answer could be read.
                    if let response = outcome.response {
                        #expect(response.status == 431)
                        #expect(response.headers["connection"] == "close")
                    }
                }
                if latencies.last.map({ $0 < .milliseconds(100) }) == true { break }
            }
            #expect(latencies.contains { $0 < .milliseconds(100) }, "normal requests took \(latencies)")
        }
    }

    @Test func aHeadJustOverTheLimitGets431AndOneJustUnderIsServed() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site, limits: Self.limits) { _, client in
            let host = "Host: 127.0.0.1:\(client.port)"
            let fits = request("/", [host, "X-Pad: " + String(repeating: "p", count: 16_000)])
            #expect(fits.count < 16 * 1024)
            let served = try await RawConnection.exchange(port: client.port, fits)
            #expect(served.response?.status == 200)
            let over = request("/", [host, "X-Pad: " + String(repeating: "p", count: 16_400)])
            let refused = try await RawConnection.exchange(port: client.port, over)
            #expect(refused.response?.status == 431)
            #expect(refused.response?.body.contains("16384 bytes") == true)
        }
    }

    @Test func trickleAndHalfSentHeadsAreDroppedAtTheDeadline() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site, limits: Self.limits) { _, client in
            let port = client.port
            let start = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n".utf8)
            // One byte every 20 ms, never finishing the head.
            let trickling = Task {
                try await RawConnection.trickle(
                    port: port, first: start, Array("X-Slow: aaaa".utf8), every: .milliseconds(20),
                    limit: .seconds(5))
            }
            // Half a head, then silence.
            let halfSent = Task {
                try await RawConnection.trickle(
                    port: port, first: start, [], every: .milliseconds(20), limit: .seconds(5))
            }
            // Meanwhile, others are served.
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await client.get("/").status == 200)
            for outcome in [try await trickling.value, try await halfSent.value] {
                #expect(outcome.closed, "still open after \(outcome.elapsed)")
                #expect(outcome.elapsed >= .milliseconds(250), "closed after \(outcome.elapsed)")
                #expect(outcome.elapsed < .seconds(3), "closed after \(outcome.elapsed)")
                #expect(outcome.bytes.isEmpty, "answered a head that never ended")
            }
        }
    }

    @Test func connectionsBeyondTheCapAreClosedAtOnce() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        let limits = HTTPLimits(headDeadline: .seconds(5), maxConnections: 2)
        try await withPreviewServer(site, limits: limits) { _, client in
            let port = client.port
            // Two connections that never finish their heads take both places.
            let holders = try await RawConnection.onThread {
                let holders = try (0..<2).map { _ in try RawConnection(port: port) }
                for holder in holders { _ = holder.send(Array("GET / HTTP/1.1\r\n".utf8)) }
                return holders
            }
            try await Task.sleep(for: .milliseconds(100))
            let third = try await RawConnection.exchange(
                port: port, request("/", ["Host: 127.0.0.1:\(port)"]), limit: .seconds(3))
            #expect(third.closed)
            #expect(third.bytes.isEmpty)
            #expect(
                third.elapsed < .seconds(3),
                "closed at once (long before the 10 s head timeout), not after \(third.elapsed)")
            // Once they are gone, the places are free again.
            for holder in holders { holder.close() }
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await client.get("/").status == 200)
        }
    }

    @Test func badHostFormsAreRefused() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site, limits: Self.limits) { _, client in
            let port = client.port
            let refused: [[String]] = [
                ["Host: evil.com"], ["Host: evil.com:\(port)"], ["Host: 127.0.0.1@evil"],
                ["Host: 127.0.0.1:1313junk"], ["Host: 127.0.0.1:\(port)junk"], ["Host: localhost:1313/x"],
                ["Host: localhost:\(port)/x"], ["Host: user@127.0.0.1:\(port)"], ["Host: 127.0.0.1:1"],
                [], ["Host: 127.0.0.1:\(port)", "Host: evil.com"],
            ]
            for lines in refused {
                let outcome = try await RawConnection.exchange(port: port, request("/", lines))
                let status = outcome.response?.status
                #expect(status == 400 || status == 403, "\(lines): \(String(describing: status))")
                #expect(outcome.response?.body.contains("<html") != true, "\(lines)")
            }
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"] {
                let outcome = try await RawConnection.exchange(port: port, request("/", ["Host: \(host)"]))
                #expect(outcome.response?.status == 200, "\(host)")
            }
        }
    }

    @Test func controlBytesFromTheRequestAreNeverEchoed() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        try await withPreviewServer(site, limits: Self.limits) { _, client in
            let port = client.port
            let host = "Host: 127.0.0.1:\(port)"
            let hostile: [[UInt8]] = [
                request("/", [host, "X-Echo: a\u{1}b\u{0B}c\u{7F}"]),
                request("/", [host, "X-Echo: a\rSet-Cookie: stolen=1"]),
                request("/cities/karmoy\u{1}", [host]),
                Array("GET /cities/karmoy HTTP/1.1\r\n\(host)\r\nX: a\0b\r\n\r\n".utf8),
                Array("GET /cities/karmoy HTTP/1.1\r\n\(host)\r\nX: a\nSet-Cookie: stolen=1\r\n\r\n".utf8),
                Array("GET /cities/karmoy HTTP/1.1\r\nHost: 127.0.0.1:\(port)\u{1}\r\n\r\n".utf8),
                // Encoded, the bytes stay encoded: the redirect repeats them as sent.
                request("/cities/karmoy?a=%0d%0aSet-Cookie:%20stolen=1", [host]),
                request("/cities/karmoy%0d%0aSet-Cookie:%20stolen=1", [host]),
            ]
            for bytes in hostile {
                let outcome = try await RawConnection.exchange(port: port, bytes)
                let label = String(decoding: bytes, as: UTF8.self).debugDescription
                let response = try #require(outcome.response, "no answer to \(label)")
                #expect(!hasControlBytes(outcome.head), "\(label)")
                #expect(response.headers["set-cookie"] == nil, "\(label)")
                #expect(response.headers["x-echo"] == nil, "\(label)")
                #expect([400, 302, 404].contains(response.status), "\(label): \(response.status)")
            }
            let redirect = try await RawConnection.exchange(
                port: port, request("/cities/karmoy?a=%0d%0aSet-Cookie:%20stolen=1", [host]))
            #expect(redirect.response?.headers["location"] == "/cities/karmoy/?a=%0d%0aSet-Cookie:%20stolen=1")
        }
    }

    @Test func liveReloadLongPollStillAnswers() async throws {
        let site = try ServeTestSite.make()
        defer { site.remove() }
        let server = try PreviewServer(
            .init(siteRoot: site.root, port: 0, pollTimeout: .milliseconds(600), limits: Self.limits),
            events: { _ in })
        let url = try await server.start()
        let port = UInt16(url.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0
        let version = server.snapshot.version
        // The long-poll outlives the head deadline: the deadline is for the head only.
        let start = ContinuousClock.now
        let answer = try await ServeTestClient(port: port).get("\(LiveReload.pollPath)?since=\(version)")
        let waited = ContinuousClock.now - start
        await server.stop()
        #expect(answer.status == 200)
        #expect(answer.body == "{\"version\":\"\(version)\"}\n")
        #expect(waited >= .milliseconds(550), "answered after \(waited)")
    }
}
