#if canImport(Glibc)
    import Glibc

    /// Watches with Linux inotify: one watch per folder under `Content/` and `Themes/` (editors save
    /// by renaming, so folders are watched, not files), watches added for new folders, and the site
    /// folder itself watched for `Content/` or `Themes/` appearing or being replaced.
    final class InotifyWatcher: FolderWatcher, @unchecked Sendable {
        // From <sys/inotify.h>, spelt out so their Swift types are fixed.
        static let modify: UInt32 = 0x2
        static let attrib: UInt32 = 0x4
        static let closeWrite: UInt32 = 0x8
        static let movedFrom: UInt32 = 0x40
        static let movedTo: UInt32 = 0x80
        static let create: UInt32 = 0x100
        static let delete: UInt32 = 0x200
        static let deleteSelf: UInt32 = 0x400
        static let moveSelf: UInt32 = 0x800
        static let overflow: UInt32 = 0x4000
        static let ignored: UInt32 = 0x8000
        static let onlyDir: UInt32 = 0x0100_0000
        static let isDir: UInt32 = 0x4000_0000
        static let nonBlock: Int32 = 0o4000
        static let closeOnExec: Int32 = 0o2000000

        static let folderEvents =
            modify | attrib | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf
            | onlyDir
        static let rootEvents = movedFrom | movedTo | create | delete | onlyDir

        let root: String
        let quietMilliseconds: Int32
        private let fd: Int32
        private let wakeRead: Int32
        private let wakeWrite: Int32
        /// Watch descriptor → absolute folder; touched only on the thread in `run`.
        private var folders: [Int32: String] = [:]
        private var rootWatch: Int32 = -1
        /// The paths changed since the last call of `onChange` (relative to the root); nil when
        /// they are not known (the kernel's queue overflowed, a watched folder moved).
        private var changed: Set<String>? = []

        /// nil when inotify cannot be used (no kernel support, no descriptors, watch limit reached).
        init?(root: String, quietMilliseconds: Int) {
            self.root = root
            self.quietMilliseconds = Int32(max(1, quietMilliseconds))
            let fd = inotify_init1(Self.nonBlock | Self.closeOnExec)
            guard fd >= 0 else { return nil }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else {
                close(fd)
                return nil
            }
            self.fd = fd
            wakeRead = ends[0]
            wakeWrite = ends[1]
            _ = fcntl(wakeRead, F_SETFL, fcntl(wakeRead, F_GETFL) | O_NONBLOCK)
            rootWatch = inotify_add_watch(fd, root, Self.rootEvents)
            // Every stored property is set by now, so returning nil runs `deinit`, which closes the
            // three descriptors: closing them here too would close them twice, and by then another
            // thread may have been given the same numbers (a socket, a file being written).
            guard rootWatch >= 0, watchAll() else { return nil }
        }

        deinit {
            close(fd)
            close(wakeRead)
            close(wakeWrite)
        }

        func stop() {
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }

        func run(onChange: (Set<String>?) -> Void) {
            while true {
                guard let ready = wait(timeout: -1) else { return }
                guard ready, drain() else { continue }
                // A change: wait for a quiet moment, so one burst of writes becomes one rebuild.
                while true {
                    guard let more = wait(timeout: quietMilliseconds) else { return }
                    if !more { break }
                    _ = drain()
                }
                let paths = changed
                changed = []
                onChange(paths)
            }
        }

        /// true: events are ready; false: the timeout passed; nil: `stop()` was called.
        private func wait(timeout: Int32) -> Bool? {
            var fds = [
                pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            while true {
                let count = poll(&fds, 2, timeout)
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if fds[1].revents != 0 { return nil }
                return count > 0
            }
        }

        /// Reads every pending event; true when one of them can affect the build.
        private func drain() -> Bool {
            var relevant = false
            var rescan = false
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                buffer.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset + 16 <= count {
                        let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                        let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                        let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        let nameBytes = bytes[(offset + 16)..<min(count, offset + 16 + length)].prefix {
                            $0 != 0
                        }
                        let name = String(decoding: nameBytes, as: UTF8.self)
                        offset += 16 + length
                        switch handle(wd: wd, mask: mask, name: name) {
                        case .none: break
                        case .change:
                            relevant = true
                            if let folder = folders[wd] {
                                changed?.insert(
                                    WatchedFolders.relative(name.isEmpty ? folder : folder + "/" + name, to: root))
                            } else {
                                changed = nil
                            }
                        case .rescan:
                            relevant = true
                            rescan = true
                            changed = nil
                        }
                    }
                }
            }
            if rescan { _ = watchAll() }
            return relevant
        }

        /// What one event means for the build.
        private enum Effect { case none, change, rescan }

        private func handle(wd: Int32, mask: UInt32, name: String) -> Effect {
            if mask & Self.overflow != 0 { return .rescan }
            if mask & Self.ignored != 0 {
                folders[wd] = nil
                return .none
            }
            if wd == rootWatch {
                return WatchedFolders.names.contains(name) ? .rescan : .none
            }
            guard folders[wd] != nil else { return .none }
            if mask & (Self.deleteSelf | Self.moveSelf) != 0 { return .rescan }
            if !name.isEmpty && !WatchedFolders.matters(name) { return .none }
            if mask & Self.isDir != 0 && mask & (Self.create | Self.movedTo | Self.movedFrom) != 0 {
                return .rescan
            }
            return .change
        }

        /// Drops every folder watch and watches every folder under `Content/` and `Themes/` afresh;
        /// false when the kernel refuses a watch (the watch limit is reached).
        @discardableResult
        private func watchAll() -> Bool {
            for wd in folders.keys { inotify_rm_watch(fd, wd) }
            folders = [:]
            var ok = true
            for name in WatchedFolders.names {
                var stack = [root + "/" + name]
                while let folder = stack.popLast() {
                    let wd = inotify_add_watch(fd, folder, Self.folderEvents)
                    if wd < 0 {
                        if errno == ENOSPC || errno == ENOMEM { ok = false }
                        continue
                    }
                    folders[wd] = folder
                    stack += subfolders(of: folder)
                }
            }
            return ok
        }

        /// Folders directly inside `folder`, hidden ones and symbolic links left out.
        private func subfolders(of folder: String) -> [String] {
            guard let dir = opendir(folder) else { return [] }
            defer { closedir(dir) }
            var out: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != "..", WatchedFolders.matters(name) else { continue }
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
                out.append(path)
            }
            return out
        }
    }
#endif
