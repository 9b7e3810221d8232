import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import Foundation
import Testing

/// `check` and `build` with `--format github|gitlab|json`: what CI services read.
@Suite("Diagnostics for CI")
struct CIFormatTests {
    /// The small site with an unknown KPI on line 3 (column 8 is where the code starts) and a
    /// value that is not a number on line 4.
    static let brokenResults = """
        city,kpi,datapoint,year,value,unit,source
        karmoy,EC: ICT: ICT: 1C,,2019,90,%,Report 2019
        karmoy,EC: ICT: ICT: 1X,,2020,97,%,Report 2020
        karmoy,EC: ICT: ICT: 2C,,2020,84%51,%,Report 2020

        """

    static func brokenSite() throws -> TestSite {
        try TestSite.make(["Content/results/2020.csv": brokenResults])
    }

    /// Runs the executable in `folder` with only `environment`; returns status, standard output and
    /// standard error.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws
        -> (status: Int32, out: String, err: String)
    {
        let binary = try #require(CityscoreBinary.path, "the cityscore executable was not built beside the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both before waiting: a full pipe would block the child.
        let errData = Locked<Data?>(nil)
        let errHandle = err.fileHandleForReading
        OwnThread.start { errData.withLock { $0 = errHandle.readDataToEndOfFile() } }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errData.current == nil { usleep(1000) }
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData.current ?? Data(), as: UTF8.self)
        )
    }

    // MARK: GitHub

    @Test func aBrokenSiteGivesGitHubAnnotationsAtTheRightLines() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let text = try Self.run(["check"], in: site.root)
        #expect(text.status == 1)
        #expect(text.err.contains("Content/results/2020.csv:3:8: error: unknown KPI \"EC: ICT: ICT: 1X\""))
        let github = try Self.run(["check", "--format", "github"], in: site.root)
        #expect(github.status == 1)
        let lines = github.err.split(separator: "\n").map(String.init)
        let unknown = try #require(lines.first { $0.contains("1X") })
        #expect(
            unknown.hasPrefix(
                "::error file=Content/results/2020.csv,line=3,col=8,title=unknown-kpi::unknown KPI \"EC: ICT: ICT: 1X\""
            ))
        #expect(lines.contains { $0.hasPrefix("::error file=Content/results/2020.csv,line=4,") })
        // Every problem the text format prints is an annotation at the same place.
        let places = text.err.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: ":", maxSplits: 3)
            return parts.count == 4 && line.contains(": error: ") ? "\(parts[0]),line=\(parts[1]),col=\(parts[2])" : nil
        }
        #expect(!places.isEmpty)
        for place in places { #expect(lines.contains { $0.hasPrefix("::error file=\(place),") }, "\(place)") }
        #expect(lines.last?.hasSuffix("errors") == true)
    }

    @Test func pathsAreRelativeToTheWorkingFolderUnderGitHub() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let parent = (site.root as NSString).deletingLastPathComponent
        let name = (site.root as NSString).lastPathComponent
        let github = try Self.run(["build", "--site", name + "/", "--format", "github"], in: parent)
        #expect(github.status == 1)
        #expect(github.err.contains("::error file=\(name)/Content/results/2020.csv,line=3,col=8,"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func theFormatFollowsTheCIService() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let github = try Self.run(["check"], in: site.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.err.contains("::error file=Content/results/2020.csv,line=3,col=8,"))
        let gitlab = try Self.run(["check"], in: site.root, environment: ["GITLAB_CI": "true"])
        #expect(gitlab.err.contains("Content/results/2020.csv:3:8: error: unknown KPI"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/gl-code-quality-report.json"))
        // --format wins over the environment.
        let text = try Self.run(["check", "--format", "text"], in: site.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(!text.err.contains("::error"))
        #expect(DiagnosticFormat.automatic(environment: [:]) == .text)
        #expect(DiagnosticFormat.automatic(environment: ["GITHUB_ACTIONS": "false"]) == .text)
    }

    @Test func workflowCommandsEscapeWhatGitHubReads() {
        let diagnostic = Diagnostic(
            .error, at: .init(path: "Content/a,b:c%.csv", line: 2, column: 5), "100% wrong,\r\nsee: here",
            suggestion: "did you mean \"x\"?", code: .notANumber)
        #expect(
            GitHubAnnotations.command(diagnostic)
                == "::error file=Content/a%2Cb%3Ac%25.csv,line=2,col=5,title=not-a-number::100%25 wrong,%0D%0Asee: here; did you mean \"x\"?"
        )
        let whole = Diagnostic.warning("ignored", at: .init(path: "x.xlsx", line: 0, column: 0), code: .ignoredFile)
        #expect(GitHubAnnotations.command(whole) == "::warning file=x.xlsx,title=ignored-file::ignored")
        #expect(GitHubAnnotations.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }

    @Test func githubIsCappedLikeTextWhileJSONAndGitLabWriteEveryProblem() throws {
        let diagnostics = (1...1_200).map {
            Diagnostic.error(
                "bad value", at: .init(path: "Content/results/big.csv", line: $0, column: 3), code: .notANumber)
        }
        let github = GitHubAnnotations.report(diagnostics).split(separator: "\n")
        #expect(github.filter { $0.hasPrefix("::error ") }.count == DiagnosticReport.lineLimit)
        #expect(github.contains("… and 700 more problems (not shown)"))
        var json: [String] = []
        JSONDiagnostics.lines(diagnostics) { json.append($0) }
        #expect(json.count == 1_200)
        var gitlab = ""
        GitLabCodeQuality.report(diagnostics) { gitlab += $0 }
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(gitlab.utf8)) as? [[String: Any]])
        #expect(issues.count == 1_200)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 1_200)
    }

    // MARK: GitLab

    @Test func aBrokenSiteGivesAGitLabCodeQualityReport() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let report = site.root + "/quality.json"
        let gitlab = try Self.run(["check", "--format", "gitlab", "--report", report], in: site.root)
        #expect(gitlab.status == 1)
        // The text goes to standard error as usual.
        #expect(gitlab.err.contains("Content/results/2020.csv:3:8: error: unknown KPI"))
        let data = try #require(FileManager.default.contents(atPath: report))
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(issues.count >= 2)
        for issue in issues {
            #expect(issue["description"] is String)
            #expect((issue["check_name"] as? String).flatMap(DiagnosticCode.init(named:)) != nil)
            #expect((issue["fingerprint"] as? String)?.count == 16)
            #expect(["major", "minor"].contains(issue["severity"] as? String))
            let location = try #require(issue["location"] as? [String: Any])
            #expect((location["path"] as? String)?.hasPrefix("Content/") == true)
            let lines = try #require(location["lines"] as? [String: Any])
            #expect((lines["begin"] as? Int ?? 0) >= 1)
        }
        let unknown = try #require(issues.first { ($0["description"] as? String)?.contains("1X") == true })
        #expect((unknown["location"] as? [String: Any])?["path"] as? String == "Content/results/2020.csv")
        #expect(((unknown["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 3)
        // The same problems give the same fingerprints on the next run.
        _ = try Self.run(["check", "--format", "gitlab", "--report", report + ".2"], in: site.root)
        #expect(FileManager.default.contents(atPath: report + ".2") == data)
    }

    @Test func aCleanSiteWritesAnEmptyGitLabReport() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let gitlab = try Self.run(["check", "--format", "gitlab"], in: site.root)
        #expect(gitlab.status == 0)
        #expect(gitlab.out.hasPrefix("no problems found"))
        let data = try #require(FileManager.default.contents(atPath: site.root + "/gl-code-quality-report.json"))
        #expect((try JSONSerialization.jsonObject(with: data) as? [Any])?.isEmpty == true)
    }

    @Test func anUnwritableReportIsAnError() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let gitlab = try Self.run(
            ["check", "--format", "gitlab", "--report", site.root + "/no/such/folder/q.json"], in: site.root)
        #expect(gitlab.status == 1)
        #expect(gitlab.err.contains("error: cannot write the GitLab Code Quality report"))
    }

    @Test func fingerprintsAreStable() {
        #expect(
            GitLabCodeQuality.fingerprint(path: "a.csv", line: 3, message: "bad")
                == GitLabCodeQuality.fingerprint(path: "a.csv", line: 3, message: "bad"))
        #expect(
            GitLabCodeQuality.fingerprint(path: "a.csv", line: 3, message: "bad")
                != GitLabCodeQuality.fingerprint(path: "a.csv", line: 4, message: "bad"))
        // FNV-1a 64 of "a.csv\03\0bad" (as computed by Python), fixed so it never changes between versions.
        #expect(GitLabCodeQuality.fingerprint(path: "a.csv", line: 3, message: "bad") == "1080f16aa814794c")
    }

    // MARK: JSON

    @Test func jsonLinesParse() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let json = try Self.run(["check", "--format", "json"], in: site.root)
        #expect(json.status == 1)
        let lines = json.out.split(separator: "\n")
        #expect(lines.count >= 2)
        var objects: [[String: Any]] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            objects.append(object)
        }
        let unknown = try #require(objects.first { ($0["message"] as? String)?.contains("1X") == true })
        #expect(unknown["path"] as? String == "Content/results/2020.csv")
        #expect(unknown["line"] as? Int == 3)
        #expect(unknown["column"] as? Int == 8)
        #expect(unknown["severity"] as? String == "error")
        #expect(unknown["code"] as? String == "unknown-kpi")
        #expect(unknown["suggestion"] as? String == "did you mean \"EC: ICT: ICT: 1C\"?")
        // A clean build: nothing on standard output but JSON (here nothing), the last line on standard error.
        let clean = try TestSite.make()
        defer { clean.remove() }
        let build = try Self.run(["build", "--format", "json"], in: clean.root)
        #expect(build.status == 0)
        #expect(build.out.isEmpty)
        #expect(build.err.hasPrefix("built "))
    }

    @Test func jsonStringsEscapeControlCharacters() throws {
        let text = "a\"b\\c\nd\u{1}e\u{2028}ø"
        let literal = JSONDiagnostics.string(text)
        #expect(literal == "\"a\\\"b\\\\c\\nd\\u0001e\\u2028ø\"")
        let back = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(back == [text])
    }
}
