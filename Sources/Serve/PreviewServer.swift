import Diagnostics
import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Model

/// `cityscore serve`: builds the site in memory, serves it, watches `Content/` and `Themes/`,
/// rebuilds on change and reloads open pages. A failed build keeps the last good site served,
/// with the problems over every page. Nothing is ever written into the site folder.
public final class PreviewServer: Sendable {
    /// What to serve, where, and how to watch.
    public struct Configuration: Sendable {
        /// The site folder.
        public var siteRoot: String
        /// The interface to listen on (default: loopback only).
        public var address: ListenAddress
        /// The port; 0 picks a free one.
        public var port: UInt16
        /// How changes are noticed; inotify falls back to polling where it cannot be used.
        public var watch: WatchMethod
        /// How long changes must have stopped before a rebuild starts.
        public var quietMilliseconds: Int
        /// How long a long-poll waits for a change before it is answered anyway.
        public var pollTimeout: Duration

        /// Creates a configuration; the defaults are those of `cityscore serve`.
        public init(
            siteRoot: String, address: ListenAddress = .ip4("127.0.0.1"), port: UInt16 = 1313,
            watch: WatchMethod = .inotify, quietMilliseconds: Int = 100,
            pollTimeout: Duration = .seconds(25)
        ) {
            self.siteRoot = siteRoot
            self.address = address
            self.port = port
            self.watch = watch
            self.quietMilliseconds = quietMilliseconds
            self.pollTimeout = pollTimeout
        }
    }

    /// The parts that exist while the server runs.
    private struct Running: Sendable {
        var task: Task<Void, any Error>
        var watcher: (any FolderWatcher)?
        var watcherDone: DispatchGroup
    }

    /// The configuration it was made with.
    public let configuration: Configuration
    private let live = LiveSite()
    private let events: @Sendable (ServeEvent) -> Void
    private let server: HTTPServer
    private let running = Locked<Running?>(nil)
    private let startFailure = Locked<(any Error)?>(nil)
    private let root: String

    /// Creates a server; `events` is called (from any thread) after every build.
    public init(_ configuration: Configuration, events: @escaping @Sendable (ServeEvent) -> Void)
        throws(ServeError)
    {
        self.configuration = configuration
        self.events = events
        root = URL(fileURLWithPath: configuration.siteRoot).standardizedFileURL.path
        let live = self.live
        let pollTimeout = configuration.pollTimeout
        let address = configuration.address
        let handler = ClosureHTTPHandler { request in
            guard address.accepts(hostHeader: request.headers[.host]) else {
                return HTTPResponse(
                    statusCode: HTTPStatusCode(403, phrase: "Forbidden"),
                    headers: [.contentType: "text/plain; charset=utf-8"],
                    body: Data("This preview answers requests for localhost or 127.0.0.1 only.\n".utf8))
            }
            return await Self.handle(request, live: live, pollTimeout: pollTimeout)
        }
        do {
            switch configuration.address {
            case .ip4(let ip):
                let config = HTTPServer.Configuration(
                    address: try sockaddr_in.inet(ip4: ip, port: configuration.port), timeout: 60,
                    logger: .disabled)
                server = HTTPServer(config: config, handler: handler)
            case .ip6(let ip):
                let config = HTTPServer.Configuration(
                    address: try sockaddr_in6.inet6(ip6: ip, port: configuration.port), timeout: 60,
                    logger: .disabled)
                server = HTTPServer(config: config, handler: handler)
            }
        } catch {
            throw ListenAddress.invalid(configuration.address.urlHost)
        }
    }

    /// The site folder, absolute.
    public var siteFolder: String { root }

    /// What is served now.
    public var snapshot: SiteSnapshot { live.snapshot }

