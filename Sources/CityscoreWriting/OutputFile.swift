/// One file of the built site: its path relative to the output folder, and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators (`cities/karmoy/index.html`).
    public var path: String
    public var bytes: [UInt8]

    /// A file from bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A UTF-8 text file.
    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }
}
