import Foundation
import Testing

/// Snapshot files for the chart tests: `__Snapshots__/Charts/<name>.<ext>` beside this file.
/// A missing file is recorded (and the test passes) on a developer's machine, but fails when `CI` is
/// set, so a deleted snapshot cannot pass CI; `SNAPSHOT_RECORD=1` records every file again; otherwise
/// a difference fails with the first differing line and where the new output was put.
enum ChartsSnapshot {
    /// The folder of the committed snapshots (symlinks resolved, so a test package that links
    /// these files still finds them).
    static func folder(filePath: String) -> URL {
        URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(
            "__Snapshots__"
        ).appendingPathComponent("Charts")
    }

    /// Compares `text` with the snapshot `name`, recording it when missing or asked to.
    static func check(
        _ text: String, named name: String, ext: String = "svg", filePath: String = #filePath,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let url = folder(filePath: filePath).appendingPathComponent(name + "." + ext)
        let environment = ProcessInfo.processInfo.environment
        let record = environment["SNAPSHOT_RECORD"] == "1"
        let missing = !FileManager.default.fileExists(atPath: url.path)
        if missing && !record && !(environment["CI"] ?? "").isEmpty {
            Issue.record(
                "Snapshot \(name).\(ext) is missing at \(url.path): record it with SNAPSHOT_RECORD=1 swift test and commit it",
                sourceLocation: sourceLocation)
            return
        }
        do {
            if record || missing {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                print("Recorded snapshot \(url.path)")
                return
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            guard expected != text else { return }
            let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent(
                "charts-snapshot-" + name + "." + ext)
            try Data(text.utf8).write(to: actualURL)
            let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let new = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            let was = line < old.count ? String(old[line]) : "(end of file)"
            let now = line < new.count ? String(new[line]) : "(end of file)"
            Issue.record(
                """
                Snapshot \(name).\(ext) differs at line \(line + 1):
                  expected: \(was)
                  actual:   \(now)
                New output: \(actualURL.path)
                If the change is intended, record again with SNAPSHOT_RECORD=1 swift test and commit \(url.path).
                """, sourceLocation: sourceLocation)
        } catch { Issue.record("Snapshot \(name).\(ext): \(error)", sourceLocation: sourceLocation) }
    }
}
