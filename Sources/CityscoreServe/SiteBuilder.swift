import CityscoreDiagnostics
import Dispatch
import CityscorePipeline

/// One build of the site in memory, for serving: nothing is written to disk.
struct SiteBuilder: Sendable {
    /// The outcome of one build.
    enum Outcome: Sendable {
        /// The files by path, and the warnings found.
        case built(files: [String: [UInt8]], warnings: [Diagnostic])
        /// Every problem that stopped the build.
        case failed([Diagnostic])
    }

    /// The site folder.
    var siteRoot: String
    /// The URL the site is served at (`http://127.0.0.1:1313/`), which the site is built for.
    var baseURL: String

    /// Builds the site; returns the outcome and the milliseconds it took.
    func build() -> (Outcome, milliseconds: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome: Outcome
        do {
            let (files, warnings) = try Pipeline(siteRoot: siteRoot, output: nil, baseURL: baseURL)
                .render()
            var byPath: [String: [UInt8]] = [:]
            byPath.reserveCapacity(files.count)
            for file in files { byPath[file.path] = file.bytes }
            outcome = .built(files: byPath, warnings: warnings)
        } catch {
            outcome = .failed(error.diagnostics)
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return (outcome, Int((Double(elapsed) / 1e6).rounded()))
    }
}
