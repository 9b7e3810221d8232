import CityscoreDiagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way the site's own files are listed and read: every path is resolved fully (`realpath`)
/// before it is opened, so that a symbolic link cannot smuggle a file from outside the site folder
/// into the published site.
///
/// - A link whose target is inside the site folder is read as its target.
/// - A link to anything outside the site folder is an error at the link, unless `site.yml` says
///   `follow_symlinks: true`; links into `/proc`, `/sys` and `/dev` are refused even then.
/// - A link that leads nowhere, a loop of links and a folder link that contains itself are errors,
///   found without waiting on them; so are devices, pipes and sockets, which are never opened.
public struct SiteFiles: Sendable {
    /// What a path is, once every link in it is followed.
    public enum Kind: Sendable, Equatable {
        case file
        case folder
    }

    /// What a read gave.
    public enum Read: Sendable {
        /// The whole file.
        case bytes([UInt8])
        /// The file is larger than the limit asked for; nothing was read.
        case tooLarge(bytes: Int)
        /// Nothing is there (not even a link).
        case missing
        /// The file may not or cannot be read; the reason is reported.
        case refused
    }

    /// The site folder, as given (absolute).
    public let root: String
    /// The site folder with every link resolved.
    let realRoot: String
    /// `follow_symlinks: true` in `site.yml`: links to files outside the site are followed.
    public let followSymlinks: Bool

    /// Folders that are never read through a link, whatever `follow_symlinks` says.
    static let systemFolders = ["/proc", "/sys", "/dev"]

    /// The files of the site at `root` (absolute).
    public init(root: String, followSymlinks: Bool = false) {
        self.root = root
        self.realRoot = Self.realPath(root).path ?? root
        self.followSymlinks = followSymlinks
    }

    /// The same site with another `follow_symlinks` setting.
    public func following(_ follow: Bool) -> SiteFiles { SiteFiles(root: root, realRoot: realRoot, follow: follow) }

    private init(root: String, realRoot: String, follow: Bool) {
        self.root = root
        self.realRoot = realRoot
        self.followSymlinks = follow
    }

    // MARK: Resolving

    /// Where a site path leads.
    enum Resolution {
        case absent
        case refused(Diagnostic)
        case found(Kind, real: String)
    }

