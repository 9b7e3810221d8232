import Dispatch

#if canImport(Glibc)
    import Glibc
#else
    import Foundation
#endif

/// Work that blocks for long (watching a folder, waiting on a socket) on a thread of its own, started
/// at once: Dispatch's global queues on Linux add a thread for blocked work only after a delay, and
/// Swift's cooperative pool must not be blocked.
///
/// On Linux this is a detached POSIX thread rather than Foundation's `Thread`: the test process
/// crashed now and then (heap corruption, a release in `Thread`'s deallocation when its thread
/// ended) while serve's watcher ran on a `Thread`, and never with this one.
public enum OwnThread {
    /// Runs `body` on a new thread; returns at once.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        #if canImport(Glibc)
            let box = Unmanaged.passRetained(Body(body)).toOpaque()
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
            var thread = pthread_t()
            let started = pthread_create(
                &thread, &attributes,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
                    return nil
                }, box)
            if started != 0 {
                // No thread could be made (the system's limit): run it on a Dispatch thread instead.
                let body = Unmanaged<Body>.fromOpaque(box).takeRetainedValue()
                DispatchQueue.global().async { body.run() }
            }
        #else
            Thread { body() }.start()
        #endif
    }

    /// The work, kept alive until its thread takes it.
    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
