import Foundation

/// Watches by reading the modification time and size of every file under `Content/` and `Themes/`
/// a few times a second: slower than inotify, but works on every platform and file system.
final class PollingWatcher: FolderWatcher, @unchecked Sendable {
    /// What is compared between two looks.
    struct Stamp: Hashable {
        var modified: Double
        var size: Int
    }

    let root: String
    let quiet: TimeInterval
    let interval: TimeInterval
    private let condition = NSCondition()
    private var stopped = false
    /// The files as they were when the watcher was made: changes from then on count.
    private var baseline: [String: Stamp] = [:]

    init(root: String, quietMilliseconds: Int, intervalMilliseconds: Int = 250) {
        self.root = root
        quiet = TimeInterval(max(1, quietMilliseconds)) / 1000
        interval = TimeInterval(max(10, intervalMilliseconds)) / 1000
        baseline = fingerprint()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func run(onChange: (Set<String>?) -> Void) {
        var last = baseline
        while sleep(interval) {
            var now = fingerprint()
            guard now != last else { continue }
            let before = last
            // Changed: wait until two looks a quiet moment apart agree.
            repeat {
                last = now
                guard sleep(quiet) else { return }
                now = fingerprint()
            } while now != last
            // `last` is what the build about to run sees; a change made during it differs from it.
            let paths = Set(before.keys).union(last.keys).filter { before[$0] != last[$0] }
            onChange(Set(paths.map { WatchedFolders.relative($0, to: root) }))
        }
    }

    /// Sleeps for `seconds`; false when `stop()` was called.
    private func sleep(_ seconds: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if !condition.wait(until: deadline) { return !stopped }
        }
        return false
    }

    /// Every file and folder under the watched folders with its stamp.
    func fingerprint() -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        for name in WatchedFolders.names {
            let folder = URL(fileURLWithPath: root).appendingPathComponent(name)
            guard
                let walker = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            else { continue }
            while let url = walker.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: Set(keys))
                out[url.path] = Stamp(
                    modified: values?.contentModificationDate?.timeIntervalSince1970 ?? 0,
                    size: values?.fileSize ?? 0)
            }
        }
        return out
    }
}
