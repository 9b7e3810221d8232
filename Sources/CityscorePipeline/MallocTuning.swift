#if canImport(Glibc)
    import Glibc
#endif

/// How the process gives freed memory back to the system (issue 20: bounded memory at programme scale).
///
/// glibc's malloc keeps up to 128 KiB free at the top of each heap, and raises its threshold for
/// mapping large blocks on their own each time such a block is freed: after the results tables are
/// read, checked and freed, and with every large page or chart string made and written, memory the
/// build no longer uses stays in the process. A 64 KiB trim threshold (which also fixes the mapping
/// threshold at its default) hands it back as it is freed: 2,000 generated cities peaked at 660 MiB
/// without it and 598 MiB with it (`GLIBC_TUNABLES=glibc.malloc.trim_threshold=65536` is the same
/// setting), for more system time in `mmap` and `munmap` (bench/README.md, issue 20).
enum MallocTuning {
    /// glibc's `M_TRIM_THRESHOLD` (`malloc.h`, which the Glibc module does not import).
    static let trimThresholdOption: Int32 = -1
    /// Free memory kept at the top of a heap before it is given back.
    static let trimThreshold: Int32 = 64 * 1024

    /// glibc's `M_ARENA_MAX`.
    static let arenaMaxOption: Int32 = -8

    /// Sets the trim threshold, unless `GLIBC_TUNABLES` already sets malloc's options (the user's
    /// choice wins). Does nothing where malloc is not glibc's.
    static func returnFreedMemory() {
        set(trimThresholdOption, to: trimThreshold)
    }

    /// One malloc arena for every thread, for `check`: its peak is the validated rows, the
    /// scorecards and the contexts of the first page of each template, and a second arena per
    /// core keeps freed blocks the other could reuse (1,000 generated cities: 293–305 MiB with
    /// one arena per thread, 277 MiB with one; `MALLOC_ARENA_MAX=1` is the same setting). A check
    /// allocates little while it renders, so sharing the arena costs it no measurable time.
    static func shareOneArena() {
        if getenv("MALLOC_ARENA_MAX") != nil { return }
        set(arenaMaxOption, to: 1)
    }

    private static func set(_ option: Int32, to value: Int32) {
        #if canImport(Glibc)
            if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.") { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(option, value)
        #endif
    }
}
