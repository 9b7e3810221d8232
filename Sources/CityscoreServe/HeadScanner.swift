/// Finds the end of a request head (the empty line, CRLF CRLF) in bytes that arrive in pieces.
///
/// Every byte is looked at once, when it arrives; nothing is scanned again, so the cost of a head
/// is linear in its length. A head longer than `limit` bytes, a NUL byte or a line feed without its
/// carriage return stops the scan at once: the request is refused without waiting for the rest.
public struct HeadScanner: Sendable {
    /// What the bytes so far amount to.
    public enum Progress: Sendable, Equatable {
        /// The head is not complete yet: read more.
        case needMore
        /// The head is complete: its bytes up to and including the empty line (the bytes after it,
        /// a body or a second request, are not part of it).
        case complete([UInt8])
        /// `limit` bytes arrived without the empty line.
        case tooLarge
        /// A byte that cannot be in a head: NUL, or a line feed without a carriage return before it.
        case malformed
    }

    /// The most bytes a head may have, its final empty line included.
    public let limit: Int
    private var bytes: [UInt8] = []
    /// How much of CR LF CR LF ends the bytes so far (0 to 3).
    private var matched = 0
    private var finished: Progress?

    /// Creates a scanner for heads of at most `limit` bytes.
    public init(limit: Int) {
        self.limit = limit
        bytes.reserveCapacity(min(limit, 4096))
    }

    /// Adds the next bytes; once the scan is finished, later bytes change nothing.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> Progress {
        if let finished { return finished }
        for byte in chunk {
            guard bytes.count < limit else { return finish(.tooLarge) }
            bytes.append(byte)
            switch (byte, matched) {
            case (0x0D, 0), (0x0D, 2): matched += 1
            case (0x0A, 1), (0x0A, 3):
                matched += 1
                if matched == 4 { return finish(.complete(bytes)) }
            case (0x0A, _), (0x00, _): return finish(.malformed)
            default: matched = 0
            }
        }
        return .needMore
    }

    private mutating func finish(_ progress: Progress) -> Progress {
        finished = progress
        bytes = []
        return progress
    }
}
