import CityscorePipeline
import Foundation

/// A small site in a fresh temporary folder, built from files given as text.
struct TestSite {
    let root: String

    static let siteYML = """
        title: Test scorecards
        baseURL: https://example.org/scores/
        language: en

        """

    static let karmoy = """
        ---
        name: Karmøy
        country: Norway
        peers: [asker]
        ---
        ## What was published

        See the [methodology](../pages/methodology.md) and [Asker](asker.md).

        """

    static let asker = """
        ---
        name: Asker
        country: Norway
        ---
        Asker's narrative.

        """

    static let results = """
        city,kpi,datapoint,year,value,unit,source
        karmoy,EC: ICT: ICT: 1C,,2019,90,%,Report 2019
        karmoy,EC: ICT: ICT: 1C,,2020,97,%,Report 2020
        karmoy,EC: ICT: ICT: 2C,,2020,84.51,%,Report 2020
        karmoy,EC: ICT: ICT: 4C,3G,2020,96.67,%,Report 2020
        karmoy,EC: ICT: ICT: 4C,4G,2020,NR,%,Report 2020
        asker,SC: SH: SA: 3A,,2020,no,,Report
        asker,EC: P: EM: 1C,,2020,2.5,%,Report

        """

    static let targets = """
        city,kpi,datapoint,target,note
        karmoy,EC: ICT: ICT: 1C,,100,Own goal
        asker,EC: P: EM: 1C,,2.0,Own goal

        """

    static let methodology = """
        ---
        title: Methodology
        weight: 2
        ---
        How the ratings are computed.

        """

    /// The default small site; `overrides` replace or add files (a nil value removes one).
    static func make(_ overrides: [String: String?] = [:]) throws -> TestSite {
        var files: [String: String?] = [
            "Content/site.yml": siteYML,
            "Content/cities/karmoy.md": karmoy,
            "Content/cities/asker.md": asker,
            "Content/results/2020.csv": results,
            "Content/targets/goals.csv": targets,
            "Content/pages/methodology.md": methodology,
        ]
        for (path, text) in overrides { files[path] = text }
        return try TestSite(files: files.compactMapValues { $0 })
    }

    init(files: [String: String]) throws {
        let base = URL(fileURLWithPath: TestSite.runFolder).appendingPathComponent(UUID().uuidString)
        root = base.path
        for (path, text) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// This test process's folder of test sites: `cityscore-tests/<pid>` in the temporary folder. The
    /// first use removes the folders of earlier runs whose process has ended, so that sites a test
    /// does not `remove()` do not pile up from run to run.
    static let runFolder: String = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-tests").path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            guard let pid = Int32(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
        return parent + "/\(getpid())"
    }()

    /// Writes raw bytes to `path`.
    func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    var output: String { root + "/public" }

    /// Builds into `output`; returns the diagnostics as printed lines when the build fails.
    @discardableResult
    func build(output: String? = nil, baseURL: String? = nil) -> [String] {
        do {
            _ = try Pipeline(siteRoot: root, output: output ?? self.output, baseURL: baseURL).run()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// What `check` reports (nothing is written), as printed lines.
    func check() -> [String] {
        do {
            _ = try Pipeline(siteRoot: root, output: nil).run()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The text of a built file.
    func read(_ path: String, in output: String? = nil) -> String? {
        FileManager.default.contents(atPath: (output ?? self.output) + "/" + path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Every file under a folder, relative path → bytes.
    static func tree(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: folder) else { return out }
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDir)
            if !isDir.boolValue { out[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return out
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
