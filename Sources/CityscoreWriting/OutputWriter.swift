import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Writing stage: writes a complete site into a fresh folder beside the destination, then swaps
/// it in. A failed build never touches the previous output, and nothing is written outside the
/// destination's parent folder. What it may replace is decided by `checkSafe` (OutputSafety.swift).
public struct OutputWriter: Sendable {
    /// Why writing failed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The output folder as given, made absolute (for messages).
    public var destination: String
    /// The output folder with symlinks and `..` resolved: the folder actually replaced.
    public var resolvedDestination: String
    /// Whether a folder that cityscore did not write may be replaced (`--force`).
    public var force: Bool
    /// The user's home folder, which is never replaced.
    public var home: String?

    /// Creates a writer for `destination`.
    public init(
        destination: String, force: Bool = false, home: String? = ProcessInfo.processInfo.environment["HOME"]
    ) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.resolvedDestination = Self.resolved(destination)
        self.force = force
        self.home = home
    }

    /// Writes every file, then replaces the destination with them in one rename.
    public func write(_ files: [OutputFile]) throws {
        let staging = try begin()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            staging.write(files[i].path, bytes: files[i].bytes)
        }
        try staging.commit()
    }

    /// Starts a new output in a private folder beside the destination; fill it with `Staging.write`
    /// (from any thread), then `commit()` to swap it in, or `discard()`.
    public func begin() throws -> Staging {
        let fm = FileManager.default
        let parent = (resolvedDestination as NSString).deletingLastPathComponent
        let name = (resolvedDestination as NSString).lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let root = "\(parent)/.\(name).building-\(pid)"
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: root)
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(root): \(error.localizedDescription)")
        }
        let marked = Array(Self.markerText.utf8).withUnsafeBytes {
            Self.writeFile(root + "/" + Self.markerName, $0)
        }
        guard marked else {
            try? fm.removeItem(atPath: root)
            throw Failure(description: "cannot write \(Self.markerName) in \(root)")
        }
        return Staging(
            root: root, destination: resolvedDestination, previous: "\(parent)/.\(name).previous-\(pid)")
    }
}

/// A new output folder being filled, beside the destination until it is complete.
public final class Staging: @unchecked Sendable {
    let root: String
    let destination: String
    let previous: String
    private let lock = NSLock()
    private var failed: [String] = []
    private var written = 0
    private var pages = 0
    /// Whether `commit` may try the one-step exchange (tests turn it off to take the fallback).
    var exchangeAllowed = true

    init(root: String, destination: String, previous: String) {
        self.root = root
        self.destination = destination
        self.previous = previous
    }

    /// Files written so far, and how many of them are HTML pages.
    public var counts: (files: Int, pages: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (written, pages)
    }

    /// Writes one file (its folders are made as needed); a later write of the same path replaces it.
    public func write(_ path: String, text: String) {
        var text = text
        text.withUTF8 { buffer in write(path, buffer: UnsafeRawBufferPointer(buffer)) }
    }

    /// Writes one file from bytes.
    public func write(_ path: String, bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(path, buffer: $0) }
    }

    /// Adds `text` to the end of a file written before (a large file written in parts, so that it
    /// is never held whole); a file not yet written is made. Not counted as another file.
    public func append(_ path: String, text: String) {
        var text = text
        text.withUTF8 { buffer in write(path, buffer: UnsafeRawBufferPointer(buffer), appending: true) }
    }

    private func write(_ path: String, buffer: UnsafeRawBufferPointer, appending: Bool = false) {
        // The folders are made when the first file in them is (no list of them is kept: a large
        // site has thousands).
        var done = OutputWriter.writeFile(root + "/" + path, buffer, appending: appending)
        if !done && errno == ENOENT {
            let folder = (path as NSString).deletingLastPathComponent
            done =
                Self.makeFolder(root + "/" + folder)
                && OutputWriter.writeFile(root + "/" + path, buffer, appending: appending)
        }
        guard done else {
            record(failure: path)
            return
        }
        if appending { return }
        lock.lock()
        written += 1
        if path.hasSuffix(".html") { pages += 1 }
        lock.unlock()
    }

    /// `mkdir -p` with plain POSIX calls (most folders need one `mkdir`, their parent exists).
    static func makeFolder(_ path: String) -> Bool {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty, makeFolder(parent) else { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    private func record(failure path: String) {
        lock.lock()
        failed.append(path)
        lock.unlock()
    }

    /// Swaps the new output in and removes the old one. On Linux both trade places in one step
    /// (`renameat2` with `RENAME_EXCHANGE`), so the destination is never missing; elsewhere, or where
    /// the file system refuses, the old one moves aside and the new one takes its name. Throws (and
    /// removes the new folder) when any write failed. Returns how the swap was done.
    @discardableResult
    public func commit() throws -> Swap {
        let fm = FileManager.default
        lock.lock()
        let firstFailure = failed.sorted().first
        lock.unlock()
        if let firstFailure {
            discard()
            throw OutputWriter.Failure(description: "cannot write \(firstFailure) in \(root)")
        }
        var info = stat()
        let hadPrevious = lstat(destination, &info) == 0
        if hadPrevious && exchangeAllowed {
            switch Swap.exchange(root, destination) {
            case .done:
                // The old output now has the staging folder's name; a build killed before this
                // removal leaves it for the next build to clean up.
                discard()
                return .exchange
            case .unsupported:
                break
            case .failed(let reason):
                discard()
                throw OutputWriter.Failure(description: "cannot move the new site into \(destination): \(reason)")
            }
        }
        do {
            if hadPrevious { try fm.moveItem(atPath: destination, toPath: previous) }
            try fm.moveItem(atPath: root, toPath: destination)
        } catch {
            if hadPrevious && !fm.fileExists(atPath: destination) {
                try? fm.moveItem(atPath: previous, toPath: destination)
            }
            discard()
            throw OutputWriter.Failure(
                description: "cannot move the new site into \(destination): \(error.localizedDescription)")
        }
        if hadPrevious { try? fm.removeItem(atPath: previous) }
        return hadPrevious ? .twoRenames : .rename
    }

    /// Removes the new output; the destination is left as it was.
    public func discard() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

extension OutputWriter {
    /// Writes `bytes` to a new file with plain POSIX calls: the staging folder is private and
    /// swapped in whole, so each file needs neither its own temporary copy nor an fsync.
    static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer, appending: Bool = false) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC) | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            guard let base = buffer.baseAddress else { return false }
            #if canImport(Glibc)
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
            #else
                let written = Darwin.write(fd, base + offset, buffer.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
