import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import Foundation

/// The site being served, shared between the HTTP handlers and the rebuilding thread, and the
/// long-poll that tells open pages when it changed.
final class LiveSite: @unchecked Sendable {
    /// Everything the lock guards.
    private struct State {
        var snapshot: SiteSnapshot
        var counter = 0
        var waiters: [Int: CheckedContinuation<String, Never>] = [:]
        /// Waiters created but neither registered nor cancelled yet.
        var pending: Set<Int> = []
        var nextWaiter = 0
        var closed = false
    }

    /// Tells versions of different server runs apart, so pages left open across a restart reload.
    private let instance: String
    private let state: Locked<State>

    init() {
        instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        state = Locked(State(snapshot: SiteSnapshot(files: nil, errors: [], version: instance + "-0")))
    }

    /// What is served now.
    var snapshot: SiteSnapshot { state.withLock { $0.snapshot } }

    /// A build succeeded: serve its files. Open pages reload unless nothing they show changed.
    /// Called from one thread at a time (the one that builds).
    /// `changed` says whether any file differs from those served (nil: compare them).
    func publish(files: [String: [UInt8]], changed: Bool? = nil) {
        // Compared outside the lock: only the building thread changes the files. A build that says
        // whether anything changed is not compared file by file (a programme's site has thousands).
        let current = snapshot
        if current.errors.isEmpty && current.files != nil && !(changed ?? (current.files != files)) { return }
        update { snapshot in
            snapshot.files = files
            snapshot.errors = []
            return true
        }
    }

    /// A build failed: keep serving the last good files, with the problems over every page.
    func publish(errors: [Diagnostic]) {
        update { snapshot in
            guard snapshot.errors != errors else { return false }
            snapshot.errors = errors
            return true
        }
    }

    private func update(_ change: (inout SiteSnapshot) -> Bool) {
        let (version, waiters): (String, [CheckedContinuation<String, Never>]) = state.withLock {
            state in
            guard change(&state.snapshot) else { return (state.snapshot.version, []) }
            state.counter += 1
            state.snapshot.version = "\(instance)-\(state.counter)"
            let waiting = Array(state.waiters.values)
            state.waiters = [:]
            return (state.snapshot.version, waiting)
        }
        for waiter in waiters { waiter.resume(returning: version) }
    }

    /// The version once it differs from `since`, or the current one after `timeout` (or when the
    /// task is cancelled or the server stops).
    func version(after since: String, timeout: Duration) async -> String {
        await withTaskGroup(of: String?.self) { group in
            group.addTask { await self.change(after: since) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? self.snapshot.version
        }
    }

    /// Waits until the version differs from `since`; returns early on cancellation or `close()`.
    private func change(after since: String) async -> String {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            state.pending.insert(state.nextWaiter)
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
                let immediate: String? = state.withLock { state in
                    let cancelled = state.pending.remove(id) == nil
                    if cancelled || state.snapshot.version != since || state.closed {
                        return state.snapshot.version
                    }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let (waiter, version) = state.withLock { state in
                let waiter = state.waiters.removeValue(forKey: id)
                state.pending.remove(id)
                return (waiter, state.snapshot.version)
            }
            waiter?.resume(returning: version)
        }
    }

    /// Answers every waiting long-poll and every later one at once: the server is stopping.
    func close() {
        let (version, waiters) = state.withLock { state in
            state.closed = true
            let waiting = Array(state.waiters.values)
            state.waiters = [:]
            return (state.snapshot.version, waiting)
        }
        for waiter in waiters { waiter.resume(returning: version) }
    }
}