    /// Resolves the site-relative `path`: every link in it followed, and the result checked.
    func resolve(_ path: String) -> Resolution {
        let absolute = root + "/" + path
        var info = stat()
        guard lstat(absolute, &info) == 0 else { return .absent }
        let isLink = info.st_mode & S_IFMT == S_IFLNK
        let location = SourceLocation(path: path, line: 0, column: 0)
        let (resolved, error) = Self.realPath(absolute)
        guard let real = resolved else {
            if error == ELOOP {
                return .refused(
                    .error(
                        "the link is part of a loop of links that never reaches a file", at: location,
                        suggestion: "remove the link or point it at a real file", code: .linkLoop))
            }
            if error == ENOENT || error == ENOTDIR {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: absolute)) ?? "?"
                return .refused(
                    .error(
                        "the link leads nowhere: \(target.quotedForMessage(limit: 200)) does not exist", at: location,
                        suggestion: "fix the link or remove it", code: .brokenSymlink))
            }
            return .refused(
                .error("the file cannot be read (check that you may read it)", at: location, code: .unreadableFile))
        }
        if let system = Self.systemFolders.first(where: { Self.contains($0, real) }), !Self.contains(system, realRoot) {
            return .refused(
                .error(
                    (isLink ? "the link leads to " : "the path leads through a linked folder to ")
                        + "\(real), a system file that is never read (not even with follow_symlinks)",
                    at: location, suggestion: "remove the link; copy what you need into the site", code: .systemFileLink
                ))
        }
        var target = stat()
        guard stat(real, &target) == 0 else {
            return .refused(
                .error("the file cannot be read (check that you may read it)", at: location, code: .unreadableFile))
        }
        let kind: Kind
        switch target.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        default:
            return .refused(
                .error(
                    "\(real.quotedForMessage(limit: 200)) is not an ordinary file (a device, pipe or socket) and is never read",
                    at: location, suggestion: "remove it from the site", code: .notAFile))
        }
        let what = kind == .file ? "file" : "folder"
        let inside = Self.contains(realRoot, real)
        if !inside && !followSymlinks {
            return .refused(
                .error(
                    "the \(what) \(isLink ? "is a link" : "leads through a linked folder") to a \(what) outside "
                        + "the site (\(real)), which is not published",
                    at: location,
                    suggestion: path == "Content/site.yml"
                        ? "copy the file into the site"
                        : "copy the \(what) into the site, or set follow_symlinks: true in Content/site.yml "
                            + "if you mean to publish it", code: .outsideSite))
        }
        return .found(kind, real: real)
    }

    /// Whether `path` is `folder` or inside it (both resolved).
    static func contains(_ folder: String, _ path: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    /// `realpath(3)`: the path with every link, `.` and `..` resolved, or the `errno` why not.
    static func realPath(_ path: String) -> (path: String?, errno: Int32) {
        guard let pointer = realpath(path, nil) else { return (nil, errno) }
        defer { free(pointer) }
        return (String(cString: pointer), 0)
    }

    /// What `path` is (links followed), nil when absent or refused (the reason is reported).
    public func kind(_ path: String, into diagnostics: inout [Diagnostic]) -> Kind? {
        switch resolve(path) {
        case .absent: return nil
        case .refused(let problem):
            diagnostics.append(problem)
            return nil
        case .found(let kind, _): return kind
        }
    }

    /// Whether anything (even a broken link) is at `path`.
    public func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(root + "/" + path, &info) == 0
    }

    // MARK: Listing

    /// The entries of `folder`, sorted by name (byte order), hidden ones left out, each with what it
    /// is once links are followed. Entries that may not be read are reported and left out; a folder
    /// that may not be read is reported and has no entries.
    public func entries(of folder: String, into diagnostics: inout [Diagnostic]) -> [(path: String, kind: Kind)] {
        guard case .found(.folder, let real) = checkedFolder(folder, into: &diagnostics) else { return [] }
        return entries(of: folder, real: real, into: &diagnostics)
    }

    private func checkedFolder(_ folder: String, into diagnostics: inout [Diagnostic]) -> Resolution {
        let resolution = resolve(folder)
        if case .refused(let problem) = resolution { diagnostics.append(problem) }
        return resolution
    }

    private func entries(of folder: String, real: String, into diagnostics: inout [Diagnostic]) -> [(
        path: String, kind: Kind
    )] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
        var out: [(path: String, kind: Kind)] = []
        for name in names.filter({ !$0.hasPrefix(".") }).sorted(by: Self.byteOrder) {
            let path = folder + "/" + name
            var info = stat()
            // Plain files and folders of a folder already checked need no resolving.
            if lstat(real + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                out.append((path, .file))
            } else if info.st_mode & S_IFMT == S_IFDIR {
                out.append((path, .folder))
            } else if let kind = kind(path, into: &diagnostics) {
                out.append((path, kind))
            }
        }
        return out
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Every file under `folder`, relative to it, sorted; linked folders are followed under the same
    /// rules as files, and a folder link that leads back into a folder it is in is an error.
    public func allFiles(under folder: String, into diagnostics: inout [Diagnostic]) -> [String] {
        guard case .found(.folder, let real) = checkedFolder(folder, into: &diagnostics) else { return [] }
        var out: [String] = []
        var walked: [String: String] = [real: folder]
        // Each folder with the real paths of the folders it is in, itself included.
        var stack: [(path: String, real: String, ancestors: Set<String>)] = [(folder, real, [real])]
        while let (current, currentReal, ancestors) = stack.popLast() {
            for (path, kind) in entries(of: current, real: currentReal, into: &diagnostics) {
                guard kind == .folder else {
                    out.append(String(path.dropFirst(folder.count + 1)))
                    continue
                }
                guard case .found(_, let real) = resolve(path) else { continue }
                if ancestors.contains(real) {
                    diagnostics.append(
                        .error(
                            "the folder is a link to a folder it is in, which would repeat without end",
                            at: SourceLocation(path: path, line: 0, column: 0), suggestion: "remove the link",
                            code: .linkLoop))
                } else if let first = walked[real] {
                    diagnostics.append(
                        .warning(
                            "the folder leads to the same files as \(first) and is not read twice",
                            at: SourceLocation(path: path, line: 0, column: 0), suggestion: "remove one of them",
                            code: .linkedTwice))
                } else {
                    walked[real] = path
                    stack.append((path, real, ancestors.union([real])))
                }
            }
        }
        return out.sorted(by: Self.byteOrder)
    }

    // MARK: Reading

    /// Reads the file at the site-relative `path`, refusing it (with the reason reported) when it
    /// may not be read, and reading nothing when it is larger than `limit` bytes.
    public func read(_ path: String, limit: Int = Int.max, into diagnostics: inout [Diagnostic]) -> Read {
        let location = SourceLocation(path: path, line: 0, column: 0)
        let real: String
        switch resolve(path) {
        case .absent: return .missing
        case .refused(let problem):
            diagnostics.append(problem)
            return .refused
        case .found(.folder, _):
            diagnostics.append(.error("this is a folder where a file was expected", at: location, code: .notAFile))
            return .refused
        case .found(.file, let path): real = path
        }
        // The resolved path holds no links; O_NOFOLLOW refuses one put there since, and O_NONBLOCK
        // keeps a pipe swapped in from blocking the open (fstat then refuses it).
        let fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            if fd >= 0 { close(fd) }
            diagnostics.append(
                .error("the file cannot be read (check that you may read it)", at: location, code: .unreadableFile))
            return .refused
        }
        defer { close(fd) }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(bytes: size) }
        // Read what is there, into a buffer one byte larger than the file so that a file that grows
        // meanwhile is seen (the buffer then doubles), and at most one byte past the limit.
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(count, limit - count + 1)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                readBytes(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else {
                diagnostics.append(
                    .error("the file cannot be read (check that you may read it)", at: location, code: .unreadableFile))
                return .refused
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        if bytes.count > limit { return .tooLarge(bytes: bytes.count) }
        return .bytes(bytes)
    }
}

/// `read(2)`, under a name that the method `SiteFiles.read` does not hide.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
