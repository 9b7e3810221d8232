import Foundation
import Testing

/// `check` (and `build`) report links to heading anchors that do not exist.
@Suite("Serve issue: broken heading anchors")
struct ServeAnchorCheckTests {
    static let karmoy = """
        ---
        name: Karmøy
        country: Norway
        ---
        ## What was published

        See [above](#what-was-published), [the top](#top) and [nowhere](#nowhere).

        Also [Asker's plan](asker.md#the-plan), [Asker's lost plan](asker.md#the-plann),
        [method](../pages/methodology.md#how-it-works) and [møte](asker.md#m%C3%B8te).

        """

    static let asker = """
        ---
        name: Asker
        country: Norway
        ---
        ## The plan

        ## Møte

        Asker's narrative.

        """

    @Test func brokenAnchorsAreErrorsAtTheLink() throws {
        let site = try TestSite.make([
            "Content/cities/karmoy.md": Self.karmoy, "Content/cities/asker.md": Self.asker,
        ])
        defer { site.remove() }
        let lines = site.build()
        #expect(lines.count == 3, "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "Content/cities/karmoy.md:7:55: error: the link \"#nowhere\" points to the heading \"#nowhere\", which this file does not have"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "Content/cities/karmoy.md:9:41: error: the link \"asker.md#the-plann\" points to the heading \"#the-plann\", which Content/cities/asker.md does not have; did you mean \"the-plan\"?"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "Content/cities/karmoy.md:10:1: error: the link \"../pages/methodology.md#how-it-works\"")
            })
        // A failed build leaves no output.
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func workingAnchorsPass() throws {
        let fixed = Self.karmoy.replacingOccurrences(
            of: "[nowhere](#nowhere)", with: "[here](#what-was-published)"
        )
        .replacingOccurrences(of: "#the-plann", with: "#the-plan")
        .replacingOccurrences(of: "#how-it-works", with: "")
        let site = try TestSite.make([
            "Content/cities/karmoy.md": fixed, "Content/cities/asker.md": Self.asker,
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(
            site.read("cities/karmoy/index.html")?.contains("href=\"/scores/cities/asker/#the-plan\"")
                == true)
    }

    @Test func checkExitsWithStatus1AndPrintsTheDiagnostics() throws {
        let site = try TestSite.make([
            "Content/cities/karmoy.md": Self.karmoy, "Content/cities/asker.md": Self.asker,
        ])
        defer { site.remove() }
        let binary = try #require(
            CityscoreBinary.path, "the cityscore executable was not built beside the tests")
        let (status, text) = try CityscoreBinary.run(binary, ["check", "--site", site.root])
        #expect(status == 1)
        #expect(text.contains("Content/cities/karmoy.md:7:55: error: the link \"#nowhere\""))
        #expect(text.contains("3 errors"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }
}

/// The `cityscore` executable SwiftPM builds beside the test bundle.
enum CityscoreBinary {
    static var path: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("cityscore").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the executable at `binary` with `arguments`; its exit status and standard error.
    static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
