import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import Dispatch
import FlyingSocks
import Foundation

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
        /// What one connection may send, and how slowly.
        public var limits: HTTPLimits

        /// Creates a configuration; the defaults are those of `cityscore serve`.
        public init(
            siteRoot: String, address: ListenAddress = .ip4("127.0.0.1"), port: UInt16 = 1313,
            watch: WatchMethod = .inotify, quietMilliseconds: Int = 100,
            pollTimeout: Duration = .seconds(25), limits: HTTPLimits = HTTPLimits()
        ) {
            self.siteRoot = siteRoot
            self.address = address
            self.port = port
            self.watch = watch
            self.quietMilliseconds = quietMilliseconds
            self.pollTimeout = pollTimeout
            self.limits = limits
        }
    }

    /// The parts that exist while the server runs.
    private struct Running: Sendable {
        var task: Task<Void, Never>
        var watcher: (any FolderWatcher)?
        var watcherDone: DispatchGroup
    }

    /// The configuration it was made with.
    public let configuration: Configuration
    private let live = LiveSite()
    private let events: @Sendable (ServeEvent) -> Void
    private let listener: HTTPListener
    private let running = Locked<Running?>(nil)
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
        listener = HTTPListener(address: configuration.address, limits: configuration.limits) {
            head in
            await Self.handle(head, live: live, pollTimeout: pollTimeout)
        }
        switch configuration.address {
        case .ip4(let ip) where ListenAddress.isIPv4(ip), .ip6(let ip) where ListenAddress.isIPv6(ip): break
        default: throw ListenAddress.invalid(configuration.address.urlHost)
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
                self.rebuild(with: builder, changed: nil, initial: true)
                continuation.resume()
            }
        }

        let done = DispatchGroup()
        done.enter()
        let attached = running.withLock { state -> Bool in
            guard state != nil else { return false }
            state?.watcher = watcher
            state?.watcherDone = done
            return true
        }
        guard attached else { throw ServeError("the server was stopped while it started") }
        OwnThread.start { [self] in
            watcher.run { self.rebuild(with: builder, changed: $0, initial: false) }
            done.leave()
        }
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
        // Open requests get a moment to finish; then every connection is closed.
        let grace = ContinuousClock.now + .milliseconds(200)
        while listener.openConnections > 0 && ContinuousClock.now < grace {
            try? await Task.sleep(for: .milliseconds(5))
        }
        parts.task.cancel()
        await parts.task.value
    }

    /// Listens and starts serving; returns the port.
    private func listen() async throws(ServeError) -> UInt16 {
        let listening: HTTPListener.Listening
        do {
            listening = try listener.listen(port: configuration.port)
        } catch {
            throw ServeError(
                "cannot listen on \(configuration.address.urlHost):\(configuration.port): \(Self.describe(error))"
            )
        }
        let listener = self.listener
        let task = Task { await listener.serve(listening) }
        running.withLock { $0 = Running(task: task, watcher: nil, watcherDone: DispatchGroup()) }
        return listening.port
    }

    static func describe(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, let errno, let message) = socket {
            if errno == EADDRINUSE { return "the port is in use; stop the other server or pass --port" }
            return message
        }
        return String(describing: error)
    }

    /// Builds after the files at `changed` changed (nil: any), publishes the outcome and reports it.
    private func rebuild(with builder: SiteBuilder, changed: Set<String>?, initial: Bool) {
        let (outcome, milliseconds) = builder.build(changed: changed)
        switch outcome {
        case .built(let files, let changed, let warnings):
            live.publish(files: files, changed: changed)
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
    static func handle(_ request: RequestHead, live: LiveSite, pollTimeout: Duration) async
        -> PreviewResponse
    {
        let path = request.path
        if path == LiveReload.pollPath && request.method == "GET" {
            let since = request.queryValue("since") ?? ""
            let version = await live.version(after: since, timeout: pollTimeout)
            // Versions are made of letters, digits and `-` (see LiveSite): nothing to escape.
            let body = "{\"version\":\"\(version)\"}\n"
            return PreviewResponse(
                status: 200,
                headers: ["Content-Type": "application/json", "Cache-Control": "no-store"],
                body: Array(body.utf8))
        }
        return SiteResponder(snapshot: live.snapshot).respond(
            method: request.method, path: path, query: request.query)
    }
}
