import Dispatch

/// Work spread over every core, with results in input order: the one place the stages share for it.
public enum Parallel {
    /// `transform` applied to every item, concurrently; the results keep the order of `items`.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { results.set($0, transform(items[$0])) }
        return results.values
    }

    /// `body` run for every item, concurrently.
    public static func forEach<T: Sendable>(_ items: [T], _ body: @Sendable (T) -> Void) {
        DispatchQueue.concurrentPerform(iterations: items.count) { body(items[$0]) }
    }
}

/// Results written by index from parallel workers, read after they finish.
final class Slots<R>: @unchecked Sendable {
    private let storage: Locked<[R?]>

    init(count: Int) { storage = Locked(Array(repeating: nil, count: count)) }

    func set(_ i: Int, _ value: R) { storage.withLock { $0[i] = value } }

    var values: [R] { storage.current.compactMap { $0 } }
}
