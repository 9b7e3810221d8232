import CityscoreConcurrency
import CityscoreDiagnostics
import CityscorePipeline
import Dispatch

/// The site built in memory, for serving: nothing is written to disk. It keeps what it read,
/// checked, scored and rendered (`IncrementalBuild`), so that an edit makes again only what
/// depends on the files that changed.
final class SiteBuilder: Sendable {
    /// The outcome of one build.
    enum Outcome: Sendable {
        /// The files by path, whether any changed since the last build, and the warnings found.
        case built(files: [String: [UInt8]], changed: Bool, warnings: [Diagnostic])
        /// Every problem that stopped the build.
        case failed([Diagnostic])
    }

    /// The site folder.
    let siteRoot: String
    /// The URL the site is served at (`http://127.0.0.1:1313/`), which the site is built for.
    let baseURL: String
    private let incremental: Locked<IncrementalBuild>

    init(siteRoot: String, baseURL: String) {
        self.siteRoot = siteRoot
        self.baseURL = baseURL
        incremental = Locked(IncrementalBuild(Pipeline(siteRoot: siteRoot, output: nil, baseURL: baseURL)))
    }

    /// Builds the site after the files at `changed` (relative to the site folder) changed; nil:
    /// anything may have changed. Returns the outcome and the milliseconds it took.
    func build(changed: Set<String>? = nil) -> (Outcome, milliseconds: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome: Outcome
        switch incremental.withLock({ $0.build(changed: changed) }) {
        case .built(let files, let changed, _, let warnings):
            outcome = .built(files: files, changed: changed, warnings: warnings)
        case .failed(let diagnostics):
            outcome = .failed(diagnostics)
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return (outcome, Int((Double(elapsed) / 1e6).rounded()))
    }
}
