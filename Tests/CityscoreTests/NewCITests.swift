import CityscoreBuiltIn
import Foundation
import Testing

/// `cityscore new` writes CI files that check, preview and deploy the site.
@Suite("CI files of a new site")
struct NewCITests {
    static func new(_ arguments: [String] = []) throws -> (root: String, status: Int32) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-new-\(UUID().uuidString)")
            .path
        let result = try CIFormatTests.run(["new", root] + arguments, in: FileManager.default.temporaryDirectory.path)
        return (root, result.status)
    }

    static func read(_ root: String, _ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func bothByDefault() throws {
        let (root, status) = try Self.new()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(status == 0)
        let github = try #require(Self.read(root, ".github/workflows/scorecards.yml"))
        let gitlab = try #require(Self.read(root, ".gitlab-ci.yml"))
        let ignore = try #require(Self.read(root, ".gitignore"))
        let version = try CityscoreVersion.current
        #expect(version.first?.isNumber == true)
        #expect(ignore.split(separator: "\n").contains("public/"))
        #expect(ignore.split(separator: "\n").contains(".cityscore/"))
        for text in [github, gitlab] {
            #expect(!text.contains("{{cityscore_"), "every placeholder is filled in")
            #expect(text.contains("CITYSCORE_VERSION: \"\(version)\""))
            #expect(text.contains("swift:6.1"))
            #expect(text.contains("apt-get install -y -qq libcmark-dev"))
            #expect(text.contains("swift build -c release --package-path .cityscore"))
            #expect(text.contains("report_pdf:[[:space:]]*true"))
        }
        // GitHub: check annotated on pull requests, a preview artifact, Pages from the default branch.
        #expect(github.contains("pull_request:"))
        #expect(github.contains("cityscore check --format github"))
        #expect(github.contains("uses: actions/cache@v4"))
        #expect(github.contains("name: site-preview"))
        #expect(github.contains("uses: actions/upload-pages-artifact@v3"))
        #expect(github.contains("uses: actions/deploy-pages@v4"))
        #expect(github.contains("pages: write") && github.contains("id-token: write"))
        #expect(github.contains("github.ref_name == github.event.repository.default_branch"))
        // GitLab: the Code Quality report on merge requests, `pages` with `public` on the default branch.
        #expect(gitlab.contains("$CI_PIPELINE_SOURCE == \"merge_request_event\""))
        #expect(gitlab.contains("cityscore check --format gitlab --report gl-code-quality-report.json"))
        #expect(gitlab.contains("codequality: gl-code-quality-report.json"))
        #expect(gitlab.contains("\npages:\n"))
        #expect(gitlab.contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"))
        #expect(gitlab.contains("      - public\n"))
        // The new site still builds as it is, and `check` agrees.
        let check = try CIFormatTests.run(["check"], in: root)
        #expect(check.status == 0)
    }

    @Test(arguments: [
        ("none", false, false), ("github", true, false), ("gitlab", false, true), ("both", true, true),
    ])
    func ciChoosesTheFiles(choice: String, github: Bool, gitlab: Bool) throws {
        let (root, status) = try Self.new(["--ci", choice])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(status == 0)
        #expect((Self.read(root, ".github/workflows/scorecards.yml") != nil) == github)
        #expect((Self.read(root, ".gitlab-ci.yml") != nil) == gitlab)
        #expect(Self.read(root, ".gitignore") != nil)
    }

    @Test func anUnknownChoiceIsWrongUsage() throws {
        let (root, status) = try Self.new(["--ci", "jenkins"])
        #expect(status == 2)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func theEmbeddedCIFilesMatchTheFilesInTheRepository() throws {
        let starter = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CityscoreBuiltIn/starter")
        for (name, embedded) in [
            ("scorecards.yml", StarterResources.githubWorkflow), ("gitlab-ci.yml", StarterResources.gitlabCI),
            ("gitignore", StarterResources.gitignore),
        ] {
            let onDisk = try String(contentsOf: starter.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk == embedded, "Sources/CityscoreBuiltIn/starter/\(name) changed: run .ci/embed-resources")
        }
    }
}

/// The version `cityscore --version` prints, which the CI files pin.
enum CityscoreVersion {
    static var current: String {
        get throws {
            let binary = try #require(CityscoreBinary.path)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--version"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
