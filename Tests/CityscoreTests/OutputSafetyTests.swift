import Foundation
import CityscorePipeline
import Testing

@testable import CityscoreWriting

#if canImport(Glibc)
    import Glibc
#endif

/// What `build` may replace: only a folder that is absent, empty or its own output; with `--force`
/// any other folder, but never the site, `Content/`, `Themes/`, the home folder, `/`, a folder
/// holding one of them, or a file. Also the swap itself and the leftovers of killed builds.
@Suite("Output safety")
struct OutputSafetyTests {
    /// Builds `site` into `output` through the pipeline, as `cityscore build` does.
    static func build(_ site: TestSite, output: String, force: Bool = false) -> [String] {
        var pipeline = Pipeline(siteRoot: site.root, output: output)
        pipeline.force = force
        do {
            _ = try pipeline.run()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A fresh empty temporary folder.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cityscore-output-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `body` with a new test site and a new temporary folder holding `files` (path → text),
    /// then removes both.
    static func withSite(andFolder files: [String: String], _ body: (TestSite, String) throws -> Void) throws {
        let site = try TestSite.make()
        let folder = try temporaryFolder()
        defer {
            site.remove()
            try? FileManager.default.removeItem(atPath: folder)
        }
        for (path, text) in files { try write(text, to: folder + "/" + path) }
        try body(site, folder)
    }

    /// A process id that no running process has.
    static func deadPID() -> pid_t {
        var pid: pid_t = 999_999
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    // MARK: Refusals

    @Test(arguments: [false, true])
    func theContentFolderIsNeverReplaced(force: Bool) throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let before = TestSite.tree(site.root + "/Content")
        let problems = Self.build(site, output: site.root + "/Content", force: force)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("/Content is the site's Content folder") == true)
        #expect(problems.first?.contains("choose another output folder, e.g. ") == true)
        #expect(TestSite.tree(site.root + "/Content") == before)
    }

    @Test(arguments: [false, true])
    func theThemesFolderIsNeverReplaced(force: Bool) throws {
        let site = try TestSite.make([
            "Themes/default/templates/404.mustache": "{{>partials/head}}Lost{{>partials/foot}}"
        ])
        defer { site.remove() }
        let before = TestSite.tree(site.root + "/Themes")
        let problems = Self.build(site, output: site.root + "/Themes", force: force)
        #expect(problems.first?.contains("/Themes is the site's Themes folder") == true)
        #expect(TestSite.tree(site.root + "/Themes") == before)
        // Nor a folder inside it, where the next build would read the output back as theme files.
        let inside = Self.build(site, output: site.root + "/Themes/default/static", force: force)
        #expect(inside.first?.contains("is inside the site's Themes folder") == true)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Themes/default/static"))
    }

    @Test func theSiteAndItsParentsAreNeverReplaced() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        for output in [site.root, (site.root as NSString).deletingLastPathComponent, "/"] {
            let problems = Self.build(site, output: output, force: true)
            #expect(problems.count == 1, "\(output)")
            #expect(problems.first?.contains("never replaces, even with --force") == true, "\(output)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root + "/Content/site.yml"))
    }

    @Test func pathsAreComparedWithLinksAndDotDotResolved() throws {
        try Self.withSite(andFolder: [:]) { site, elsewhere in
            try FileManager.default.createSymbolicLink(
                atPath: elsewhere + "/link-to-content", withDestinationPath: site.root + "/Content")
            let viaLink = Self.build(site, output: elsewhere + "/link-to-content", force: true)
            #expect(viaLink.first?.contains("is the site's Content folder") == true)
            let viaDotDot = Self.build(site, output: site.root + "/public/../Content", force: true)
            #expect(viaDotDot.first?.contains("is the site's Content folder") == true)
            #expect(FileManager.default.fileExists(atPath: site.root + "/Content/site.yml"))
            #expect(!FileManager.default.fileExists(atPath: site.output))
        }
    }

    @Test func theHomeFolderAndItsParentsAreNeverReplaced() throws {
        try Self.withSite(andFolder: [".ssh/id_ed25519": "secret\n"]) { site, home in
            for output in [home, home + "/.ssh/..", (home as NSString).deletingLastPathComponent] {
                let writer = OutputWriter(destination: output, force: true, home: home)
                let failure = #expect(throws: OutputWriter.Failure.self, "\(output)") {
                    try writer.checkSafe(siteRoot: site.root)
                }
                #expect(
                    failure?.description.contains("your home folder, which cityscore never replaces, even with --force")
                        == true)
            }
            // A folder inside the home folder is an ordinary folder.
            #expect(throws: Never.self) {
                try OutputWriter(destination: home + "/site-output", home: home).checkSafe(siteRoot: site.root)
            }
            #expect(TestSite.tree(home).keys.sorted() == [".ssh/id_ed25519"])
        }
    }

    @Test func buildWithOutputTildeAndForceLeavesTheHomeFolderAlone() throws {
        try Self.withSite(andFolder: [".ssh/id_ed25519": "secret\n", ".bashrc": "export PATH\n"]) { site, home in
            // What the shell makes of `--output ~`.
            let (status, errors) = try CityscoreBinary.run(
                ["build", "--site", site.root, "--output", home, "--force"],
                environment: ["HOME": home, "PATH": "/usr/bin:/bin"])
            #expect(status == 1)
            #expect(errors.contains("error: the output folder \(home) is your home folder"))
            #expect(TestSite.tree(home).keys.sorted() == [".bashrc", ".ssh/id_ed25519"])
        }
    }

    @Test func aFolderOfSomeoneElsesFilesIsRefusedWithoutForce() throws {
        try Self.withSite(andFolder: ["notes.md": "my notes\n"]) { site, folder in
            let problems = Self.build(site, output: folder)
            #expect(problems.count == 1)
            let problem = try #require(problems.first)
            #expect(problem.hasPrefix("\(folder):1:1: error: the output folder \(folder) holds files that cityscore"))
            #expect(problem.contains("(such as \"notes.md\")"))
            #expect(problem.contains("or add --force to delete \(folder) and everything in it"))
            #expect(TestSite.tree(folder).keys.sorted() == ["notes.md"])
        }
    }

    @Test func forceReplacesAFolderOfSomeoneElsesFiles() throws {
        try Self.withSite(andFolder: ["notes.md": "my notes\n"]) { site, folder in
            #expect(Self.build(site, output: folder, force: true) == [])
            #expect(!FileManager.default.fileExists(atPath: folder + "/notes.md"))
            #expect(site.read("index.html", in: folder) != nil)
            #expect(site.read(OutputWriter.markerName, in: folder) == OutputWriter.markerText)
            // From now on the folder is cityscore's own: no --force needed.
            #expect(Self.build(site, output: folder) == [])
        }
    }

    @Test(arguments: [false, true])
    func aFileIsNeverReplaced(force: Bool) throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let notes = site.root + "/notes.txt"
        try Self.write("my notes\n", to: notes)
        let problems = Self.build(site, output: notes, force: force)
        #expect(problems.count == 1)
        #expect(
            problems.first?.contains("the output folder \(notes) is a file, not a folder; cityscore never replaces it")
                == true)
        #expect(FileManager.default.contents(atPath: notes) == Data("my notes\n".utf8))
    }

    @Test func aFolderHoldingASiteIsNeverReplaced() throws {
        let site = try TestSite.make()
        let other = try TestSite.make()
        defer {
            site.remove()
            other.remove()
        }
        let problems = Self.build(site, output: other.root, force: true)
        #expect(problems.first?.contains("holds a cityscore site (Content/site.yml)") == true)
        #expect(FileManager.default.fileExists(atPath: other.root + "/Content/site.yml"))
    }

    // MARK: What may be replaced

    @Test func everyOutputIsMarkedAndTheMarkerIsTheSameInEveryBuild() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let report = try Pipeline(siteRoot: site.root, output: site.output).run()
        #expect(site.read(OutputWriter.markerName) == OutputWriter.markerText)
        // The marker is not one of the site's files: not counted, not served by `serve`.
        #expect(TestSite.tree(site.output).count == report.files + 1)
        let (files, _) = try Pipeline(siteRoot: site.root, output: nil).render()
        #expect(!files.contains { $0.path.contains(OutputWriter.markerName) })
    }

    @Test func aRebuildReplacesItsOwnOutputWhole() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build() == [])
        let first = TestSite.tree(site.output)
        try Self.write("left by hand\n", to: site.output + "/stray.html")
        #expect(site.build() == [])
        #expect(TestSite.tree(site.output) == first)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root).sorted()
        #expect(siblings == ["Content", "public"])
    }

    @Test func anEmptyFolderIsUsed() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        #expect(site.build() == [])
        #expect(site.read("index.html") != nil)
    }

    // MARK: Leftovers of killed builds

    @Test func leftoversOfDeadBuildsAreRemovedAndThoseOfRunningOnesKept() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let dead = Self.deadPID()
        let live = getppid()
        let names = [
            ".public.building-\(dead)", ".public.previous-\(dead)", ".public.building-\(live)",
            ".public.previous-\(live)", ".other.building-\(dead)", ".public.building-x\(dead)",
        ]
        for name in names { try Self.write("half a site\n", to: site.root + "/\(name)/index.html") }
        #expect(site.build() == [])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root).sorted()
        #expect(
            siblings
                == [
                    ".other.building-\(dead)", ".public.building-\(live)", ".public.building-x\(dead)",
                    ".public.previous-\(live)", "Content", "public",
                ])
    }

    @Test func leftoverNamesAreReadStrictly() {
        #expect(OutputWriter.leftoverPID(".public.building-123", of: "public") == 123)
        #expect(OutputWriter.leftoverPID(".public.previous-7", of: "public") == 7)
        #expect(OutputWriter.leftoverPID(".public.building-", of: "public") == nil)
        #expect(OutputWriter.leftoverPID(".public.building-12a", of: "public") == nil)
        #expect(OutputWriter.leftoverPID(".public.building-0", of: "public") == nil)
        #expect(OutputWriter.leftoverPID(".public.building-99999999999", of: "public") == nil)
        #expect(OutputWriter.leftoverPID(".publico.building-1", of: "public") == nil)
        #expect(OutputWriter.leftoverPID("public.building-1", of: "public") == nil)
    }

    // MARK: The swap

    @Test func theSwapIsOneExchangeOnLinuxAndTwoRenamesOtherwise() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = OutputWriter(destination: folder + "/out")
        func build(_ text: String, exchange: Bool = true) throws -> Swap {
            let staging = try writer.begin()
            staging.exchangeAllowed = exchange
            staging.write("index.html", text: text)
            return try staging.commit()
        }
        #expect(try build("one") == .rename)
        #if os(Linux)
            #expect(try build("two") == .exchange)
        #else
            #expect(try build("two") == .twoRenames)
        #endif
        #expect(FileManager.default.contents(atPath: folder + "/out/index.html") == Data("two".utf8))
        #expect(try build("three", exchange: false) == .twoRenames)
        #expect(FileManager.default.contents(atPath: folder + "/out/index.html") == Data("three".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
        #expect(TestSite.tree(folder + "/out").keys.sorted() == [OutputWriter.markerName, "index.html"])
    }

    #if os(Linux)
        @Test func theExchangeTradesTwoFoldersInOneStep() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Self.write("old", to: folder + "/a/index.html")
            try Self.write("new", to: folder + "/b/index.html")
            #expect(Swap.exchange(folder + "/b", folder + "/a") == .done)
            #expect(FileManager.default.contents(atPath: folder + "/a/index.html") == Data("new".utf8))
            #expect(FileManager.default.contents(atPath: folder + "/b/index.html") == Data("old".utf8))
            #expect(Swap.exchange(folder + "/missing", folder + "/a") == .failed("No such file or directory"))
        }
    #endif
}

extension CityscoreBinary {
    /// Runs the executable; returns its exit status and what it wrote to standard error.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
        let binary = try #require(path, "the cityscore executable was not built beside the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
