/// Watches a site's `Content/` and `Themes/` folders and calls back once a burst of changes has
/// been quiet for a moment (editors save in several steps; one rebuild should follow).
protocol FolderWatcher: AnyObject, Sendable {
    /// Watches until `stop()`, blocking the calling thread; calls `onChange` on that thread after
    /// each settled burst of changes, with the paths (relative to the site folder) that changed,
    /// or nil when they are not known (anything may have changed). Changes made while `onChange`
    /// runs lead to one more call.
    func run(onChange: (Set<String>?) -> Void)
    /// Makes `run` return soon; safe to call from any thread, more than once.
    func stop()
}

/// How changes to the site are noticed.
public enum WatchMethod: String, Sendable {
    /// inotify (Linux): changes are seen as they happen.
    case inotify
    /// Modification times read every quarter of a second: any platform, any file system.
    case polling
}

/// The folders of a site whose changes lead to a rebuild.
enum WatchedFolders {
    /// Relative to the site root.
    static let names = ["Content", "Themes"]

    /// Whether a file or folder name can affect the build: hidden names (editor swap files,
    /// `.DS_Store`) are skipped, as the reader skips them.
    static func matters(_ name: String) -> Bool { !name.hasPrefix(".") }

    /// `path` (absolute, under `root`) relative to `root`.
    static func relative(_ path: String, to root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

/// Picks the watcher.
enum Watchers {
    /// The watcher to use for `root`: inotify where asked for and it works, else polling.
    static func make(root: String, method: WatchMethod, quietMilliseconds: Int) -> (
        any FolderWatcher, WatchMethod
    ) {
        #if canImport(Glibc)
            if method == .inotify,
                let watcher = InotifyWatcher(root: root, quietMilliseconds: quietMilliseconds)
            {
                return (watcher, .inotify)
            }
        #endif
        return (PollingWatcher(root: root, quietMilliseconds: quietMilliseconds), .polling)
    }
}
