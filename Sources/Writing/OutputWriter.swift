import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Writing stage: writes a complete site into a fresh folder beside the destination, then swaps
/// it in. A failed build never touches the previous output, and nothing is written outside the
/// destination's parent folder.
public struct OutputWriter: Sendable {
    /// Why writing failed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The output folder (absolute).
    public var destination: String

    /// Creates a writer for `destination`.
    public init(destination: String) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
    }

    /// Refuses destinations that would destroy the site: the site folder itself, one of its parents,
    /// or a folder holding a site.
    public func checkSafe(siteRoot: String) throws {
        let site = URL(fileURLWithPath: siteRoot).standardizedFileURL.path
        if site == destination || site.hasPrefix(destination.hasSuffix("/") ? destination : destination + "/") {
            throw Failure(
                description:
                    "the output folder \(destination) holds the site itself; choose another, e.g. \(site)/public")
        }
        if FileManager.default.fileExists(atPath: destination + "/Content/site.yml") {
            throw Failure(
                description: "the output folder \(destination) holds a cityscore site; choose another output folder")
        }
    }

    /// Writes every file, then replaces the destination with them in one rename.
    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = "\(parent)/.\(name).building-\(pid)"
        let previous = "\(parent)/.\(name).previous-\(pid)"
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(staging): \(error.localizedDescription)")
        }

        // Folders first (sequentially), then the files in parallel.
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        do {
            for folder in folders {
                try fm.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw Failure(description: "cannot create a folder in \(staging): \(error.localizedDescription)")
        }
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            if !Self.writeFile(staging + "/" + file.path, file.bytes) { failures.add(file.path) }
        }
        if let failed = failures.first {
            try? fm.removeItem(atPath: staging)
            throw Failure(description: "cannot write \(failed) in \(staging)")
        }

        // Swap: the old output moves aside, the new one takes its name, the old one is removed.
        let hadPrevious = fm.fileExists(atPath: destination)
        do {
            if hadPrevious { try fm.moveItem(atPath: destination, toPath: previous) }
            try fm.moveItem(atPath: staging, toPath: destination)
        } catch {
            if hadPrevious && !fm.fileExists(atPath: destination) {
                try? fm.moveItem(atPath: previous, toPath: destination)
            }
            try? fm.removeItem(atPath: staging)
            throw Failure(description: "cannot move the new site into \(destination): \(error.localizedDescription)")
        }
        if hadPrevious { try? fm.removeItem(atPath: previous) }
    }
}

extension OutputWriter {
    /// Writes `bytes` to a new file with plain POSIX calls: the staging folder is private and
    /// swapped in whole, so each file needs neither its own temporary copy nor an fsync.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
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
}

/// Paths that failed to write, collected from parallel writers.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []

    func add(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted().first
    }
}
