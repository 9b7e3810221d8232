import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `build` may replace. It writes only into a folder that is absent, empty or marked as its own
/// output; `--force` lets it replace any other folder, except the site, its `Content/` and `Themes/`,
/// the home folder, `/`, a parent of any of those, or a file. Every path is compared after symlinks
/// and `..` are resolved, as the system would resolve them.
extension OutputWriter {
    /// The file every output holds, so that the next build knows the folder is its own.
    public static let markerName = ".cityscore-output"

    /// The marker's text: the same in every build, so that outputs stay byte-identical.
    public static let markerText = """
        This folder was written by cityscore. `cityscore build` replaces it whole on every build:
        do not keep your own files here.

        """

    /// Refuses an output folder that the build must not replace, with a sentence that names it and
    /// says what to do instead.
    public func checkSafe(siteRoot: String) throws {
        let site = Self.resolved(siteRoot)
        let example = site == "/" ? "/public" : site + "/public"
        let shown = destination
        let target = resolvedDestination

        var info = stat()
        if lstat(target, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            let what = (info.st_mode & S_IFMT) == S_IFLNK ? "a link to nothing" : "a file, not a folder"
            throw Failure(
                description:
                    "the output folder \(shown) is \(what); cityscore never replaces it, even with --force: "
                    + "choose a folder for --output, e.g. \(example)")
        }

        let sources = [
            (path: Self.resolved(site + "/Content"), name: "the site's Content folder"),
            (path: Self.resolved(site + "/Themes"), name: "the site's Themes folder"),
        ]
        // What the output folder must neither be nor hold, and how to say it in each case.
        var protected: [(path: String, equal: String, parent: String)] = [
            ("/", "is the root of the file system", "is the root of the file system")
        ]
        if let home, !home.isEmpty {
            protected.append((Self.resolved(home), "is your home folder", "holds your home folder"))
        }
        protected.append((site, "holds the site itself", "holds the site itself"))
        protected += sources.map { ($0.path, "is \($0.name)", "holds \($0.name)") }
        for (path, equal, parent) in protected where target == path || Self.isInside(path, target) {
            throw Failure(
                description:
                    "the output folder \(shown) \(target == path ? equal : parent), which cityscore never replaces, "
                    + "even with --force; choose another output folder, e.g. \(example)")
        }
        for (path, name) in sources where Self.isInside(target, path) {
            throw Failure(
                description:
                    "the output folder \(shown) is inside \(name), where the built site would be read back as the "
                    + "site's own files; choose another output folder, e.g. \(example)")
        }
        if FileManager.default.fileExists(atPath: target + "/Content/site.yml") {
            throw Failure(
                description:
                    "the output folder \(shown) holds a cityscore site (Content/site.yml), which cityscore never "
                    + "replaces, even with --force; choose another output folder")
        }

        guard lstat(target, &info) == 0 else { return }  // absent: it will be created
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: target)
        } catch {
            throw Failure(description: "cannot read the output folder \(shown): \(error.localizedDescription)")
        }
        guard !entries.isEmpty, !force else { return }
        if lstat(target + "/" + Self.markerName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG { return }
        let first = entries.sorted().first ?? ""
        throw Failure(
            description:
                "the output folder \(shown) holds files that cityscore did not write (such as \"\(first)\"), and "
                + "a build replaces the whole folder; choose a new or empty folder for --output, or add --force "
                + "to delete \(shown) and everything in it (needed once, too, for an output of an earlier "
                + "cityscore, which left no \(Self.markerName) file)")
    }

    /// Removes the `.<name>.building-<pid>` and `.<name>.previous-<pid>` folders that builds killed
    /// before they finished left beside the output; those of processes still running are left
    /// alone. Returns the names removed.
    @discardableResult
    public func removeLeftovers() -> [String] {
        let parent = (resolvedDestination as NSString).deletingLastPathComponent
        let name = (resolvedDestination as NSString).lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        let own = getpid()
        var removed: [String] = []
        for entry in entries.sorted() {
            guard let pid = Self.leftoverPID(entry, of: name), pid != own, !Self.isRunning(pid) else { continue }
            var info = stat()
            let path = parent + "/" + entry
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(entry) }
        }
        return removed
    }

    /// The process id in a staging or previous-output folder's name, or nil for any other name.
    static func leftoverPID(_ entry: String, of name: String) -> pid_t? {
        for kind in ["building", "previous"] {
            let prefix = ".\(name).\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(digits),
                pid > 0
            else { return nil }
            return pid
        }
        return nil
    }

    /// Whether a process with this id exists (one we may not signal still counts as running).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Whether `path` lies strictly inside `folder` (both absolute and resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    /// The absolute path the system means by `path`: symlinks and `..` of the part that exists
    /// resolved by `realpath`, the rest (still to be created) tidied by hand.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var head = absolute.split(separator: "/").map(String.init)
        var tail: [String] = []
        while true {
            if let real = realPath("/" + head.joined(separator: "/")) {
                var parts = real.split(separator: "/").map(String.init)
                for part in tail {
                    switch part {
                    case ".": continue
                    case "..": _ = parts.popLast()
                    default: parts.append(part)
                    }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let last = head.popLast() else { return absolute }
            tail.insert(last, at: 0)
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
