#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a new output took the place of the old one.
public enum Swap: Sendable, Equatable {
    /// Both folders traded places in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
    case exchange
    /// The old folder moved aside, then the new one took its name (there was a moment without output).
    case twoRenames
    /// There was no old folder: the new one was renamed into place.
    case rename

    /// The outcome of one attempt at the exchange.
    enum Attempt: Equatable {
        case done
        /// Not available here (not Linux, an old C library or kernel, or a file system without it).
        case unsupported
        case failed(String)
    }

    /// Trades the places of two existing paths in one step, where the system can.
    static func exchange(_ a: String, _ b: String) -> Attempt {
        #if os(Linux)
            // Glibc's renameat2 is not visible to Swift (it needs _GNU_SOURCE), so it is looked up by
            // name; a C library without it gets the fallback.
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return .unsupported }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return .done }
            let code = errno
            if code == EINVAL || code == ENOSYS || code == ENOTSUP { return .unsupported }
            return .failed(String(cString: strerror(code)))
        #else
            return .unsupported
        #endif
    }
}