    /// Starts listening, builds the site, starts watching; returns the URL the site is served at.
    ///
    /// A site that does not build is still served (the problems show in the browser until they are
    /// fixed); a folder that is not a site, or a port that is taken, throws.
    @discardableResult
    public func start() async throws(ServeError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/Content", isDirectory: &isFolder),
            isFolder.boolValue
        else {
            let (outcome, _) = SiteBuilder(
                siteRoot: root, baseURL: configuration.address.url(port: configuration.port)
            ).build()
            var diagnostics: [Diagnostic] = []
            if case .failed(let problems) = outcome { diagnostics = problems }
            throw ServeError("\(root) is not a cityscore site", diagnostics: diagnostics)
        }
        let port = try await listen()
        let url = configuration.address.url(port: port)
        let builder = SiteBuilder(siteRoot: root, baseURL: url)
        // Watching starts before the first build, so that no change made during it is missed.
        let (watcher, _) = Watchers.make(
            root: root, method: configuration.watch, quietMilliseconds: configuration.quietMilliseconds)
        // The build blocks its thread: keep it off Swift's cooperative pool, which serves requests.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.rebuild(with: builder, initial: true)
                continuation.resume()
            }
        }

        let done = DispatchGroup()
        done.enter()
        let thread = Thread { [self] in
            watcher.run { self.rebuild(with: builder, initial: false) }
            done.leave()
        }
        thread.name = "cityscore-serve-watcher"
        let attached = running.withLock { state -> Bool in
            guard state != nil else { return false }
            state?.watcher = watcher
            state?.watcherDone = done
            return true
        }
        guard attached else { throw ServeError("the server was stopped while it started") }
        thread.start()
        return url
    }

    /// How changes are watched (after `start()`).
    public var watchMethod: WatchMethod? {
        running.withLock { running in
            running?.watcher.map { $0 is PollingWatcher ? WatchMethod.polling : WatchMethod.inotify }
        }
    }

    /// Stops watching and serving: waits for a rebuild in progress, gives open requests a moment to
    /// finish, then closes every connection.
    public func stop() async {
        guard
            let parts = running.withLock({ state -> Running? in
                defer { state = nil }
                return state
            })
        else { return }
        parts.watcher?.stop()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            parts.watcherDone.notify(queue: .global()) { continuation.resume() }
        }
        live.close()
        await server.stop(timeout: 0.2)
        _ = await parts.task.result
    }

    /// Starts the HTTP server and waits until it listens; returns the port.
    private func listen() async throws(ServeError) -> UInt16 {
        let server = self.server
        let failure = startFailure
        let task = Task {
            do {
                try await server.run()
            } catch {
                failure.withLock { $0 = error }
                throw error
            }
        }
        let idle = DispatchGroup()
        running.withLock { $0 = Running(task: task, watcher: nil, watcherDone: idle) }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let address = await server.listeningAddress {
                switch address {
                case .ip4(_, let port), .ip6(_, let port): return port
                case .unix: break
                }
            }
            if let error = failure.current {
                running.withLock { $0 = nil }
                throw ServeError(
                    "cannot listen on \(configuration.address.urlHost):\(configuration.port): \(Self.describe(error))"
                )
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        task.cancel()
        running.withLock { $0 = nil }
        throw ServeError(
            "cannot listen on \(configuration.address.urlHost):\(configuration.port): timed out")
    }

    static func describe(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, let errno, let message) = socket {
            if errno == EADDRINUSE { return "the port is in use; stop the other server or pass --port" }
            return message
        }
        return String(describing: error)
    }

    /// Builds, publishes the outcome and reports it.
    private func rebuild(with builder: SiteBuilder, initial: Bool) {
        let (outcome, milliseconds) = builder.build()
        switch outcome {
        case .built(let files, let warnings):
            live.publish(files: files)
            if initial {
                let pages = files.keys.filter { ContentTypes.isHTML($0) }.count
                events(.built(pages: pages, milliseconds: milliseconds, warnings: warnings))
            } else {
                events(.rebuilt(milliseconds: milliseconds, warnings: warnings))
            }
        case .failed(let diagnostics):
            live.publish(errors: diagnostics)
            events(.failed(milliseconds: milliseconds, diagnostics: diagnostics, initial: initial))
        }
    }

    /// One request: the long-poll, or a file of the site.
    static func handle(_ request: HTTPRequest, live: LiveSite, pollTimeout: Duration) async
        -> HTTPResponse
    {
        let path = request.target.path()
        if path == LiveReload.pollPath && request.method == .GET {
            let since = request.query.first { $0.name == "since" }?.value ?? ""
            let version = await live.version(after: since, timeout: pollTimeout)
            // Versions are made of letters, digits and `-` (see LiveSite): nothing to escape.
            let body = "{\"version\":\"\(version)\"}\n"
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: Data(body.utf8))
        }
        let response = SiteResponder(snapshot: live.snapshot).respond(
            method: request.method.rawValue, path: path, query: request.target.query())
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)),
            headers: headers,
            body: Data(response.body))
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Internal Server Error"
        }
    }
}
