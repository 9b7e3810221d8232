import CityscoreConcurrency
import Dispatch
import CityscoreFormatting
import Foundation
import CityscoreModel

/// "rendering 1,234 of 4,101 pages" on standard error, rewritten in place, for builds that take a
/// while; only when standard error is a terminal, and erased before the build's last line.
final class ProgressLine: Sendable {
    /// Quiet for builds shorter than this (nanoseconds).
    static let delay: UInt64 = 500_000_000
    /// At most this often (nanoseconds).
    static let interval: UInt64 = 100_000_000

    let enabled: Bool
    let start = DispatchTime.now().uptimeNanoseconds
    /// When the line was last written; 0 before the first time.
    private let lastWritten = Locked<UInt64>(0)
    private let format = NumberFormat()

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    /// Called after every page, from any thread.
    func update(done: Int, total: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - start >= Self.delay else { return }
        let due = lastWritten.withLock { last -> Bool in
            guard last == 0 || now - last >= Self.interval || done == total else { return false }
            last = now
            return true
        }
        guard due else { return }
        let percent = total > 0 ? done * 100 / total : 100
        write("\r\u{1B}[Krendering \(format.count(done)) of \(format.count(total)) pages (\(percent) %)")
    }

    /// Erases the line, if it is there.
    func finish() {
        guard enabled,
            lastWritten.withLock({ last in
                defer { last = 0 }
                return last != 0
            })
        else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
