import CityscoreDiagnostics

/// What the preview server serves at one moment: the last site that built, and the problems of the
/// latest build when it failed.
public struct SiteSnapshot: Sendable, Equatable {
    /// The files of the last good build, by path relative to the site root; nil before any build
    /// succeeded.
    public var files: [String: [UInt8]]?
    /// The problems of the latest build when it failed; empty when it succeeded.
    public var errors: [Diagnostic]
    /// Changes whenever what a page shows changes; pages reload when it differs from theirs.
    public var version: String

    /// Creates a snapshot.
    public init(files: [String: [UInt8]]?, errors: [Diagnostic], version: String) {
        self.files = files
        self.errors = errors
        self.version = version
    }
}
