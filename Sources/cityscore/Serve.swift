import ArgumentParser
import CityscoreDiagnostics
import Dispatch
import Foundation
import CityscoreServe

#if canImport(Glibc)
    import Glibc
#endif

/// `cityscore serve`: preview the site with live reload.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1 and rebuild and reload it on every change.",
        discussion: """
            The site is built in memory and served from there (nothing is written). Content/ and Themes/ \
            are watched; after a change the site is rebuilt and open pages reload. A build error is \
            printed here and shown over the page while the last good build stays served.
            """)

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    @Option(name: .long, help: "The port (0 picks a free one).")
    var port: UInt16 = 1313

    @Option(
        name: .long, help: "The address to listen on; 0.0.0.0 or :: opens the preview to the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Watch by polling file times instead of inotify.")
    var poll = false

    func validate() throws {
        do {
            _ = try ListenAddress(host: host)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let address: ListenAddress
        do {
            address = try ListenAddress(host: host)
        } catch {
            throw ValidationError(error.description)
        }
        let server: PreviewServer
        do {
            server = try PreviewServer(
                .init(siteRoot: site, address: address, port: port, watch: poll ? .polling : .inotify),
                events: Self.print)
        } catch {
            throw ValidationError(error.description)
        }
        let status = ServeSession.run(server)
        if status != 0 { throw ExitCode(status) }
    }

    /// Prints what happened: diagnostics as usual, then one line.
    @Sendable static func print(_ event: ServeEvent) {
        switch event {
        case .built(let pages, let milliseconds, let warnings):
            Console.report(warnings)
            Console.out("built \(pages) pages in \(milliseconds) ms")
        case .rebuilt(let milliseconds, let warnings):
            Console.report(warnings)
            Console.out("rebuilt in \(milliseconds) ms")
        case .failed(let milliseconds, let diagnostics, let initial):
            Console.report(diagnostics)
            Console.out(
                initial
                    ? "the build failed in \(milliseconds) ms; the errors show in the browser until they are fixed"
                    : "the rebuild failed in \(milliseconds) ms; still serving the last good build")
        }
    }
}

/// Runs a preview server until Ctrl-C (SIGINT) or SIGTERM, from the synchronous command.
enum ServeSession {
    /// Starts `server`, waits for a signal, stops it; returns the exit status.
    static func run(_ server: PreviewServer) -> Int32 {
        let finished = DispatchSemaphore(value: 0)
        let status = StatusBox()
        let signals = SignalWatch()
        Task {
            do throws(ServeError) {
                let url = try await server.start()
                let method = server.watchMethod == .polling ? " (watching by polling)" : ""
                Console.out("Serving \(server.siteFolder) at \(url) (Ctrl-C to stop)\(method)")
                await signals.wait()
                Console.out("stopping")
                await server.stop()
            } catch {
                if error.diagnostics.isEmpty {
                    FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                } else {
                    Console.report(error.diagnostics)
                }
                status.set(1)
            }
            finished.signal()
        }
        finished.wait()
        return status.value
    }
}

/// The exit status, set by the serving task.
final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var code: Int32 = 0

    func set(_ value: Int32) {
        lock.lock()
        code = value
        lock.unlock()
    }

    var value: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return code
    }
}

/// SIGINT and SIGTERM as an awaitable event; a second signal ends the process at once.
final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var received = 0
    private var waiter: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func fire(_ number: Int32) {
        lock.lock()
        received += 1
        let count = received
        let waiting = waiter
        waiter = nil
        lock.unlock()
        if count > 1 { exit(128 + number) }
        waiting?.resume()
    }

    /// Returns once a signal arrived.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if received > 0 {
                lock.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
